/**
 * The built CLI with worker threads: the same records (and manifest) as cleaning on the main thread, a page too
 * large for a worker's heap cleaned on the main thread instead, and incremental runs that skip exactly the pages
 * whose outputs are current.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../src/run/manifest.js';

const CLI = fileURLToPath(new URL('../bin/speechclean.js', import.meta.url));
const SEEDS = fileURLToPath(new URL('../seeds', import.meta.url));

let dir: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'run', 'in', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, summary: r.stderr.trim().split('\n').at(-1) ?? '' };
}

/** Every file of an output folder, by name. */
function outputs(out: string): Map<string, Buffer> {
  return new Map(readdirSync(join(dir, out)).map((f) => [f, readFileSync(join(dir, out, f))]));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'speechclean-workers-'));
  mkdirSync(join(dir, 'in'));
  for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, 'in', f));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('worker threads', () => {
  it('write the same records and manifest as the main thread', () => {
    expect(run('--workers', '0', '--out', 'main')).toMatchObject({ code: 0, summary: expect.stringMatching(/5 of 5 pages cleaned, 0 skipped/) });
    expect(run('--workers', '2', '--out', 'two')).toMatchObject({ code: 0, summary: expect.stringMatching(/5 of 5 pages cleaned, 0 skipped/) });
    const main = outputs('main');
    expect([...main.keys()].sort()).toEqual([MANIFEST_FILE, ...readdirSync(SEEDS).map((f) => f.replace(/\.txt$/, '.json'))].sort());
    expect(outputs('two')).toEqual(main);
  });

  it('take a plain-data config from the main thread, and load one holding a function from its file', () => {
    // 同志们 opens a line in every seed: the rule changes records, so a worker without it would show.
    const rule = "{ id: 'test/salutation', family: 'watermark', description: 'A test rule', kind: 'line', pattern: /^同志们/";
    writeFileSync(join(dir, 'plain.config.mjs'), `export default { boilerplate: { rules: [${rule} }] } };\n`);
    writeFileSync(join(dir, 'function.config.mjs'), `export default { boilerplate: { rules: [${rule}, accept: (text) => text.length > 0 }] } };\n`);
    for (const config of ['plain', 'function']) {
      expect(run('--workers', '0', '--config', `${config}.config.mjs`, '--out', `${config}-main`)).toMatchObject({ code: 0 });
      expect(run('--workers', '2', '--config', `${config}.config.mjs`, '--out', `${config}-two`)).toMatchObject({ code: 0 });
      expect(outputs(`${config}-two`)).toEqual(outputs(`${config}-main`));
      expect(outputs(`${config}-main`)).not.toEqual(outputs('main'));
    }
  });

  it('clean a page that runs a worker out of memory again on the main thread', () => {
    writeFileSync(join(dir, 'small-heap.config.mjs'), 'export default { workerHeapMb: 16 };\n');
    expect(run('--workers', '1', '--config', 'small-heap.config.mjs', '--out', 'small')).toMatchObject({ code: 0 });
    expect(outputs('small')).toEqual(outputs('main'));
  });
});

describe('incremental runs', () => {
  it('skip unchanged pages, and re-clean what changed: the page, its output, the config, or everything with --force', () => {
    const fresh = () => run('--workers', '0', '--out', 'inc');
    expect(fresh().summary).toMatch(/5 of 5 pages cleaned, 0 skipped \(unchanged\), \d+ speeches, 0 failed/);
    expect(fresh().summary).toMatch(/0 of 5 pages cleaned, 5 skipped/);

    writeFileSync(join(dir, 'in', '000_5194895f052b927d.txt'), `${readFileSync(join(SEEDS, '000_5194895f052b927d.txt'), 'utf8')}\n谢谢大家。\n`);
    expect(fresh().summary).toMatch(/1 of 5 pages cleaned, 4 skipped/);
    unlinkSync(join(dir, 'inc', '001_e6880f1e8ac3ba9e.json'));
    writeFileSync(join(dir, 'inc', '002_29214b3291b1daf3.json'), '{}\n');
    expect(fresh().summary).toMatch(/2 of 5 pages cleaned, 3 skipped/);
    expect(run('--workers', '0', '--out', 'inc', '--force').summary).toMatch(/5 of 5 pages cleaned, 0 skipped/);

    writeFileSync(join(dir, 'fullwidth.config.mjs'), "export default { normalize: { punctuation: 'fullwidth' } };\n");
    expect(run('--workers', '0', '--out', 'inc', '--config', 'fullwidth.config.mjs').summary).toMatch(/5 of 5 pages cleaned, 0 skipped/);
    // Run-only settings (threads, concurrency) are not part of the key.
    expect(run('--workers', '2', '--concurrency', '3', '--out', 'inc', '--config', 'fullwidth.config.mjs').summary).toMatch(/0 of 5 pages cleaned, 5 skipped/);
  });

  it('leave the same records and manifest as one fresh run', () => {
    expect(run('--workers', '0', '--out', 'once').code).toBe(0);
    expect(run('--workers', '0', '--out', 'inc').summary).toMatch(/5 of 5 pages cleaned, 0 skipped/); // back to the default config
    expect(outputs('inc')).toEqual(outputs('once'));
  });
});
