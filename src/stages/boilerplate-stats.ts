/**
 * The statistical boilerplate layer, for what the patterns miss. Line features carried from jusText to plain
 * Chinese text (length, share of Han characters, share of common characters, punctuation density, density of
 * function characters, link-like tokens), a per-line class, and neighbour smoothing. Plus cross-page repetition:
 * lines the batch phase found on many pages of the same site (`file.data.repeatedLines`) go too.
 * Structure lines (titles, headings, salutations, closings) are never removed here: they are short and
 * punctuation-poor like chrome, and they repeat across pages like chrome.
 */
import type { VFile } from 'vfile';
import type { BoilerplateOptions } from '../config.js';
import { isCommonChar } from '../decode/chineseness.js';
import { recordChange } from '../provenance.js';
import { GENRE_WORDS } from '../rules/boilerplate.js';
import { isClosing, numberingOf, salutationLength } from '../rules/structure.js';
import { isHanCode } from '../tree/chars.js';
import { rangeOf, textOf } from '../tree/edit.js';
import type { Paragraph, Root } from '../tree/types.js';
import { SPEECH_MARKER } from './boilerplate.js';

export const STAGE = 'boilerplate';

declare module 'vfile' {
  interface DataMap {
    /** Keys (`lineKey`) of lines repeated across the batch on this page's site. */
    repeatedLines: ReadonlySet<string>;
  }
}

/** Characters that carry grammar; running text has many, keyword lists and garbage have few. */
const FUNCTION_CHARS = '的了是在和有我们这要对为也就都而与及把被将从以上中不个到说着之其或并于向由所但';
const PUNCT = '，,。；;！!？?、：:“”"（）()《》';
/** Per code unit: FUNCTION, PUNCTUATION (one table read per character of every line). */
const FUNCTION = 1;
const PUNCTUATION = 2;
const charKinds = new Uint8Array(0x10000);
for (const c of FUNCTION_CHARS) charKinds[c.charCodeAt(0)] = FUNCTION;
for (const c of PUNCT) charKinds[c.charCodeAt(0)] = PUNCTUATION;
const LINKISH = /[•·›»|｜]|>|https?:|www\.|\.com|\.cn|(?:^|\s)\d{1,2}-\d{1,2}\s|©/g;
/**
 * A list bullet or a date stamp at the start: the shape of a related-articles entry. A mark that also closes the line
 * (`○ <title> ○`) decorates a heading instead.
 */
const ENTRY = /^\s*(?:[•·▪◆◇►▶■□●○](?!.*[◆◇■□●○]\s*$)|\d{1,2}-\d{1,2}\s|\d{4}-\d{2}-\d{2}\s)/;

export interface LineFeatures {
  length: number;
  han: number;
  /** Share of Han characters among all characters. */
  hanShare: number;
  /** Share of Han characters that are common (national standards' common-character lists). */
  commonShare: number;
  /** Punctuation marks per character. */
  punctuation: number;
  /** Function characters per Han character. */
  functionShare: number;
  links: number;
  /** Starts like a list entry (bullet or date stamp). */
  entry: boolean;
}

export function lineFeatures(text: string): LineFeatures {
  let han = 0;
  let common = 0;
  let fn = 0;
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = charKinds[c];
    if (kind === PUNCTUATION) marks++;
    if (!isHanCode(c)) continue;
    han++;
    if (isCommonChar(c)) common++;
    if (kind === FUNCTION) fn++;
  }
  const length = text.length;
  return {
    length,
    han,
    hanShare: length ? han / length : 0,
    commonShare: han ? common / han : 1,
    punctuation: length ? marks / length : 0,
    functionShare: han ? fn / han : 0,
    links: text.match(LINKISH)?.length ?? 0,
    entry: ENTRY.test(text),
  };
}

export type LineClass = 'good' | 'bad' | 'near' | 'short';

/** jusText's classes, with Chinese thresholds. `reason` says which feature decided a bad line. */
export function classifyLine(f: LineFeatures): { cls: LineClass; reason?: string } {
  if (f.han >= 20 && f.commonShare < 0.6) return { cls: 'bad', reason: 'mostly rare characters (garbage or watermark run)' };
  if (f.length >= 8 && f.hanShare < 0.2 && f.links > 0) return { cls: 'bad', reason: 'links and symbols, little Chinese' };
  if (f.links >= 2 && f.punctuation < 0.02) return { cls: 'bad', reason: 'a list of links' };
  if (f.entry && f.length <= 80) return { cls: 'bad', reason: 'a list entry (bullet or date stamp)' };
  if (f.han >= 30 && f.punctuation === 0 && f.functionShare < 0.03) return { cls: 'bad', reason: 'a long run of words with no punctuation or grammar (keyword list, spam)' };
  if (f.length < 20) return { cls: 'short' };
  if (f.length >= 50 && f.punctuation >= 0.03 && f.functionShare >= 0.05) return { cls: 'good' };
  return { cls: 'near' };
}

/** Lines that carry a speech's structure; never removed by statistics or repetition. */
export function isStructural(text: string): boolean {
  if (ENTRY.test(text)) return false; // a bulleted or dated entry is a list item, whatever it names
  return salutationLength(text) > 0 || isClosing(text) || numberingOf(text) !== undefined || SPEECH_MARKER.test(text) || (text.length <= 80 && GENRE_WORDS.test(text));
}

/** Key of a line for cross-page counting: the text without spaces, digits folded (page counters, dates differ). */
export function lineKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '0');
}

export default function removeStatisticalBoilerplate(options: BoilerplateOptions) {
  return function transform(tree: Root, file: VFile): void {
    const paragraphs = tree.children.filter((n): n is Paragraph => n.type === 'ParagraphNode');
    const texts = paragraphs.map(textOf);
    const repeated = options.repeat.enabled ? file.data.repeatedLines : undefined;
    const classes = texts.map((t) => classifyLine(lineFeatures(t)));
    const drop = new Map<number, { rule: string; reason: string }>();

    if (options.stats.enabled) {
      classes.forEach((c, i) => {
        if (c.cls === 'bad' && !isStructural(texts[i]!)) drop.set(i, { rule: 'boilerplate/stats', reason: `Statistical layer: ${c.reason}.` });
      });
      // Smoothing: a near or short line between two bad lines is bad too (a list item between list items).
      const bad = (i: number) => i >= 0 && i < classes.length && classes[i]!.cls === 'bad';
      classes.forEach((c, i) => {
        if ((c.cls === 'near' || c.cls === 'short') && bad(i - 1) && bad(i + 1) && !isStructural(texts[i]!)) {
          drop.set(i, { rule: 'boilerplate/stats-context', reason: 'Statistical layer: between two boilerplate lines.' });
        }
      });
    }
    if (repeated?.size) {
      texts.forEach((t, i) => {
        if (t.length >= 4 && !isStructural(t) && repeated.has(lineKey(t))) drop.set(i, { rule: 'boilerplate/repeated', reason: 'Repeated on many pages of the same site.' });
      });
    }
    if (!drop.size) return;
    tree.children = paragraphs.filter((p, i) => {
      const d = drop.get(i);
      if (!d) return true;
      const { start, end } = rangeOf(p);
      recordChange(file, STAGE, { rule: d.rule, kind: 'drop', start, end, before: texts[i]!, after: '', reason: d.reason });
      return false;
    });
  };
}
