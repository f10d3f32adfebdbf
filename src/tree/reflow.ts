/**
 * Paragraph joins and splits that log themselves. A join or split changes no character of the text, only where
 * paragraphs end, so its change record shows the boundary: a few characters either side with `\n` where the
 * paragraph break was (before) or is (after).
 */
import type { VFile } from 'vfile';
import { recordChange } from '../provenance.js';
import type { RepairRule } from '../rules/repair.js';
import { editParagraph, joinParagraphs, piecesOf, rangeOf, setPieces, sourceRangeOf, splitParagraph, textOf } from './edit.js';
import type { Paragraph, Piece } from './types.js';

/** Characters shown on each side of a boundary in the change log. */
const CONTEXT = 8;

/**
 * Appends `second` to `first` (in place) and logs one `join`; `dropTail` characters (a full stop the site added)
 * are removed from the end of `first`. The caller removes `second` from the tree. The change's range runs from the
 * removed tail (or the end of `first`) to the start of `second`.
 */
export function joinAndLog(file: VFile, stage: string, first: Paragraph, second: Paragraph, rule: RepairRule, dropTail = 0): void {
  const toPoint = file.data.toPoint!;
  const a = textOf(first);
  const b = textOf(second);
  let start = rangeOf(first).end;
  if (dropTail) start = editParagraph(first, [{ start: a.length - dropTail, end: a.length, text: '' }], toPoint)[0]!.start;
  joinParagraphs(first, second, toPoint);
  const tail = a.slice(Math.max(0, a.length - CONTEXT));
  const head = b.slice(0, CONTEXT);
  recordChange(file, stage, {
    rule: rule.id,
    kind: 'join',
    start,
    end: Math.max(start, rangeOf(second).start),
    before: `${tail}\n${head}`,
    after: `${tail.slice(0, tail.length - dropTail)}${head}`,
    reason: rule.description,
  });
}

/**
 * Joins the visual lines of one paragraph into the first of them (in place) with a single rebuild, and logs one
 * `join` for all of them. `glue(a, b)` is the text that replaces the line break between a line ending in `a` and
 * one starting with `b` (a space between two Latin words, else nothing); it takes the source range of the break.
 */
export function joinLinesAndLog(file: VFile, stage: string, lines: readonly Paragraph[], rule: RepairRule, glue: (a: string, b: string) => string): Paragraph {
  const first = lines[0]!;
  if (lines.length === 1) return first;
  const texts = lines.map(textOf);
  const pieces: Piece[] = [];
  let after = '';
  lines.forEach((line, i) => {
    if (i > 0) {
      const g = glue(texts[i - 1]!.slice(-1), texts[i]!.slice(0, 1));
      if (g) pieces.push({ value: g, start: rangeOf(lines[i - 1]!).end, end: rangeOf(line).start, origin: 'replaced' });
      after += g;
    }
    pieces.push(...piecesOf(line));
    after += texts[i];
  });
  setPieces(first, pieces, file.data.toPoint!);
  const { start, end } = rangeOf(first);
  recordChange(file, stage, { rule: rule.id, kind: 'join', start, end, before: texts.join('\n'), after, reason: `${rule.description} (${lines.length} lines)` });
  return first;
}

/**
 * Splits `paragraph` at `cuts` (offsets into its current text) and logs one `split` per cut, each with the rule
 * that decided it. Returns the parts; the caller puts them in the tree.
 */
export function splitAndLog(file: VFile, stage: string, paragraph: Paragraph, cuts: readonly { at: number; rule: RepairRule }[]): Paragraph[] {
  if (!cuts.length) return [paragraph];
  const text = textOf(paragraph);
  const pieces = piecesOf(paragraph);
  for (const { at, rule } of cuts) {
    const from = Math.max(0, at - CONTEXT);
    const to = Math.min(text.length, at + CONTEXT);
    const range = sourceRangeOf(pieces, from, to);
    recordChange(file, stage, {
      rule: rule.id,
      kind: 'split',
      start: range.start,
      end: range.end,
      before: text.slice(from, to),
      after: `${text.slice(from, at)}\n${text.slice(at, to)}`,
      reason: rule.description,
    });
  }
  return splitParagraph(paragraph, cuts.map((c) => c.at), file.data.toPoint!);
}
