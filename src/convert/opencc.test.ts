import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js/core';
import * as cn2t from 'opencc-js/preset/cn2t';
import * as t2cn from 'opencc-js/preset/t2cn';
import { describe, expect, it } from 'vitest';
import { buildConverter, type ScriptSource } from './opencc.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const seeds = readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8'));
const toTraditional = OpenCC.ConverterBuilder(cn2t)({ from: 'cn', to: 'tw' });

/** Keys of the dictionaries a preset uses: the strings where longest-match and segmentation decisions happen. */
function keysOf(from: ScriptSource): string[] {
  const config = t2cn.configs[`${from}2s`]!;
  const groups = [...(config.normalizationChain ?? []), config.segmentation ?? [], ...config.conversionChain];
  return [...new Set(groups.flat().flatMap((dict) => dict.split('|').map((entry) => entry.split(' ')[0]!)))].filter(Boolean);
}

describe.each(['tw', 'hk', 't'] as const)('compiled OpenCC %s→cn', (from) => {
  const reference = OpenCC.ConverterBuilder(t2cn)({ from, to: 'cn' });
  const convert = buildConverter(from);
  const keys = keysOf(from);

  it('converts the seeds and their traditional versions exactly as opencc-js', () => {
    for (const text of [...seeds, ...seeds.map((t) => toTraditional(t))]) expect(convert(text)).toBe(reference(text));
  });

  it('converts any mix of dictionary keys, their fragments, description sequences, surrogates and text exactly as opencc-js', () => {
    const tricky = ['⿰木目', '⿱⿰', '⿰', '\ud840\udc00', '\ud840', '\udc00', '𠀀', '乾隆', '著', '著名', '。', ' ', 'a', '\n', '兀', '\uf900'];
    const piece = fc.oneof(
      fc.constantFrom(...keys),
      fc.constantFrom(...keys).map((k) => k.slice(0, Math.max(1, k.length - 1))),
      fc.constantFrom(...tricky),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => convert(parts.join('')) === reference(parts.join(''))), { numRuns: 2000 });
  });

  it('rewrites traditional text (the test would pass for a converter that does nothing otherwise)', () => {
    expect(convert('會議局長講話')).toBe('会议局长讲话');
  });
});
