/**
 * Paragraph joins and splits that log themselves. A join or split changes no character of the text, only where
 * paragraphs end, so its change record shows the boundary: a few characters either side with `\n` where the
 * paragraph break was (before) or is (after).
 */
import type { VFile } from 'vfile';
import { recordChange } from '../provenance.js';
import type { RepairRule } from '../rules/repair.js';
import { editParagraph, joinParagraphs, piecesOf, rangeOf, sourceRangeOf, splitParagraph, textOf } from './edit.js';
import type { Paragraph } from './types.js';

/** Characters shown on each side of a boundary in the change log. */
const CONTEXT = 8;

export interface JoinOptions {
  /** Characters to remove from the end of `first` (a full stop the site added). */
  dropTail?: number;
  /** Text to put between the two (a space between two Latin words); it takes the source range of the boundary. */
  glue?: string;
}

/**
 * Appends `second` to `first` (in place) and logs one `join`. The caller removes `second` from the tree.
 * The change's range runs from the removed tail (or the end of `first`) to the start of `second`.
 */
export function joinAndLog(file: VFile, stage: string, first: Paragraph, second: Paragraph, rule: RepairRule, options: JoinOptions = {}): void {
  const toPoint = file.data.toPoint!;
  const a = textOf(first);
  const b = textOf(second);
  const drop = options.dropTail ?? 0;
  let start = rangeOf(first).end;
  if (drop) start = editParagraph(first, [{ start: a.length - drop, end: a.length, text: '' }], toPoint)[0]!.start;
  const end = Math.max(start, rangeOf(second).start);
  const at = a.length - drop;
  joinParagraphs(first, second, toPoint);
  if (options.glue) editParagraph(first, [{ start: at, end: at, text: options.glue }], toPoint, 'replaced');
  const tail = a.slice(Math.max(0, a.length - CONTEXT));
  const head = b.slice(0, CONTEXT);
  recordChange(file, stage, {
    rule: rule.id,
    kind: 'join',
    start,
    end,
    before: `${tail}\n${head}`,
    after: `${tail.slice(0, tail.length - drop)}${options.glue ?? ''}${head}`,
    reason: rule.description,
  });
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
