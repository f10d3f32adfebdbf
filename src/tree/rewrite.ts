/**
 * Applies a replace rule (regex + replacement) to a paragraph and logs what it changed. Shared by every stage
 * whose rules are patterns.
 */
import type { VFile } from 'vfile';
import { recordChange } from '../provenance.js';
import type { ReplaceRule } from '../rules/types.js';
import { editParagraph, textOf, type Edit } from './edit.js';
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
  const text = textOf(paragraph);
  const toPoint = file.data.toPoint!;
  const applied = editParagraph(paragraph, edits, toPoint, kind === 'convert' ? 'converted' : 'replaced');
  const kindOf = (after: string) => (kind === 'replace' && after === '' ? 'delete' : kind);
  if (rule.aggregate && applied.length > 1) {
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    const from = sorted[0]!.start;
    const to = sorted[sorted.length - 1]!.end;
    let after = '';
    let cursor = from;
    for (const e of sorted) {
      after += text.slice(cursor, e.start) + e.text;
      cursor = e.end;
    }
    recordChange(file, stage, {
      rule: rule.id,
      kind: kind === 'convert' ? 'convert' : 'replace',
      // A loop, not Math.min(...): a 1 MB line can hold more edits than a call takes arguments.
      start: applied.reduce((m, a) => Math.min(m, a.start), Infinity),
      end: applied.reduce((m, a) => Math.max(m, a.end), -Infinity),
      before: text.slice(from, to),
      after,
      reason: `${rule.description} (${applied.length}×)`,
    });
    return;
  }
  for (const a of applied) recordChange(file, stage, { rule: rule.id, kind: kindOf(a.after), start: a.start, end: a.end, before: a.before, after: a.after, reason: rule.description });
}

/** Runs a replace rule over a paragraph; returns whether it changed anything. */
export function rewriteParagraph(file: VFile, stage: string, paragraph: Paragraph, rule: ReplaceRule): boolean {
  const edits = ruleEdits(textOf(paragraph), rule);
  applyAndLog(file, stage, paragraph, edits, rule);
  return edits.length > 0;
}
