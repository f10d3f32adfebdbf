/**
 * Damaged-byte repair stage: spans of GBK text that a byte-level find-and-replace shifted out of phase (see
 * src/rules/damage.ts) are rebuilt where the evidence determines their bytes, and flagged where it does not. It runs
 * first, before `normalize` removes the pinyin annotations: the pinyin is the evidence. One scan for the markers
 * skips every page without them.
 */
import type { VFile } from 'vfile';
import { findDamage, PageModel } from '../decode/damage.js';
import { recordChange, recordWarning } from '../provenance.js';
import { ANY_MARKER, UNRESOLVED } from '../rules/damage.js';
import { type Edit, editParagraph, piecesOf, sourceRangeOf, textOf } from '../tree/edit.js';
import type { Paragraph, Root } from '../tree/types.js';

export const STAGE = 'bytes';

export interface BytesOptions {
  /** Rule ids to turn off (see `src/rules/damage.ts`); spans of a disabled repair are flagged instead. */
  disable: string[];
}

export default function repairBytes(options: BytesOptions) {
  const disabled = new Set(options.disable);
  return function transform(tree: Root, file: VFile): void {
    const paragraphs = tree.children.filter((p): p is Paragraph => p.type === 'ParagraphNode');
    const texts = paragraphs.map(textOf);
    if (!texts.some((t) => ANY_MARKER.test(t))) return;
    const model = new PageModel(texts);
    paragraphs.forEach((paragraph, i) => {
      const text = texts[i]!;
      if (!ANY_MARKER.test(text)) return;
      const spans = findDamage(text, model);
      const pieces = piecesOf(paragraph);
      const flag = (start: number, end: number, reason: string) => {
        if (!disabled.has(UNRESOLVED.id)) recordWarning(file, STAGE, UNRESOLVED.id, reason, sourceRangeOf(pieces, start, end));
      };
      // Reported right to left; the repairs are made in one rebuild of the paragraph (spans never overlap).
      const repairs: { edit: Edit; rule: { id: string; description: string } }[] = [];
      for (const span of [...spans].reverse()) {
        const before = text.slice(span.start, span.end);
        if (!span.rule || span.after === null || disabled.has(span.rule.id)) {
          flag(span.start, span.end, `${UNRESOLVED.description} Left as found: \`${before}\`.`);
          continue;
        }
        if (span.undetermined) flag(span.start, span.end, `${UNRESOLVED.description} Repaired \`${before}\` → \`${span.after}\`; ${span.undetermined} undetermined character(s) shown as \`?\`.`);
        if (span.after !== before) repairs.push({ edit: { start: span.start, end: span.end, text: span.after }, rule: span.rule });
      }
      // editParagraph reports in text order, the opposite of `repairs`.
      editParagraph(paragraph, repairs.map((r) => r.edit), file.data.toPoint!).reverse().forEach((a, k) => {
        const { rule } = repairs[k]!;
        recordChange(file, STAGE, { rule: rule.id, kind: a.after === '' ? 'delete' : 'replace', start: a.start, end: a.end, before: a.before, after: a.after, reason: rule.description });
      });
    });
  };
}
