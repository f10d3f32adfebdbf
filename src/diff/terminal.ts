/**
 * The terminal diff: every raw line with a marker (' ' kept, '-' dropped, '~' edited), the rules that touched it
 * and, for edited lines, what the output holds instead. Colour only when asked (a terminal); plain text is the
 * same with no escape codes, so piping it to a file or grep works.
 */
import { styleText } from 'node:util';
import type { ChangeRecord } from '../record/schema.js';
import { type DiffLine, type LineFilter, type LineStatus, type PageDiff, lineFragments, selectLines, unloggedNote } from './align.js';
import { lineCounts } from './stats.js';

export interface TerminalOptions extends LineFilter {
  color: boolean;
}

type Style = Parameters<typeof styleText>[0];

export const MARKERS: Record<LineStatus, string> = { kept: ' ', dropped: '-', edited: '~', layout: ' ' };

/** Changes of one rule on a line shown one by one up to this many, then as a count. */
const LIST_LIMIT = 3;
/** Before/after texts are cut to this many characters. */
const SNIPPET = 40;

/** Whether to colour `stream`: a terminal that supports colour (NO_COLOR, FORCE_COLOR and TERM are honoured). */
export function wantsColor(stream: NodeJS.WriteStream): boolean {
  if (stream.isTTY) return stream.hasColors();
  const force = process.env.FORCE_COLOR;
  return force !== undefined && force !== '0' && force !== 'false';
}

/** A before/after text made visible: line breaks and edge spaces shown, long texts cut. */
export function snippet(text: string): string {
  const shown = text.replace(/\r?\n/g, '⏎');
  return `「${shown.length > SNIPPET ? `${shown.slice(0, SNIPPET - 1)}…` : shown}」`;
}

function changeNotes(changes: readonly ChangeRecord[], ids: readonly number[], paint: (s: Style, t: string) => string): string[] {
  const byRule = new Map<string, ChangeRecord[]>();
  for (const id of ids) {
    const c = changes[id]!;
    const key = `${c.rule}\0${c.stage}`;
    if (!byRule.has(key)) byRule.set(key, []);
    byRule.get(key)!.push(c);
  }
  const out: string[] = [];
  for (const group of byRule.values()) {
    const first = group[0]!;
    const kinds = [...new Set(group.map((c) => c.kind))].join(', ');
    const head = `${paint('cyan', first.rule)} ${paint('dim', `(${first.stage}, ${kinds})`)}`;
    if (group.length > LIST_LIMIT) {
      out.push(`${head} ×${group.length}: ${first.reason}`);
      continue;
    }
    for (const c of group) {
      const edit = c.kind === 'drop' ? '' : ` ${paint('red', snippet(c.before))} → ${paint('green', snippet(c.after))}`;
      out.push(`${head}${edit}: ${c.reason}`);
    }
  }
  return out;
}

function rawText(diff: PageDiff, line: DiffLine, ids: readonly number[], paint: (s: Style, t: string) => string): string {
  if (line.status === 'dropped') return paint('red', line.text);
  if (line.status !== 'edited') return line.text;
  return lineFragments(diff, line, ids)
    .map((f) => (f.insert ? paint('green', '‸') : f.changes.length ? paint(['red', 'underline'], f.text) : f.text))
    .join('');
}

export function renderTerminal(diff: PageDiff, path: string, options: TerminalOptions): string {
  const paint = (style: Style, text: string) => (options.color && text.trim() ? styleText(style, text, { validateStream: false }) : text);
  const { record } = diff;
  const counts = lineCounts(diff);
  const width = String(diff.lines.length).length;
  const indent = ' '.repeat(width + 3);
  const out: string[] = [
    paint('bold', path),
    paint(
      'dim',
      `${record.source.encoding}, ${record.source.format}; ${diff.lines.length} lines: ${counts.kept} kept, ${counts.dropped} dropped, ` +
        `${counts.edited} edited, ${counts.layout} layout; ${record.speeches.length} speeches, ${record.changes.length} changes, ${record.warnings.length} warnings`,
    ),
    paint('dim', `marks: '${MARKERS.kept}' kept  '${MARKERS.dropped}' dropped  '${MARKERS.edited}' edited`),
    '',
  ];
  const selected = selectLines(diff, options);
  const statusStyle: Record<LineStatus, Style> = { kept: 'dim', dropped: 'red', edited: 'yellow', layout: 'dim' };
  for (const { line, changes } of selected) {
    const mark = paint(statusStyle[line.status], MARKERS[line.status]);
    out.push(`${paint('dim', String(line.number).padStart(width))} ${mark} ${rawText(diff, line, changes, paint)}`.trimEnd());
    if (line.after.length && line.status === 'edited') out.push(`${indent}→ ${paint('green', line.after.join(' ¶ '))}`);
    for (const text of changeNotes(record.changes, changes, paint)) out.push(`${indent}${text}`);
    if (line.unlogged) out.push(`${indent}${paint('magenta', unloggedNote(diff, line))}`);
  }
  if (!selected.length) out.push(paint('dim', 'no line matches'));
  return `${out.join('\n')}\n`;
}
