/**
 * How Chinese a decoded text looks. Every character falls in one class; the frequency knowledge comes from the two
 * national standards' own tiers, read out of the codecs: GB2312 level 1 (3,755 most used simplified characters,
 * rows B0–D7) and Big5's 常用字 block (5,401 most used traditional characters, A440–C67E) are common; GB2312 level 2
 * and Big5's 次常用字 are second-tier; any other Han character is rare. A wrong decoding yields rare characters,
 * other scripts, U+FFFD, private-use or control characters instead.
 *
 * `logLikelihood` scores a text under a character-unigram model of Chinese pages built on these classes. Two
 * decodings of the same bytes can be compared by it directly: each is the probability of those bytes.
 */
import iconv from 'iconv-lite';

export const enum CharKind {
  Other = 0,
  CommonHan = 1,
  SecondHan = 2,
  RareHan = 3,
  Ascii = 4,
  Punctuation = 5,
  Bad = 6,
}

/**
 * ln P(character) per class: the class's share of the characters of a Chinese page divided by the class's size
 * (ASCII 45 % over 98 characters, common Han 45 % over ~6,800, …). Bad characters are all but impossible.
 */
const LOG_P: readonly number[] = [
  Math.log(0.001 / 30000), // Other: Latin letters with accents, kana, Hangul, symbols, box drawing
  Math.log(0.45 / 6800), // CommonHan
  Math.log(0.01 / 10000), // SecondHan
  Math.log(0.001 / 70000), // RareHan
  Math.log(0.45 / 98), // Ascii
  Math.log(0.05 / 40), // Punctuation
  -30, // Bad
];

const PUNCTUATION = '、。，．；：！？“”‘’《》〈〉「」『』【】〔〕（）…—～·　';

let table: Uint8Array | undefined;

function rowsOf(first: number, last: number, trails: readonly (readonly [number, number])[]): Buffer {
  const bytes: number[] = [];
  for (let hi = first; hi <= last; hi++) for (const [a, b] of trails) for (let lo = a; lo <= b; lo++) bytes.push(hi, lo);
  return Buffer.from(bytes);
}

/** Promotes the Han characters of `text` (a decoded tier of a standard) from rare to `kind`. */
function mark(t: Uint8Array, text: string, kind: CharKind): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (t[c] === CharKind.RareHan) t[c] = kind;
  }
}

function kindTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  const fill = (from: number, to: number, kind: CharKind) => t.fill(kind, from, to + 1);
  fill(0x3400, 0x4dbf, CharKind.RareHan);
  fill(0x4e00, 0x9fff, CharKind.RareHan);
  fill(0xf900, 0xfaff, CharKind.RareHan);
  const big5Trails = [[0x40, 0x7e], [0xa1, 0xfe]] as const;
  mark(t, iconv.decode(rowsOf(0xb0, 0xd7, [[0xa1, 0xfe]]), 'gb18030'), CharKind.CommonHan);
  mark(t, iconv.decode(Buffer.concat([rowsOf(0xa4, 0xc5, big5Trails), rowsOf(0xc6, 0xc6, [[0x40, 0x7e]])]), 'big5'), CharKind.CommonHan);
  mark(t, iconv.decode(rowsOf(0xd8, 0xf7, [[0xa1, 0xfe]]), 'gb18030'), CharKind.SecondHan);
  mark(t, iconv.decode(rowsOf(0xc9, 0xf9, big5Trails), 'big5'), CharKind.SecondHan);
  for (const ch of PUNCTUATION) t[ch.charCodeAt(0)] = CharKind.Punctuation;
  fill(0x20, 0x7e, CharKind.Ascii);
  t[0x09] = t[0x0a] = t[0x0d] = CharKind.Ascii;
  // Control characters (C0 but tab/newline/return, DEL, C1), surrogates, private use, U+FFFD and non-characters.
  fill(0x00, 0x08, CharKind.Bad);
  fill(0x0b, 0x0c, CharKind.Bad);
  fill(0x0e, 0x1f, CharKind.Bad);
  fill(0x7f, 0x9f, CharKind.Bad);
  fill(0xd800, 0xf8ff, CharKind.Bad);
  fill(0xfffd, 0xffff, CharKind.Bad);
  table = t;
  return t;
}

/** Characters of `text` per class (a surrogate pair is one character). */
export function kindCounts(text: string): number[] {
  const t = kindTable();
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        // Planes 2–3 hold the CJK extensions; planes 15–16 are private use.
        counts[cp >= 0xf0000 ? CharKind.Bad : cp >= 0x20000 && cp < 0x40000 ? CharKind.RareHan : CharKind.Other]!++;
        i++;
        continue;
      }
    }
    counts[t[c]!]!++;
  }
  return counts;
}

/** ln P(text) under the character-unigram model of Chinese pages. */
export function logLikelihood(text: string): number {
  const counts = kindCounts(text);
  let sum = 0;
  for (let k = 0; k < counts.length; k++) sum += counts[k]! * LOG_P[k]!;
  return sum;
}

let common: Uint8Array | undefined;

/** 1 for a common Han character, Chinese punctuation, printable ASCII, tab or newline (what `chineseness` counts as good). */
export function commonTable(): Uint8Array {
  if (common) return common;
  const kinds = kindTable();
  common = kinds.map((kind) => (kind === CharKind.CommonHan || kind === CharKind.Ascii || kind === CharKind.Punctuation ? 1 : 0));
  return common;
}

export function isCommonChar(code: number): boolean {
  return commonTable()[code] === 1;
}

/** Score in [-1, 1]: share of common characters, minus a penalty for characters no clean decoding produces. */
export function chineseness(text: string): number {
  const counts = kindCounts(text);
  const n = counts.reduce((a, b) => a + b, 0);
  const good = counts[CharKind.CommonHan]! + counts[CharKind.Ascii]! + counts[CharKind.Punctuation]!;
  return n ? (good - 2 * counts[CharKind.Bad]!) / n : 0;
}

/** Share of common characters among the Han characters of `text` (0 when it has none). */
export function commonHanShare(counts: readonly number[]): number {
  const han = counts[CharKind.CommonHan]! + counts[CharKind.SecondHan]! + counts[CharKind.RareHan]!;
  return han ? counts[CharKind.CommonHan]! / han : 0;
}
