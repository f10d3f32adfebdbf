/**
 * Whole-page mojibake repair. A page can decode validly and still be garbage: UTF-8 bytes that some program read
 * as GBK and saved (变巨 → 鍙樺法), or GBK, Big5 or UTF-8 bytes read as Latin-1/cp1252 (我们 → ÎÒÃÇ). Turning the
 * text back into the bytes the wrong reader saw and decoding those right reverses it. A reversal is kept only when
 * it round-trips exactly, covers (nearly) the whole page and turns rare characters into common Chinese: clean text
 * almost never survives the first two tests, and never the last.
 *
 * A GBK reader loses one byte wherever a UTF-8 run of odd length meets a digit, space or punctuation mark (the lone
 * byte becomes U+FFFD or `?`). The character that lost its last byte has up to 64 candidates; when the page's own
 * repaired text settles which one it is, it is restored, else U+FFFD stays.
 */
import iconv from 'iconv-lite';
import type { MojibakeKind } from '../record/schema.js';
import { CharKind, commonHanShare, kindCounts } from './chineseness.js';
import { BIG5, type Codec, decodeWith, detect, GB18030, UTF8 } from './detect.js';

export type { MojibakeKind };

export interface MojibakeRepair {
  kind: MojibakeKind;
  /** The repaired text. */
  text: string;
  /** Characters that lost a byte to the wrong reading and were restored from the page's own text… */
  restored: number;
  /** …or left as U+FFFD. */
  lost: number;
  /** Non-ASCII characters that did not reverse and were kept as they were. */
  kept: number;
}

interface Reversal extends MojibakeRepair {
  /** The mojibake that was replaced, and what replaced it: the evidence for keeping the reversal. */
  from: string;
  to: string;
}

/** A reversal must produce at least this many common Han characters… */
const MIN_HAN = 4;
/** …with at least this share of common characters among its Han characters… */
const MIN_COMMON = 0.9;
/** …at least this much above the share in the text it replaces… */
const MIN_GAIN = 0.3;
/** …and reverse all but this share of the page's non-ASCII characters. */
const MAX_KEPT = 0.1;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-8 continuation bytes still owed after `byte`, given `need` owed before it (-1: not UTF-8). */
function step(need: number, byte: number): number {
  if (need > 0) return (byte & 0xc0) === 0x80 ? need - 1 : -1;
  return byte < 0x80 ? 0 : byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : -1;
}

interface Path {
  chunk: Buffer;
  prev: Path | undefined;
}

function bytesOf(path: Path | undefined): Buffer {
  const chunks: Buffer[] = [];
  for (let p = path; p; p = p.prev) chunks.push(p.chunk);
  return Buffer.concat(chunks.reverse());
}

/**
 * The bytes a GBK reader saw for `run`, by how many bytes the last character still owes, among the readings that
 * make UTF-8. A € was 0x80 to cp936 (a lone byte) or A2 E3 (GB18030's own €); U+FFFD inside a run can only be
 * 0x80, the one lone byte a strict reader rejects. At most four readings survive at each point (one per bytes owed).
 */
function gbkBytes(run: string): Map<number, Buffer> {
  let ways = new Map<number, Path | undefined>([[0, undefined]]);
  for (const [i, part] of run.split(/([€\ufffd])/).entries()) {
    const options = i % 2 === 0 ? [iconv.encode(part, 'gb18030')] : part === '€' ? [Buffer.of(0x80), Buffer.of(0xa2, 0xe3)] : [Buffer.of(0x80)];
    const next = new Map<number, Path | undefined>();
    for (const [need, path] of ways) {
      for (const chunk of options) {
        let n = need;
        for (let k = 0; k < chunk.length && n >= 0; k++) n = step(n, chunk[k]!);
        if (n >= 0 && !next.has(n)) next.set(n, { chunk, prev: path });
      }
    }
    ways = next;
  }
  return new Map([...ways].map(([owed, path]) => [owed, bytesOf(path)]));
}

interface Hole {
  /** Index of the output piece the lost character fills. */
  piece: number;
  /** The surviving bytes of the character. */
  head: Uint8Array;
}

/** The code points a lost final byte could have made: any continuation byte completes the head, adding 0–63. */
function candidatesFor(head: Uint8Array): number[] {
  const first = strictUtf8(Buffer.concat([head, Buffer.of(0x80)]));
  if (first === undefined) return [];
  const base = first.codePointAt(0)!;
  return Array.from({ length: 64 }, (_, i) => base + i);
}

/** A hole is filled when one candidate follows its previous character this often on the page and no other ever does. */
const MIN_PAIRS = 3;

/**
 * Fills each hole with the one candidate the repaired text pairs with the hole's previous character (at least
 * MIN_PAIRS times, no other candidate ever), or with U+FFFD. On the seeds made mojibake this fills ~35 % of the
 * holes, 98 % of them right. Returns how many it filled.
 */
function fillHoles(pieces: string[], holes: readonly Hole[]): number {
  const options = holes.map((h) => candidatesFor(h.head));
  const prevOf = (hole: Hole) => pieces[hole.piece - 1]!.charCodeAt(pieces[hole.piece - 1]!.length - 1);
  // How often each candidate follows each character that precedes a hole (character codes: no string per character).
  const wanted = new Uint8Array(0x10000);
  for (const cp of options.flat()) if (cp < 0x10000) wanted[cp] = 1;
  const after = new Map(holes.map((h) => [prevOf(h), new Map<number, number>()]));
  for (const piece of pieces) {
    for (let i = 1; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      const counts = wanted[c] ? after.get(piece.charCodeAt(i - 1)) : undefined;
      counts?.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  let filled = 0;
  holes.forEach((hole, h) => {
    const counts = after.get(prevOf(hole))!;
    const seen = options[h]!.filter((c) => counts.has(c));
    const sure = seen.length === 1 && counts.get(seen[0]!)! >= MIN_PAIRS;
    pieces[hole.piece] = sure ? String.fromCharCode(seen[0]!) : '\ufffd';
    if (sure) filled++;
  });
  return filled;
}

/** UTF-8 bytes that a GBK reader turned into text, reversed run by run (runs of non-ASCII characters). */
function utf8ReadAsGbk(text: string, nonAscii: number): Reversal | undefined {
  const pieces: string[] = [];
  const holes: Hole[] = [];
  const from: string[] = [];
  const to: string[] = [];
  let last = 0;
  let kept = 0;
  let reversed = 0;
  for (const m of text.matchAll(/[^\x00-\x7f]+/g)) {
    const run = m[0];
    const replaced = run.endsWith('\ufffd');
    const questioned = !replaced && text[m.index + run.length] === '?';
    const ways = gbkBytes(replaced ? run.slice(0, -1) : run);
    const whole = replaced ? undefined : ways.get(0);
    let repaired = whole && strictUtf8(whole);
    let head: Buffer | undefined;
    // A lone byte before ASCII became U+FFFD or `?`: the last character lost its final byte.
    const cut = replaced || questioned ? ways.get(1) : undefined;
    if (repaired === undefined && cut) {
      let start = cut.length - 1;
      while (start > 0 && (cut[start]! & 0xc0) === 0x80) start--;
      repaired = strictUtf8(cut.subarray(0, start));
      head = cut.subarray(start);
    }
    if (repaired === undefined) {
      kept += run.length;
      // Clean text fails run after run: give up early.
      if (kept > MAX_KEPT * nonAscii || (kept >= 64 && kept > reversed)) return undefined;
      continue;
    }
    pieces.push(text.slice(last, m.index), repaired);
    reversed += run.length;
    from.push(run);
    to.push(repaired);
    last = m.index + run.length;
    if (head) {
      holes.push({ piece: pieces.push('') - 1, head });
      if (questioned) last++;
    }
  }
  if (!from.length) return undefined;
  pieces.push(text.slice(last));
  const restored = fillHoles(pieces, holes);
  return { kind: 'utf8-read-as-gbk', text: pieces.join(''), restored, lost: holes.length - restored, kept, from: from.join(''), to: to.join('') };
}

/** Character → byte for a Latin-1 or cp1252 reader (cp1252's five undefined bytes pass through as C1 controls, as browsers read them). */
let latin1Table: Map<number, number> | undefined;
function latin1Bytes(text: string): Buffer | undefined {
  if (!latin1Table) {
    latin1Table = new Map();
    for (let b = 0x80; b <= 0xff; b++) {
      latin1Table.set(b, b);
      const c = iconv.decode(Buffer.of(b), 'windows-1252').charCodeAt(0);
      if (c !== 0xfffd) latin1Table.set(c, b);
    }
  }
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x80 ? c : latin1Table.get(c);
    if (b === undefined) return undefined;
    out[i] = b;
  }
  return out;
}

const LATIN1_KINDS = new Map<Codec, MojibakeKind>([
  [GB18030, 'gbk-read-as-latin1'],
  [BIG5, 'big5-read-as-latin1'],
  [UTF8, 'utf8-read-as-latin1'],
]);

/** Bytes that a Latin-1/cp1252 reader turned into text: every character maps back to one byte. */
function readAsLatin1(text: string): Reversal | undefined {
  const bytes = latin1Bytes(text);
  if (!bytes) return undefined;
  const { codec } = detect(bytes);
  const kind = LATIN1_KINDS.get(codec);
  if (!kind) return undefined;
  const decoded = decodeWith(codec, bytes);
  if (decoded.invalidChars) return undefined;
  // A page cut inside its last character keeps a U+FFFD for it.
  const repaired = decoded.truncatedBytes ? `${decoded.text}\ufffd` : decoded.text;
  return { kind, text: repaired, restored: 0, lost: decoded.truncatedBytes ? 1 : 0, kept: 0, from: text, to: decoded.text };
}

/** The reversal reads as clean Chinese where the text it replaces did not. */
function convincing(r: Reversal): boolean {
  const to = kindCounts(r.to);
  const share = commonHanShare(to);
  return to[CharKind.CommonHan]! >= MIN_HAN && share >= MIN_COMMON && share - commonHanShare(kindCounts(r.from)) >= MIN_GAIN;
}

/** The repaired page when `text` is mojibake, else null. */
export function repairMojibake(text: string): MojibakeRepair | null {
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) nonAscii++;
  if (!nonAscii) return null;
  const reversal = readAsLatin1(text) ?? utf8ReadAsGbk(text, nonAscii);
  if (!reversal || !convincing(reversal)) return null;
  const { from: _from, to: _to, ...repair } = reversal;
  return repair;
}
