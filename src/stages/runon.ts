/**
 * Run-on stage: pages that lost their line breaks altogether (a whole page or speech on one line, no layout spaces
 * for `unwrap` to read). Cuts a long line where its structure shows a paragraph began: after a sentence end, before a
 * salutation, a numbered heading (一、 (一) 1. 第一), a rallying `同志们,`, a closing thanks or a speech heading
 * glued to a salutation; a short heading that ends at its first full stop becomes its own paragraph.
 * Runs after normalize and script (the markers are then simplified and unspaced) and before boilerplate.
 */
import type { VFile } from 'vfile';
import type { RepairOptions } from '../config.js';
import { INLINE_NUMBERING, runOnRules } from '../rules/repair.js';
import { EXHORTATION, isClosing, numberingOf, salutationLength } from '../rules/structure.js';
import { textOf } from '../tree/edit.js';
import { splitAndLog } from '../tree/reflow.js';
import type { Paragraph, Root } from '../tree/types.js';
import { SPEECH_MARKER } from './boilerplate.js';

export const STAGE = 'runon';

const SENTENCE_END = /[。！？!?][”’"」』)）]*/g;
const ADDRESS = /尊敬的|敬爱的|亲爱的|各位|全体|同志们|老师们|同学们|朋友们/g;

/** Offsets where a paragraph begins inside `text`. */
export function runOnCuts(text: string): number[] {
  if (text.length < runOnRules.minLength) return [];
  const ends = [0];
  SENTENCE_END.lastIndex = 0;
  for (let m; (m = SENTENCE_END.exec(text)); ) if (m.index + m[0].length < text.length) ends.push(m.index + m[0].length);
  const cuts = new Set<number>();
  for (const at of ends) {
    const rest = text.slice(at, at + 200);
    const numbering = numberingOf(rest);
    if (salutationLength(rest) > 0 || EXHORTATION.test(rest) || isClosing(rest.slice(0, rest.search(/[。！!]/) + 1)) || SPEECH_MARKER.test(rest.slice(0, 60))) cuts.add(at);
    else if (numbering && !INLINE_NUMBERING.has(numbering)) {
      cuts.add(at);
      const stop = rest.search(/[。！？!?]/);
      if (stop > 0 && stop < runOnRules.maxHeading) cuts.add(at + stop + 1);
    }
  }
  // A title glued to the salutation that follows it (`…讲话同志们:`): the title starts at a sentence end.
  // Addresses inside a salutation already found (亲爱的 in `敬爱的老师、亲爱的同学们:`) start nothing.
  let covered = 0;
  for (const m of text.matchAll(ADDRESS)) {
    if (m.index < covered) continue;
    const length = salutationLength(text.slice(m.index, m.index + 60));
    if (length > 0) cuts.add(m.index), (covered = m.index + length);
  }
  // The closing thanks may be followed by the next speech's heading.
  const thanks = /谢谢(?:大家|各位|同志们)?[!！。]/g;
  for (const m of text.matchAll(thanks)) if (m.index + m[0].length < text.length) cuts.add(m.index + m[0].length);
  cuts.delete(0);
  const sorted = [...cuts].filter((c) => c < text.length).sort((a, b) => a - b);
  return sorted.length >= runOnRules.minBoundaries ? sorted : [];
}

/**
 * A page lost its line breaks when one line holds most of its text. On pages with normal line structure a long
 * paragraph may well hold a rallying `同志们,` or inline `(1)…(2)…` items, so they are left alone.
 */
function lostLineBreaks(texts: readonly string[]): boolean {
  const total = texts.reduce((n, t) => n + t.length, 0);
  const longest = texts.reduce((n, t) => Math.max(n, t.length), 0);
  return total >= runOnRules.minLength && longest >= runOnRules.minShare * total;
}

export default function splitRunOnLines(_options: RepairOptions) {
  return function transform(tree: Root, file: VFile): void {
    const paragraphs = tree.children.filter((n): n is Paragraph => n.type === 'ParagraphNode');
    if (!lostLineBreaks(paragraphs.map(textOf))) return;
    tree.children = paragraphs.flatMap((node) => {
      const cuts = runOnCuts(textOf(node));
      if (!cuts.length) return [node];
      return splitAndLog(file, STAGE, node, cuts.map((at) => ({ at, rule: runOnRules.boundary })));
    });
  };
}
