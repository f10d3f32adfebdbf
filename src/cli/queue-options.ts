/**
 * What the queue commands (enqueue, worker, status) share: `--redis URL` and `--queue NAME`, checked before anything
 * else. BullMQ is imported only when such a command runs, so `run` starts without it.
 */
import type { RedisOptions } from 'bullmq';
import { DEFAULT_QUEUE } from '../queue/jobs.js';
import { CommandError, UsageError } from './command.js';

export const QUEUE_OPTIONS = {
  redis: { type: 'string' },
  queue: { type: 'string' },
} as const;

export const QUEUE_USAGE = `  --redis URL         the Redis server holding the queue: redis://[user:password@]host[:port][/db], rediss:// for TLS
  --queue NAME        queue name (default: speechclean); page jobs go to NAME, batch jobs to NAME-batch`;

export const REDIS_EXIT = 'A bad --redis URL is a usage error; Redis not answering within 5 s, a failure (1).';

export interface QueueTarget {
  redis: RedisOptions;
  queue: string;
}

export async function queueTarget(values: Record<string, unknown>): Promise<QueueTarget> {
  if (typeof values.redis !== 'string') throw new UsageError('--redis URL is required');
  const queue = typeof values.queue === 'string' ? values.queue : DEFAULT_QUEUE;
  // Redis keys are `bull:<queue>:…`: a colon would make them ambiguous.
  if (!/^[\w.-]+$/.test(queue)) throw new UsageError('--queue: letters, digits, _ . - only');
  const { RedisUnreachableError, RedisUrlError, checkedRedis } = await import('../queue/redis.js');
  try {
    return { redis: await checkedRedis(values.redis), queue };
  } catch (err) {
    if (err instanceof RedisUrlError) throw new UsageError(err.message);
    if (err instanceof RedisUnreachableError) throw new CommandError(err.message);
    throw err;
  }
}
