import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { scenarioSchema, type Scenario, type ScenarioDefinition } from './scenario-schema.js';

/**
 * The fixtures' folder, found from the package: a server compiled into one file
 * (scripts/lib/server-bundle.ts) runs the emulator from elsewhere.
 */
const scenariosDirectory = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@whathead/tiktok-emulator/package.json')),
  'src/scenarios',
);

/** The fixtures shipped in this folder; each name reads as the case it lets you try. */
export const scenarioNames = [
  'default',
  'empty-business-center',
  'analyst-only',
  'agency-large',
  'large-ad-accounts',
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/** Loads a named fixture or validates an inline definition; a bad scenario fails with every problem listed. */
export function loadScenario(source: string | ScenarioDefinition): Scenario {
  const raw = typeof source === 'string' ? readFixture(source) : source;
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new ScenarioError(`Invalid scenario: ${problems.join('; ')}`);
  }
  return parsed.data;
}

function readFixture(name: string): unknown {
  if (!(scenarioNames as readonly string[]).includes(name)) {
    throw new ScenarioError(`Unknown scenario "${name}"; known: ${scenarioNames.join(', ')}`);
  }
  return JSON.parse(readFileSync(path.join(scenariosDirectory, `${name}.json`), 'utf8'));
}
