/**
 * `npm run bench` in its small mode (a 2 MB corpus): it completes and prints every table, each pipeline stage
 * among the steps. Numbers are not checked (speed is the benchmark's business); that they are numbers is.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { STAGES } from '../src/pipeline.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

it('the benchmark runs on a small corpus and prints its tables', () => {
  const run = spawnSync(process.execPath, ['dist/bench/run.js', '--size', '2', '--scales', '1,2'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const out = run.stdout;
  for (const heading of ['per step and kind of page:', 'Anchors (same corpus, this run):', 'End to end:', 'Targets (reported, not asserted):']) expect(out).toContain(heading);
  for (const step of ['decode', 'parse', ...STAGES.map((s) => s.name), 'compile', 'serialize', 'end to end']) expect(out).toMatch(new RegExp(`^${step}\\s+(?:[\\d.>]+|–)\\s`, 'm'));
  expect(out).toMatch(/^floor: read \+ UTF-8 decode \+ line split\s+[\d.]+\s+[\d.]+×$/m);
  expect(out).toMatch(/^opencc-js tw→cn alone, traditional pages\s+[\d.]+\s+[\d.]+×$/m);
  expect(out).toMatch(/^2 workers, 2 MB\s+[\d.]+\s+[\d.]+\s+[\d.]+×\s+[\d.]+\s+\d+ MB$/m);
  expect(out).toMatch(/^peak RSS ≤ 300 MB \(2 workers, every scale\)\s+\d+ MB\s+(?:met|MISSED)$/m);
});
