/**
 * Paragraph joins and splits that log themselves. They move paragraph ends (and a join may drop a full stop the
 * site added, or put a space between two Latin words), so a change record shows the boundary: a few characters
 * either side, with `\n` where the paragraph break was (before) or is (after).
 */
import type { VFile } from 'vfile';
import { type ChangeInput, recordChange } from '../provenance.js';
import type { RepairRule } from '../rules/repair.js';
import { piecesOf, rangeOf, setPieces, slicePieces, sourceRangeOf, splitParagraph, textOf } from './edit.js';
import type { Paragraph, Piece } from './types.js';

/** Characters shown on each side of a boundary in the change log. */
const CONTEXT = 8;

/** What happens where two joined paragraphs meet. */
export interface Boundary {
  rule: RepairRule;
  /** Characters removed from the end of the paragraph before it (a full stop the site added). */
  dropTail?: number;
  /** Text that replaces the break (a space between two Latin words); it takes the source range of the break. */
  glue?: string;
}

/**
 * Joins `members` into the first of them (in place) with a single rebuild, so a long chain costs no more than one
 * paragraph; `boundaries[k]` says what happens between members k and k+1. Logs one `join` per boundary, or one for
 * all of them with `aggregate` (a wrapped paragraph's many lines). The caller removes the other members from the tree.
 */
export function joinAndLog(file: VFile, stage: string, members: readonly Paragraph[], boundaries: readonly Boundary[], aggregate = false): Paragraph {
  const first = members[0]!;
  if (members.length === 1) return first;
  const texts = members.map(textOf);
  const pieces: Piece[] = [];
  const changes: ChangeInput[] = [];
  let after = '';
  members.forEach((member, k) => {
    const own = piecesOf(member);
    const drop = boundaries[k]?.dropTail ?? 0;
    const kept = texts[k]!.length - drop;
    pieces.push(...slicePieces(own, 0, kept));
    after += texts[k]!.slice(0, kept);
    const boundary = boundaries[k];
    if (!boundary) return;
    const next = members[k + 1]!;
    const start = drop ? sourceRangeOf(own, kept, kept + drop).start : rangeOf(member).end;
    const end = Math.max(start, rangeOf(next).start);
    if (boundary.glue) pieces.push({ value: boundary.glue, start, end, origin: 'replaced' });
    after += boundary.glue ?? '';
    const tail = texts[k]!.slice(Math.max(0, texts[k]!.length - CONTEXT));
    const head = texts[k + 1]!.slice(0, CONTEXT);
    changes.push({ rule: boundary.rule.id, kind: 'join', start, end, before: `${tail}\n${head}`, after: `${tail.slice(0, tail.length - drop)}${boundary.glue ?? ''}${head}`, reason: boundary.rule.description });
  });
  setPieces(first, pieces, file.data.toPoint!);
  if (aggregate) {
    const { start, end } = rangeOf(first);
    const rule = boundaries[0]!.rule;
    recordChange(file, stage, { rule: rule.id, kind: 'join', start, end, before: texts.join('\n'), after, reason: `${rule.description} (${boundaries.length}×)` });
  } else {
    for (const change of changes) recordChange(file, stage, change);
  }
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
