/**
 * A batch: read pages (p-limit bounds files in flight), clean each, write `<out>/<name>.json` atomically. A page
 * that fails (unreadable, empty, binary, too large) is reported and the others go on.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { Config } from '../config.js';
import { cleanPage, createProcessor, PageError } from '../pipeline.js';
import type { PageRecord } from '../record/schema.js';
import { expandInputs, missingReason, type PageInput } from './inputs.js';
import { serialize, writeAtomic } from './write.js';

/** Pages larger than this are refused (the tree of a 50 MB line would not fit the memory budget). */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

export type Cleaner = (bytes: Uint8Array, path: string) => Promise<PageRecord> | PageRecord;

export interface PageResult {
  path: string;
  name: string;
  bytes: number;
  ok: boolean;
  error?: string;
  speeches?: number;
}

export interface BatchResult {
  pages: PageResult[];
  failed: number;
  bytes: number;
  seconds: number;
}

export interface BatchOptions {
  config: Config;
  inputs: readonly string[];
  out: string;
  /** Defaults to cleaning on this thread. */
  clean?: Cleaner;
  onPage?: (result: PageResult, done: number, total: number) => void;
}

export function inProcessCleaner(config: Config): Cleaner {
  const processor = createProcessor(config);
  return (bytes, path) => cleanPage(processor, bytes, path, config);
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

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const { pages, problems } = await expandInputs(options.inputs);
  const clean = options.clean ?? inProcessCleaner(options.config);
  const limit = pLimit(Math.max(1, options.config.concurrency));
  const total = pages.length + problems.length;
  let done = 0;
  const results: PageResult[] = problems.map((p) => ({ path: p.path, name: '', bytes: 0, ok: false, error: p.error }));
  for (const r of results) options.onPage?.(r, ++done, total);

  const one = async (page: PageInput): Promise<PageResult> => {
    let bytes = 0;
    try {
      const data = await readPage(page.path);
      bytes = data.length;
      const record = await clean(data, page.path);
      await writeAtomic(join(options.out, `${page.name}.json`), serialize(record));
      return { ...page, bytes, ok: true, speeches: record.speeches.length };
    } catch (err) {
      return { ...page, bytes, ok: false, error: describe(err) };
    }
  };
  const cleaned = await Promise.all(
    pages.map((page) =>
      limit(async () => {
        const r = await one(page);
        options.onPage?.(r, ++done, total);
        return r;
      }),
    ),
  );
  results.push(...cleaned);
  return {
    pages: results,
    failed: results.filter((r) => !r.ok).length,
    bytes: results.reduce((n, r) => n + r.bytes, 0),
    seconds: (performance.now() - started) / 1000,
  };
}
