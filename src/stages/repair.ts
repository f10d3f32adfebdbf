/**
 * Paragraph repair: rejoins what the page broke apart and marks what each paragraph is. Runs after boilerplate
 * removal (so chrome lines are gone) and before segmentation (which needs whole paragraphs). In order:
 * 1. link fragments: a sentence the site cut at a link, each piece ending in an added `。`
 *    (`…签订的各级目标管理。` / `责任书。` / `进一步明确…`), is joined again and the added stops removed;
 * 2. broken lines: a line ending with `,` `;` `、` `:` or no mark continues on the next;
 * 3. a closing with a signature and date glued to it is split in two;
 * 4. sentence-per-line pages: sentences are joined back into paragraphs between headings and numbered items;
 * 5. every paragraph gets its kind (heading, list-item, body).
 * Headings, numbered items, salutations and closings never join with their neighbours.
 */
import type { VFile } from 'vfile';
import type { RepairOptions } from '../config.js';
import { INLINE_NUMBERING, LINE_END, SENTENCE_END, STRAY_STOP, isUnclosed, lineRules, linkRules, type RepairRule, signatureRules } from '../rules/repair.js';
import { isClosing, isHeading, isListItem, numberingOf, salutationLength } from '../rules/structure.js';
import { rangeOf, textOf } from '../tree/edit.js';
import { type Boundary, joinAndLog, splitAndLog } from '../tree/reflow.js';
import type { Paragraph, Root } from '../tree/types.js';

export const STAGE = 'repair';

/** Decides whether the paragraph `next` (index `i` on the page) continues the one before, whose text is `current`. */
type Decide = (current: string, next: string, i: number) => Boundary | undefined;

/** A paragraph whose part on the page another stage has decided (a title, say) is never joined. */
function isFixed(p: Paragraph): boolean {
  return p.data?.role !== undefined && p.data.role !== 'body';
}

/** Headings, numbered items, salutations and closings: they start and end their own paragraphs. */
function isStructural(text: string): boolean {
  return numberingOf(text) !== undefined || salutationLength(text) > 0 || isClosing(text);
}

/**
 * Joins each paragraph into the one before when `decide` says so; returns the paragraphs that remain. `decide`
 * sees the last paragraph of the growing group, so a long chain of joins stays linear.
 */
function joinPass(file: VFile, paragraphs: Paragraph[], decide: Decide): Paragraph[] {
  const texts = paragraphs.map(textOf);
  const groups: { members: Paragraph[]; boundaries: Boundary[] }[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const group = groups[groups.length - 1];
    const join = group && !isFixed(group.members[0]!) && !isFixed(p) ? decide(texts[i - 1]!, texts[i]!, i) : undefined;
    if (join) {
      group!.members.push(p);
      group!.boundaries.push(join);
    } else {
      groups.push({ members: [p], boundaries: [] });
    }
  }
  return groups.map((g) => joinAndLog(file, STAGE, g.members, g.boundaries));
}

function isFragment(text: string, maxLength: number): boolean {
  return text.length - 1 <= maxLength && linkRules.fragment.pattern.test(text) && !isStructural(text);
}

/** Text that can go on a sentence the line before left open: prose or another fragment, not a new section. */
function continues(text: string | undefined, maxLength: number): boolean {
  if (text === undefined || isStructural(text)) return false;
  return LINE_END.test(text) || linkRules.closingStart.pattern.test(text) || isFragment(text, maxLength);
}

/** The link-fragment decisions, with the page-level evidence the weakest one needs. */
function linkFragments(texts: readonly string[], maxLength: number): Decide {
  const strong = (current: string, next: string): RepairRule | undefined => {
    if (isUnclosed(current)) return linkRules.unclosed;
    if (linkRules.closingStart.pattern.test(next)) return linkRules.closingStart;
    if (linkRules.particleStart.pattern.test(next)) return linkRules.particleStart;
    return undefined;
  };
  // The line before must be prose (a short slogan line with a full stop is not a cut sentence).
  const prose = (text: string) => text.length > 2 * maxLength || lineRules.unmarked.prose.test(text.slice(0, -1));
  const bare = (i: number) => isFragment(texts[i]!, maxLength) && i > 0 && STRAY_STOP.test(texts[i - 1]!) && prose(texts[i - 1]!) && continues(texts[i + 1], maxLength);
  let fragments = 0;
  let evidence = false;
  for (let i = 1; i < texts.length; i++) {
    if (bare(i)) fragments++;
    if (STRAY_STOP.test(texts[i - 1]!) && strong(texts[i - 1]!, texts[i]!)) evidence = true;
  }
  // One lone short sentence between two paragraphs proves nothing; the damage shows more than once on a page.
  const pageShowsDamage = evidence || fragments >= 2;
  let inFragment = -1; // index of the fragment just joined: its own added stop goes too
  return (current, next, i) => {
    if (!STRAY_STOP.test(current) || isHeading(current) || salutationLength(current) > 0 || isStructural(next)) return undefined;
    let rule = strong(current, next);
    if (!rule && inFragment === i - 1 && continues(next, maxLength)) rule = linkRules.fragment;
    if (!rule && pageShowsDamage && bare(i)) rule = linkRules.fragment;
    if (!rule) return undefined;
    if (isFragment(next, maxLength)) inFragment = i;
    return { rule, dropTail: 1 };
  };
}

const brokenLines: Decide = (current, next) => {
  if (isStructural(next) || isHeading(current) || isClosing(current)) return undefined;
  if (lineRules.clause.pattern.test(current)) return { rule: lineRules.clause };
  const { pattern, prose } = lineRules.unmarked;
  // Titles and unnumbered headings have no clause marks: only prose goes on.
  if (!prose.test(next)) return undefined;
  const colon = lineRules.colon;
  if (colon.pattern.test(current)) {
    const intro = salutationLength(current) > 0 || current.length < colon.minLength || colon.announces.test(current.slice(-colon.tail));
    return intro ? undefined : { rule: colon };
  }
  // A prose line that stops without any mark was cut.
  if (pattern.test(current) && !LINE_END.test(current) && prose.test(current)) return { rule: lineRules.unmarked };
  return undefined;
};

/** A prose line holding exactly one sentence. */
function isOneSentence(text: string): boolean {
  return SENTENCE_END.test(text) && (text.match(/[。！？!?]/g)?.length ?? 0) <= 1;
}

/**
 * How many prose lines, and what share of them holding one sentence, make a sentence-per-line page; a shorter page
 * (`minGroupedLines`) shows it only by blank lines between its paragraphs and none between their sentences.
 */
const SENTENCE_PAGE = { minLines: 12, share: 0.8, minGroupedLines: 4 };

/**
 * Pages that put each sentence on its own line (`SENTENCE_PAGE`). Returns the decision that joins consecutive
 * prose lines, or undefined for ordinary pages. `blankBefore[i]`: a blank line separates paragraph i from the one above.
 */
function sentencePerLine(texts: readonly string[], blankBefore: readonly boolean[]): Decide | undefined {
  const prose = texts.filter((t) => SENTENCE_END.test(t) && !isStructural(t));
  if (prose.length < SENTENCE_PAGE.minGroupedLines || prose.filter(isOneSentence).length < prose.length * SENTENCE_PAGE.share) return undefined;
  // A heading stands alone; an enumerated sentence (`二是要抓好质量。`) takes the sentences that follow it.
  const opensParagraph = (text: string) => !isHeading(text) || INLINE_NUMBERING.has(numberingOf(text)!);
  const joins: Decide = (current, next) =>
    SENTENCE_END.test(current) && SENTENCE_END.test(next) && !isStructural(next) && opensParagraph(current) && salutationLength(current) === 0 && !isClosing(current)
      ? { rule: lineRules.sentencePerLine }
      : undefined;
  if (prose.length >= SENTENCE_PAGE.minLines) return joins;
  // Blank lines inside the body, and sentences run on single line breaks: join only those.
  const bodyStart = texts.findIndex((t) => SENTENCE_END.test(t) && !isStructural(t));
  const gaps = blankBefore.slice(bodyStart + 1);
  const tight = texts.filter((t, i) => i > bodyStart && !blankBefore[i] && joins(texts[i - 1]!, t, i)).length;
  if (gaps.filter(Boolean).length < 2 || tight < 2) return undefined;
  return (current, next, i) => (blankBefore[i] ? undefined : joins(current, next, i));
}

/** Whether a blank line (two line breaks) lies between each paragraph and the one before it in the source. */
function blankLinesBefore(paragraphs: readonly Paragraph[], source: string): boolean[] {
  return paragraphs.map((p, i) => i > 0 && (source.slice(rangeOf(paragraphs[i - 1]!).end, rangeOf(p).start).match(/\r\n|\r|\n/g)?.length ?? 0) >= 2);
}

/** A closing with the signature glued to it becomes two lines, so segmentation sees the closing. */
function splitSignature(file: VFile, p: Paragraph): Paragraph[] {
  const m = signatureRules.glued.pattern.exec(textOf(p));
  return m ? splitAndLog(file, STAGE, p, [{ at: m[1]!.length, rule: signatureRules.glued }]) : [p];
}

function kindOf(text: string): 'heading' | 'list-item' | 'body' {
  if (isHeading(text)) return 'heading';
  return isListItem(text) ? 'list-item' : 'body';
}

export default function repairParagraphs(options: RepairOptions) {
  const enabled = (rule: RepairRule) => !options.disable.includes(rule.id);
  // A decision whose rule is turned off is no decision.
  const only = (decide: Decide): Decide => (current, next, i) => {
    const join = decide(current, next, i);
    return join && enabled(join.rule) ? join : undefined;
  };
  return function transform(tree: Root, file: VFile): void {
    // The parser makes a root of paragraphs only.
    if (!tree.children.every((n): n is Paragraph => n.type === 'ParagraphNode')) return;
    let paragraphs: Paragraph[] = tree.children;
    paragraphs = joinPass(file, paragraphs, only(linkFragments(paragraphs.map(textOf), options.maxFragmentLength)));
    paragraphs = joinPass(file, paragraphs, only(brokenLines));
    if (enabled(signatureRules.glued)) paragraphs = paragraphs.flatMap((p) => splitSignature(file, p));
    const sentences = sentencePerLine(paragraphs.map(textOf), blankLinesBefore(paragraphs, String(file.value)));
    if (sentences) paragraphs = joinPass(file, paragraphs, only(sentences));
    for (const p of paragraphs) p.data = { ...p.data, kind: kindOf(textOf(p)) };
    tree.children = paragraphs;
  };
}
