import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
  /** postgres://postgres:postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Fast shutdown (SIGINT): open connections are terminated, the data stays on disk. */
  stop(): Promise<void>;
  /** Starts the server again on the same port and data folder after `stop`. */
  start(): Promise<void>;
  /** Stops the server and deletes its data folder. */
  destroy(): Promise<void>;
}

/** The uid and gid of the `postgres` OS user: PostgreSQL refuses to run as root. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * Creates a private PostgreSQL 15 cluster (initdb) in a temporary folder owned by `postgres` and
 * runs it on a free port of 127.0.0.1, so that a test can stop and restart its database without
 * touching the shared server on 5432.
 */
export async function startPostgresServer(): Promise<TestPostgres> {
  const user = postgresUser();
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-pg-'));
  chownSync(dir, user.uid, user.gid);
  const dataDir = path.join(dir, 'data');
  const passwordFile = path.join(dir, 'password');
  execFileSync('sh', ['-c', `printf postgres > '${passwordFile}'`], { uid: user.uid, gid: user.gid });
  execFileSync(path.join(BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=md5', `--pwfile=${passwordFile}`, '-E', 'UTF8', '--no-instructions'], {
    uid: user.uid,
    gid: user.gid,
    stdio: 'pipe',
    env: { PATH: process.env.PATH ?? '', LC_ALL: 'C.UTF-8' },
  });
  const port = await freePort();
  const run = () => spawnPostgres(dataDir, dir, port, user);
  let child = await run();
  const stop = () => stopProcess(child);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    async start() {
      if (child.exitCode === null && child.signalCode === null) throw new Error('postgres is still running');
      child = await run();
    },
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function spawnPostgres(dataDir: string, socketDir: string, port: number, user: { uid: number; gid: number }): Promise<ChildProcess> {
  const child = spawn(
    path.join(BIN, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=50'],
    { uid: user.uid, gid: user.gid, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', LC_ALL: 'C.UTF-8' } },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`postgres did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`postgres could not be started: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`postgres exited with ${code}:\n${output}`));
    });
  });
  return child;
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}
