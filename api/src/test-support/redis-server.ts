import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from './free-port';

export interface TestRedis {
  url: string;
  /** Stops the server (its data is gone: it keeps nothing on disk). */
  stop(): Promise<void>;
  /** Starts a new server on the same port after `stop` (a Redis that was down and comes back). */
  start(): Promise<void>;
}

/** Starts a private, non-persistent Debian `redis-server` on a free port (no shared state between tests). */
export async function startRedisServer(): Promise<TestRedis> {
  const port = await freePort();
  let child = await spawnRedisServer(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => stopProcess(child),
    async start() {
      if (child.exitCode === null) throw new Error('redis-server is still running');
      child = await spawnRedisServer(port);
    },
  };
}

async function spawnRedisServer(port: number): Promise<ChildProcess> {
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`redis-server could not be started (is the redis-server package installed?): ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return child;
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
