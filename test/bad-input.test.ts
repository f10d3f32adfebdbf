/**
 * The real CLI on a batch of bad pages next to good ones: each bad page gets one clear line on stderr naming it,
 * the good pages are written, the exit code is 1, and nothing partial is left in the output folder.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeeds } from '../bench/samples.js';

const CLI = fileURLToPath(new URL('../bin/speechclean.js', import.meta.url));

/** Runs the CLI with a small heap: a page read whole into a string or a tree would not fit. */
function cli(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, ['--max-old-space-size=96', CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stderr: run.stderr, signal: run.signal };
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 8×8 grey PNG. */
function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.concat(Array.from({ length: 8 }, (_, y) => Buffer.from([0, ...Array.from({ length: 8 }, (_, x) => (x * y * 4) & 0xff)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

describe('a batch with bad pages', () => {
  let dir: string;
  const seed = readSeeds()[0]!;
  const bad: Record<string, RegExp> = {
    'empty.txt': /empty file/,
    'image.txt': /not text.*binary file/,
    'huge.txt': /too large \(50\.0 MB; the limit is 16 MB\)/,
    'dangling.txt': /broken symbolic link/,
    'folder.txt': /is a directory/,
    'missing.txt': /no such file/,
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'speechclean-bad-'));
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    writeFileSync(join(inDir, 'empty.txt'), '');
    writeFileSync(join(inDir, 'image.txt'), png());
    // A page cut inside its last character (two of the three bytes of 好).
    writeFileSync(join(inDir, 'cut.txt'), Buffer.concat([Buffer.from(`${seed.text}\n大家好`), Buffer.from('好').subarray(0, 2)]));
    // 50 MB on one line, written in pieces.
    const fd = openSync(join(inDir, 'huge.txt'), 'w');
    const piece = Buffer.alloc(1024 * 1024, '同志们大家好'.repeat(10));
    for (let i = 0; i < 50; i++) writeSync(fd, piece);
    closeSync(fd);
    symlinkSync(join(inDir, 'no-such-target.txt'), join(inDir, 'dangling.txt'));
    mkdirSync(join(inDir, 'folder.txt'));
    writeFileSync(join(inDir, 'good.txt'), seed.text);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('named one by one: one line per bad page, good pages written, exit 1, nothing partial', () => {
    const names = [...Object.keys(bad), 'cut.txt', 'good.txt'];
    const { code, stderr, signal } = cli(['run', ...names.map((n) => `in/${n}`), '--out', 'out1'], dir);
    expect(signal).toBeNull();
    expect(code).toBe(1);
    const lines = stderr.split('\n').filter(Boolean);
    for (const [name, reason] of Object.entries(bad)) {
      const about = lines.filter((l) => l.includes(`in/${name}`));
      expect(about, name).toHaveLength(1);
      expect(about[0]).toMatch(new RegExp(`^speechclean: in/${name}: `));
      expect(about[0]).toMatch(reason);
    }
    expect(stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(lines.at(-1)).toMatch(/2 of 8 pages cleaned, .* 6 failed/);
    expect(readdirSync(join(dir, 'out1')).sort()).toEqual(['.speechclean-manifest.json', 'cut.json', 'good.json']);
    const cut = JSON.parse(readFileSync(join(dir, 'out1', 'cut.json'), 'utf8'));
    expect(cut.source.encoding).toBe('UTF-8');
    expect(cut.warnings.map((w: { rule: string }) => w.rule)).toContain('decode/truncated');
    expect(JSON.parse(readFileSync(join(dir, 'out1', 'good.json'), 'utf8')).speeches.length).toBeGreaterThan(0);
  });

  it('found by walking the folder: a broken link is reported too, not skipped', () => {
    const { code, stderr } = cli(['run', 'in', '--out', 'out2'], dir);
    expect(code).toBe(1);
    for (const name of ['empty.txt', 'image.txt', 'huge.txt', 'dangling.txt']) {
      expect(stderr.split('\n').filter((l) => l.startsWith(`speechclean: in/${name}: `))).toHaveLength(1);
    }
    expect(readdirSync(join(dir, 'out2')).sort()).toEqual(['.speechclean-manifest.json', 'cut.json', 'good.json']);
  });

  it('a device is refused, not read (it might never end)', () => {
    const { code, stderr } = cli(['run', '/dev/zero', '--out', 'out4'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^speechclean: \/dev\/zero: not a regular file$/m);
  });

  it('a good batch exits 0', () => {
    expect(cli(['run', 'in/good.txt', 'in/cut.txt', '--out', 'out3'], dir).code).toBe(0);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['run', '--no-such-option']],
    [['run', '--concurrency', '0']],
    [['run', '--encoding', 'no-such-encoding', 'x.txt']],
    [['no-such-command']],
  ])('%j', (args) => {
    const { code, stderr } = cli(args, tmpdir());
    expect(code).toBe(2);
    expect(stderr).toMatch(/^speechclean/);
  });
});
