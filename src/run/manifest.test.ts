import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { Manifest, MANIFEST_FILE, configHash, pipelineVersion, sha256 } from './manifest.js';

describe('configHash', () => {
  const base = configHash(resolveConfig());

  it('ignores settings that only say where and how fast to run', () => {
    expect(configHash(resolveConfig({ out: 'elsewhere', inputs: ['x'], concurrency: 3, workers: 0, workerHeapMb: 64 }))).toBe(base);
  });

  it('changes with any setting that can change a record, rules given as RegExps and functions included', () => {
    const rule = (pattern: RegExp) => ({ id: 'boilerplate/mine', family: 'chrome', description: 'x', kind: 'line' as const, pattern, accept: (t: string) => t.length > 2 });
    const hashes = [
      base,
      configHash(resolveConfig({ encoding: 'gbk' })),
      configHash(resolveConfig({ normalize: { punctuation: 'fullwidth' } })),
      configHash(resolveConfig({ boilerplate: { rules: [rule(/^广告$/)] } })),
      configHash(resolveConfig({ boilerplate: { rules: [rule(/^广告$/i)] } })),
      configHash(resolveConfig({ boilerplate: { rules: [{ ...rule(/^广告$/), accept: (t: string) => t.length > 3 }] } })),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('does not depend on the order keys were written in', () => {
    expect(configHash(resolveConfig({ segment: { duplicateThreshold: 0.7 }, encoding: 'big5' }))).toBe(configHash(resolveConfig({ encoding: 'big5', segment: { duplicateThreshold: 0.7 } })));
  });
});

it('pipelineVersion is the package version and a hash of the code, the same on every call', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(pipelineVersion()).toMatch(new RegExp(`^${pkg.version.replace(/\./g, '\\.')}\\+[0-9a-f]{16}$`));
  expect(pipelineVersion()).toBe(pipelineVersion());
});

describe('Manifest', () => {
  const key = { path: 'in/a.txt', input: sha256('页面'), config: 'c1', pipeline: 'p1' };

  it('finds an output current only when every key matches and the output is as written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'speechclean-manifest-'));
    writeFileSync(join(out, 'a.json'), '{"x":1}\n');
    const manifest = await Manifest.load(out);
    expect(await manifest.current('a', key)).toBeUndefined();
    manifest.set('a', { ...key, bytes: 8, speeches: 2 });
    await manifest.save();

    const again = await Manifest.load(out);
    expect(await again.current('a', key)).toMatchObject({ speeches: 2 });
    for (const changed of [{ path: 'other/a.txt' }, { input: sha256('页') }, { config: 'c2' }, { pipeline: 'p2' }]) {
      expect(await again.current('a', { ...key, ...changed })).toBeUndefined();
    }
    writeFileSync(join(out, 'a.json'), '{"x":12}\n');
    expect(await again.current('a', key)).toBeUndefined();
  });

  it('is written sorted and only when something changed; an unreadable one counts as empty', async () => {
    const out = mkdtempSync(join(tmpdir(), 'speechclean-manifest-'));
    const manifest = await Manifest.load(out);
    manifest.set('b', { ...key, bytes: 1, speeches: 0 });
    manifest.set('a', { ...key, bytes: 1, speeches: 0 });
    await manifest.save();
    const written = readFileSync(join(out, MANIFEST_FILE), 'utf8');
    expect(Object.keys(JSON.parse(written).pages)).toEqual(['a', 'b']);
    writeFileSync(join(out, MANIFEST_FILE), 'not json');
    await manifest.save(); // nothing changed since the last save
    expect(readFileSync(join(out, MANIFEST_FILE), 'utf8')).toBe('not json');
    expect(await (await Manifest.load(out)).current('a', key)).toBeUndefined();
  });
});
