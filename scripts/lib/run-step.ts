import { spawn } from 'node:child_process';

export type Environment = Record<string, string | undefined>;

/** Runs a command with inherited output; resolves with its exit code (never rejects). */
export function run(command: string, args: string[], environment: Environment = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...environment } });
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Runs a command with its stdout and stderr kept, interleaved as written, for a stage that runs
 * alongside another and prints its output when it ends. Resolves with its exit code and output.
 */
export function runCaptured(
  command: string,
  args: string[],
  environment: Environment = {},
): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...environment },
    });
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const output = () => Buffer.concat(chunks).toString('utf8');
    child.on('error', (error) => resolve({ exitCode: 127, output: `${output()}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 1 : 0), output: output() }));
  });
}
