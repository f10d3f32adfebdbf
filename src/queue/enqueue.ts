/**
 * `speechclean enqueue`: the batch as a BullMQ flow, one page job per page whose output is not current (the same
 * manifest rules as a local run) under one batch job that runs the batch phase once they are all done.
 */
import { resolve } from 'node:path';
import { FlowProducer, type JobsOptions, Queue, type RedisOptions } from 'bullmq';
import pLimit from 'p-limit';
import type { Config } from '../config.js';
import { forEachLimited, pageKey, readPage } from '../run/batch.js';
import { expandInputs, type InputProblem } from '../run/inputs.js';
import { Manifest, configHash, pipelineVersion, sha256 } from '../run/manifest.js';
import { type BatchJob, type JobBase, type PageJob, batchJobId, batchQueueName, pageJobId } from './jobs.js';

/** Another batch for the same output folder is still running (exit code 1). */
export class QueueBusyError extends Error {}

export interface EnqueueOptions {
  redis: RedisOptions;
  queue: string;
  config: Config;
  inputs: readonly string[];
  out: string;
}

export interface EnqueueResult {
  pages: number;
  /** Page jobs added. */
  enqueued: number;
  /** Pages whose output is current: no job. */
  current: number;
  problems: InputProblem[];
  /**
   * queued: a new batch; pending: the same batch is already in the queue; done: it ran and every page is current;
   * empty: no pages.
   */
  state: 'queued' | 'pending' | 'done' | 'empty';
  batchId: string;
}

// A page may fail on a passing I/O problem: retried with backoff; one that keeps failing does not hold the batch.
// Its result (the manifest entry) is kept by the batch job: finished page jobs past the last 1000 are dropped.
const PAGE_JOB: JobsOptions = { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ignoreDependencyOnFailure: true, removeOnComplete: { count: 1000 } };
const BATCH_JOB: JobsOptions = { attempts: 3, backoff: { type: 'exponential', delay: 5000 } };

export async function enqueueBatch(options: EnqueueOptions): Promise<EnqueueResult> {
  const { config } = options;
  const cwd = process.cwd();
  const out = resolve(cwd, options.out);
  const { pages, problems } = await expandInputs(options.inputs, cwd);
  const batchId = batchJobId(out);
  if (!pages.length) return { pages: 0, enqueued: 0, current: 0, problems, state: 'empty', batchId };
  const manifest = await Manifest.load(out);
  const base: JobBase = { out, cwd, config: configHash(config), pipeline: pipelineVersion() };
  // The worker reads an unreadable page again and fails its job with the reason, as a local run fails the page.
  const seen = new Map<string, { bytes: number; input: string | null; current: boolean }>();
  await forEachLimited(pages, pLimit(Math.max(1, config.concurrency)), async (page) => {
    const data = await readPage(page.path).catch(() => undefined);
    if (!data) return void seen.set(page.name, { bytes: 0, input: null, current: false });
    const key = pageKey(page.path, data, base.config, base.pipeline);
    seen.set(page.name, { bytes: data.length, input: key.input, current: !!(await manifest.current(page.name, key)) });
  });
  // In input order (sorted by path), whatever order the reads finished in.
  const jobs: PageJob[] = [];
  const current: string[] = [];
  for (const page of pages) {
    const { bytes, input, current: isCurrent } = seen.get(page.name)!;
    if (isCurrent) current.push(page.name);
    else jobs.push({ ...base, ...page, bytes, input });
  }
  const batch = sha256(JSON.stringify([base, pages.map((p) => [p.name, p.path, seen.get(p.name)!.input])]));
  const data: BatchJob = { ...base, batch, current, pages: jobs.length };
  const result = { pages: pages.length, enqueued: 0, current: current.length, problems, batchId };

  const connection = { ...options.redis, maxRetriesPerRequest: 1 };
  const batches = new Queue<BatchJob>(batchQueueName(options.queue), { connection });
  const flows = new FlowProducer({ connection });
  try {
    const previous = await batches.getJob(batchId);
    if (previous) {
      const state = await previous.getState();
      const finished = state === 'completed' || state === 'failed';
      const same = previous.data.batch === batch;
      if (!finished) {
        if (same) return { ...result, state: 'pending' };
        throw new QueueBusyError(`another batch for ${out} is still in queue ${options.queue} (${state}): enqueue again once it is done`);
      }
      if (same && state === 'completed' && !jobs.length) return { ...result, state: 'done' };
      // The batch job and its page jobs from last time: their ids are reused, and the new batch reports alone.
      await previous.remove({ removeChildren: true });
    }
    await flows.add({
      name: 'batch',
      queueName: batchQueueName(options.queue),
      data,
      opts: { ...BATCH_JOB, jobId: batchId },
      children: jobs.map((job) => ({ name: 'page', queueName: options.queue, data: job, opts: { ...PAGE_JOB, jobId: pageJobId(job) } })),
    });
    return { ...result, enqueued: jobs.length, state: 'queued' };
  } finally {
    await Promise.all([batches.close(), flows.close()]);
  }
}
