import { describe, expect, it } from 'vitest';
import { bandGroups } from './phase.js';

/** The definition: speeches are grouped when their signatures are equal on a whole band of 4 slots. */
function byStrings(signatures: readonly Uint32Array[]): string[] {
  const groups = new Map<string, number[]>();
  signatures.forEach((sig, i) => {
    for (let b = 0; b < 16; b++) {
      const band = sig.subarray(b * 4, b * 4 + 4);
      if (band[0] === 0xffffffff) continue;
      const key = `${b}:${band.join(',')}`;
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
  });
  return [...groups.values()].filter((g) => g.length > 1).map(String).sort();
}

describe('LSH band groups', () => {
  it('groups exactly the speeches that agree on a whole band', () => {
    // Few distinct values make many equal bands (and hash keys that collide across bands).
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % 3;
    const signatures = Array.from({ length: 300 }, () => Uint32Array.from({ length: 64 }, next));
    expect(bandGroups(signatures).map(String).sort()).toEqual(byStrings(signatures));
  });
  it('leaves out speeches too short to sign', () => {
    const unsigned = new Uint32Array(64).fill(0xffffffff);
    expect(bandGroups([unsigned, unsigned.slice()])).toEqual([]);
  });
});
