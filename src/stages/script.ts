/**
 * Script stage: classifies each paragraph (and the page) as simplified, traditional or mixed by characters that
 * exist in only one script, and converts traditional text with OpenCC's Taiwan→mainland preset (tw→cn turns the
 * particle 著 into 着 while 显著/著录 stay). Simplified text is never passed through the converter: tw→cn damages
 * it (显著→显着). Mixed paragraphs are converted sentence by sentence.
 */
import type { VFile } from 'vfile';
import { type ConverterFunction, buildConverter } from '../convert/opencc.js';
import { recordChange } from '../provenance.js';
import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY, scriptChars } from '../rules/script-chars.js';
import { isAligned } from '../tree/build.js';
import { type Edit, piecesOf, setPieces, textOf } from '../tree/edit.js';
import { applyAndLog, recordEdits } from '../tree/rewrite.js';
import type { Paragraph, Root } from '../tree/types.js';

export const STAGE = 'script';
export type Script = 'simplified' | 'traditional' | 'mixed' | 'unknown';

declare module 'vfile' {
  interface DataMap {
    /** The page's script before conversion. */
    script: Script;
  }
}

export interface ScriptOptions {
  /** Convert traditional text to simplified. */
  convert: boolean;
  /** OpenCC source locale: `tw` (default), `hk` or `t`. Never a phrase preset (`twp`/`hkp` rewrite vocabulary). */
  from: 'tw' | 'hk' | 't';
  /** Share of single-script characters that decides a script (the rest is mixed). */
  threshold: number;
}

export interface ScriptCounts {
  traditional: number;
  simplified: number;
}

export function countScript(text: string): ScriptCounts {
  const { table } = scriptChars();
  let t = 0;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const kind = table[text.charCodeAt(i)];
    if (kind === TRADITIONAL_ONLY) t++;
    else if (kind === SIMPLIFIED_ONLY) s++;
  }
  return { traditional: t, simplified: s };
}

export function classify(counts: ScriptCounts, threshold: number): Script {
  const total = counts.traditional + counts.simplified;
  if (!total) return 'unknown';
  const share = counts.traditional / total;
  if (share >= threshold) return 'traditional';
  if (share <= 1 - threshold) return 'simplified';
  return 'mixed';
}

const converters = new Map<string, ConverterFunction>();
/** Converters are built once per process and reused. Same output as opencc-js's, faster (src/convert/opencc.ts). */
export function converter(from: ScriptOptions['from']): ConverterFunction {
  let c = converters.get(from);
  if (!c) converters.set(from, (c = buildConverter(from)));
  return c;
}

/** Character-level edits turning `text` into `converted`, or one edit when the lengths differ. */
function conversionEdits(text: string, converted: string, offset: number): Edit[] {
  if (converted === text) return [];
  if (converted.length !== text.length) return [{ start: offset, end: offset + text.length, text: converted }];
  const edits: Edit[] = [];
  let i = 0;
  // Code units, not `text[i]`: each of those is a new one-character string for a Han character.
  while (i < text.length) {
    if (text.charCodeAt(i) === converted.charCodeAt(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) !== converted.charCodeAt(j)) j++;
    edits.push({ start: offset + i, end: offset + j, text: converted.slice(i, j) });
    i = j;
  }
  return edits;
}

/**
 * Converts a paragraph whose text maps character by character onto one source range (a verbatim line: its pieces
 * aligned, adjacent, none `replaced`) when the conversion keeps its length: the result is what `applyAndLog` makes
 * of `conversionEdits` (one `converted` piece, one change from the first to the last converted run), without
 * building an edit per run. Returns false, changing nothing, for any other paragraph.
 */
function convertVerbatim(file: VFile, paragraph: Paragraph, text: string, converted: string): boolean {
  const pieces = piecesOf(paragraph);
  if (converted.length !== text.length || !pieces.length) return false;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]!;
    if (piece.origin === 'replaced' || !isAligned(piece) || (k > 0 && pieces[k - 1]!.end !== piece.start)) return false;
  }
  let runs = 0;
  let first = -1;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === converted.charCodeAt(i)) continue;
    if (first < 0) first = i;
    else if (last < i) runs++;
    last = i + 1;
  }
  if (first < 0) return true;
  runs++;
  const base = pieces[0]!.start;
  setPieces(paragraph, [{ value: converted, start: base, end: pieces[pieces.length - 1]!.end, origin: 'converted' }], file.data.toPoint!);
  recordEdits(file, STAGE, RULE, 'convert', { start: base + first, end: base + last, before: text.slice(first, last), after: converted.slice(first, last) }, runs);
  return true;
}

const RULE = { id: 'script/tw-cn', description: 'Traditional characters converted to simplified (OpenCC tw→cn).', aggregate: true };

export default function convertScript(options: ScriptOptions) {
  return function transform(tree: Root, file: VFile): void {
    const page: ScriptCounts = { traditional: 0, simplified: 0 };
    const convert = options.convert ? converter(options.from) : undefined;
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue;
      const text = textOf(paragraph);
      const counts = countScript(text);
      page.traditional += counts.traditional;
      page.simplified += counts.simplified;
      if (!convert || !counts.traditional) continue;
      const script = classify(counts, options.threshold);
      if (script === 'traditional') {
        const converted = convert(text);
        if (!convertVerbatim(file, paragraph, text, converted)) applyAndLog(file, STAGE, paragraph, conversionEdits(text, converted, 0), RULE, 'convert');
      } else if (script === 'mixed') convertSentences(file, paragraph, convert, options.threshold);
    }
    file.data.script = classify(page, options.threshold);
    if (convert) convertHtmlTitle(file, convert, options.threshold);
  };
}

/** The HTML <title> is the page title when the text names none: it is converted as a paragraph would be. */
function convertHtmlTitle(file: VFile, convert: ConverterFunction, threshold: number): void {
  const title = file.data.htmlTitle;
  const range = file.data.htmlTitleRange;
  if (!title || !range || !mostlyTraditional(countScript(title), threshold)) return;
  const converted = convert(title);
  if (converted === title) return;
  recordChange(file, STAGE, { rule: RULE.id, kind: 'convert', start: range.start, end: range.end, before: title, after: converted, reason: `${RULE.description} (the HTML <title>)` });
  file.data.htmlTitle = converted;
}

/** A sentence (or title) worth converting on its own: traditional, or mixed with traditional characters the majority. */
function mostlyTraditional(counts: ScriptCounts, threshold: number): boolean {
  return counts.traditional > 0 && classify(counts, threshold) !== 'simplified' && counts.traditional >= counts.simplified;
}

function convertSentences(file: VFile, paragraph: Paragraph, convert: ConverterFunction, threshold: number): void {
  const edits: Edit[] = [];
  let offset = 0;
  for (const sentence of paragraph.children) {
    const text = textOf(sentence);
    const counts = countScript(text);
    if (mostlyTraditional(counts, threshold)) {
      edits.push(...conversionEdits(text, convert(text), offset));
    }
    offset += text.length;
  }
  applyAndLog(file, STAGE, paragraph, edits, RULE, 'convert');
}
