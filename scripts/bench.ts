/**
 * `npm run bench` runs every benchmark in scripts/benchmarks/; `npm run bench -- <name>` runs one.
 * Each runs in a process of its own, so one benchmark's memory, caches and threads never weigh on
 * the next; it prints its figures as it goes and ends with exactly one line
 * `BENCH <name> {json}`, which is what a machine should read. Figures are never asserted: they
 * depend on the machine and on what else it runs.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark } from './lib/benchmark.js';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'benchmarks');
const available = readdirSync(folder)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();

async function runOne(name: string): Promise<void> {
  const module = (await import(pathToFileURL(path.join(folder, `${name}.ts`)).href)) as {
    benchmark: Benchmark;
  };
  console.log(`${name}: ${module.benchmark.description}`);
  const figures = await module.benchmark.run();
  console.log(`BENCH ${name} ${JSON.stringify(figures)}`);
}

const [first, second] = process.argv.slice(2);
if (first === '--in-process' && second) {
  await runOne(second);
  // Whatever a benchmark left open (a pool, a timer) must not keep its process, and the run, alive.
  process.exit(0);
}

const requested = first ? [first] : available;
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`No benchmark named ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
  process.exit(2);
}
let failed = 0;
for (const name of requested) {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--in-process', name],
    {
      stdio: 'inherit',
    },
  );
  if (child.status !== 0) {
    failed += 1;
    console.error(`Benchmark ${name} failed (exit ${child.status ?? child.signal}).`);
  }
}
process.exit(failed === 0 ? 0 : 1);
