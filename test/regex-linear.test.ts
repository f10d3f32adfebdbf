/**
 * Every pattern exported from src/rules/*.ts (found generically: exported RegExps, and RegExps inside exported rule
 * objects and arrays) must stay linear on a 1 MB line: pages can hold one (collapsed PDFs). Each pattern runs over
 * adversarial lines (long runs of what it matches, near misses, its own characters shuffled) in a worker thread with
 * a timeout, since a catastrophic pattern would never return. Its time must stay within a generous multiple of a
 * plain scan of the same line: a correctness bound (backtracking), not a speed target.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const RULES = join(import.meta.dirname, '..', 'src', 'rules');
const LINE = 1 << 20;
/** A pattern may cost this many plain scans of a line (linear ones with heavy per-character work cost < 300). */
const BUDGET_SCANS = 3000;
/** …but never less than this (timer noise on a busy machine), and a worker that takes longer than TIMEOUT is stuck. */
const FLOOR_MS = 3000;
const TIMEOUT_MS = 60_000;

function collect(value: unknown, name: string, out: Map<string, RegExp>, seen = new Set<unknown>()): void {
  if (value instanceof RegExp) out.set(name, value);
  else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const [key, v] of Object.entries(value)) collect(v, `${name}.${(v as { id?: string })?.id ?? key}`, out, seen);
  }
}

async function rulePatterns(): Promise<Map<string, RegExp>> {
  const out = new Map<string, RegExp>();
  for (const file of readdirSync(RULES).filter((f) => f.endsWith('.ts') && !f.includes('.test.'))) {
    for (const [name, value] of Object.entries(await import(join(RULES, file)))) collect(value, `${file}:${name}`, out);
  }
  return out;
}

/** Runs in the worker: builds the lines, times every match of the pattern over each, against a plain scan. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { source, flags, size } = workerData;
const pattern = new RegExp(source, flags.includes('g') ? flags : flags + 'g');
// The pattern's own characters: literals, escaped code points, class shorthands.
const alphabet = [...new Set([...source.replace(/\\\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)))
  .replace(/\\\\s/g, ' ').replace(/\\\\d/g, '1').replace(/\\\\w/g, 'a').replace(/\\\\(.)/g, '$1')])];
let seed = 1;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const fill = (unit) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const shuffled = (chars) => Array.from({ length: size }, () => chars[Math.floor(random() * chars.length)]).join('');
const lines = {
  han: fill('的'), spaces: fill(' '), latin: fill('a'), digits: fill('1'), stops: fill('。'), commas: fill(','),
  'han-space': fill('中 '), 'latin-space': fill('a '), pinyin: fill('会(huì)'), 'open-paren': fill('(的'),
  'open-tag': fill('<a '), url: fill('www.a'), salutation: fill('同志们、'), placeholder: fill('x×_—'),
  'own characters': shuffled(alphabet), 'own characters and text': shuffled([...alphabet, '的', '会', ' ', '。', 'a', '1']),
};
const time = (re, line) => {
  const started = performance.now();
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) if (m[0] === '') re.lastIndex++;
  return performance.now() - started;
};
const plain = /\\u0000/g;
const results = [];
for (const [name, line] of Object.entries(lines)) {
  const scan = Math.max(time(plain, line), time(plain, line));
  results.push({ name, ms: time(pattern, line), scan });
}
parentPort.postMessage(results);
`;

interface Timing {
  name: string;
  ms: number;
  scan: number;
}

function runPattern(pattern: RegExp): Promise<Timing[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { source: pattern.source, flags: pattern.flags, size: LINE } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`no result after ${TIMEOUT_MS / 1000} s: catastrophic backtracking`));
    }, TIMEOUT_MS);
    worker.once('message', (timings: Timing[]) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(timings);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

describe('rule patterns on 1 MB lines', async () => {
  const patterns = await rulePatterns();

  it('finds the patterns of every rule file', () => {
    expect(patterns.size).toBeGreaterThan(40);
    expect([...patterns.keys()].some((k) => k.startsWith('boilerplate.ts:boilerplateRules.boilerplate/watermark.pattern'))).toBe(true);
  });

  it.each([...patterns])('%s', async (_name, pattern) => {
    for (const t of await runPattern(pattern)) {
      expect(t.ms, `${t.name}: ${t.ms.toFixed(0)} ms, a plain scan ${t.scan.toFixed(1)} ms`).toBeLessThan(Math.max(FLOOR_MS, BUDGET_SCANS * t.scan));
    }
  });
});
