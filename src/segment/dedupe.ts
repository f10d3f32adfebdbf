import { EXHORTATION, FINAL_WISH } from '../rules/structure.js';
import { simdMinima } from './minhash-simd.js';

/**
 * Near-duplicate speeches: MinHash signatures over character 5-shingles of the speech text (punctuation and
 * spaces removed), compared by the share of equal slots, which estimates Jaccard similarity.
 */

const SLOTS = 64;
const SHINGLE = 5;

// Fixed seeds make signatures identical across runs and machines (they are stored and compared across pages).
const SEEDS = Int32Array.from({ length: SLOTS }, (_, i) => Math.imul(i + 1, 0x9e3779b1) ^ 0x85ebca6b);

/** Seed k after fmix's first xor-shift (see `signature`). */
function seedMix(k: number): number {
  const s = SEEDS[k]!;
  return s ^ (s >>> 16);
}

const MIXED_SEEDS = Int32Array.from({ length: SLOTS }, (_, k) => seedMix(k));

/** murmur3's 32-bit finalizer after its first xor-shift, which `signature` applies apart (see there). */
function mix(y: number): number {
  let x = Math.imul(y, 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return x ^ (x >>> 16);
}

/**
 * Slot k holds the least `fmix(h ^ seed k)` over the shingles' FNV-1a hashes h, where `fmix` is murmur3's 32-bit
 * finalizer (unsigned values). These 64 mixes per character are the costliest step of segmentation, so:
 * - fmix's first step, `y ^ (y >>> 16)`, distributes over XOR: it is taken once per shingle and once per seed;
 * - the loop runs slot by slot over the shingles' hashes, four slots at a time: the running minima and the seeds
 *   stay in registers, and the four chains of multiplications overlap in the processor;
 * - minima are kept with the sign bit flipped, so signed comparison orders them as unsigned values;
 * - where WebAssembly SIMD runs (Node does, unless `--jitless`), the minima are taken there instead, four slots a
 *   vector (src/segment/minhash-simd.ts), several times faster than this loop.
 */
export function signature(text: string): Uint32Array {
  const known = recent.get(text);
  if (known) return known;
  const slots = sign(text);
  // The oldest goes, not all: emptied whole, the memory lost the first speeches of a page signed across the limit.
  if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value!);
  recent.set(text, slots);
  return slots;
}

/**
 * Segmentation signs a page's speeches, and the page's fingerprint signs the same texts again from the record
 * moments later: the last few signatures are remembered (a text's signature never changes; callers never write
 * to one). A page with up to this many speeches signs each once.
 */
const RECENT_TEXTS = 64;
const recent = new Map<string, Uint32Array>();

/** The characters a signature reads (`[\u3400-\u9fff\w]`): CJK Extension A and Unified Ideographs, ASCII word characters. */
function signs(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

function sign(text: string): Uint32Array {
  // The characters read, as codes (not a filtered copy of a text as long as the speech).
  const units = new Uint16Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (signs(c)) units[length++] = c;
  }
  const count = length - SHINGLE + 1;
  if (count < 1) return new Uint32Array(SLOTS).fill(0xffffffff);
  // The hashes go straight into the SIMD kernel's memory when there is one.
  const simd = simdMinima(count, MIXED_SEEDS);
  const hashes = simd ? simd.hashes : new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE; j++) h = Math.imul(h ^ units[j]!, 0x01000193);
    hashes[i] = h ^ (h >>> 16);
  }
  return simd ? simd.run() : minima(hashes);
}

/** The least mix per slot over the hashes, in JavaScript. */
export function minima(hashes: Int32Array): Uint32Array {
  const count = hashes.length;
  const slots = new Uint32Array(SLOTS);
  const FLIP = 0x80000000;
  for (let k = 0; k < SLOTS; k += 4) {
    // Plain locals, not destructured arrays: the minima do not fit a small integer, and an array of them would
    // change its element kind under the optimized code.
    const s0 = seedMix(k);
    const s1 = seedMix(k + 1);
    const s2 = seedMix(k + 2);
    const s3 = seedMix(k + 3);
    let m0 = ~FLIP;
    let m1 = ~FLIP;
    let m2 = ~FLIP;
    let m3 = ~FLIP;
    for (let i = 0; i < count; i++) {
      const g = hashes[i]!;
      const x0 = mix(g ^ s0) ^ FLIP;
      const x1 = mix(g ^ s1) ^ FLIP;
      const x2 = mix(g ^ s2) ^ FLIP;
      const x3 = mix(g ^ s3) ^ FLIP;
      if (x0 < m0) m0 = x0;
      if (x1 < m1) m1 = x1;
      if (x2 < m2) m2 = x2;
      if (x3 < m3) m3 = x3;
    }
    slots[k] = m0 ^ FLIP;
    slots[k + 1] = m1 ^ FLIP;
    slots[k + 2] = m2 ^ FLIP;
    slots[k + 3] = m3 ^ FLIP;
  }
  return slots;
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

/**
 * For each candidate, the id of its canonical copy (or null when it is canonical or unique). Candidates are compared
 * pairwise within each of `groups` (lists of indices: LSH buckets across a batch); by default all with all.
 * Candidates already linked, directly or through others, are not compared again: the sets of copies do not depend
 * on the order of the comparisons.
 */
export function findDuplicates(items: readonly DuplicateCandidate[], threshold: number, groups: Iterable<readonly number[]> = [items.map((_, i) => i)]): (string | null)[] {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const group of groups) {
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++) {
        const ri = root(group[a]!);
        const rj = root(group[b]!);
        if (ri !== rj && similarity(items[group[a]!]!.signature, items[group[b]!]!.signature) >= threshold) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
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
