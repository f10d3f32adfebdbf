/**
 * The batch phase: what needs every page of a batch, run once all pages are cleaned. It works on the pages'
 * fingerprints (src/batch/fingerprint.ts) and touches a record only when it must change:
 * 1. lines a site repeats on many of its pages (trafilatura-style) are site chrome: a page that still keeps them is
 *    cleaned again with the boilerplate stage told which lines to drop;
 * 2. near-duplicate speeches across pages (MinHash, LSH banding) point to their group's most complete copy.
 * Fingerprints are made from records, so the result is the same whichever pages were cleaned this run
 * (incremental runs) and wherever they were cleaned (threads, machines).
 */
import pLimit from 'p-limit';
import type { Config } from '../config.js';
import { type DuplicateCandidate, findDuplicates } from '../segment/dedupe.js';
import { type PageFingerprint, decodeSignature } from './fingerprint.js';

/** LSH: 16 bands of 4 slots find pairs above ~0.7 similarity with high probability. */
const BANDS = 16;
const ROWS = 4;

export interface PhasePage {
  name: string;
  fingerprint: PageFingerprint;
}

export interface PhaseIO {
  /** Cleans the page again, dropping its lines whose hash is in `repeated`; returns the new fingerprint. */
  reclean(name: string, repeated: ReadonlySet<number>): Promise<PageFingerprint>;
  /** Sets `duplicateOf` of the page's speeches (by id); returns the new fingerprint. */
  relink(name: string, links: ReadonlyMap<string, string | null>): Promise<PageFingerprint>;
}

export interface PhaseResult {
  /** Pages cleaned again because their site repeats some of their lines. */
  recleaned: number;
  /** Records rewritten because a speech's duplicateOf changed. */
  relinked: number;
  /** Speeches that are near-duplicates of a speech on another page. */
  crossPageDuplicates: number;
}

const sameSet = (a: readonly number[], b: ReadonlySet<number>) => a.length === b.size && a.every((x) => b.has(x));

/** Per site, the line hashes on at least `minPages` pages and `minShare` of the site's pages. */
export function repeatedLines(pages: readonly PhasePage[], config: Config): Map<string, Set<number>> {
  const { minPages, minShare } = config.boilerplate.repeat;
  const counts = new Map<string, { pages: number; lines: Map<number, number> }>();
  for (const { fingerprint: f } of pages) {
    let site = counts.get(f.site);
    if (!site) counts.set(f.site, (site = { pages: 0, lines: new Map() }));
    site.pages++;
    for (const h of f.lines) site.lines.set(h, (site.lines.get(h) ?? 0) + 1);
  }
  const out = new Map<string, Set<number>>();
  for (const [name, site] of counts) {
    out.set(name, new Set([...site.lines].filter(([, n]) => n >= minPages && n >= minShare * site.pages).map(([h]) => h)));
  }
  return out;
}

/** A bucket of speeches that agree on one band; buckets whose keys collide are chained. */
interface Bucket {
  band: number;
  first: number;
  more?: number[];
  next?: Bucket;
}

/**
 * LSH: the groups of speeches whose signatures agree on a whole band. Keys are numbers hashed from the band (a
 * string per band and speech cost ~40 MB on a 200 MB batch); a chain keeps colliding bands apart, so the groups
 * are exactly those of equal bands.
 */
export function bandGroups(signatures: readonly Uint32Array[]): number[][] {
  const buckets = new Map<number, Bucket>();
  const groups: number[][] = [];
  const same = (a: Uint32Array, b: Uint32Array, at: number) => a[at] === b[at] && a[at + 1] === b[at + 1] && a[at + 2] === b[at + 2] && a[at + 3] === b[at + 3];
  signatures.forEach((sig, i) => {
    for (let b = 0; b < BANDS; b++) {
      const at = b * ROWS;
      if (sig[at] === 0xffffffff) continue; // too short to sign
      let key = b;
      for (let r = 0; r < ROWS; r++) key = Math.imul(key ^ sig[at + r]!, 0x9e3779b1);
      let bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, { band: b, first: i });
        continue;
      }
      const holds = (k: Bucket) => k.band === b && same(signatures[k.first]!, sig, at);
      while (!holds(bucket) && bucket.next) bucket = bucket.next;
      if (!holds(bucket)) bucket.next = { band: b, first: i };
      else if (bucket.more) bucket.more.push(i);
      else groups.push((bucket.more = [bucket.first, i]));
    }
  });
  return groups;
}

/** For every speech of the batch (page order, then speech order), the id of its canonical copy or null. */
export function duplicateLinks(pages: readonly PhasePage[], threshold: number): Map<string, string | null> {
  const items: DuplicateCandidate[] = pages.flatMap((p) => p.fingerprint.speeches.map((s) => ({ id: s.id, signature: decodeSignature(s.signature), completeness: s.completeness })));
  const verdict = findDuplicates(items, threshold, bandGroups(items.map((item) => item.signature)));
  return new Map(items.map((item, i) => [item.id, verdict[i] ?? null]));
}

export async function finishBatch(pages: readonly PhasePage[], config: Config, io: PhaseIO): Promise<PhaseResult> {
  // Names are unique output names; sorting makes the result independent of the order pages finished in.
  const list = [...pages].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((p) => ({ ...p }));
  // Pages are cleaned again and records rewritten as many at a time as the batch cleans pages: on the worker
  // threads, like the first time. Each result lands in its own page's entry, so the order they finish in is moot.
  const limit = pLimit(Math.max(1, config.concurrency));
  let recleaned = 0;
  if (config.boilerplate.repeat.enabled) {
    const repeated = repeatedLines(list, config);
    await Promise.all(
      list.map((page) => {
        const wanted = new Set(page.fingerprint.lines.filter((h) => repeated.get(page.fingerprint.site)!.has(h)));
        if (sameSet(page.fingerprint.applied, wanted)) return undefined;
        recleaned++;
        return limit(async () => {
          page.fingerprint = await io.reclean(page.name, wanted);
        });
      }),
    );
  }
  const links = duplicateLinks(list, config.segment.duplicateThreshold);
  const pageOf = new Map(list.flatMap((p) => p.fingerprint.speeches.map((s) => [s.id, p.name] as const)));
  let relinked = 0;
  let crossPageDuplicates = 0;
  await Promise.all(
    list.map((page) => {
      const own = new Map(page.fingerprint.speeches.map((s) => [s.id, links.get(s.id) ?? null]));
      for (const target of own.values()) if (target && pageOf.get(target) !== page.name) crossPageDuplicates++;
      if (page.fingerprint.speeches.every((s) => s.duplicateOf === own.get(s.id))) return undefined;
      relinked++;
      return limit(async () => {
        page.fingerprint = await io.relink(page.name, own);
      });
    }),
  );
  return { recleaned, relinked, crossPageDuplicates };
}
