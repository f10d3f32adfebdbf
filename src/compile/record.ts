/**
 * The compiler: projects the cleaned tree and the change log into the page record (`file.result`). Paragraph
 * order and grouping come from the tree; speech-level facts come from `file.data.speeches`, set by segmentation.
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { placeholdersIn } from '../rules/placeholders.js';
import { countHan } from '../tree/chars.js';
import { piecesOf, rangeOf, textOf } from '../tree/edit.js';
import type { Paragraph, Root } from '../tree/types.js';
import type {
  ChangeRecord,
  PageInfo,
  PageRecord,
  ParagraphRecord,
  SourceInfo,
  SourceRange,
  SpeechRecord,
  WarningRecord,
} from '../record/schema.js';
import { SCHEMA_VERSION } from '../record/version.js';

/** What segmentation knows about each speech beyond its paragraphs. */
export interface SpeechMeta {
  title: string | null;
  titleRange: { start: number; end: number } | null;
  titleCandidates: string[];
  truncated: boolean;
  duplicateOf: string | null;
}

declare module 'unified' {
  interface CompileResultMap {
    PageRecord: PageRecord;
  }
}

declare module 'vfile' {
  interface DataMap {
    source: Omit<SourceInfo, 'script'>;
    page: PageInfo;
    speeches: SpeechMeta[];
  }
}

export function sourceRange(file: VFile, start: number, end: number): SourceRange {
  const toPoint = file.data.toPoint!;
  const a = toPoint(start);
  const b = toPoint(end);
  return { start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

function paragraphRecord(file: VFile, p: Paragraph): ParagraphRecord {
  const spans: [number, number, number][] = [];
  let out = 0;
  // Whether the last span's text and source have the same length (then it maps them character by character).
  let aligned = false;
  for (const piece of piecesOf(p)) {
    const length = piece.value.length;
    const last = spans[spans.length - 1];
    const pieceAligned = length === piece.end - piece.start;
    // Aligned pieces that continue each other's source range (a verbatim run next to a converted one) make one
    // span: it still maps character by character, and a converted page no longer has a span per converted run.
    if (last && aligned && pieceAligned && last[2] === piece.start) last[2] = piece.end;
    else {
      spans.push([out, piece.start, piece.end]);
      aligned = pieceAligned;
    }
    out += length;
  }
  const { start, end } = rangeOf(p);
  const r = sourceRange(file, start, end);
  // Spelled out: an object spread here is slow, and this runs for every paragraph of every page.
  return { text: textOf(p), kind: p.data?.kind ?? 'body', source: { start: r.start, end: r.end, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, spans } };
}

function changeOf(file: VFile, m: VFileMessage): ChangeRecord {
  const start = m.place && 'start' in m.place ? m.place.start.offset ?? 0 : 0;
  const end = m.place && 'end' in m.place ? m.place.end.offset ?? start : start;
  return { rule: m.ruleId ?? 'unknown', stage: m.source ?? 'unknown', kind: m.kind!, source: sourceRange(file, start, end), before: m.actual ?? '', after: m.expected?.[0] ?? '', reason: m.reason };
}

function warningOf(file: VFile, m: VFileMessage): WarningRecord {
  const place = m.place && 'start' in m.place ? m.place : undefined;
  return {
    rule: m.ruleId ?? 'unknown',
    stage: m.source ?? 'unknown',
    message: m.reason,
    source: place ? sourceRange(file, place.start.offset ?? 0, place.end.offset ?? 0) : null,
  };
}

export function speechId(sha256: string, index: number): string {
  return `${sha256.slice(0, 16)}-${index}`;
}

function speechRecord(file: VFile, index: number, paragraphs: Paragraph[], meta: SpeechMeta | undefined): SpeechRecord {
  const sha = file.data.source!.sha256;
  const salutation = paragraphs.find((p) => p.data?.role === 'salutation');
  const closing = paragraphs.find((p) => p.data?.role === 'closing');
  const body = paragraphs.filter((p) => (p.data?.role ?? 'body') === 'body');
  const records = body.map((p) => paragraphRecord(file, p));
  const salutationText = salutation ? textOf(salutation) : null;
  const closingText = closing ? textOf(closing) : null;
  const texts = [salutationText, ...records.map((p) => p.text), closingText].filter((t): t is string => t !== null);
  const preamble = paragraphs.filter((p) => p.data?.role === 'preamble');
  const signature = paragraphs.filter((p) => p.data?.role === 'signature');
  const lineRange = (p: Paragraph) => sourceRange(file, rangeOf(p).start, rangeOf(p).end);
  const partRange = (p: Paragraph | undefined) => (p ? lineRange(p) : null);
  return {
    id: speechId(sha, index),
    index,
    title: meta?.title ?? null,
    titleCandidates: meta?.titleCandidates ?? [],
    preamble: preamble.map(textOf),
    salutation: salutationText,
    paragraphs: records,
    closing: closingText,
    signature: signature.map(textOf),
    charCount: texts.reduce((n, t) => n + countHan(t), 0),
    placeholders: placeholdersIn(texts),
    truncated: meta?.truncated ?? false,
    duplicateOf: meta?.duplicateOf ?? null,
    parts: {
      title: meta?.titleRange ? sourceRange(file, meta.titleRange.start, meta.titleRange.end) : null,
      salutation: partRange(salutation),
      closing: partRange(closing),
      preamble: preamble.map(lineRange),
      signature: signature.map(lineRange),
    },
  };
}

export function compilePage(tree: Root, file: VFile): PageRecord {
  const groups = new Map<number, Paragraph[]>();
  for (const node of tree.children) {
    if (node.type !== 'ParagraphNode' || node.data?.role === 'page-title') continue;
    const i = node.data?.speech ?? 0;
    if (!groups.has(i)) groups.set(i, []);
    groups.get(i)!.push(node);
  }
  const metas = file.data.speeches ?? [];
  const speeches = [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([i, ps]) => speechRecord(file, i, ps, metas[i]))
    .filter((s) => s.paragraphs.length || s.salutation || s.closing);
  const messages = [...file.messages];
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { ...file.data.source!, script: file.data.script ?? 'unknown' },
    page: file.data.page ?? { title: null, site: null, publishedAt: null, author: null, declaredCount: null },
    speeches,
    changes: messages.filter((m) => m.kind).map((m) => changeOf(file, m)),
    warnings: messages.filter((m) => !m.kind).map((m) => warningOf(file, m)),
  };
}

const compileRecord: Plugin<[], Root, PageRecord> = function () {
  this.compiler = (tree, file) => compilePage(tree as Root, file);
};
export default compileRecord;
