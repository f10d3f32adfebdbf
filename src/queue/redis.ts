/**
 * The Redis behind the queue: `--redis URL` parsed into ioredis options, and a ping before anything else, because
 * ioredis retries a connection forever by default and a command would hang on a server that is not there.
 */
import type { RedisOptions } from 'bullmq';
import { Redis } from 'ioredis';

/** A `--redis` value that is not a Redis URL (exit code 2). */
export class RedisUrlError extends Error {}

/** The server did not answer (exit code 1). */
export class RedisUnreachableError extends Error {}

const CONNECT_TIMEOUT_MS = 5000;

/** `redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS. */
export function redisOptions(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisUrlError(`--redis: not a URL: ${url} (expected redis://host:port)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new RedisUrlError(`--redis: ${parsed.protocol} is not redis: or rediss:`);
  if (!parsed.hostname) throw new RedisUrlError(`--redis: no host in ${redacted(url)}`);
  const db = parsed.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new RedisUrlError(`--redis: the path must be a database number, not /${db}`);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username && { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password && { password: decodeURIComponent(parsed.password) }),
    ...(db && { db: Number(db) }),
    ...(parsed.protocol === 'rediss:' && { tls: {} }),
    connectTimeout: CONNECT_TIMEOUT_MS,
  };
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return url;
  }
}

/** Options for the queue's own connections, once the server has answered a ping. */
export async function checkedRedis(url: string): Promise<RedisOptions> {
  const options = redisOptions(url);
  // One try, no offline queue, and a deadline: an unreachable or silent server fails the ping instead of being retried
  // (ioredis's connectTimeout ends at the TCP connection; a server that accepts and never answers would hang).
  // A silent server never closes its side either: the socket is destroyed as soon as it is ended.
  const probe = new Redis({ ...options, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null, disconnectTimeout: 0 });
  let cause: Error | undefined;
  probe.on('error', (err: Error) => (cause ??= err));
  const answered = probe.connect().then(() => probe.ping());
  answered.catch(() => {}); // settled after the deadline, if at all
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
  });
  try {
    await Promise.race([answered, deadline]);
  } catch (err) {
    throw new RedisUnreachableError(`cannot reach Redis at ${redacted(url)}: ${(cause ?? (err as Error)).message}`);
  } finally {
    clearTimeout(timer);
    // A client that gave up has ended already.
    if (probe.status !== 'end') probe.disconnect();
  }
  return options;
}
