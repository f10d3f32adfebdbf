/**
 * One measured batch, run by `bench/run.ts` in a fresh process so that its peak RSS is its own. Reads a request
 * (JSON) from argv, runs `runBatch` as `speechclean run` does, prints the result (JSON) on stdout.
 *
 * - `byKind`: one core (main thread), each kind of page as its own batch, every pipeline step timed per kind.
 * - otherwise: the whole corpus (or its first `megabytes`) on `workers` threads, then again unchanged (all
 *   skipped) to time an incremental run.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { UserConfig } from '../src/config.js';
import { loadConfig } from '../src/load-config.js';
import { pageCleaner } from '../src/run/clean.js';
import { runBatch } from '../src/run/batch.js';
import { type Corpus, type CorpusPage, KINDS } from './corpus.js';

export interface MeasureRequest {
  /** Folder of a generated corpus (its index is `corpus.json`). */
  corpus: string;
  /** Use the corpus's first pages up to this size. */
  megabytes: number;
  byKind: boolean;
  workers: number;
  out: string;
}

export interface Run {
  kind: string;
  pages: number;
  bytes: number;
  seconds: number;
  /** CPU time of the whole process, worker threads included. */
  cpuSeconds: number;
}

export interface MeasureResult {
  runs: Run[];
  /** ms per step per kind (byKind only). */
  steps: Record<string, Record<string, number>>;
  /** The same batch again, nothing changed. */
  rerun: Run | null;
  peakRssMB: number;
}

function prefix(pages: CorpusPage[], megabytes: number): CorpusPage[] {
  const out: CorpusPage[] = [];
  let bytes = 0;
  for (const p of pages) {
    if (bytes >= megabytes * 1048576) break;
    out.push(p);
    bytes += p.bytes;
  }
  return out;
}

async function measure(request: MeasureRequest): Promise<MeasureResult> {
  const corpus = JSON.parse(readFileSync(join(request.corpus, 'corpus.json'), 'utf8')) as Corpus;
  const pages = prefix(corpus.pages, request.megabytes);
  const overrides: UserConfig = { out: request.out, workers: request.byKind ? 0 : request.workers };
  const config = await loadConfig(undefined, overrides);
  const batch = async (kind: string, files: CorpusPage[], extra: Partial<Parameters<typeof runBatch>[0]> = {}): Promise<Run> => {
    const cpu = process.cpuUsage();
    const r = await runBatch({ config, overrides, inputs: files.map((p) => p.file), out: request.out, force: true, ...extra });
    if (r.failed) throw new Error(`${r.failed} pages failed`);
    const used = process.cpuUsage(cpu);
    return { kind, pages: r.cleaned + r.skipped, bytes: files.reduce((n, p) => n + p.bytes, 0), seconds: r.seconds, cpuSeconds: (used.user + used.system) / 1e6 };
  };
  const result: MeasureResult = { runs: [], steps: {}, rerun: null, peakRssMB: 0 };
  if (request.byKind) {
    let kind = '';
    let record = false;
    const clean = pageCleaner(config, (step, ms) => {
      if (!record) return;
      const row = (result.steps[step] ??= {});
      row[kind] = (row[kind] ?? 0) + ms;
    });
    const kinds = KINDS.filter((k) => pages.some((p) => p.kind === k));
    // Warm up the JIT on a few pages of each kind before timing.
    await batch('warm-up', kinds.flatMap((k) => pages.filter((p) => p.kind === k).slice(0, 3)), { clean });
    record = true;
    for (const k of kinds) {
      kind = k;
      result.runs.push(await batch(k, pages.filter((p) => p.kind === k), { clean }));
    }
  } else {
    result.runs.push(await batch('all', pages));
    result.rerun = await batch('all', pages, { force: false });
  }
  rmSync(request.out, { recursive: true, force: true });
  result.peakRssMB = process.resourceUsage().maxRSS / 1024;
  return result;
}

const request = JSON.parse(process.argv[2] ?? '{}') as MeasureRequest;
process.stdout.write(`${JSON.stringify(await measure(request))}\n`);
