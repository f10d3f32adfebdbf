/**
 * Text-level edits on paragraphs that keep every character traceable to the source. Stages think in the
 * paragraph's current text (offsets into `textOf(paragraph)`); these helpers translate to pieces, apply the edit,
 * and rebuild the paragraph's sentences. Positions are never invented: kept text keeps its source slice, new
 * text carries the source range of the text it replaces.
 */
import { buildParagraph, contentOf, isAligned, setContent, type ToPoint } from './build.js';
import type { Leaf, Origin, Paragraph, Piece } from './types.js';

function joinText(node: { children?: unknown[]; value?: unknown }): string {
  if (typeof node.value === 'string') return node.value;
  // join makes one flat string; `+=` would make a rope that every later scan of the text has to walk.
  return leavesOf(node).map((leaf) => leaf.value).join('');
}

/** The node's current text (what nlcst-to-string returns, without walking a paragraph's nodes). */
export function textOf(node: { type?: unknown; children?: unknown[]; value?: unknown }): string {
  const content = node.type === 'ParagraphNode' ? contentOf(node as Paragraph) : undefined;
  return content ? content.text : joinText(node);
}

function pushLeaves(node: { children?: unknown[]; value?: unknown }, out: Leaf[]): void {
  if (typeof node.value === 'string') out.push(node as Leaf);
  else if (node.children) for (const child of node.children) pushLeaves(child as typeof node, out);
}

export function leavesOf(node: { children?: unknown[]; value?: unknown }): Leaf[] {
  const out: Leaf[] = [];
  pushLeaves(node, out);
  return out;
}

/** The paragraph as pieces, merged where adjacent leaves continue the same source run. Do not mutate them. */
export function piecesOf(paragraph: Paragraph): readonly Piece[] {
  const content = contentOf(paragraph);
  if (content) return content.pieces;
  const pieces: Piece[] = [];
  // The values of the last piece's leaves, joined once it is complete (not a rope grown leaf by leaf).
  const parts: string[] = [];
  let length = 0;
  const close = () => {
    if (parts.length > 1) pieces[pieces.length - 1]!.value = parts.join('');
    parts.length = 0;
  };
  for (const leaf of leavesOf(paragraph)) {
    const start = leaf.position?.start.offset ?? 0;
    const end = leaf.position?.end.offset ?? start;
    const origin = leaf.data?.origin;
    const last = pieces[pieces.length - 1];
    if (last && last.origin === origin) {
      const aligned = length === last.end - last.start;
      // Tokens of one replacement share its range; aligned tokens continue their run.
      const continues = (last.start === start && last.end === end && !aligned) || (last.end === start && aligned && leaf.value.length === end - start);
      if (continues) {
        parts.push(leaf.value);
        length += leaf.value.length;
        last.end = end;
        continue;
      }
    }
    close();
    pieces.push({ value: leaf.value, start, end, origin });
    parts.push(leaf.value);
    length = leaf.value.length;
  }
  close();
  return pieces;
}

/**
 * Pieces with the offset of each in their concatenated text (`offsets[i]` starts piece i; the last entry is the
 * length), so lookups are binary searches: an edit pass over a paragraph stays linear however many edits it has.
 */
interface PieceIndex {
  pieces: readonly Piece[];
  offsets: number[];
}

function indexPieces(pieces: readonly Piece[]): PieceIndex {
  const offsets = new Array<number>(pieces.length + 1);
  let offset = 0;
  for (let i = 0; i < pieces.length; i++) {
    offsets[i] = offset;
    offset += pieces[i]!.value.length;
  }
  offsets[pieces.length] = offset;
  return { pieces, offsets };
}

/** The last piece whose start is ≤ `at` (`inclusive`) or < `at`; -1 when none. */
function lastPieceFrom(index: PieceIndex, at: number, inclusive: boolean): number {
  let lo = -1;
  let hi = index.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const o = index.offsets[mid]!;
    if (o < at || (inclusive && o === at)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function sliceIndexed(index: PieceIndex, from: number, to: number): Piece[] {
  const { pieces, offsets } = index;
  const out: Piece[] = [];
  for (let i = Math.max(0, lastPieceFrom(index, from, true)); i < pieces.length && offsets[i]! < to; i++) {
    const piece = pieces[i]!;
    const offset = offsets[i]!;
    const len = piece.value.length;
    const a = Math.max(from, offset);
    const b = Math.min(to, offset + len);
    if (a >= b) continue;
    if (a === offset && b === offset + len) out.push(piece);
    else if (isAligned(piece)) {
      out.push({ value: piece.value.slice(a - offset, b - offset), start: piece.start + a - offset, end: piece.start + b - offset, origin: piece.origin });
    } else {
      out.push({ value: piece.value.slice(a - offset, b - offset), start: piece.start, end: piece.end, origin: piece.origin });
    }
  }
  return out;
}

/** The pieces covering [from, to) of the concatenated piece text. */
export function slicePieces(pieces: readonly Piece[], from: number, to: number): Piece[] {
  return sliceIndexed(indexPieces(pieces), from, to);
}

/**
 * Source offset of a position in the current text. `start` looks at the character after the position, `end` at
 * the one before, so a range's ends land inside the pieces it covers.
 */
function sourceOffsetAt(index: PieceIndex, at: number, side: 'start' | 'end'): number {
  const { pieces, offsets } = index;
  // The piece holding the character after `at` (start) or before it (end); empty pieces hold none.
  const i = lastPieceFrom(index, at, side === 'start');
  if (i >= 0 && (side === 'start' ? at < offsets[i + 1]! : at <= offsets[i + 1]!)) {
    const piece = pieces[i]!;
    if (isAligned(piece)) return piece.start + (at - offsets[i]!);
    return side === 'start' ? piece.start : piece.end;
  }
  if (!pieces.length) return 0;
  return side === 'start' ? pieces[pieces.length - 1]!.end : pieces[0]!.start;
}

function rangeIndexed(index: PieceIndex, from: number, to: number): { start: number; end: number } {
  const start = sourceOffsetAt(index, from, 'start');
  const end = from === to ? start : sourceOffsetAt(index, to, 'end');
  return { start, end: Math.max(start, end) };
}

/** Source range of [from, to) of the paragraph's current text. */
export function sourceRangeOf(pieces: readonly Piece[], from: number, to: number): { start: number; end: number } {
  return rangeIndexed(indexPieces(pieces), from, to);
}

export interface Edit {
  /** Offsets into the paragraph's current text. */
  start: number;
  end: number;
  /** Replacement text ('' deletes). */
  text: string;
}

export interface AppliedEdit {
  /** Source range the edit touched. */
  start: number;
  end: number;
  before: string;
  after: string;
}

/**
 * A piece list being built. With `merge`, adjacent pieces that map character by character onto adjacent source
 * (kept and converted text, not `replaced`) become one `converted` piece: a converted page would otherwise keep a
 * piece per converted run, and every later slice, range lookup and record span would walk them. Lookups give the
 * same source offsets either way, and the compiler merges such pieces into one span anyway.
 */
class PieceList {
  readonly pieces: Piece[] = [];
  /** The open run of mergeable pieces: its first piece, values, source end, and whether any was converted. */
  private first: Piece | undefined;
  private parts: string[] = [];
  private end = 0;
  private converted = false;

  constructor(private readonly merge: boolean) {}

  add(piece: Piece): void {
    if (!this.merge) {
      this.pieces.push(piece);
      return;
    }
    const mergeable = piece.origin !== 'replaced' && isAligned(piece);
    if (mergeable && this.first && piece.start === this.end) {
      this.parts.push(piece.value);
      this.end = piece.end;
      this.converted ||= piece.origin === 'converted';
      return;
    }
    this.close();
    if (!mergeable) {
      this.pieces.push(piece);
      return;
    }
    this.first = piece;
    this.parts = [piece.value];
    this.end = piece.end;
    this.converted = piece.origin === 'converted';
  }

  /** The pieces, the open run closed. */
  close(): Piece[] {
    const first = this.first;
    if (first) {
      this.pieces.push(this.parts.length === 1 ? first : { value: this.parts.join(''), start: first.start, end: this.end, origin: this.converted ? 'converted' : undefined });
      this.first = undefined;
    }
    return this.pieces;
  }
}

function sortedByStart(edits: readonly Edit[]): boolean {
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1]!;
    const b = edits[i]!;
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}

/**
 * Applies non-overlapping edits (sorted or not) to the paragraph in place and returns what each did in source
 * terms. `origin` marks the new text: `converted` for same-length character conversions, else `replaced`.
 */
export function editParagraph(paragraph: Paragraph, edits: readonly Edit[], toPoint: ToPoint, origin: Origin = 'replaced'): AppliedEdit[] {
  if (!edits.length) return [];
  // Stages mostly pass edits in text order (a conversion, thousands of them): sort only when they are not.
  const sorted = sortedByStart(edits) ? edits : [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const index = indexPieces(piecesOf(paragraph));
  const text = index.pieces.map((p) => p.value).join('');
  const next = new PieceList(origin === 'converted');
  const applied: AppliedEdit[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at ${edit.start}`);
    for (const piece of sliceIndexed(index, cursor, edit.start)) next.add(piece);
    const range = rangeIndexed(index, edit.start, edit.end);
    if (edit.text) next.add({ value: edit.text, start: range.start, end: range.end, origin });
    applied.push({ start: range.start, end: range.end, before: text.slice(edit.start, edit.end), after: edit.text });
    cursor = edit.end;
  }
  for (const piece of sliceIndexed(index, cursor, text.length)) next.add(piece);
  setPieces(paragraph, next.close(), toPoint);
  return applied;
}

/** Replaces the paragraph's content with the given pieces. */
export function setPieces(paragraph: Paragraph, pieces: readonly Piece[], toPoint: ToPoint): void {
  setContent(paragraph, pieces, toPoint);
}

/** Splits a paragraph at the given offsets of its current text; empty parts are dropped. */
export function splitParagraph(paragraph: Paragraph, cuts: readonly number[], toPoint: ToPoint): Paragraph[] {
  const pieces = piecesOf(paragraph);
  const length = pieces.reduce((n, p) => n + p.value.length, 0);
  const bounds = [0, ...[...cuts].sort((a, b) => a - b).filter((c) => c > 0 && c < length), length];
  const parts: Paragraph[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const slice = slicePieces(pieces, bounds[i]!, bounds[i + 1]!);
    if (!slice.length) continue;
    parts.push(buildParagraph(slice, toPoint, paragraph.data ? { ...paragraph.data } : undefined));
  }
  return parts;
}

/** Appends `next`'s content to `paragraph` (in place). */
export function joinParagraphs(paragraph: Paragraph, next: Paragraph, toPoint: ToPoint): void {
  setPieces(paragraph, [...piecesOf(paragraph), ...piecesOf(next)], toPoint);
}

/** Source offsets [start, end) of a node. */
export function rangeOf(node: { position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined }): { start: number; end: number } {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}
