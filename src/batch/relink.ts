/**
 * Relinking a written record: the batch phase changes the `duplicateOf` of speeches in most records of a batch of
 * related pages, and parsing and serializing each of them again cost as much as cleaning a fifth of the pages.
 * `serialize` (src/run/write.ts) writes each speech's `duplicateOf` on a line of its own, indented as a key of an
 * element of the top-level `speeches`; changes and warnings have no such key, and no JSON string holds a line
 * break, so that line is found by its bytes and its value replaced in place. The result is byte for byte what
 * serializing the record with the new values gives.
 */
import type { PageFingerprint } from './fingerprint.js';

const KEY = Buffer.from('\n   "duplicateOf": ');
const NEWLINE = 0x0a;
const COMMA = 0x2c;

/** The record `json` with its speeches' `duplicateOf` set to `values`, in speech order. */
export function relinkJson(json: Uint8Array, values: readonly (string | null)[]): Uint8Array {
  const bytes = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
  const parts: Uint8Array[] = [];
  let kept = 0;
  let speech = 0;
  for (let at = bytes.indexOf(KEY); at >= 0; at = bytes.indexOf(KEY, at + 1)) {
    if (speech >= values.length) break;
    const from = at + KEY.length;
    let to = bytes.indexOf(NEWLINE, from);
    if (to < 0) to = bytes.length;
    if (bytes[to - 1] === COMMA) to--;
    parts.push(bytes.subarray(kept, from), Buffer.from(JSON.stringify(values[speech++])));
    kept = to;
  }
  if (speech !== values.length || bytes.indexOf(KEY, kept) >= 0) throw new Error('the record is not as speechclean writes it (speeches do not match its fingerprint)');
  parts.push(bytes.subarray(kept));
  return Buffer.concat(parts);
}

/** The fingerprint of a record relinked to `links` (speech id → canonical id). */
export function relinkFingerprint(fingerprint: PageFingerprint, links: ReadonlyMap<string, string | null>): PageFingerprint {
  return { ...fingerprint, speeches: fingerprint.speeches.map((s) => ({ ...s, duplicateOf: links.get(s.id) ?? null })) };
}
