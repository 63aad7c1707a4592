import { run, runCaptured, type Environment } from './run-step.js';
import type { StageTime } from './summary.js';

/** Where a stage writes: straight through, or kept until it can be printed in one piece. */
export interface StageOutput {
  log(line: string): void;
  run(command: string, args: string[], environment?: Environment): Promise<number>;
}

export interface Stage {
  /** Its name in the stage times. */
  name: string;
  /** Its banner. */
  title: string;
  work(output: StageOutput): Promise<void>;
}

const banner = (title: string) => `\n━━ ${title} ━━`;

const liveOutput: StageOutput = { log: (line) => console.log(line), run };

function keptOutput(lines: string[]): StageOutput {
  return {
    log: (line) => lines.push(line),
    async run(command, args, environment) {
      const { exitCode, output } = await runCaptured(command, args, environment);
      if (output) lines.push(output.replace(/\n$/, ''));
      return exitCode;
    },
  };
}

/**
 * Runs stages at the same time. The first prints as it goes; each other one keeps its output and
 * prints it under its own banner once the first has finished, so no two outputs interleave. A
 * stage that throws is reported through `onCrash` and does not stop the others. Each stage's
 * wall time is recorded, in the order given, with the stages it ran alongside.
 */
export async function runTogether(
  stages: Stage[],
  options: { record(time: StageTime): void; onCrash(stage: string, error: unknown): void },
): Promise<void> {
  const names = stages.map((stage) => stage.name);
  const alongside = (name: string) => names.filter((other) => other !== name);
  const runs = stages.map((stage, index) => {
    const lines: string[] = [];
    const output = index === 0 ? liveOutput : keptOutput(lines);
    if (index === 0) {
      const others = alongside(stage.name);
      console.log(banner(others.length ? `${stage.title} (alongside ${others.join(', ')})` : stage.title));
    }
    const started = Date.now();
    const done = stage
      .work(output)
      .catch((error: unknown) => {
        output.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
        options.onCrash(stage.name, error);
      })
      .then(() => Date.now() - started);
    return { stage, lines, done };
  });
  const durations: number[] = [];
  for (const [index, { stage, lines, done }] of runs.entries()) {
    durations.push(await done);
    if (index === 0) continue;
    console.log(banner(`${stage.title} (ran alongside ${runs[0]!.stage.name})`));
    for (const line of lines) console.log(line);
  }
  for (const [index, { stage }] of runs.entries()) {
    const others = alongside(stage.name);
    options.record({
      stage: stage.name,
      milliseconds: durations[index]!,
      ...(others.length ? { alongside: others } : {}),
    });
  }
}
