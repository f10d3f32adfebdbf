/**
 * Line alignment: which raw lines of a page the record kept, dropped or edited. The record is the only input
 * besides the decoded text: paragraph spans and speech parts say which source characters reach the output, the
 * change log says what touched each line. Every raw line gets exactly one status; lines without page text
 * (blank, or markup only in an HTML page) are layout.
 */
import type { Text as HastText, Root as HastRoot } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { alignText, isBlank } from '../parse/html.js';
import type { ChangeRecord, PageRecord } from '../record/schema.js';
import { CharClass, charClass } from '../tree/chars.js';
import { lineStarts as allLineStarts, locator } from '../tree/locate.js';

export type LineStatus = 'kept' | 'dropped' | 'edited' | 'layout';
export const LINE_STATUSES: readonly LineStatus[] = ['kept', 'dropped', 'edited', 'layout'];

/** What an output item is in its speech: a body paragraph or one of the speech's parts. */
export type ItemRole = 'title' | 'preamble' | 'salutation' | 'body' | 'closing' | 'signature';

/** One run of output text and the source range it stands for (a paragraph span, or a whole part). */
export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The output text differs from its source slice (beyond an HTML text node's entities, which are decoding). */
  altered: boolean;
  /** Line index (0-based) the segment belongs to: where it starts. */
  line: number;
}

/** A unit of output: a paragraph or another part of a speech (title, preamble line, salutation …), in output order. */
export interface OutputItem {
  speech: number;
  role: ItemRole;
  /** Paragraph kind for body items (heading, list-item, body). */
  kind: string;
  text: string;
  segments: Segment[];
  /** First and last line index its segments start on. */
  firstLine: number;
  lastLine: number;
}

export interface DiffLine {
  /** 1-based line number. */
  number: number;
  /** Source offsets; `end` excludes the line break. */
  start: number;
  end: number;
  text: string;
  status: LineStatus;
  /** Indices into `record.changes` of the changes that touched the line. */
  changes: number[];
  /** Output texts that come from this line, one per output item, in output order. */
  after: string[];
  /** The status is not backed by any logged change (text vanished or changed without a message). */
  unlogged: boolean;
}

export interface PageDiff {
  record: PageRecord;
  /** The decoded source text. */
  text: string;
  lines: DiffLine[];
  items: OutputItem[];
}

/** Offsets where each line starts, the last line excluded when the text ends with a line break. */
export function lineStarts(text: string): number[] {
  const starts = allLineStarts(text);
  if (starts.length > 1 && starts.at(-1) === text.length) starts.pop();
  return starts;
}

/** Line index (0-based) of an offset: a line owns its line break, and a final line break starts no line. */
function lineFinder(text: string, starts: readonly number[]): (offset: number) => number {
  const locate = locator(text);
  return (offset) => Math.min(locate(offset).line, starts.length) - 1;
}

const htmlParser = unified().use(rehypeParse);

/**
 * Marks the characters that are page text: every non-space character of a text page; in an HTML page only
 * those inside text nodes (tags, attributes and comments are markup, not text anyone could drop), and of those
 * not the character references that stand for a space (`&nbsp;` indentation is layout).
 */
function contentMask(text: string, format: 'text' | 'html'): Uint8Array {
  const mask = new Uint8Array(text.length);
  const mark = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (charClass(text.charCodeAt(i)) !== CharClass.Space) mask[i] = 1;
  };
  if (format === 'text') mark(0, text.length);
  else {
    visit(htmlParser.parse(text) as HastRoot, 'text', (node: HastText) => {
      const { start, end } = { start: node.position?.start.offset, end: node.position?.end.offset };
      // Whitespace the parser moves (after </body>) gets a range over the tags it crossed: no text there.
      if (start === undefined || end === undefined || !node.value.trim()) return;
      const pieces = alignText(text.slice(start, end), node.value, start);
      if (!pieces) return mark(start, end);
      for (const piece of pieces) if (!piece.origin || !isBlank(piece.value)) mark(piece.start, piece.end);
    });
  }
  return mask;
}

/** The output items of a record, in output order, with their segments. */
function outputItems(record: PageRecord, text: string, lineOf: (offset: number) => number): OutputItem[] {
  const items: OutputItem[] = [];
  const html = record.source.format === 'html';
  const segment = (start: number, end: number, out: string): Segment => ({
    start,
    end,
    text: out,
    altered: out !== text.slice(start, end) && !(html && out.length !== end - start),
    line: lineOf(start),
  });
  const push = (speech: number, role: ItemRole, kind: string, out: string, segments: Segment[]) => {
    if (!segments.length) return;
    const lines = segments.map((s) => s.line);
    items.push({ speech, role, kind, text: out, segments, firstLine: Math.min(...lines), lastLine: Math.max(...lines) });
  };
  const part = (speech: number, role: ItemRole, out: string | null, range: { start: number; end: number } | null) => {
    if (!range) return;
    const value = out ?? '';
    // A part's range can take in more than its text (a title range over a subtitle line too): where the text stands
    // in it verbatim, only that much reaches the output.
    const at = value ? text.slice(range.start, range.end).indexOf(value) : -1;
    const [start, end] = at >= 0 ? [range.start + at, range.start + at + value.length] : [range.start, range.end];
    push(speech, role, role, value, [segment(start, end, value)]);
  };
  for (const speech of record.speeches) {
    const { title, salutation, closing, preamble, signature } = speech.parts;
    part(speech.index, 'title', speech.title, title);
    preamble.forEach((range, i) => part(speech.index, 'preamble', speech.preamble[i] ?? '', range));
    part(speech.index, 'salutation', speech.salutation, salutation);
    for (const p of speech.paragraphs) {
      const spans = p.source.spans;
      const segments: Segment[] = [];
      spans.forEach(([out, start, end], i) => {
        const value = p.text.slice(out, spans[i + 1]?.[0] ?? p.text.length);
        if (value.length !== end - start) segments.push(segment(start, end, value));
        else {
          // A span of equal lengths maps character by character and may join verbatim and converted runs: cut it
          // where characters start or stop differing from the source, so only the altered runs are marked.
          let from = 0;
          for (let k = 1; k <= value.length; k++) {
            if (k < value.length && (value[k] === text[start + k]) === (value[from] === text[start + from])) continue;
            segments.push(segment(start + from, start + k, value.slice(from, k)));
            from = k;
          }
          if (!value.length) segments.push(segment(start, end, value));
        }
      });
      push(speech.index, 'body', p.kind, p.text, segments);
    }
    part(speech.index, 'closing', speech.closing, closing);
    signature.forEach((range, i) => part(speech.index, 'signature', speech.signature[i] ?? '', range));
  }
  return items;
}

/** First and last index of the lines a change touches: those its range overlaps, or the line of an insertion point. */
function changeLines(lineOf: (offset: number) => number, change: Pick<ChangeRecord, 'source'>): [number, number] {
  const { start, end } = change.source;
  const first = lineOf(start);
  return [first, end > start ? lineOf(end - 1) : first];
}

export function alignPage(record: PageRecord, text: string): PageDiff {
  const starts = lineStarts(text);
  const lineOf = lineFinder(text, starts);
  const content = contentMask(text, record.source.format);
  const items = outputItems(record, text, lineOf);

  // Per character: bit 1 = reaches the output, bit 2 = reaches it altered (replaced or converted).
  const out = new Uint8Array(text.length);
  for (const item of items) {
    for (const s of item.segments) {
      const flag = s.altered ? 3 : 1;
      for (let i = s.start; i < s.end && i < text.length; i++) out[i] |= flag;
    }
  }

  const touched: number[][] = starts.map(() => []);
  record.changes.forEach((change, i) => {
    const [a, b] = changeLines(lineOf, change);
    for (let l = a; l <= b; l++) touched[l]!.push(i);
  });

  const after: string[][] = starts.map(() => []);
  for (const item of items) {
    const parts = new Map<number, string>();
    for (const s of item.segments) {
      if (s.text.length !== s.end - s.start || s.start === s.end) parts.set(s.line, (parts.get(s.line) ?? '') + s.text);
      else {
        // A one-to-one run may cross line breaks (a joined paragraph): each line gets its own slice.
        for (let l = s.line; l < starts.length && starts[l]! < s.end; l++) {
          const from = Math.max(s.start, starts[l]!);
          const to = Math.min(s.end, starts[l + 1] ?? text.length);
          if (from < to) parts.set(l, (parts.get(l) ?? '') + s.text.slice(from - s.start, to - s.start));
        }
      }
    }
    for (const [l, t] of parts) if (t.trim()) after[l]!.push(t);
  }

  const lines = starts.map((start, i): DiffLine => {
    const next = starts[i + 1] ?? text.length;
    let end = text[next - 1] === '\n' && next > start ? next - 1 : next;
    if (text[end - 1] === '\r') end--;
    let chars = 0;
    let reached = 0;
    let altered = false;
    for (let c = start; c < end; c++) {
      if (!content[c]) continue;
      chars++;
      if (out[c]! & 1) reached++;
      if (out[c]! & 2) altered = true;
    }
    const changes = touched[i]!;
    let status: LineStatus;
    if (!chars) status = 'layout';
    else if (!reached) status = 'dropped';
    else if (reached === chars && !changes.length && !altered) status = 'kept';
    else status = 'edited';
    return {
      number: i + 1,
      start,
      end,
      text: text.slice(start, end),
      status,
      changes,
      after: status === 'dropped' || status === 'layout' ? [] : after[i]!,
      unlogged: (status === 'dropped' || status === 'edited') && !changes.length,
    };
  });
  return { record, text, lines, items };
}

/** Whether a rule id matches a `--rule` filter: the id itself, or a stage or family prefix (`boilerplate`). */
export function ruleMatches(rule: string, filter: string): boolean {
  return rule === filter || rule.startsWith(filter.endsWith('/') ? filter : `${filter}/`);
}

export interface LineFilter {
  /** Rule id or prefix: lines a matching change touched. */
  rule?: string | undefined;
  /** Lines of this status only. */
  only?: 'dropped' | 'edited' | undefined;
}

/** The lines a filter selects, and the changes on them it is about (all of them without a rule filter). */
export function selectLines(diff: PageDiff, filter: LineFilter): { line: DiffLine; changes: number[] }[] {
  const out: { line: DiffLine; changes: number[] }[] = [];
  for (const line of diff.lines) {
    if (filter.only && line.status !== filter.only) continue;
    const changes = filter.rule ? line.changes.filter((c) => ruleMatches(diff.record.changes[c]!.rule, filter.rule!)) : line.changes;
    if (filter.rule && !changes.length) continue;
    out.push({ line, changes });
  }
  return out;
}

/** A run of a raw line and the changes covering it; an insertion point is a run with `insert` set and no text. */
export interface Fragment {
  text: string;
  start: number;
  changes: number[];
  insert?: boolean;
}

/**
 * Cuts a raw line at the edges of the given changes (clipped to the line), so each run has one set of changes.
 * A change that covers no character of the line (an insertion, or a join at its line break) is a point.
 */
export function lineFragments(diff: PageDiff, line: DiffLine, changeIds: readonly number[]): Fragment[] {
  const clip = (offset: number) => Math.min(Math.max(offset, line.start), line.end);
  const ranges = changeIds.map((id) => {
    const { start, end } = diff.record.changes[id]!.source;
    return { id, start: clip(start), end: clip(end) };
  });
  const points = [...new Set([line.start, line.end, ...ranges.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const fragments: Fragment[] = [];
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    const here = ranges.filter((r) => r.start === at && r.end === at).map((r) => r.id);
    if (here.length) fragments.push({ text: '', start: at, changes: here, insert: true });
    const to = points[i + 1];
    if (to === undefined) break;
    fragments.push({ text: diff.text.slice(at, to), start: at, changes: ranges.filter((r) => r.start < to && r.end > at).map((r) => r.id) });
  }
  return fragments;
}

/** Why an unlogged line looks the way it does. */
export function unloggedNote(diff: PageDiff, line: DiffLine): string {
  if (line.status === 'edited') return 'changed, and no change recorded it';
  return diff.record.source.format === 'html' ? 'not in the output: markup or chrome the HTML parser skips (no change recorded)' : 'not in the output, and no change recorded it';
}

/** Raw lines `first`…`last` (0-based, inclusive) side by side with the output items that start on them. */
export interface Block {
  first: number;
  last: number;
  items: OutputItem[];
}

/**
 * Groups lines so that every output item sits beside all the lines it comes from: an item's lines and any item
 * overlapping them share a block; consecutive lines without output share one, and layout lines join the block above.
 */
export function alignBlocks(diff: PageDiff): Block[] {
  const n = diff.lines.length;
  const reach = new Int32Array(n).fill(-1);
  const starting: OutputItem[][] = diff.lines.map(() => []);
  for (const item of diff.items) {
    reach[item.firstLine] = Math.max(reach[item.firstLine]!, item.lastLine);
    starting[item.firstLine]!.push(item);
  }
  const blocks: Block[] = [];
  for (let i = 0; i < n; ) {
    let last = Math.max(i, reach[i]!);
    for (let j = i + 1; j <= last && j < n; j++) last = Math.max(last, reach[j]!);
    const items = diff.lines.slice(i, last + 1).flatMap((_, k) => starting[i + k]!);
    const previous = blocks[blocks.length - 1];
    const layout = diff.lines.slice(i, last + 1).every((l) => l.status === 'layout');
    if (previous && !items.length && (layout || !previous.items.length)) previous.last = last;
    else blocks.push({ first: i, last, items });
    i = last + 1;
  }
  return blocks;
}
