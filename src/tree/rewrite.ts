/**
 * Applies a replace rule (regex + replacement) to a paragraph and logs what it changed. Shared by every stage
 * whose rules are patterns.
 */
import type { VFile } from 'vfile';
import { recordChange } from '../provenance.js';
import type { ReplaceRule } from '../rules/types.js';
import { type AppliedEdit, editParagraph, textOf, type Edit } from './edit.js';
import type { Paragraph } from './types.js';

function expand(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\d)/g, (_, d: string) => match[Number(d)] ?? '');
}

/** The edits `rule` makes on `text`. */
export function ruleEdits(text: string, rule: ReplaceRule): Edit[] {
  const edits: Edit[] = [];
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text))) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    const after = typeof rule.replace === 'string' ? expand(rule.replace, m) : rule.replace(m[0], ...m.slice(1).map((g) => g ?? ''));
    if (after !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, text: after });
  }
  return edits;
}

/** Applies `edits` to the paragraph and logs them under `rule` (one change per edit, or one for all). */
export function applyAndLog(file: VFile, stage: string, paragraph: Paragraph, edits: Edit[], rule: { id: string; description: string; aggregate?: boolean | undefined }, kind: 'replace' | 'delete' | 'convert' = 'replace'): void {
  if (!edits.length) return;
  const aggregate = rule.aggregate && edits.length > 1;
  const text = aggregate ? textOf(paragraph) : '';
  const toPoint = file.data.toPoint!;
  const applied = editParagraph(paragraph, edits, toPoint, kind === 'convert' ? 'converted' : 'replaced');
  const kindOf = (after: string) => (kind === 'replace' && after === '' ? 'delete' : kind);
  if (aggregate) {
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    const from = sorted[0]!.start;
    const to = sorted[sorted.length - 1]!.end;
    const parts: string[] = [];
    let cursor = from;
    let start = Infinity;
    let end = -Infinity;
    for (const e of sorted) {
      parts.push(text.slice(cursor, e.start), e.text);
      cursor = e.end;
    }
    for (const a of applied) {
      start = Math.min(start, a.start);
      end = Math.max(end, a.end);
    }
    recordEdits(file, stage, rule, kind === 'convert' ? 'convert' : 'replace', { start, end, before: text.slice(from, to), after: parts.join('') }, applied.length);
    return;
  }
  for (const a of applied) recordChange(file, stage, { rule: rule.id, kind: kindOf(a.after), start: a.start, end: a.end, before: a.before, after: a.after, reason: rule.description });
}

/**
 * Logs `count` edits of an aggregate rule as `applyAndLog` does: one change from the first to the last edit (or the
 * one edit's own), for a caller that made them without `Edit`s.
 */
export function recordEdits(file: VFile, stage: string, rule: { id: string; description: string }, kind: 'replace' | 'convert', change: AppliedEdit, count: number): void {
  const reason = count > 1 ? `${rule.description} (${count}×)` : rule.description;
  recordChange(file, stage, { rule: rule.id, kind, start: change.start, end: change.end, before: change.before, after: change.after, reason });
}

/**
 * Runs a replace rule over a paragraph; returns whether it changed anything. A caller running many rules passes the
 * paragraph's current text (`textOf` walks the whole paragraph) and takes it again only after a change.
 */
export function rewriteParagraph(file: VFile, stage: string, paragraph: Paragraph, rule: ReplaceRule, text = textOf(paragraph)): boolean {
  const edits = ruleEdits(text, rule);
  applyAndLog(file, stage, paragraph, edits, rule);
  return edits.length > 0;
}
