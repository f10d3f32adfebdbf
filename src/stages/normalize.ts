/**
 * Normalisation stage: NFC, invisible characters, leftover markup, inline pinyin, spaces, doubled marks, and the
 * punctuation policy. Character-level only: no paragraph is split, joined or dropped here (a paragraph that held
 * nothing but markup disappears with its deletion logged).
 */
import type { VFile } from 'vfile';
import { fullwidthRules, normalizeRules } from '../rules/normalize.js';
import type { ReplaceRule } from '../rules/types.js';
import { textOf } from '../tree/edit.js';
import { applyAndLog, rewriteParagraph } from '../tree/rewrite.js';
import type { Paragraph, Root } from '../tree/types.js';

export const STAGE = 'normalize';

export interface NormalizeOptions {
  /** `keep` leaves punctuation as found; `fullwidth` turns ASCII , : ; ! ? ( ) inside Chinese text full-width. */
  punctuation: 'keep' | 'fullwidth';
  /** Rule ids to skip. */
  disable: readonly string[];
}

const NFC_RULE = { id: 'normalize/nfc', description: 'Unicode NFC composition.' };

/** Returns whether it changed the paragraph. */
function nfc(file: VFile, paragraph: Paragraph, text: string): boolean {
  const composed = text.normalize('NFC');
  if (composed === text) return false;
  // One edit over the differing middle keeps the rest of the paragraph exactly mapped.
  let a = 0;
  while (a < text.length && text[a] === composed[a]) a++;
  let b = 0;
  while (b < text.length - a && text[text.length - 1 - b] === composed[composed.length - 1 - b]) b++;
  applyAndLog(file, STAGE, paragraph, [{ start: a, end: text.length - b, text: composed.slice(a, composed.length - b) }], NFC_RULE);
  return true;
}

export default function normalize(options: NormalizeOptions) {
  const disabled = new Set(options.disable);
  const rules: ReplaceRule[] = [...normalizeRules, ...(options.punctuation === 'fullwidth' ? fullwidthRules : [])].filter((r) => !disabled.has(r.id));
  return function transform(tree: Root, file: VFile): void {
    tree.children = tree.children.filter((paragraph) => {
      if (paragraph.type !== 'ParagraphNode') return true;
      // The text is taken once and again only after a rule changed it: most rules change nothing.
      let text = textOf(paragraph);
      if (!disabled.has(NFC_RULE.id) && nfc(file, paragraph, text)) text = textOf(paragraph);
      for (const rule of rules) if (rewriteParagraph(file, STAGE, paragraph, rule, text)) text = textOf(paragraph);
      return text.trim() !== '';
    });
  };
}
