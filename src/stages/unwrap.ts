/**
 * Unwrap stage: documents whose lines were hard-wrapped by a PDF or a document viewer. Two shapes:
 * - collapsed: the whole document on one line, each wrap turned into a space (`顺 利完成`), spaces also around Latin
 *   words and numbers (`X 局长`, `2019 年`);
 * - a block of equal-width prose lines that end mid-sentence, one paragraph each.
 * The line width is inferred from the text (the most common width between wraps, Han = 2 units, Latin/digits = 1),
 * the document is cut into its visual lines, and a paragraph ends where a typesetter would not have wrapped: after a
 * sentence end or heading on a line too short for the next character, or before an indented line; after a sentence
 * end before a numbered item; after a very short line (titles); before a salutation or closing. Layout spaces go,
 * spaces between two Latin words stay. Also puts a full stop left alone on a line back on the line before.
 * Runs before normalize, which would merge the spaces away, and before boilerplate, which would drop the stop.
 */
import type { VFile } from 'vfile';
import type { RepairOptions } from '../config.js';
import { LAYOUT_SPACE, LINE_END, NARROW, NO_LINE_START, lineRules, unwrapRules } from '../rules/repair.js';
import { isClosing, isHeading, numberingOf, salutationLength } from '../rules/structure.js';
import { type Edit, textOf } from '../tree/edit.js';
import { joinAndLog, splitAndLog } from '../tree/reflow.js';
import { applyAndLog } from '../tree/rewrite.js';
import type { Paragraph, Root } from '../tree/types.js';

export const STAGE = 'unwrap';

/** Width slack in units (one Han character): lines this close to the width count as full. */
const SLACK = 4;
/** Clause or sentence marks: a line without any is a title or label, not a piece of prose. */
const PROSE = lineRules.unmarked.prose;
/** Indent of a paragraph's first line in units (two Han characters, the Chinese convention). */
const INDENT = 4;
/** Narrowest line width (in units) worth inferring: 8 Han characters. */
const MIN_WIDTH = 16;
/** Narrowest width of a block of wrapped lines (20 Han characters): narrower equal lines are lists of titles. */
const MIN_BLOCK_WIDTH = 40;

const narrowTable = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) if (NARROW.test(String.fromCharCode(c))) narrowTable[c] = 1;

function isNarrow(code: number): boolean {
  return code < 0x80 && narrowTable[code] === 1;
}

/** Display width of text[from, to) in units: Han and other wide characters 2, Latin letters and digits 1. */
export function widthOf(text: string, from = 0, to = text.length): number {
  let w = 0;
  for (let i = from; i < to; i++) w += isNarrow(text.charCodeAt(i)) ? 1 : 2;
  return w;
}

type GapKind = 'wide' | 'mixed' | 'narrow';

interface Gap {
  start: number;
  end: number;
  /** `wide`: wide characters on both sides (always a wrap); `mixed`: one Latin side; `narrow`: two Latin words. */
  kind: GapKind;
}

interface Line {
  start: number;
  end: number;
  width: number;
  /** The gap after the line (none after the last line). */
  gap?: Gap | undefined;
}

function gapsOf(text: string): Gap[] {
  const gaps: Gap[] = [];
  LAYOUT_SPACE.lastIndex = 0;
  for (let m; (m = LAYOUT_SPACE.exec(text)); ) {
    const start = m.index;
    const end = start + m[0].length;
    if (start === 0 || end === text.length) continue;
    const left = isNarrow(text.charCodeAt(start - 1));
    const right = isNarrow(text.charCodeAt(end));
    gaps.push({ start, end, kind: left && right ? 'narrow' : left || right ? 'mixed' : 'wide' });
  }
  return gaps;
}

interface Run {
  start: number;
  end: number;
  /** Latin-side gaps inside the run: each may or may not be a wrap. */
  inner: Gap[];
  /** The wide gap that ends the run (none at the end of the text). */
  after: Gap | undefined;
  width: number;
}

/** Runs of text between wraps that are certain (wide gaps): each is one or more visual lines. */
function runsOf(text: string, gaps: readonly Gap[]): Run[] {
  const runs: Run[] = [];
  let start = 0;
  let inner: Gap[] = [];
  const close = (end: number, after: Gap | undefined) => {
    let width = widthOf(text, start, end);
    for (const g of inner) width -= 2 * (g.end - g.start) - 1;
    runs.push({ start, end, inner, after, width });
  };
  for (const gap of gaps) {
    if (gap.kind !== 'wide') {
      inner.push(gap);
      continue;
    }
    close(gap.start, gap);
    start = gap.end;
    inner = [];
  }
  close(text.length, undefined);
  return runs;
}

/** The most common run width: the line width of the document. */
function modeWidth(widths: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const w of widths) {
    if (w < MIN_WIDTH || w > 400) continue;
    const n = (counts.get(w) ?? 0) + 1;
    counts.set(w, n);
    if (n > bestCount || (n === bestCount && w > best)) [best, bestCount] = [w, n];
  }
  return best;
}

function isFull(width: number, lineWidth: number): boolean {
  return width >= lineWidth - SLACK && width <= lineWidth + SLACK;
}

/**
 * Cuts a run into visual lines at its Latin-side gaps: lines fit the width (punctuation may hang one character
 * over), and a line that is not the run's last is full unless it ends a sentence (a paragraph end).
 */
function linesOfRun(text: string, run: Run, lineWidth: number): Line[] {
  const bounds = [run.start, ...run.inner.flatMap((g) => [g.start, g.end]), run.end];
  const segs: { start: number; end: number; width: number }[] = [];
  for (let i = 0; i < bounds.length; i += 2) segs.push({ start: bounds[i]!, end: bounds[i + 1]!, width: widthOf(text, bounds[i]!, bounds[i + 1]!) });
  const n = segs.length;
  const lineOf = (j: number, k: number): Line => {
    let width = 0;
    for (let s = j; s < k; s++) width += segs[s]!.width + (s > j ? 1 : 0);
    return { start: segs[j]!.start, end: segs[k - 1]!.end, width, gap: k < n ? run.inner[k - 1] : run.after };
  };
  // Least-cost cut into lines (dynamic programming over the gaps); a line spans at most a line width of segments.
  const cost = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(0);
  cost[0] = 0;
  for (let k = 1; k <= n; k++) {
    for (let j = k - 1; j >= 0; j--) {
      const line = lineOf(j, k);
      if (line.width > lineWidth + SLACK && j < k - 1) break;
      let c = cost[j]! + 1;
      const lineText = text.slice(line.start, line.end);
      const sentenceEnd = LINE_END.test(lineText);
      // A sentence end or a title before a numbered item (`…破题: 2.对…`) ends a paragraph even where both would fit.
      const beforeItem = k < n && (sentenceEnd || !PROSE.test(lineText)) && numberingOf(text.slice(segs[k]!.start, segs[k]!.start + 16)) !== undefined;
      if (k < n) c += 2 * Math.max(0, line.width - lineWidth - (NO_LINE_START.test(text[line.end - 1]!) ? 2 : 0));
      if (beforeItem) c -= 2;
      // Otherwise a line that wrapped is full (or indented); one that stops short ends a sentence or is a heading.
      else if (line.width < lineWidth - INDENT - 2 && !sentenceEnd && !isHeading(lineText)) c += 10;
      else if (k < n && line.width < lineWidth - SLACK && sentenceEnd) c += 3;
      if (c < cost[k]!) [cost[k], from[k]] = [c, j];
    }
  }
  const lines: Line[] = [];
  for (let k = n; k > 0; k = from[k]!) lines.unshift(lineOf(from[k]!, k));
  return lines;
}

/** Width of what the next line starts with that could not have been wrapped apart (a word, a char + its mark). */
function leadWidth(next: string): number {
  let i = 0;
  while (i < next.length && isNarrow(next.charCodeAt(i))) i++;
  if (i === 0) i = 1;
  while (i < next.length && NO_LINE_START.test(next[i]!)) i++;
  return widthOf(next, 0, i);
}

function isStructural(text: string): boolean {
  return isHeading(text) || (salutationLength(text) > 0 && salutationLength(text) === text.length) || isClosing(text);
}

/**
 * Where paragraphs end, given the visual lines' text (layout spaces removed) and widths: ends[i] is true when a
 * paragraph ends after line i.
 */
export function paragraphEnds(lines: readonly { text: string; width: number }[], lineWidth: number): boolean[] {
  const ends: boolean[] = [];
  let paragraph = '';
  for (let i = 0; i < lines.length; i++) {
    const { text, width } = lines[i]!;
    const firstLine = paragraph === '';
    paragraph += text;
    const next = lines[i + 1];
    if (!next) {
      ends.push(true);
      break;
    }
    // Short: the next line's first character would have fitted (a first line may be indented by two characters).
    const short = width + leadWidth(next.text) <= lineWidth - 2 - (firstLine ? INDENT : 0);
    const sentenceEnd = LINE_END.test(text);
    // The next line is indented: two characters short of the width and followed by more of its paragraph.
    const indented = i + 2 < lines.length && next.width <= lineWidth - INDENT + 1 && next.width >= lineWidth - INDENT - 2;
    const end =
      ((sentenceEnd || isStructural(paragraph)) && (short || indented)) ||
      ((sentenceEnd || !PROSE.test(text)) && numberingOf(next.text) !== undefined) ||
      // A very short line is a title or a label, unless the next one would have fitted beside it (a space, not a wrap).
      (width <= lineWidth / 2 && width + 1 + next.width > lineWidth + SLACK) ||
      salutationLength(next.text) > 0 ||
      isClosing(next.text);
    ends.push(end);
    if (end) paragraph = '';
  }
  return ends;
}

/** Lines of a collapsed document, or undefined when the paragraph does not read as hard-wrapped. */
function collapsedLines(text: string, gaps: readonly Gap[], minLines: number): { lines: Line[]; width: number } | undefined {
  if (gaps.filter((g) => g.kind === 'wide').length < minLines) return undefined;
  const runs = runsOf(text, gaps);
  const lineWidth = modeWidth(runs.map((r) => r.width));
  if (!lineWidth) return undefined;
  const full = runs.filter((r) => isFull(r.width, lineWidth)).length;
  if (full < minLines || full < runs.length / 2) return undefined;
  return { lines: runs.flatMap((r) => linesOfRun(text, r, lineWidth)), width: lineWidth };
}

/** The edits that remove a paragraph's layout spaces: every gap except those between two Latin words. */
function spaceEdits(gaps: readonly Gap[], keep: (gap: Gap) => boolean, offset = 0): Edit[] {
  return gaps.filter((g) => !keep(g)).map((g) => ({ start: g.start - offset, end: g.end - offset, text: '' }));
}

/**
 * Splits a collapsed document at its paragraph ends, then removes each part's layout spaces (splitting first keeps
 * every cut inside one source piece, so a 1 MB line costs linear time).
 */
function unwrapCollapsed(file: VFile, paragraph: Paragraph, minLines: number): Paragraph[] | undefined {
  const text = textOf(paragraph);
  const gaps = gapsOf(text);
  const layout = collapsedLines(text, gaps, minLines);
  if (!layout) return undefined;
  const { lines, width } = layout;
  const lineText = (l: Line) => text.slice(l.start, l.end).replace(LAYOUT_SPACE, (s, at: number) => (isNarrow(text.charCodeAt(l.start + at - 1)) && isNarrow(text.charCodeAt(l.start + at + s.length)) ? s : ''));
  const ends = paragraphEnds(lines.map((l) => ({ text: lineText(l), width: l.width })), width);
  const breaks = lines.filter((l, i) => ends[i] && l.gap).map((l) => l.gap!);
  const parts = splitAndLog(file, STAGE, paragraph, breaks.map((g) => ({ at: g.start, rule: unwrapRules.paragraphEnd })));
  // Each part but the first starts with the gap it was cut at; that one goes whatever its kind.
  let offset = 0;
  let g = 0;
  for (const [k, part] of parts.entries()) {
    const end = offset + textOf(part).length;
    const own: Gap[] = [];
    while (g < gaps.length && gaps[g]!.start < end) own.push(gaps[g++]!);
    const edits = spaceEdits(own, (gap) => gap.kind === 'narrow' && !(k > 0 && gap.start === offset), offset);
    applyAndLog(file, STAGE, part, edits, { ...unwrapRules.layoutSpace, aggregate: true });
    offset = end;
  }
  return parts;
}

/** The text between two joined lines: a space between two Latin words, nothing between Chinese characters. */
function glue(before: string, after: string): string {
  return isNarrow(before.charCodeAt(before.length - 1)) && isNarrow(after.charCodeAt(0)) ? ' ' : '';
}

/**
 * Blocks of hard-wrapped lines, one paragraph each: at least `minLines` prose lines of the page's common width
 * (20 characters or more), most of them ending mid-sentence. A list of titles has equal lines too, but no clause
 * marks. Joins the lines of each paragraph; returns the new paragraph list.
 */
function unwrapBlocks(file: VFile, paragraphs: Paragraph[], minLines: number): Paragraph[] {
  const raw = paragraphs.map(textOf);
  const texts = raw.map((t) => t.replace(LAYOUT_SPACE, ''));
  // A space inside a line takes about half a Han character, as in a collapsed document.
  const widths = texts.map((t, i) => widthOf(t) + gapsOf(raw[i]!).length);
  const lineWidth = modeWidth(widths);
  if (lineWidth < MIN_BLOCK_WIDTH) return paragraphs;
  const out: Paragraph[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    let j = i;
    while (j < paragraphs.length && widths[j]! <= lineWidth + SLACK) j++;
    const full = texts.slice(i, j).filter((t, k) => isFull(widths[i + k]!, lineWidth) && PROSE.test(t));
    if (full.length < minLines || full.filter((t) => !LINE_END.test(t)).length * 2 < full.length) {
      for (const end = Math.max(j, i + 1); i < end; i++) out.push(paragraphs[i]!);
      continue;
    }
    const ends = paragraphEnds(texts.slice(i, j).map((text, k) => ({ text, width: widths[i + k]! })), lineWidth);
    let start = i;
    for (let k = i; k < j; k++) {
      const p = paragraphs[k]!;
      applyAndLog(file, STAGE, p, spaceEdits(gapsOf(raw[k]!), (gap) => gap.kind === 'narrow'), { ...unwrapRules.layoutSpace, aggregate: true });
      if (!ends[k - i]) continue;
      const lines = paragraphs.slice(start, k + 1);
      const boundaries = lines.slice(1).map((line, n) => ({ rule: unwrapRules.lineJoin, glue: glue(textOf(lines[n]!), textOf(line)) }));
      out.push(joinAndLog(file, STAGE, lines, boundaries, true));
      start = k + 1;
    }
    i = j;
  }
  return out;
}

/**
 * A full stop alone on a line goes back to the line before it when that line has none (`我先讲几点意见` / `。`).
 * A lone mark after a line that ends a sentence, or a lone `?` (left after a spam header), is left to the
 * boilerplate stage.
 */
function joinOrphanMarks(file: VFile, paragraphs: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (prev && unwrapRules.orphanMark.pattern.test(textOf(p)) && !LINE_END.test(textOf(prev))) joinAndLog(file, STAGE, [prev, p], [{ rule: unwrapRules.orphanMark }]);
    else out.push(p);
  }
  return out;
}

export default function unwrapLines(options: RepairOptions) {
  const disabled = new Set(options.disable);
  const minLines = options.minWrapLines;
  return function transform(tree: Root, file: VFile): void {
    // The parser makes a root of paragraphs only.
    if (!tree.children.every((n): n is Paragraph => n.type === 'ParagraphNode')) return;
    let paragraphs: Paragraph[] = tree.children;
    if (!disabled.has(unwrapRules.paragraphEnd.id)) paragraphs = paragraphs.flatMap((p) => unwrapCollapsed(file, p, minLines) ?? [p]);
    if (!disabled.has(unwrapRules.lineJoin.id)) paragraphs = unwrapBlocks(file, paragraphs, minLines);
    if (!disabled.has(unwrapRules.orphanMark.id)) paragraphs = joinOrphanMarks(file, paragraphs);
    tree.children = paragraphs;
  };
}
