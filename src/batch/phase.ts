/**
 * The batch phase: what needs every page of a batch, run once all pages are cleaned. It reads the records
 * (one at a time, so memory stays bounded), and
 * 1. finds lines a site repeats on many of its pages (trafilatura-style) and re-cleans the pages that still keep
 *    them, telling the boilerplate stage which lines to drop;
 * 2. finds near-duplicate speeches across pages (MinHash with LSH banding) and points each to its group's most
 *    complete copy.
 * Everything is derived from the records themselves, so it gives the same result whichever pages were re-cleaned
 * this run (incremental runs) and wherever they were cleaned (local or distributed workers).
 */
import { dirname } from 'node:path';
import type { Config } from '../config.js';
import type { PageRecord } from '../record/schema.js';
import { completeness, findDuplicates, signature } from '../segment/dedupe.js';
import { lineKey } from '../stages/boilerplate-stats.js';

/** Only short lines can be site chrome; long ones that repeat are duplicate speeches, handled apart. */
const MAX_CHROME_LINE = 100;
const REPEATED_RULE = 'boilerplate/repeated';
/** LSH: 16 bands of 4 slots find pairs above ~0.7 similarity with high probability. */
const BANDS = 16;
const ROWS = 4;

export interface BatchPage {
  /** The record file. */
  file: string;
}

export interface PhaseIO {
  read(file: string): Promise<PageRecord>;
  write(file: string, record: PageRecord): Promise<void>;
  /** Cleans the page again, dropping these lines (lineKey strings) as repeated site chrome. */
  reclean(record: PageRecord, repeatedLines: string[]): Promise<PageRecord>;
}

export interface PhaseResult {
  /** Pages cleaned again because their site repeats some of their lines. */
  recleaned: number;
  /** Records rewritten because a speech's duplicateOf changed. */
  relinked: number;
  /** Speeches that are near-duplicates of a speech on another page. */
  crossPageDuplicates: number;
}

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The page's site: its declared site name, else its folder. */
export function siteKey(record: PageRecord): string {
  return record.page.site ?? `dir:${dirname(record.source.path)}`;
}

/** Short lines the page had before any batch knowledge: kept paragraphs plus those dropped as repeated. */
function baseLines(record: PageRecord): string[] {
  const kept = record.speeches.flatMap((s) => s.paragraphs.map((p) => p.text));
  const dropped = record.changes.filter((c) => c.rule === REPEATED_RULE).map((c) => c.before);
  return [...kept, ...dropped].filter((t) => t.length <= MAX_CHROME_LINE).map(lineKey);
}

function appliedLines(record: PageRecord): Set<string> {
  return new Set(record.changes.filter((c) => c.rule === REPEATED_RULE).map((c) => lineKey(c.before)));
}

async function removeRepeatedLines(pages: readonly BatchPage[], config: Config, io: PhaseIO): Promise<number> {
  const { minPages, minShare } = config.boilerplate.repeat;
  const sitePages = new Map<string, number>();
  const counts = new Map<string, Map<number, number>>();
  const perPage: { site: string; hashes: Uint32Array }[] = [];
  for (const page of pages) {
    const record = await io.read(page.file);
    const site = siteKey(record);
    const hashes = Uint32Array.from(new Set(baseLines(record).map(fnv)));
    perPage.push({ site, hashes });
    sitePages.set(site, (sitePages.get(site) ?? 0) + 1);
    let c = counts.get(site);
    if (!c) counts.set(site, (c = new Map()));
    for (const h of hashes) c.set(h, (c.get(h) ?? 0) + 1);
  }
  let recleaned = 0;
  for (let i = 0; i < pages.length; i++) {
    const { site, hashes } = perPage[i]!;
    const total = sitePages.get(site)!;
    const c = counts.get(site)!;
    const repeated = new Set([...hashes].filter((h) => c.get(h)! >= minPages && c.get(h)! >= minShare * total));
    const record = await io.read(pages[i]!.file);
    const wanted = [...new Set(baseLines(record).filter((k) => repeated.has(fnv(k))))].sort();
    const applied = appliedLines(record);
    if (wanted.length === applied.size && wanted.every((k) => applied.has(k))) continue;
    await io.write(pages[i]!.file, await io.reclean(record, wanted));
    recleaned++;
  }
  return recleaned;
}

interface SpeechEntry {
  page: number;
  id: string;
  signature: Uint32Array;
  completeness: number;
}

async function linkDuplicates(pages: readonly BatchPage[], config: Config, io: PhaseIO): Promise<{ relinked: number; cross: number }> {
  const entries: SpeechEntry[] = [];
  for (let p = 0; p < pages.length; p++) {
    const record = await io.read(pages[p]!.file);
    record.speeches.forEach((s) => {
      const text = [s.salutation ?? '', ...s.paragraphs.map((x) => x.text), s.closing ?? '', ...(s.signature ?? [])].join('');
      const lastBody = s.paragraphs[s.paragraphs.length - 1]?.text ?? '';
      entries.push({ page: p, id: s.id, signature: signature(text), completeness: completeness({ salutation: !!s.salutation, closing: !!s.closing, lastBody }) });
    });
  }
  // Candidate pairs share an LSH bucket; they are grouped by the same rule as within a page.
  const buckets = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (let b = 0; b < BANDS; b++) {
      const band = e.signature.subarray(b * ROWS, (b + 1) * ROWS);
      if (band[0] === 0xffffffff) continue; // too short to sign
      const key = `${b}:${band.join(',')}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  function* pairs(): Generator<[number, number]> {
    for (const list of buckets.values()) for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) yield [list[a]!, list[b]!];
  }
  const verdict = findDuplicates(entries, config.segment.duplicateThreshold, pairs());

  let relinked = 0;
  let cross = 0;
  const pageOf = new Map(entries.map((e) => [e.id, e.page]));
  let i = 0;
  for (let p = 0; p < pages.length; p++) {
    const record = await io.read(pages[p]!.file);
    let changed = false;
    for (const s of record.speeches) {
      const next = verdict[i++] ?? null;
      if (next && pageOf.get(next) !== p) cross++;
      if (next !== s.duplicateOf) {
        s.duplicateOf = next;
        changed = true;
      }
    }
    if (changed) {
      await io.write(pages[p]!.file, record);
      relinked++;
    }
  }
  return { relinked, cross };
}

export async function finishBatch(pages: readonly BatchPage[], config: Config, io: PhaseIO): Promise<PhaseResult> {
  const sorted = [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const recleaned = config.boilerplate.repeat.enabled ? await removeRepeatedLines(sorted, config, io) : 0;
  const { relinked, cross } = await linkDuplicates(sorted, config, io);
  return { recleaned, relinked, crossPageDuplicates: cross };
}
