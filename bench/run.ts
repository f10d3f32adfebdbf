/**
 * `npm run bench [-- --size MB --mix simplified=35,traditional=20,… --workers N --scales 50,100,200 --seed N]`
 * (or BENCH_SIZE / BENCH_MIX / BENCH_WORKERS / BENCH_SCALES / BENCH_SEED): generates a corpus from seeds/, then
 * measures, each batch in its own process:
 * - per pipeline step (STAGES included) and per kind of page, on one core, warm;
 * - end to end, cold as a real run: on one core, and on `workers` threads at each scale, with peak RSS;
 * - an unchanged re-run (every page skipped);
 * and, in this process, two anchors: opencc-js tw→cn alone on the traditional pages, and the floor (read + UTF-8
 * decode + line split). Targets are reported, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as OpenCC from 'opencc-js/core';
import * as t2cn from 'opencc-js/preset/t2cn';
import { decodeBytes } from '../src/decode/decode.js';
import { STAGES } from '../src/pipeline.js';
import { type Corpus, DEFAULT_MIX, KINDS, ensureCorpus, parseMix } from './corpus.js';
import type { MeasureRequest, MeasureResult, Run } from './measure.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MB = 1048576;

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: process.env.BENCH_SIZE ?? '200' },
    mix: { type: 'string', default: process.env.BENCH_MIX },
    workers: { type: 'string', default: process.env.BENCH_WORKERS ?? '2' },
    scales: { type: 'string', default: process.env.BENCH_SCALES },
    seed: { type: 'string', default: process.env.BENCH_SEED ?? '1' },
  },
});
const size = Number(values.size);
const workers = Number(values.workers);
const scales = values.scales ? values.scales.split(',').map(Number) : [size / 4, size / 2, size];
if (!(size > 0) || !(workers > 0) || scales.some((s) => !(s > 0 && s <= size))) throw new Error('--size and --workers must be positive; --scales at most --size');
const mix = values.mix ? parseMix(values.mix) : DEFAULT_MIX;

function measure(request: Omit<MeasureRequest, 'corpus' | 'out'>, corpus: Corpus): MeasureResult {
  const full: MeasureRequest = { ...request, corpus: corpus.dir, out: join(ROOT, '.bench', `out-${process.pid}`) };
  const child = spawnSync(process.execPath, [join(ROOT, 'dist/bench/measure.js'), JSON.stringify(full)], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * MB });
  if (child.status !== 0) throw new Error(`measurement failed (exit ${child.status})`);
  return JSON.parse(child.stdout) as MeasureResult;
}

async function floor(corpus: Corpus): Promise<number> {
  const decoder = new TextDecoder();
  let lines = 0;
  const started = performance.now();
  for (const page of corpus.pages) lines += decoder.decode(await readFile(page.file)).split('\n').length;
  return lines > 0 ? (performance.now() - started) / 1000 : 0;
}

/** opencc-js alone, one converter reused, on each traditional page's decoded text (decoding not timed). */
async function openccAlone(corpus: Corpus): Promise<Run> {
  const convert = OpenCC.ConverterBuilder(t2cn)({ from: 'tw', to: 'cn' });
  const pages = corpus.pages.filter((p) => p.kind === 'traditional');
  let ms = 0;
  for (const page of pages) {
    const text = decodeBytes(await readFile(page.file)).text;
    const started = performance.now();
    convert(text);
    ms += performance.now() - started;
  }
  return { kind: 'traditional', pages: pages.length, bytes: pages.reduce((n, p) => n + p.bytes, 0), seconds: ms / 1000, cpuSeconds: ms / 1000 };
}

const mbps = (bytes: number, seconds: number) => (seconds > 0 ? bytes / MB / seconds : Infinity);
const num = (x: number) => (!Number.isFinite(x) ? '–' : x >= 1000 ? '>999' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ratio = (x: number) => `${x.toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

function stepTable(result: MeasureResult): string {
  const runs = result.runs;
  const kinds = runs.map((r) => r.kind);
  const steps = ['decode', 'parse', ...STAGES.map((s) => s.name), 'compile', 'serialize'];
  const stepMs = (step: string, kind: string) => result.steps[step]?.[kind] ?? 0;
  const total = runs.reduce((n, r) => n + r.seconds, 0);
  const bytes = runs.reduce((n, r) => n + r.bytes, 0);
  const pages = runs.reduce((n, r) => n + r.pages, 0);
  const rows: string[][] = [['step (MB/s)', ...kinds, 'all', 'pages/s', 'share']];
  const row = (name: string, seconds: (r: Run) => number) => {
    const all = runs.reduce((n, r) => n + seconds(r), 0);
    rows.push([name, ...runs.map((r) => num(mbps(r.bytes, seconds(r)))), num(mbps(bytes, all)), num(all > 0 ? pages / all : Infinity), `${((all / total) * 100).toFixed(1)}%`]);
  };
  for (const step of steps) row(step, (r) => stepMs(step, r.kind) / 1000);
  row('read, write, queue', (r) => r.seconds - steps.reduce((n, s) => n + stepMs(s, r.kind), 0) / 1000);
  row('end to end', (r) => r.seconds);
  return table(rows);
}

const corpusStarted = performance.now();
const corpus = ensureCorpus({ cacheDir: join(ROOT, '.bench', 'corpus'), megabytes: size, mix, seed: Number(values.seed) });
const kindBytes = KINDS.map((k) => [k, corpus.pages.filter((p) => p.kind === k).reduce((n, p) => n + p.bytes, 0)] as const).filter(([, b]) => b > 0);
console.log(
  `speechclean bench: ${(corpus.bytes / MB).toFixed(1)} MB, ${corpus.pages.length} pages (${kindBytes.map(([k, b]) => `${k} ${((b / corpus.bytes) * 100).toFixed(0)}%`).join(', ')}); ` +
    `Node ${process.versions.node}, ${availableParallelism()} cores; corpus ready in ${((performance.now() - corpusStarted) / 1000).toFixed(1)} s`,
);

// Other processes on the machine slow every wall-clock number below (CPU-seconds much less so).
const busy = () => `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
console.log(`before measuring: ${busy()}`);
const floorSeconds = await floor(corpus);
const opencc = await openccAlone(corpus);
// Per step and kind: warm (after a few pages of each kind), one batch per kind. End to end: cold, like a real run.
const byKind = measure({ megabytes: size, byKind: true, workers: 0 }, corpus);
const oneCore = measure({ megabytes: size, byKind: false, workers: 0 }, corpus);
const scaled = scales.map((megabytes) => ({ megabytes, result: measure({ megabytes, byKind: false, workers }, corpus) }));
const multi = scaled[scaled.length - 1]!.result;

const sum = (runs: Run[]) =>
  runs.reduce((a, r) => ({ bytes: a.bytes + r.bytes, pages: a.pages + r.pages, seconds: a.seconds + r.seconds, cpuSeconds: a.cpuSeconds + r.cpuSeconds }), { bytes: 0, pages: 0, seconds: 0, cpuSeconds: 0 });
const one = sum(oneCore.runs);
const many = sum(multi.runs);
const oneMbps = mbps(one.bytes, one.seconds);
const manyMbps = mbps(many.bytes, many.seconds);
const floorMbps = mbps(corpus.bytes, floorSeconds);
const openccMbps = mbps(opencc.bytes, opencc.seconds);
const runOf = (kind: string) => byKind.runs.find((r) => r.kind === kind);
const simplified = runOf('simplified');
const traditional = runOf('traditional');
const tradMbps = traditional ? mbps(traditional.bytes, traditional.seconds) : NaN;

console.log(`after measuring: ${busy()}`);
console.log(`\nOne core (workers 0), warm, per step and kind of page:\n${stepTable(byKind)}`);
console.log(
  `\nAnchors (same corpus, this run):\n${table([
    ['', 'MB/s', 'pipeline, 1 core, vs it'],
    ['floor: read + UTF-8 decode + line split', num(floorMbps), ratio(mbps(sum(byKind.runs).bytes, sum(byKind.runs).seconds) / floorMbps)],
    ['opencc-js tw→cn alone, traditional pages', num(openccMbps), traditional ? ratio(tradMbps / openccMbps) : '–'],
  ])}`,
);
console.log(
  `\nEnd to end:\n${table([
    ['', 'MB/s', 'pages/s', 'vs 1 core', 'MB per CPU-s', 'peak RSS'],
    [`1 core (workers 0), ${size} MB`, num(oneMbps), num(one.pages / one.seconds), ratio(1), num(mbps(one.bytes, one.cpuSeconds)), `${oneCore.peakRssMB.toFixed(0)} MB`],
    ...scaled.map(({ megabytes, result }) => {
      const s = sum(result.runs);
      const rate = mbps(s.bytes, s.seconds);
      return [`${workers} workers, ${megabytes} MB`, num(rate), num(s.pages / s.seconds), ratio(rate / oneMbps), num(mbps(s.bytes, s.cpuSeconds)), `${result.peakRssMB.toFixed(0)} MB`];
    }),
    [`re-run unchanged (all skipped), ${scales[scales.length - 1]} MB`, num(mbps(multi.rerun!.bytes, multi.rerun!.seconds)), num(multi.rerun!.pages / multi.rerun!.seconds), '', '', ''],
  ])}\n(workers 0 cleans on the main thread, whose heap V8 sizes by itself; worker threads have capped heaps.)`,
);
// The bound is the default run's (worker threads with capped heaps); on the main thread V8 sizes the heap itself.
const peak = Math.max(...scaled.map((s) => s.result.peakRssMB));
const scaleMbps = scaled.map(({ result }) => sum(result.runs)).map((s) => mbps(s.bytes, s.seconds));
console.log(
  `\nTargets (reported, not asserted):\n${table([
    ['simplified pages, 1 core ≥ 20 MB/s', simplified ? num(mbps(simplified.bytes, simplified.seconds)) : '–', simplified ? verdict(mbps(simplified.bytes, simplified.seconds) >= 20) : ''],
    ['traditional pages, 1 core ≥ 0.8× opencc-js alone', traditional ? ratio(tradMbps / openccMbps) : '–', traditional ? verdict(tradMbps / openccMbps >= 0.8) : ''],
    [`${workers} workers ≥ 1.8× 1 core`, ratio(manyMbps / oneMbps), verdict(manyMbps / oneMbps >= 1.8)],
    [`peak RSS ≤ 300 MB (${workers} workers, every scale)`, `${peak.toFixed(0)} MB`, verdict(peak <= 300)],
    ['linear scaling (MB/s, smallest vs largest scale)', ratio(scaleMbps[scaleMbps.length - 1]! / scaleMbps[0]!), verdict(scaleMbps[scaleMbps.length - 1]! / scaleMbps[0]! >= 0.9)],
  ])}`,
);
