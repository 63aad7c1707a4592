import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runTogether } from './stages.js';
import type { StageTime } from './summary.js';

describe('stages run together', () => {
  it('prints the first as it goes and each other one in one piece after it, and records every time', async (context) => {
    const printed: string[] = [];
    context.mock.method(console, 'log', (line: string) => printed.push(line));
    const times: StageTime[] = [];
    let releaseFirst!: () => void;
    const firstMayEnd = new Promise<void>((resolve) => (releaseFirst = resolve));
    await runTogether(
      [
        {
          name: 'check',
          title: 'check',
          work: async (output) => {
            output.log('check: started');
            await firstMayEnd;
            output.log('check: done');
          },
        },
        {
          name: 'build',
          title: 'web build',
          work: async (output) => {
            output.log('build: started');
            assert.equal(await output.run(process.execPath, ['-e', 'console.log("from the child")']), 0);
            releaseFirst();
          },
        },
      ],
      { record: (time) => times.push(time), onCrash: () => assert.fail('nothing crashed') },
    );
    assert.deepEqual(printed, [
      '\n━━ check (alongside build) ━━',
      'check: started',
      'check: done',
      '\n━━ web build (ran alongside check) ━━',
      'build: started',
      'from the child',
    ]);
    assert.deepEqual(
      times.map(({ stage, alongside }) => ({ stage, alongside })),
      [
        { stage: 'check', alongside: ['build'] },
        { stage: 'build', alongside: ['check'] },
      ],
    );
  });

  it('reports a stage that throws, and still runs the others to the end', async (context) => {
    context.mock.method(console, 'log', () => undefined);
    const crashed: string[] = [];
    let otherFinished = false;
    await runTogether(
      [
        { name: 'node tests', title: 'node tests', work: async () => void (otherFinished = true) },
        {
          name: 'database start',
          title: 'database',
          work: async () => {
            throw new Error('initdb failed');
          },
        },
      ],
      {
        record: () => undefined,
        onCrash: (stage, error) => crashed.push(`${stage}: ${(error as Error).message}`),
      },
    );
    assert.deepEqual(crashed, ['database start: initdb failed']);
    assert.equal(otherFinished, true);
  });
});
