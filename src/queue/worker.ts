/**
 * `speechclean worker`: BullMQ workers for the page jobs (cleaned on worker threads with the code `run` uses, so the
 * event loop stays free to renew job locks) and for the batch jobs (the batch phase, which writes the manifest).
 * A worker killed mid-page loses nothing: its lock expires, another worker takes the job back as stalled and cleans
 * the page again; outputs are renamed into place, so a half-written record never exists.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { type Job, Queue, type RedisOptions, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import type { Config, UserConfig } from '../config.js';
import { cleanInto, describe, finishOutputs, lazyCleaner, pageKey, readPage } from '../run/batch.js';
import { Manifest, configHash, pipelineVersion } from '../run/manifest.js';
import { type BatchDone, type BatchJob, type JobBase, type PageDone, type PageJob, batchQueueName } from './jobs.js';

export interface WorkerOptions {
  redis: RedisOptions;
  queue: string;
  /** Pages cleaned at once (worker threads). */
  concurrency: number;
  /** How long a dead worker's job stays locked before another worker takes it over. */
  stallSeconds: number;
  config: Config;
  configFile?: string | undefined;
  overrides?: UserConfig;
  log: (line: string) => void;
}

export interface QueueWorker {
  /** Waits for the jobs in hand (or, forced, leaves them to be taken over), then closes connections and threads. */
  close(force?: boolean): Promise<void>;
  /** Resolves with a reason when the worker stopped itself (a job made with another config or version). */
  stopped: Promise<string>;
}

/** Cleaning is a function of the bytes and the config; only an I/O error (an errno code) may pass on another try. */
function retryable(err: unknown): boolean {
  return /^E[A-Z]+$/.test(String((err as NodeJS.ErrnoException).code));
}

export function startWorker(options: WorkerOptions): QueueWorker {
  const { config, log } = options;
  const hash = configHash(config);
  const pipeline = pipelineVersion();
  const cleaner = lazyCleaner(options, options.concurrency, hash);
  let stop: (reason: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => (stop = resolve));

  /** A job made for another config or pipeline goes back to the queue for a worker that matches. */
  async function matching(job: Job<JobBase>, token: string | undefined): Promise<void> {
    const why =
      job.data.config !== hash
        ? `it was enqueued with config ${job.data.config}, this worker loaded ${hash} (start workers with enqueue's --config)`
        : job.data.pipeline !== pipeline
          ? `it was enqueued by speechclean ${job.data.pipeline}, this worker is ${pipeline} (run one version everywhere)`
          : undefined;
    if (!why) return;
    await job.moveToWait(token);
    stop(`job ${job.id} left in the queue: ${why}`);
    throw new WaitingError();
  }

  const common = { connection: options.redis, lockDuration: options.stallSeconds * 1000, stalledInterval: options.stallSeconds * 1000, name: `${hostname()}:${process.pid}` };
  const pageQueue = new Queue<PageJob>(options.queue, { connection: options.redis });

  const pages = new Worker<PageJob, PageDone>(
    options.queue,
    async (job, token) => {
      await matching(job, token);
      const { data } = job;
      try {
        const bytes = await readPage(resolve(data.cwd, data.path));
        const entry = await cleanInto(data.out, data, bytes, pageKey(data.path, bytes, hash, pipeline), cleaner.clean);
        return { name: data.name, entry };
      } catch (err) {
        throw retryable(err) ? new Error(describe(err)) : new UnrecoverableError(describe(err));
      }
    },
    { ...common, concurrency: options.concurrency },
  );

  const batches = new Worker<BatchJob, BatchDone>(
    batchQueueName(options.queue),
    async (job, token) => {
      await matching(job, token);
      const { data } = job;
      const manifest = await Manifest.load(data.out);
      const done = Object.values(await job.getChildrenValues<PageDone>());
      for (const { name, entry } of done) manifest.set(name, entry);
      // Failed pages lose their manifest entry, as in a local run.
      const failures = Object.keys(await job.getIgnoredChildrenFailures());
      for (const key of failures) {
        const child = await pageQueue.getJob(key.slice(key.lastIndexOf(':') + 1));
        if (child) manifest.delete(child.data.name);
      }
      const names = [...data.current.filter((name) => manifest.get(name)), ...done.map((d) => d.name)];
      const phase = await finishOutputs(data.out, names, config, manifest, cleaner.clean, data.cwd);
      return { ...phase, cleaned: done.length, failed: failures.length };
    },
    { ...common, concurrency: 1 },
  );

  pages.on('failed', (job, err) => {
    if (!job) return;
    const last = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    log(`speechclean: ${job.data.path}: ${err.message}${last ? '' : ' (will retry)'}`);
  });
  batches.on('completed', (job, r) => {
    log(`speechclean: batch for ${job.data.out}: ${r.cleaned} pages cleaned, ${r.failed} failed; batch phase: ${r.recleaned} re-cleaned, ${r.relinked} relinked`);
  });
  batches.on('failed', (job, err) => log(`speechclean: batch for ${job?.data.out}: ${err.message}`));
  for (const w of [pages, batches]) w.on('error', (err) => log(`speechclean: queue: ${err.message}`));

  return {
    stopped,
    async close(force = false) {
      await Promise.all([pages.close(force), batches.close(force)]);
      await Promise.all([pageQueue.close(), cleaner.close()]);
    },
  };
}
