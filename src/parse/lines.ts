/**
 * Plain-text pages: every non-blank line is a paragraph. Whitespace at line edges (indentation with U+3000, NBSP,
 * trailing spaces) is layout, so it stays outside the paragraph; everything else keeps its exact source range.
 */
import type { ToPoint } from '../tree/build.js';
import { buildParagraph } from '../tree/build.js';
import { CharClass, charClass } from '../tree/chars.js';
import { lineStarts } from '../tree/locate.js';
import type { Paragraph } from '../tree/types.js';

/** [start, end) of `text` without edge whitespace. */
export function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && charClass(text.charCodeAt(start)) === CharClass.Space) start++;
  while (end > start && charClass(text.charCodeAt(end - 1)) === CharClass.Space) end--;
  return [start, end];
}

/** One paragraph per non-blank line (ended by `\n`, `\r\n` or a lone `\r`); line breaks are edge whitespace. */
export function paragraphsFromLines(text: string, toPoint: ToPoint): Paragraph[] {
  const out: Paragraph[] = [];
  const starts = lineStarts(text);
  for (let i = 0; i < starts.length; i++) {
    const [s, e] = trimRange(text, starts[i]!, starts[i + 1] ?? text.length);
    if (s < e) out.push(buildParagraph([{ value: text.slice(s, e), start: s, end: e }], toPoint));
  }
  return out;
}
