/**
 * A throwaway Redis for the queue test and benchmark: the system's redis-server on 127.0.0.1, on a free port, in its
 * own folder, persisting nothing; stopped by `stop()`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

export const REDIS_SERVER = 'redis-server';

export function hasRedisServer(): boolean {
  return spawnSync(REDIS_SERVER, ['--version'], { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(dir: string): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  let spawnError: Error | undefined;
  child.on('error', (err) => (spawnError = err));
  const exited = once(child, 'exit');
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    client.on('error', () => {});
    const ok = await client.connect().then(() => client.ping()).then(() => true, () => false);
    if (client.status !== 'end') client.disconnect();
    if (ok) break;
    if (spawnError) throw new Error(`cannot start ${REDIS_SERVER}: ${spawnError.message}`);
    if (attempt === 100 || child.exitCode !== null) {
      child.kill();
      throw new Error(`${REDIS_SERVER} did not start on port ${port}`);
    }
    await sleep(50);
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
