/**
 * The closed-world encoding choice: Chinese pages come in UTF-8, GB18030 (GBK, GB2312), Big5 or UTF-16, so the
 * detector decodes a window of the bytes with each and keeps the decoding that is most probable under the
 * character model of Chinese pages (`logLikelihood`). The window starts just before the first byte plain ASCII
 * would not have (an ASCII head says nothing) and grows until one answer is clear, so a large page costs a few
 * kilobytes of work.
 */
import iconv from 'iconv-lite';
import { logLikelihood } from './chineseness.js';

/** How characters are framed in bytes: what it takes to find where the last complete character ends. */
export type Framing = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030' | 'big5' | 'other';

export interface Codec {
  /** Canonical name: UTF-8, GB18030, Big5, UTF-16LE, UTF-16BE, or an override's own label. */
  name: string;
  iconv: string;
  framing: Framing;
}

export const UTF8: Codec = { name: 'UTF-8', iconv: 'utf8', framing: 'utf8' };
export const GB18030: Codec = { name: 'GB18030', iconv: 'gb18030', framing: 'gb18030' };
export const BIG5: Codec = { name: 'Big5', iconv: 'big5', framing: 'big5' };
export const UTF16LE: Codec = { name: 'UTF-16LE', iconv: 'utf16le', framing: 'utf16le' };
export const UTF16BE: Codec = { name: 'UTF-16BE', iconv: 'utf16be', framing: 'utf16be' };

/** The candidates, with a small prior (ln) that only settles near ties: UTF-8 is the web's default. */
const CANDIDATES: readonly { codec: Codec; prior: number }[] = [
  { codec: UTF8, prior: 0 },
  { codec: GB18030, prior: -1 },
  { codec: BIG5, prior: -2 },
  { codec: UTF16LE, prior: -3 },
  { codec: UTF16BE, prior: -4 },
];

export class DecodeError extends Error {}

/** The codec for an encoding label. GBK, GB2312 and CP936 decode as GB18030 (a superset). */
export function codecFor(label: string): Codec {
  const n = label.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/^(gb18030|gbk|gb2312|cp936|euccn|windows936|xgbk|chinese)$/.test(n)) return GB18030;
  if (/^(big5|big5hkscs|cp950|windows950|xxbig5)$/.test(n)) return BIG5;
  if (n === 'utf8' || n === 'unicode11utf8') return UTF8;
  if (n === 'utf16' || n === 'utf16le' || n === 'unicode') return UTF16LE;
  if (n === 'utf16be') return UTF16BE;
  if (!iconv.encodingExists(label)) throw new DecodeError(`unknown encoding "${label}"`);
  return { name: label, iconv: label, framing: 'other' };
}

/** A byte below this never continues a character, so the next byte starts one (GB18030: 4-byte seconds are 0x30–0x39). */
const RESYNC: Partial<Record<Framing, number>> = { gb18030: 0x30, big5: 0x40 };

/** Length of the longest prefix of `bytes` that does not end inside a character. */
export function completeLength(bytes: Uint8Array, framing: Framing): number {
  const n = bytes.length;
  if (framing === 'utf8') {
    for (let back = 1; back <= 3 && back <= n; back++) {
      const b = bytes[n - back]!;
      if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return need > back ? n - back : n;
    }
    return n;
  }
  if (framing === 'utf16le' || framing === 'utf16be') {
    const even = n & ~1;
    const hi = framing === 'utf16le' ? bytes[even - 1] : bytes[even - 2];
    // A high surrogate last means its pair was cut off.
    return even >= 2 && hi !== undefined && hi >= 0xd8 && hi <= 0xdb ? even - 2 : even;
  }
  const resync = RESYNC[framing];
  if (resync === undefined) return n;
  let i = n;
  while (i > 0 && bytes[i - 1]! >= resync) i--;
  // Walk forward from the last sure boundary.
  while (i < n) {
    const b = bytes[i]!;
    const len = b < 0x81 || b === 0xff ? 1 : framing === 'gb18030' && bytes[i + 1] !== undefined && bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x39 ? 4 : 2;
    if (i + len > n) return i;
    i += len;
  }
  return n;
}

function countText(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) count++;
  return count;
}

function countBytes(bytes: Buffer, needle: Buffer): number {
  let count = 0;
  for (let i = bytes.indexOf(needle); i >= 0; i = bytes.indexOf(needle, i + needle.length)) count++;
  return count;
}

export interface Decoding {
  text: string;
  /** Bytes of an incomplete character at the very end, left out. */
  truncatedBytes: number;
  /** Byte sequences the codec could not decode; each became U+FFFD. */
  invalidChars: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of `bytes` if all of it is valid UTF-8 (no character cut at the end), else null. A leading BOM is left
 * out, as iconv-lite does. Valid UTF-8 has one decoding and no error to count, and the strict decoder gives up at
 * the first bad byte: cheaper than iconv-lite's decoder plus a scan for U+FFFD.
 */
export function validUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes all of `bytes`, leaving out a character cut at the end, and counts undecodable sequences. */
export function decodeWith(codec: Codec, bytes: Uint8Array): Decoding {
  const end = completeLength(bytes, codec.framing);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, end);
  const valid = codec.framing === 'utf8' ? validUtf8(body) : null;
  if (valid !== null) return { text: valid, truncatedBytes: bytes.length - end, invalidChars: 0 };
  const text = iconv.decode(body, codec.iconv);
  const replacements = countText(text, '\ufffd');
  let genuine = 0;
  if (replacements) {
    // A U+FFFD the page itself encodes is text, not a decoding error.
    const encoded = iconv.encode('\ufffd', codec.iconv);
    if (iconv.decode(encoded, codec.iconv) === '\ufffd') genuine = countBytes(body, encoded);
  }
  return { text, truncatedBytes: bytes.length - end, invalidChars: replacements - genuine };
}

/** Posteriors are tempered: characters of a text are not independent, so raw likelihood ratios overstate certainty. */
const TEMPERATURE = 4;
/** ln-odds a `<meta charset>` adds to its encoding: it settles short or ambiguous pages, not clear ones. */
const META_PRIOR = 8;
/** ln-cost of each byte a candidate leaves out as a cut final character. */
const CUT_COST = 5;
/** Stop growing the window once the answer is this sure. */
const SURE = 0.999;
const FIRST_WINDOW = 1024;

export interface Detection {
  codec: Codec;
  /** Posterior probability (0–1) that the chosen encoding gives the right text. */
  confidence: number;
}

/** Index of the first byte that is not printable ASCII or a tab, newline, form feed or return; -1 if none. */
function firstNonText(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x7f || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d)) return i;
  }
  return -1;
}

/**
 * Chooses among UTF-8, GB18030, Big5 and BOM-less UTF-16 (plus `hint`, a declared encoding, favoured by a prior).
 * `whole` scores all of the bytes instead of a growing window.
 */
export function detect(bytes: Uint8Array, options: { hint?: Codec | undefined; whole?: boolean } = {}): Detection {
  const first = firstNonText(bytes);
  const candidates = CANDIDATES.map((c) => ({ ...c, prior: c.prior + (options.hint?.name === c.codec.name ? META_PRIOR : 0) }));
  if (options.hint && !candidates.some((c) => c.codec.name === options.hint!.name)) candidates.push({ codec: options.hint, prior: META_PRIOR });
  // Start a little before the first byte plain ASCII text would not have, on an even offset so UTF-16 stays in phase.
  const start = options.whole || first < 0 ? 0 : Math.max(0, first - 256) & ~1;
  for (let size = FIRST_WINDOW; ; size *= 4) {
    const end = options.whole ? bytes.length : Math.min(bytes.length, start + size);
    const window = bytes.subarray(start, end);
    const scored = candidates.map((c) => {
      const { text, truncatedBytes } = decodeWith(c.codec, window);
      return { codec: c.codec, text, score: (logLikelihood(text) + c.prior - CUT_COST * truncatedBytes) / TEMPERATURE };
    });
    const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
    let total = 0;
    let same = 0;
    for (const s of scored) {
      const p = Math.exp(s.score - best.score);
      total += p;
      if (s.text === best.text) same += p;
    }
    const confidence = same / total;
    if (confidence >= SURE || end >= bytes.length) return { codec: best.codec, confidence };
  }
}
