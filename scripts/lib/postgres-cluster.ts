import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where PostgreSQL's server binaries are: Debian keeps them off PATH under /usr/lib/postgresql/<major>/bin. */
export function findPostgresBinaries(): string | undefined {
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const majors = readdirSync(debianRoot)
      .filter((entry) => existsSync(path.join(debianRoot, entry, 'bin', 'initdb')))
      .sort((left, right) => Number(right) - Number(left));
    if (majors[0]) return path.join(debianRoot, majors[0], 'bin');
  }
  try {
    const onPath = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    return onPath ? path.dirname(onPath) : undefined;
  } catch {
    return undefined;
  }
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface PostgresCluster {
  url: string;
  stop(): void;
}

/**
 * A throwaway PostgreSQL cluster for one test run (stack-notes §2): trust auth on loopback, a
 * free port, its socket in its own data dir, durability off. PostgreSQL refuses to run as root,
 * so as root it runs as the `postgres` user that Debian's package creates.
 */
export async function startPostgresCluster(binaries: string): Promise<PostgresCluster> {
  const asRoot = process.getuid?.() === 0;
  const dataDirectory = mkdtempSync(path.join(tmpdir(), 'whathead-pg-'));
  const run = (command: string, args: string[]) => {
    const [file, fullArgs] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(binaries, command), ...args]]
      : [path.join(binaries, command), args];
    execFileSync(file, fullArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const group = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dataDirectory, Number(ids), Number(group));
  }
  const port = await freePort();
  run('initdb', ['-D', dataDirectory, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-k ${dataDirectory}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  run('pg_ctl', [
    '-D',
    dataDirectory,
    '-l',
    path.join(dataDirectory, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    settings,
    'start',
  ]);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', dataDirectory, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dataDirectory, { recursive: true, force: true });
      }
    },
  };
}
