import { EXHORTATION, FINAL_WISH } from '../rules/structure.js';
import { minhashSlots } from './minhash.js';

/**
 * Near-duplicate speeches: MinHash signatures over character 5-shingles of the speech text (punctuation and
 * spaces removed), compared by the share of equal slots, which estimates Jaccard similarity.
 */

const SLOTS = 64;
const SHINGLE = 5;

// Fixed seeds make signatures identical across runs and machines (they are stored and compared across pages).
const SEEDS = Int32Array.from({ length: SLOTS }, (_, i) => Math.imul(i + 1, 0x9e3779b1) ^ 0x85ebca6b);

/**
 * Slot k holds the least `fmix(h ^ seed k)` over the shingles' FNV-1a hashes h, where `fmix` is murmur3's 32-bit
 * finalizer (unsigned values). Computed by a WebAssembly SIMD kernel: 64 mixes per character are the costliest
 * step of segmentation.
 */
export function signature(text: string): Uint32Array {
  const t = text.replace(/[^\u3400-\u9fff\w]/g, '');
  if (t.length < SHINGLE) return new Uint32Array(SLOTS).fill(0xffffffff);
  return minhashSlots(t, SEEDS);
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SLOTS; k++) if (a[k] === b[k] && a[k] !== 0xffffffff) same++;
  return same / SLOTS;
}

export interface DuplicateCandidate {
  id: string;
  signature: Uint32Array;
  /** Higher is more complete; ties go to the earlier candidate. */
  completeness: number;
}

function* allPairs(n: number): Generator<[number, number]> {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) yield [i, j];
}

/**
 * For each candidate, the id of its canonical copy (or null when it is canonical or unique). `pairs` limits the
 * comparisons (LSH candidates across a batch); by default every pair is compared.
 */
export function findDuplicates(items: readonly DuplicateCandidate[], threshold: number, pairs: Iterable<[number, number]> = allPairs(items.length)): (string | null)[] {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const [a, b] of pairs) {
    const i = Math.min(a, b);
    const j = Math.max(a, b);
    if (root(i) !== root(j) && similarity(items[i]!.signature, items[j]!.signature) >= threshold) {
      const [ri, rj] = [root(i), root(j)];
      parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
  }
  const best = new Map<number, number>();
  items.forEach((item, i) => {
    const r = root(i);
    const b = best.get(r);
    if (b === undefined || item.completeness > items[b]!.completeness) best.set(r, i);
  });
  return items.map((_, i) => {
    const canonical = best.get(root(i))!;
    return canonical === i ? null : items[canonical]!.id;
  });
}

/**
 * How complete a copy of a speech is: one point each for a salutation, a closing, and a last paragraph that ends
 * the speech (a final exhortation or wish). Scraping loses openings and endings first; length says less, since
 * copies also differ by a stray paragraph either way.
 */
export function completeness(parts: { salutation: boolean; closing: boolean; lastBody: string }): number {
  return (parts.salutation ? 1 : 0) + (parts.closing ? 1 : 0) + (EXHORTATION.test(parts.lastBody) || FINAL_WISH.test(parts.lastBody) ? 1 : 0);
}
