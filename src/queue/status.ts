/** `speechclean status`: what the queue holds, how fast pages go through, and which failed and why. */
import { Queue, type RedisOptions } from 'bullmq';
import { type BatchDone, type BatchJob, type PageDone, type PageJob, batchQueueName } from './jobs.js';

/** Recent pages the throughput is measured on, and failures listed. */
const RECENT = 100;
const FAILURES = 20;

export interface BatchStatus {
  out: string;
  state: string;
  /** Page jobs: done, failed, not finished yet. */
  done: number;
  failed: number;
  left: number;
  result?: BatchDone;
  error?: string;
}

export interface QueueStatus {
  /** `done` counts the pages of the batches in the queue (finished page jobs themselves are not all kept). */
  pages: { waiting: number; retrying: number; active: number; done: number; failed: number };
  batches: { waitingForPages: number; waiting: number; active: number; done: number; failed: number };
  /** Over the most recently finished pages: how many, from the first one's start to the last one's end. */
  throughput?: { pages: number; seconds: number };
  /** Names of the connected page workers (host:pid). */
  workers: string[];
  failures: { path: string; error: string }[];
  batchList: BatchStatus[];
}

export async function queueStatus(redis: RedisOptions, queue: string): Promise<QueueStatus> {
  const connection = { ...redis, maxRetriesPerRequest: 1 };
  const pages = new Queue<PageJob, PageDone>(queue, { connection });
  const batches = new Queue<BatchJob, BatchDone>(batchQueueName(queue), { connection });
  try {
    const [p, b, recent, failed, workers, batchJobs] = await Promise.all([
      pages.getJobCounts('wait', 'prioritized', 'delayed', 'active', 'failed'),
      batches.getJobCounts('waiting-children', 'wait', 'prioritized', 'delayed', 'active', 'completed', 'failed'),
      pages.getCompleted(0, RECENT - 1),
      pages.getFailed(0, FAILURES - 1),
      pages.getWorkers(),
      batches.getJobs(['waiting-children', 'wait', 'prioritized', 'delayed', 'active', 'completed', 'failed']),
    ]);
    const n = (x: number | undefined) => x ?? 0;
    const batchList = await Promise.all(
      batchJobs.map(async (job): Promise<BatchStatus> => {
        const children = await job.getDependenciesCount({ processed: true, ignored: true, unprocessed: true });
        const result = job.returnvalue ?? undefined;
        return { out: job.data.out, state: await job.getState(), done: n(children.processed), failed: n(children.ignored), left: n(children.unprocessed), result, error: job.failedReason || undefined };
      }),
    );
    const status: QueueStatus = {
      pages: { waiting: n(p.wait) + n(p.prioritized), retrying: n(p.delayed), active: n(p.active), done: batchList.reduce((sum, b) => sum + b.done, 0), failed: n(p.failed) },
      batches: { waitingForPages: n(b['waiting-children']), waiting: n(b.wait) + n(b.prioritized) + n(b.delayed), active: n(b.active), done: n(b.completed), failed: n(b.failed) },
      workers: workers.map((w) => String(w.rawname).replace(/^.*?:w:/, '')).sort(),
      failures: failed.map((job) => ({ path: job.data.path, error: job.failedReason })),
      batchList,
    };
    const timed = recent.filter((job) => job.processedOn && job.finishedOn);
    if (timed.length) {
      const start = Math.min(...timed.map((job) => job.processedOn!));
      const end = Math.max(...timed.map((job) => job.finishedOn!));
      status.throughput = { pages: timed.length, seconds: (end - start) / 1000 };
    }
    return status;
  } finally {
    await Promise.all([pages.close(), batches.close()]);
  }
}
