/**
 * A page's fingerprint: the little the batch phase needs to know about a page without reading its record. Made
 * from the record itself (so a local thread, a worker or a remote machine all make the same one) and kept in the
 * run's manifest.
 */
import { dirname } from 'node:path';
import type { PageRecord } from '../record/schema.js';
import { completeness, signature } from '../segment/dedupe.js';
import { isStructural, lineKey } from '../stages/boilerplate-stats.js';

/**
 * Lines that can be site chrome: short, not a sentence (body sentences that repeat are duplicated speeches, handled
 * apart), not a title, heading, salutation or closing (every speech has those).
 */
const MAX_CHROME_LINE = 100;
const SENTENCE_END = /[。！？!?…][”’"」』)）]*$/;
function mayBeChrome(text: string): boolean {
  return text.length >= 4 && text.length <= MAX_CHROME_LINE && !SENTENCE_END.test(text) && !isStructural(text);
}
export const REPEATED_RULE = 'boilerplate/repeated';

export interface SpeechPrint {
  id: string;
  /** MinHash signature (base64 of 64 little-endian uint32). */
  signature: string;
  completeness: number;
  duplicateOf: string | null;
}

export interface PageFingerprint {
  site: string;
  /** Hashes of the page's short lines before any batch knowledge (kept, or dropped as repeated). */
  lines: number[];
  /** Hashes of the lines the batch phase had this page drop as repeated. */
  applied: number[];
  speeches: SpeechPrint[];
}

export function lineHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The page's site: its declared site name, else its folder. */
export function siteKey(record: PageRecord): string {
  return record.page.site ?? `dir:${dirname(record.source.path)}`;
}

/** Short lines (`lineKey` strings) the page had before batch knowledge: kept paragraphs plus those dropped as repeated. */
export function baseLines(record: PageRecord): string[] {
  const kept = record.speeches.flatMap((s) => s.paragraphs.map((p) => p.text));
  const dropped = record.changes.filter((c) => c.rule === REPEATED_RULE).map((c) => c.before);
  return [...new Set([...kept.filter(mayBeChrome), ...dropped].map(lineKey))];
}

const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);

export function encodeSignature(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
}

export function decodeSignature(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export function fingerprintOf(record: PageRecord): PageFingerprint {
  return {
    site: siteKey(record),
    lines: sorted(baseLines(record).map(lineHash)),
    applied: sorted(record.changes.filter((c) => c.rule === REPEATED_RULE).map((c) => lineHash(lineKey(c.before)))),
    speeches: record.speeches.map((s) => ({
      id: s.id,
      signature: encodeSignature(signature([s.salutation ?? '', ...s.paragraphs.map((p) => p.text), s.closing ?? '', ...(s.signature ?? [])].join(''))),
      completeness: completeness({ salutation: !!s.salutation, closing: !!s.closing, lastBody: s.paragraphs[s.paragraphs.length - 1]?.text ?? '' }),
      duplicateOf: s.duplicateOf,
    })),
  };
}
