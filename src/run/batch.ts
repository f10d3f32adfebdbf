/**
 * A batch: read pages (p-limit bounds the pages in flight, and so file I/O and memory), clean each on a worker
 * thread or this one, write `<out>/<name>.json` atomically. Pages whose output is current per the manifest are
 * skipped. A page that fails (unreadable, empty, binary, too large) is reported and the others go on. Nothing here
 * grows with the batch but the list of input paths and the manifest: records go to disk as they are made, results
 * are tallied and handed to `onPage`.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import { Piscina } from 'piscina';
import type { Config, UserConfig } from '../config.js';
import { PageError } from '../pipeline.js';
import { baseLines, lineHash } from '../batch/fingerprint.js';
import { type PhaseIO, type PhaseResult, finishBatch } from '../batch/phase.js';
import { relinkFingerprint, relinkJson } from '../batch/relink.js';
import type { PageRecord } from '../record/schema.js';
import { type Cleaner, type CleanedPage, pageCleaner } from './clean.js';
import { expandInputs, missingReason, type PageInput } from './inputs.js';
import { Manifest, type ManifestEntry, type PageKey, configHash, pipelineVersion, sha256 } from './manifest.js';
import type { WorkerSetup, WorkerTask } from './worker.js';
import { writeAtomic } from './write.js';

export type { Cleaner, CleanedPage } from './clean.js';

/** Pages larger than this are refused (the tree of a 50 MB line would not fit the memory budget). */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

export interface PageResult {
  path: string;
  name: string;
  bytes: number;
  ok: boolean;
  /** The output was current (same input, config and pipeline): nothing was cleaned or written. */
  skipped?: boolean;
  error?: string;
  speeches?: number;
}

export interface BatchResult {
  /** What the batch phase did (cross-page repetition, duplicates). */
  phase?: PhaseResult;
  /** Names of this batch's records (`<out>/<name>.json`), cleaned or current. */
  outputs: string[];
  /** Pages and input problems seen. */
  pages: number;
  cleaned: number;
  skipped: number;
  failed: number;
  /** Speeches in the cleaned and skipped pages' records. */
  speeches: number;
  /** Input bytes cleaned (skipped pages not counted). */
  bytes: number;
  seconds: number;
}

export interface BatchOptions {
  config: Config;
  /** Where `config` came from; worker threads load it again from there. */
  configFile?: string | undefined;
  /** The command-line overrides applied on top of the config file. */
  overrides?: UserConfig;
  inputs: readonly string[];
  out: string;
  /** Clean every page even when its output is current. */
  force?: boolean;
  /** Cleans on this thread with the given function instead of per `config.workers`. */
  clean?: Cleaner;
  onPage?: (result: PageResult, done: number, total: number) => void;
}

/** Worker threads for `config.workers`: -1 is one per core, 0 none (clean on this thread). */
export function workerCount(config: Pick<Config, 'workers'>): number {
  return config.workers < 0 ? availableParallelism() : config.workers;
}

export interface CleanerHandle {
  clean: Cleaner;
  close(): Promise<void>;
}

/** What a cleaner needs to know about the config (worker threads load it again from the file). */
export type CleanerSetup = Pick<BatchOptions, 'config' | 'configFile' | 'overrides'>;

/** The compiled worker module. Run from the TypeScript sources (as tests do) there is none: pages are cleaned here. */
const WORKER = new URL('./worker.js', import.meta.url);

/** Plain objects, arrays, primitives and regular expressions only: what a structured clone copies faithfully. */
function plainData(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'symbol';
  if (value instanceof RegExp) return Object.getPrototypeOf(value) === RegExp.prototype && Object.keys(value).length === 0;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype) return false;
  return Object.getOwnPropertySymbols(value).length === 0 && Object.values(value).every(plainData);
}

function workerPool(options: CleanerSetup, threads: number, hash: string): CleanerHandle {
  const workerData: WorkerSetup = {
    configFile: options.configFile,
    overrides: options.overrides ?? {},
    cwd: process.cwd(),
    configHash: hash,
    config: plainData(options.config) ? options.config : undefined,
  };
  const pool = new Piscina<WorkerTask, CleanedPage>({
    filename: WORKER.href,
    minThreads: threads,
    maxThreads: threads,
    // A young generation of 24 MB costs little time (the page tree outlives it anyway) and keeps threads small.
    resourceLimits: { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: options.config.workerHeapMb },
    // A second page waits in each worker, so a worker starts it as soon as the first is done instead of idling until
    // the main thread, busy reading and writing, hands it one.
    concurrentTasksPerWorker: 2,
    workerData,
  });
  let fallback: Cleaner | undefined;
  return {
    // The bytes are copied, not moved: a page that runs a worker out of memory is cleaned again here.
    clean: async (bytes, path, repeatedLines) => {
      try {
        return await pool.run({ bytes, path, repeatedLines });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw err;
        return (fallback ??= pageCleaner(options.config))(bytes, path, repeatedLines);
      }
    },
    close: () => pool.destroy(),
  };
}

/** A cleaner on `threads` worker threads (0: this thread), started on first use (a run with nothing to clean starts none). */
export function lazyCleaner(options: CleanerSetup, threads: number, hash: string): CleanerHandle {
  let handle: CleanerHandle | undefined;
  const start = (): CleanerHandle => {
    if (threads > 0 && existsSync(WORKER)) return workerPool(options, threads, hash);
    return { clean: pageCleaner(options.config), close: async () => {} };
  };
  return {
    clean: (bytes, path, repeatedLines) => (handle ??= start()).clean(bytes, path, repeatedLines),
    close: async () => handle?.close(),
  };
}

export async function readPage(path: string): Promise<Uint8Array> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw err.code === 'ENOENT' ? new PageError(missingReason(path)) : err;
  });
  if (info.isDirectory()) throw new PageError('is a directory, not a page file');
  // Reading a pipe or a device could block forever or never end.
  if (!info.isFile()) throw new PageError('not a regular file');
  if (info.size > MAX_PAGE_BYTES) throw new PageError(`too large (${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_PAGE_BYTES / 1048576} MB)`);
  return readFile(path);
}

/** A short reason for a page failure (no stack, no errno jargon). */
export function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'EISDIR') return 'is a directory, not a page file';
  return e.message ?? String(err);
}

/**
 * The batch phase's access to records: it re-cleans (with the batch's cleaner) or relinks a page's record, writes it
 * atomically and keeps the manifest entry in step (size and fingerprint), so the next run still skips it.
 * Source paths are as given on the command line, relative to `cwd`.
 */
function phaseIO(out: string, manifest: Manifest, clean: Cleaner, cwd: string): PhaseIO {
  const file = (name: string) => join(out, `${name}.json`);
  const read = async (name: string) => JSON.parse(await readFile(file(name), 'utf8')) as PageRecord;
  const store = async (name: string, page: CleanedPage) => {
    await writeAtomic(file(name), page.json);
    manifest.set(name, { ...manifest.get(name)!, bytes: page.json.length, speeches: page.speeches, fingerprint: page.fingerprint });
    return page.fingerprint;
  };
  return {
    async reclean(name, repeated) {
      const record = await read(name);
      const lines = baseLines(record).filter((k) => repeated.has(lineHash(k)));
      return store(name, await clean(await readPage(resolve(cwd, record.source.path)), record.source.path, lines));
    },
    async relink(name, links) {
      const fingerprint = relinkFingerprint(manifest.get(name)!.fingerprint, links);
      const json = relinkJson(await readFile(file(name)), fingerprint.speeches.map((s) => s.duplicateOf));
      return store(name, { json, speeches: fingerprint.speeches.length, fingerprint });
    },
  };
}

/** What an output made now from `data` is keyed by in the manifest. */
export function pageKey(path: string, data: Uint8Array, config: string, pipeline: string): PageKey {
  return { path, input: sha256(data), config, pipeline };
}

/** Cleans a page into `<out>/<name>.json` (atomically) and returns its manifest entry. */
export async function cleanInto(out: string, page: PageInput, data: Uint8Array, key: PageKey, clean: Cleaner): Promise<ManifestEntry> {
  const cleaned = await clean(data, page.path);
  await writeAtomic(join(out, `${page.name}.json`), cleaned.json);
  return { ...key, bytes: cleaned.json.length, speeches: cleaned.speeches, fingerprint: cleaned.fingerprint };
}

/** The batch phase over the named outputs (fingerprints from the manifest; re-cleans with `clean`), then the manifest saved. */
export async function finishOutputs(
  out: string,
  names: readonly string[],
  config: Config,
  manifest: Manifest,
  clean: Cleaner,
  cwd = process.cwd(),
): Promise<PhaseResult> {
  const phase = await finishBatch(
    names.map((name) => ({ name, fingerprint: manifest.get(name)!.fingerprint })),
    config,
    phaseIO(out, manifest, clean, cwd),
  );
  await manifest.save();
  return phase;
}

/** Runs `fn` on every item through `limit`, queueing lazily so that only the items in flight exist as promises. */
export async function forEachLimited<T>(items: Iterable<T>, limit: LimitFunction, fn: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  for (const item of items) {
    const task: Promise<void> = limit(fn, item).finally(() => running.delete(task));
    running.add(task);
    if (running.size >= limit.concurrency) await Promise.race(running);
  }
  await Promise.all(running);
}

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const { config } = options;
  const { pages, problems } = await expandInputs(options.inputs);
  const result: BatchResult = { outputs: [], pages: pages.length + problems.length, cleaned: 0, skipped: 0, failed: 0, speeches: 0, bytes: 0, seconds: 0 };
  let done = 0;
  const report = (page: PageResult) => {
    if (!page.ok) result.failed++;
    else if (page.skipped) result.skipped++;
    else {
      result.cleaned++;
      result.bytes += page.bytes;
    }
    result.speeches += page.speeches ?? 0;
    options.onPage?.(page, ++done, result.pages);
  };
  for (const p of problems) report({ path: p.path, name: '', bytes: 0, ok: false, error: p.error });

  const manifest = await Manifest.load(options.out);
  const hash = configHash(config);
  const pipeline = pipelineVersion();
  const cleaner: CleanerHandle = options.clean ? { clean: options.clean, close: async () => {} } : lazyCleaner(options, Math.min(workerCount(config), pages.length), hash);

  const one = async (page: PageInput): Promise<PageResult> => {
    let bytes = 0;
    try {
      const data = await readPage(page.path);
      bytes = data.length;
      const key = pageKey(page.path, data, hash, pipeline);
      const current = options.force ? undefined : await manifest.current(page.name, key);
      if (current) return { ...page, bytes, ok: true, skipped: true, speeches: current.speeches };
      const entry = await cleanInto(options.out, page, data, key, cleaner.clean);
      manifest.set(page.name, entry);
      return { ...page, bytes, ok: true, speeches: entry.speeches };
    } catch (err) {
      manifest.delete(page.name);
      return { ...page, bytes, ok: false, error: describe(err) };
    }
  };
  const written = result.outputs;
  try {
    await forEachLimited(pages, pLimit(Math.max(1, config.concurrency)), async (page) => {
      const r = await one(page);
      if (r.ok) written.push(page.name);
      report(r);
    });
    result.phase = await finishOutputs(options.out, written, config, manifest, cleaner.clean);
  } finally {
    await cleaner.close();
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
