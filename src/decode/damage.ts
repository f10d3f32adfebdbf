/**
 * Repairs text decoded from GBK bytes that a byte-level find-and-replace had shifted (see src/rules/damage.ts).
 *
 * A damaged span is re-encoded to the bytes the decoder saw: every character back to its GBK code, each `?` a byte
 * the decoder lost. Then the inserted bytes are removed, the folded mark's bytes put back, and the lost bytes
 * filled in, and the result is decoded in phase. Several readings of a span are tried (where the damage started
 * and how the run out of phase ended); each lost byte is a "hole" with candidates:
 * - checked by a pinyin reading: the inserted `(cè)` names the two bytes it matched, one of them known; an
 *   annotation after a lost byte names the character the byte completes;
 * - otherwise chosen by how Chinese the result looks and how well it fits the page's own text (common
 *   characters, character pairs seen elsewhere on the page). A hole whose best candidate does not stand out
 *   clearly is not guessed: its character stays `?` and the span is reported unresolved.
 */
import { commonTable } from './chineseness.js';
import { decodeGbk, EURO_BYTE, gbkBytes, gbkTable } from './gbk.js';
import { FOLDED_MARKS, INVALID, SYLLABLE, type RepairRule, repairRules, USER_DEFINED } from '../rules/damage.js';
import { Readings } from '../rules/readings.js';
import { HAN_CLASS } from '../tree/chars.js';

/** A damaged span of one paragraph's text and what it repairs to. */
export interface DamageSpan {
  start: number;
  end: number;
  /** How the damage started; null when no reading of the span fits. */
  rule: RepairRule | null;
  /** The repaired text; null when no reading fits. */
  after: string | null;
  /** Characters of `after` the evidence does not determine (left as `?`). */
  undetermined: number;
}

const ANNOTATION = new RegExp(`\\((${SYLLABLE})\\)`, 'g');
const PAIR = new RegExp(`([${HAN_CLASS}])\\((${SYLLABLE})\\)`, 'g');
/** Where a span can start: a lost byte before an annotation, a lost byte before a folded mark, an ASCII key byte. */
const STARTER = new RegExp(
  `[${INVALID}](?=\\(?${SYLLABLE}\\))|(?<=[${HAN_CLASS}])[${INVALID}](?=[${FOLDED_MARKS}][${HAN_CLASS}${USER_DEFINED}])|(?<=[${HAN_CLASS}])[\\x40-\\x7e](?=\\(${SYLLABLE}\\))`,
  'g',
);
/** Signs of damage that no span explains: reported, never changed. */
const LEFTOVER = new RegExp(`[${USER_DEFINED}]|[${INVALID}]\\(?${SYLLABLE}\\)|[^${HAN_CLASS}(\\s]\\(${SYLLABLE}\\)`, 'g');
const ANNOTATION_AT = new RegExp(`^(\\()?(${SYLLABLE})\\)`);
const ANNOTATION_BEFORE = new RegExp(`\\(${SYLLABLE}\\)$`);
const CLOSING_TAG = /^\/[a-zA-Z][a-zA-Z0-9]*>/;

function chineseOnly(text: string): string {
  return text.replace(ANNOTATION, '').replace(/[\x00-\x7f\ufffd]/g, '');
}

/** A clear preference between two candidates: one common character, or a few page pairs, apart. */
const MARGIN = 1.5;
/** Out-of-phase runs end at the next ASCII byte; a longer one is not this damage. */
const MAX_RUN = 80;
/** Full-width letters inside a run that the site folded to ASCII (Ｎ → N); more than two is noise. */
const MAX_FOLDS = 2;

/**
 * Counts by int32 key, in an open-addressing table of typed arrays: a page counts every character pair it holds,
 * and a Map did that at ~100 ns a character. A slot is free while its count is 0.
 */
class PairCounts {
  private keys = new Int32Array(1 << 12);
  private counts = new Int32Array(1 << 12);
  private size = 0;

  private shift = 32 - 12;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    // Multiplicative hashing: the product's high bits depend on every bit of the key.
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.counts[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  get(key: number): number {
    return this.counts[this.slot(key)]!;
  }

  add(key: number): void {
    const i = this.slot(key);
    if (this.counts[i]!++ !== 0) return;
    this.keys[i] = key;
    if (++this.size * 2 > this.keys.length) this.grow();
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.counts = new Int32Array(keys.length * 2);
    this.shift--;
    for (let i = 0; i < keys.length; i++) {
      if (counts[i] === 0) continue;
      const j = this.slot(keys[i]!);
      this.keys[j] = keys[i]!;
      this.counts[j] = counts[i]!;
    }
  }
}

/**
 * What the repair knows about a page: pinyin readings (dictionary + the page's own pairs) and a character-pair
 * model of the page's intact text.
 */
export class PageModel {
  readonly readings: Readings;
  // By UTF-16 code unit; pairs keyed `first << 16 | second`.
  private readonly unigrams = new Int32Array(0x10000);
  private readonly bigrams = new PairCounts();
  private readonly common = commonTable();

  constructor(texts: readonly string[]) {
    const pairs: [string, string][] = [];
    for (const text of texts) {
      for (const m of text.matchAll(PAIR)) pairs.push([m[1]!, m[2]!]);
      const line = `\n${text.replace(ANNOTATION, '')}\n`;
      let previous = -1;
      for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        this.unigrams[c]!++;
        if (previous >= 0) this.bigrams.add((previous << 16) | c);
        previous = c;
      }
    }
    this.readings = new Readings(pairs);
  }

  isCommon(ch: string): boolean {
    return this.common[ch.charCodeAt(0)] === 1;
  }

  private charScore(t: string, i: number): number {
    const c = t.charCodeAt(i);
    const bigram = (a: number, b: number) => Math.log1p(this.bigrams.get((a << 16) | b));
    return (this.common[c] ? 1 : -1) + 0.3 * Math.log1p(this.unigrams[c]!) + bigram(t.charCodeAt(i - 1), c) + bigram(c, t.charCodeAt(i + 1));
  }

  /** Fit of the inner characters of `t` (its first and last are context); annotations and tags do not count. */
  score(t: string): { sum: number; mean: number } {
    const s = t.replace(ANNOTATION, '').replace(/<[^\n]*$/, '\n');
    let sum = 0;
    for (let i = 1; i < s.length - 1; i++) sum += this.charScore(s, i);
    return { sum, mean: sum / Math.max(1, s.length - 2) };
  }
}

// A reading of a span: the bytes the decoder saw, with holes for lost bytes and text kept as is. `checked` marks
// bytes a pinyin reading ties to a byte the text still shows: readings with more of them win over plain guesses.
type Item =
  | { bytes: number[]; checked?: boolean }
  | { hole: number[][]; checked?: boolean }
  | { text: string; names?: string | undefined; checked?: boolean };

interface Reading {
  items: Item[];
  end: number;
  folds: number;
  rule: RepairRule;
}

interface Token {
  text: string;
  /** Indexes of the holes whose bytes make this character. */
  holes: number[];
  /** The character must have this reading (an annotation follows it). */
  names?: string | undefined;
}

const ANY_BYTE: number[][] = [];
for (let b = 0x81; b <= 0xfe; b++) ANY_BYTE.push([b]);

function annotationAt(text: string, at: number): { pinyin: string; length: number; kept: string } | undefined {
  const m = ANNOTATION_AT.exec(text.slice(at, at + 12));
  if (!m) return undefined;
  // The decoder swallowed the `(` with the lost byte: put it back.
  return { pinyin: m[2]!.normalize('NFC'), length: m[0].length, kept: m[1] ? m[0] : `(${m[0]}` };
}

/** The last byte before `at` in the page's byte order: inserted annotations before it do not count. */
function byteBefore(text: string, at: number): number | undefined {
  let i = at;
  for (;;) {
    const m = ANNOTATION_BEFORE.exec(text.slice(Math.max(0, i - 12), i));
    if (!m) break;
    i -= m[0].length;
  }
  const bytes = i ? gbkBytes(text[i - 1]!) : undefined;
  return bytes?.length === 2 ? bytes[1] : undefined;
}

function isInvalid(ch: string | undefined): boolean {
  return ch === '?' || ch === '\ufffd';
}

/** Every reading of the span that starts at `start`. */
function readingsAt(text: string, start: number, model: PageModel): Reading[] {
  const out: Reading[] = [];
  const codes = (pinyin: string) => model.readings.codes(pinyin);

  // Out of phase from `j` on: each character is a trail byte + the next lead byte, until an ASCII byte.
  const run = (j: number, items: Item[], folds: number, rule: RepairRule, n = 0): void => {
    const ch = text[j];
    if (ch === undefined || ch === '\n' || n > MAX_RUN || out.length > 64) return;
    const code = ch.charCodeAt(0);
    if (isInvalid(ch)) {
      const ann = annotationAt(text, j + 1);
      if (ann) {
        // The run's last trail byte was lost with the `(` of an annotation that names the character it completes…
        out.push({ items: [...items, { hole: ANY_BYTE }, { text: ann.kept, names: ann.pinyin, checked: true }], end: j + 1 + ann.length, folds, rule });
        // …or a key matched two bytes the decoder paired, and the run goes on after its annotation.
        const keys = codes(ann.pinyin).map((c) => [c >> 8, c & 0xff]);
        if (keys.length) run(j + 1 + ann.length, [...items, { hole: keys }], folds, rule, n + 1);
        return;
      }
      // The last trail byte was lost; the ASCII byte after it was kept, except the `<` of a tag.
      const tag = CLOSING_TAG.test(text.slice(j + 1, j + 16)) ? [{ bytes: [0x3c] }] : [];
      out.push({ items: [...items, { hole: ANY_BYTE }, ...tag], end: j + 1, folds, rule });
      return;
    }
    if (code < 0x80) {
      if (code >= 0x40 && code <= 0x7e) {
        // An ASCII-range trail byte ends the run; an annotation after it names the character it completes.
        const ann = text[j + 1] === '(' ? annotationAt(text, j + 1) : undefined;
        out.push({ items: [...items, { bytes: [code] }, ...(ann ? [{ text: ann.kept, names: ann.pinyin, checked: true }] : [])], end: j + 1 + (ann?.length ?? 0), folds, rule });
      }
      if (folds < MAX_FOLDS && code > 0x20 && code < 0x7f && !annotationAt(text, j) && (text.charCodeAt(j + 1) >= 0x80)) {
        run(j + 1, [...items, { bytes: [0xa3, code + 0x80] }], folds + 1, rule, n + 1);
      }
      return;
    }
    const bytes = gbkBytes(ch);
    if (!bytes) return;
    if (bytes.length === 1) out.push({ items: [...items, { bytes }], end: j + 1, folds, rule });
    else run(j + 1, [...items, { bytes }], folds, rule, n + 1);
  };

  const ch = text[start]!;
  if (!isInvalid(ch)) {
    // An ASCII byte after a character, then an annotation: the key was that character's last byte + this byte.
    // The character must read as text in phase (a common one): a rare one ends a run, whose annotation is real.
    const ann = annotationAt(text, start + 1)!;
    if (!model.isCommon(text[start - 1]!)) return out;
    const before = byteBefore(text, start);
    const key = before === undefined ? -1 : (before << 8) | ch.charCodeAt(0);
    if (codes(ann.pinyin).includes(key)) out.push({ items: [{ bytes: [ch.charCodeAt(0)], checked: true }], end: start + 1 + ann.length, folds: 0, rule: repairRules.asciiKey });
    return out;
  }
  const ann = annotationAt(text, start + 1);
  if (!ann) {
    // A folded full-width mark: its A3 byte was the trail of the character whose lead byte was lost.
    const mark = text.charCodeAt(start + 1);
    run(start + 2, [{ hole: ANY_BYTE }, { bytes: [0xa3, mark + 0x80] }], 0, repairRules.markKey);
    return out;
  }
  const after = start + 1 + ann.length;
  const before = byteBefore(text, start);
  const keys = before === undefined ? [] : codes(ann.pinyin).filter((c) => c >> 8 === before && (c & 0xff) >= 0x81);
  if (keys.length) {
    // The key was the previous character's trail byte + the next one's lead byte, which the decoder lost.
    run(after, [{ hole: keys.map((c) => [c & 0xff]), checked: true }], 0, repairRules.pinyinKey);
    // Some converters re-decode the next character whole after the insertion.
    const next = text[after] === undefined ? undefined : gbkBytes(text[after]!);
    if (next?.length === 2 && keys.some((c) => (c & 0xff) === next[0])) out.push({ items: [{ bytes: next, checked: true }], end: after + 1, folds: 0, rule: repairRules.pinyinKey });
  }
  // The decoder lost a whole character with the `(` of its own annotation.
  const whole = codes(ann.pinyin).map((c) => [c >> 8, c & 0xff]);
  if (whole.length) out.push({ items: [{ hole: whole }, { text: ann.kept, names: ann.pinyin }], end: after, folds: 0, rule: repairRules.lostCharacter });
  return out;
}

/** The characters of a reading with the given hole fillings, decoded in phase. */
function tokens(items: readonly Item[], choice: readonly (number[] | undefined)[]): Token[] {
  const { char } = gbkTable();
  const out: Token[] = [];
  let bytes: [number, number | undefined][] = [];
  const flush = () => {
    let i = 0;
    while (i < bytes.length) {
      const [b, hole] = bytes[i]!;
      const own = hole === undefined ? [] : [hole];
      if (b < 0x80 || b === EURO_BYTE || i + 1 === bytes.length) {
        out.push({ text: decodeGbk([b]), holes: own });
        i++;
        continue;
      }
      const [b2, hole2] = bytes[i + 1]!;
      out.push({ text: char.get((b << 8) | b2) ?? '\ufffd', holes: hole2 === undefined || hole2 === hole ? own : [...own, hole2] });
      i += 2;
    }
    bytes = [];
  };
  items.forEach((item, k) => {
    if ('text' in item) {
      flush();
      const last = out[out.length - 1];
      if (last && item.names) last.names = item.names;
      out.push({ text: item.text, holes: [] });
    } else for (const b of 'hole' in item ? choice[k]! : item.bytes) bytes.push([b, 'hole' in item ? k : undefined]);
  });
  flush();
  return out;
}

const UNDECODABLE = new RegExp(`[\\ufffd\\u0000-\\u001f\\u007f-\\u009f${USER_DEFINED}\\ue766-\\uf8ff]`);

function valid(token: Token, readings: Readings): boolean {
  return !UNDECODABLE.test(token.text) && (!token.names || readings.has(token.text, token.names));
}

interface Evaluated {
  after: string;
  /** `after` with every hole at its best candidate. */
  full: string;
  undetermined: number;
  checked: number;
  mean: number;
}

/** Fills the holes left to right, each with its best-fitting candidate; null if no filling decodes cleanly. */
function evaluate(text: string, start: number, reading: Reading, windowEnd: number, model: PageModel): Evaluated | null {
  const left = text[start - 1] ?? '\n';
  const right = text.slice(reading.end, windowEnd) + (text[windowEnd] ?? '\n');
  const choice = reading.items.map((item) => ('hole' in item ? item.hole[0] : undefined));
  const unclear = new Set<number>();
  reading.items.forEach((item, k) => {
    if (!('hole' in item)) return;
    const scored: { candidate: number[]; sum: number }[] = [];
    for (const candidate of item.hole) {
      choice[k] = candidate;
      const toks = tokens(reading.items, choice);
      // Characters that later holes also make are checked when those are filled.
      if (!toks.every((t) => !t.holes.includes(k) || t.holes.some((h) => h > k) || valid(t, model.readings))) continue;
      // Candidates differ only in the characters this hole makes: score those with one neighbour each side.
      const first = toks.findIndex((t) => t.holes.includes(k));
      const last = toks.findLastIndex((t) => t.holes.includes(k));
      const before = first > 0 ? toks[first - 1]!.text : left;
      const after = last + 1 < toks.length ? toks[last + 1]!.text : right;
      const own = toks.slice(first, last + 1).map((t) => t.text).join('');
      scored.push({ candidate, sum: model.score(before.slice(-2) + own + after.slice(0, 2)).sum });
    }
    if (!scored.length) return;
    scored.sort((a, b) => b.sum - a.sum);
    choice[k] = scored[0]!.candidate;
    if (scored.length > 1 && scored[0]!.sum - scored[1]!.sum < MARGIN) unclear.add(k);
  });
  const toks = tokens(reading.items, choice);
  if (!toks.every((t) => valid(t, model.readings))) return null;
  const full = toks.map((t) => t.text).join('');
  const shown = toks.map((t) => (t.holes.some((h) => unclear.has(h)) ? '?' : t.text));
  const checked = reading.items.filter((item) => item.checked).length;
  return {
    after: shown.join(''),
    full,
    undetermined: toks.filter((t) => t.holes.some((h) => unclear.has(h))).length,
    checked,
    mean: model.score(left + full + right).mean - 0.5 * reading.folds,
  };
}

/** The damaged spans of one paragraph's text, left to right, with their repairs. */
export function findDamage(text: string, model: PageModel): DamageSpan[] {
  const spans: DamageSpan[] = [];
  let from = 0;
  STARTER.lastIndex = 0;
  for (let m = STARTER.exec(text); m; m = STARTER.exec(text)) {
    if (m.index < from) continue;
    const start = m.index;
    const readings = readingsAt(text, start, model);
    if (!readings.length) continue;
    const windowEnd = Math.max(...readings.map((r) => r.end));
    let best: { reading: Reading; result: Evaluated } | undefined;
    for (const reading of readings) {
      const result = evaluate(text, start, reading, windowEnd, model);
      if (!result) continue;
      if (!best || result.checked > best.result.checked || (result.checked === best.result.checked && result.mean > best.result.mean)) best = { reading, result };
    }
    if (!best) continue;
    // A folded mark is a weak sign (`嗎??我` can be real): repair only if the Chinese of the result reads better
    // than the Chinese as found (ASCII marks and `?`s tell nothing either way).
    if (best.reading.rule === repairRules.markKey) {
      const found = model.score(chineseOnly((text[start - 1] ?? '\n') + text.slice(start, windowEnd) + (text[windowEnd] ?? '\n'))).mean;
      if (model.score(chineseOnly((text[start - 1] ?? '\n') + best.result.full + (text[windowEnd] ?? '\n'))).mean <= found) continue;
    }
    spans.push({ start, end: best.reading.end, rule: best.reading.rule, after: best.result.after, undetermined: best.result.undetermined });
    from = best.reading.end;
  }
  return [...spans, ...leftovers(text, spans)].sort((a, b) => a.start - b.start);
}

/** Markers outside every repaired span: damage no reading explains. */
function leftovers(text: string, spans: readonly DamageSpan[]): DamageSpan[] {
  const out: DamageSpan[] = [];
  LEFTOVER.lastIndex = 0;
  for (let m = LEFTOVER.exec(text); m; m = LEFTOVER.exec(text)) {
    const at = m.index;
    if (spans.some((s) => at >= s.start && at < s.end)) continue;
    const last = out[out.length - 1];
    if (last && at <= last.end + 1) last.end = at + m[0].length;
    else out.push({ start: at, end: at + m[0].length, rule: null, after: null, undetermined: 0 });
  }
  return out;
}
