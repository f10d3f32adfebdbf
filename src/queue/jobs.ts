/**
 * The jobs of a distributed batch: a BullMQ flow whose parent, the batch job, runs the batch phase once every page
 * job (its children) is done. Page jobs go to the queue `<name>`, batch jobs to `<name>-batch`, so counts and
 * concurrency of the two stay apart.
 */
import type { ManifestEntry } from '../run/manifest.js';
import type { PhaseResult } from '../batch/phase.js';
import { sha256 } from '../run/manifest.js';

export const DEFAULT_QUEUE = 'speechclean';

export function batchQueueName(queue: string): string {
  return `${queue}-batch`;
}

/** What every job of a batch carries: where it runs and what it must be made with. */
export interface JobBase {
  /** Absolute output folder. */
  out: string;
  /** The folder page paths are relative to (enqueue's working directory): records keep paths as given. */
  cwd: string;
  /** Config hash and pipeline version the enqueuing side computed; a worker that differs does not take the job. */
  config: string;
  pipeline: string;
}

export interface PageJob extends JobBase {
  path: string;
  name: string;
  /** Size and sha256 of the page when enqueued (null when it could not be read then: the worker reports why). */
  bytes: number;
  input: string | null;
}

/** A page job's return value: its manifest entry, which the batch job applies. */
export interface PageDone {
  name: string;
  entry: ManifestEntry;
}

export interface BatchJob extends JobBase {
  /** Hash of the batch's pages (names, paths, input hashes), to recognise the same batch enqueued again. */
  batch: string;
  /** Pages whose outputs were current when enqueued: in the batch phase, not cleaned. */
  current: string[];
  /** Page jobs (children). */
  pages: number;
}

export interface BatchDone extends PhaseResult {
  cleaned: number;
  failed: number;
}

/** One batch job per output folder: its manifest has one writer at a time. */
export function batchJobId(out: string): string {
  return `batch-${sha256(out).slice(0, 32)}`;
}

/** The same page, content, config and pipeline for the same output folder: the same job. */
export function pageJobId(job: PageJob): string {
  return `page-${sha256(JSON.stringify([job.out, job.name, job.path, job.input, job.config, job.pipeline])).slice(0, 32)}`;
}
