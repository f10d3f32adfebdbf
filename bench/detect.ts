/**
 * `npm run bench:detect`: encoding detection accuracy and speed on snippets made from the seeds (bench/samples.ts):
 * 16 B – 4 KB, whole characters, cut inside a character, and inside an HTML page without a declared charset.
 * speechclean's decoder against jschardet (unrestricted, and restricted to the encodings Chinese pages use) and
 * npm chardet. GBK/GB2312/GB18030 count as one family; a detector is right when it names the snippet's family.
 */
import chardet from 'chardet';
import jschardet from 'jschardet';
import { decodeBytes } from '../src/decode/decode.js';
import { ENCODINGS, type Encoding, family, inHtml, random, samples, snippet } from './samples.js';

const LENGTHS = [16, 64, 256, 1024, 4096];
const VARIANTS = ['clean', 'cut', 'html'] as const;
/** Snippets per seed, encoding, length and variant; a traditional seed (the only Big5 one) draws more. */
const PER_SEED = 10;

interface Case {
  encoding: Encoding;
  length: number;
  variant: (typeof VARIANTS)[number];
  bytes: Buffer;
}

const CLOSED_SET = ['UTF-8', 'GB18030', 'Big5', 'UTF-16LE', 'UTF-16BE'];

/** jschardet warns on the console whenever nothing in an allowlist matches; the table counts that as a miss. */
function quietly<T>(fn: () => T): T {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return fn();
  } finally {
    console.warn = warn;
  }
}

interface Detector {
  name: string;
  detect: (c: Case) => string | null;
}

const detectors: Detector[] = [
  { name: 'speechclean', detect: (c) => decodeBytes(c.bytes, { html: c.variant === 'html' }).encoding },
  { name: 'jschardet', detect: (c) => jschardet.detect(c.bytes).encoding },
  { name: 'jschardet (closed set)', detect: (c) => quietly(() => jschardet.detect(c.bytes, { detectEncodings: CLOSED_SET }).encoding) },
  { name: 'chardet', detect: (c) => chardet.detect(c.bytes) },
];

function makeCases(): Case[] {
  const all = samples();
  const perEncoding = new Map<Encoding, number>();
  for (const s of all) perEncoding.set(s.encoding, (perEncoding.get(s.encoding) ?? 0) + 1);
  const most = Math.max(...perEncoding.values());
  const cases: Case[] = [];
  all.forEach((sample, k) => {
    const draws = Math.round((PER_SEED * most) / perEncoding.get(sample.encoding)!);
    for (const length of LENGTHS) {
      const next = random(k * 7919 + length);
      for (let i = 0; i < draws; i++) {
        const s = snippet(sample, length, next);
        cases.push({ encoding: sample.encoding, length, variant: 'clean', bytes: s.clean });
        cases.push({ encoding: sample.encoding, length, variant: 'cut', bytes: s.cut });
        cases.push({ encoding: sample.encoding, length, variant: 'html', bytes: inHtml(s.text, sample.encoding) });
      }
    }
  });
  return cases;
}

const pct = (right: number, total: number) => (total ? `${((100 * right) / total).toFixed(total >= 1000 ? 1 : 0)}` : '–');

function table(cases: readonly Case[], right: readonly boolean[]): string {
  const columns: { head: string; keep: (c: Case) => boolean }[] = [
    ...LENGTHS.map((n) => ({ head: n >= 1024 ? `${n / 1024} KB` : `${n} B`, keep: (c: Case) => c.length === n })),
    ...VARIANTS.map((v) => ({ head: v, keep: (c: Case) => c.variant === v })),
    { head: 'all', keep: () => true },
  ];
  const rows: { head: string; keep: (c: Case) => boolean }[] = [
    ...ENCODINGS.map((e) => ({ head: e, keep: (c: Case) => c.encoding === e })),
    { head: 'all', keep: () => true },
  ];
  const lines = [['', ...columns.map((c) => c.head)]];
  for (const row of rows) {
    lines.push([
      row.head,
      ...columns.map((col) => {
        let n = 0;
        let ok = 0;
        cases.forEach((c, i) => {
          if (row.keep(c) && col.keep(c)) {
            n++;
            if (right[i]) ok++;
          }
        });
        return pct(ok, n);
      }),
    ]);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines.map((l) => l.map((cell, i) => (i ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

function main(): void {
  const cases = makeCases();
  console.log(`Encoding detection on ${cases.length} snippets from the seeds (accuracy %, GBK/GB18030 one family)\n`);
  const speeds: string[] = [];
  for (const detector of detectors) {
    const right = cases.map((c) => family(detector.detect(c)) === family(c.encoding));
    console.log(`${detector.name}\n${table(cases, right)}\n`);
    // Speed on the 4 KB snippets, after the run above warmed the code up: the best of three rounds (the machine is shared).
    const big = cases.filter((c) => c.length === 4096 && c.variant === 'clean');
    const bytes = big.reduce((n, c) => n + c.bytes.length, 0);
    let seconds = Infinity;
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      for (const c of big) detector.detect(c);
      seconds = Math.min(seconds, (performance.now() - started) / 1000);
    }
    speeds.push(`${detector.name} ${(bytes / 1048576 / seconds).toFixed(1)} MB/s`);
  }
  const confidence = LENGTHS.map((n) => {
    const values = cases.filter((c) => c.length === n).map((c) => decodeBytes(c.bytes, { html: c.variant === 'html' }).confidence);
    return `${n} B ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(3)} (min ${Math.min(...values).toFixed(2)})`;
  });
  console.log(`speechclean confidence, mean by length: ${confidence.join(', ')}`);
  console.log(`Speed on 4 KB snippets: ${speeds.join(', ')}`);
  console.log('(speechclean decodes as well as detects: the figure covers its whole decoder, mojibake check included.)');
}

main();
