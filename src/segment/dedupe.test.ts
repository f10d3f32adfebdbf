import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicates, minima, signature, similarity } from './dedupe.js';
import { simdMinima } from './minhash-simd.js';

/** The signature as its definition reads: per slot, the least murmur3 finalizer of (shingle hash XOR seed). */
function definition(text: string): number[] {
  const t = text.replace(/[^\u3400-\u9fff\w]/g, '');
  const seeds = Array.from({ length: 64 }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x85ebca6b) >>> 0);
  const fmix = (h: number) => {
    let x = h >>> 0;
    x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
    x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
    return (x ^ (x >>> 16)) >>> 0;
  };
  const slots = seeds.map(() => 0xffffffff);
  for (let i = 0; i + 5 <= t.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + 5; j++) h = Math.imul(h ^ t.charCodeAt(j), 0x01000193);
    seeds.forEach((seed, k) => (slots[k] = Math.min(slots[k]!, fmix((h >>> 0) ^ seed))));
  }
  return slots;
}

describe('MinHash signatures', () => {
  it('are the least finalized hash per slot, for any text', () => {
    const text = fc.array(fc.constantFrom('同', '志', '们', '大', '家', '好', '。', ' ', 'a', '1', '工', '作', '会', '议'), { maxLength: 80 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect([...signature(t)]).toEqual(definition(t));
      }),
      { numRuns: 300 },
    );
  });

  it('are taken on WebAssembly SIMD under Node (not silently in JavaScript)', () => {
    expect(simdMinima(1, new Int32Array(64))).toBeDefined();
  });

  it('are the same from the SIMD kernel as from the JavaScript loop, on long texts too', () => {
    const units = '同志们大家好工作会议要坚持全面贯彻落实新时代a1';
    const text = fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 40000, size: 'max' }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect([...signature(t)]).toEqual(definition(t));
      }),
      { numRuns: 20 },
    );
    // The JavaScript loop (runtimes without WebAssembly) against the definition's finalizer, on raw hashes.
    const tail = (y: number) => {
      const x = Math.imul(y, 0x7feb352d);
      const z = Math.imul(x ^ (x >>> 15), 0x846ca68b);
      return (z ^ (z >>> 16)) >>> 0;
    };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 200 }), (raw) => {
        const seeds = Array.from({ length: 64 }, (_, i) => Math.imul(i + 1, 0x9e3779b1) ^ 0x85ebca6b).map((s) => s ^ (s >>> 16));
        expect([...minima(Int32Array.from(raw))]).toEqual(seeds.map((s) => Math.min(...raw.map((g) => tail(g ^ s)))));
      }),
      { numRuns: 100 },
    );
  });

  it('find the near-verbatim copy and not the different speech', () => {
    const speech = '同志们:今天我们召开全县教育工作会议,主要任务是总结去年工作,分析当前形势,安排部署今年的教育工作。';
    const items = [speech, `${speech}谢谢大家。`, '各位代表:现在我代表县人民政府向大会报告工作,请予审议,并请县政协委员提出意见。'].map((t, i) => ({ id: `s${i}`, signature: signature(t), completeness: i }));
    expect(similarity(items[0]!.signature, items[1]!.signature)).toBeGreaterThan(0.8);
    expect(findDuplicates(items, 0.8)).toEqual(['s1', null, null]);
  });
});
