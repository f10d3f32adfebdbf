/**
 * Boilerplate stage: applies the rule table (src/rules/boilerplate.ts) to every paragraph, pulls the page's meta
 * values (title, time, author, site, declared count) out of the lines it removes, and remembers titles that
 * editor blurbs name, for segmentation. Order: span rules, then line and block rules that may fire anywhere, then
 * rules limited to the page's head and tail (which are only known once the anywhere-rules have run).
 */
import type { VFile } from 'vfile';
import type { BoilerplateOptions } from '../config.js';
import { COUNT_LABEL, PAGE_PART, authorOf, blurbTitle, declaredCount, isoDate, siteOf, splitHtmlTitle } from '../page/meta.js';
import { recordChange } from '../provenance.js';
import type { PageInfo } from '../record/schema.js';
import { type BoilerplateRule, boilerplateRules, GENRE_WORDS } from '../rules/boilerplate.js';
import { EXHORTATION, FINAL_WISH, GLUED_TITLE, gluedSalutationAt, isClosing, isHeading, numberingOf, salutationLength } from '../rules/structure.js';
import { rangeOf, splitParagraph, textOf } from '../tree/edit.js';
import { applyAndLog } from '../tree/rewrite.js';
import type { Paragraph, Root } from '../tree/types.js';

export const STAGE = 'boilerplate';

export interface TitleHint {
  /** Source offset of the blurb that named the title. */
  offset: number;
  title: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Titles editor blurbs named, by where they stood. */
    titleHints: TitleHint[];
    /** Source offsets where a paywall or preview end cut the page. */
    truncatedAt: number[];
  }
}

/**
 * A per-speech heading marker: 篇1, 篇一, 【篇一】, 第一篇, 范文一 …, or a numeral and a colon alone on a line (`二:`;
 * a section inside a speech is numbered 二、) (segmentation reads it too). `第1篇 <title>` has lost its space to
 * normalisation by now, so 第N篇 opening a line needs nothing after it but a comma (`第二篇,《纪念白求恩》。` counts
 * articles in a sentence).
 */
export const SPEECH_MARKER = /^第[一二三四五六七八九十\d]{1,3}篇(?![章幅目,，])|(?:^|[\s:：】)）])(?:第[一二三四五六七八九十\d]{1,3}篇|【?篇[一二三四五六七八九十\d]{1,3}】?|范文[一二三四五六七八九十\d]{1,3}|【范[文例][一二三四五六七八九十\d]{0,3}】)[:：]?(?:\s|$)|篇\s*[0-9一二三四五六七八九十]{1,3}[:：]?$|^[一二三四五六七八九十]{1,3}[:：]$/;

const TERMINAL_INSIDE = /[。！？!?]/;
/** A per-speech marker at the end of a heading (`…(汇总3篇)篇一`, `… 篇1`, `…【篇二】`). */
const TRAILING_MARKER = /\s*(?:【篇[一二三四五六七八九十\d]{1,3}】|篇\s*[一二三四五六七八九十\d]{1,3})[:：]?$/;

/** Prose: a paragraph that reads as running text (where the speech region starts or ends). */
export function isProse(text: string): boolean {
  if (text.length < 30) return false;
  const marks = text.match(/[，,。；;！!？?、]/g)?.length ?? 0;
  return marks >= 2;
}

/**
 * A list dropped mid-page (`更多相关文章:` between two sections) ends where the speech goes on: at its next top-level
 * section (二、…) or its rallying paragraph (同志们,…). Prose alone does not end it: list entries carry summaries.
 */
function resumesSpeech(text: string): boolean {
  return (numberingOf(text) === 'cn-dun' && isHeading(text)) || EXHORTATION.test(text);
}

/** Paragraphs that show the speech region has begun. */
function isSpeechish(text: string): boolean {
  return salutationLength(text) > 0 || SPEECH_MARKER.test(text) || (numberingOf(text) !== undefined && isHeading(text)) || isProse(text);
}

/** A line that can be a title: short, no sentence inside, not a heading, salutation or label line. */
export function isTitleLike(text: string): boolean {
  return text.length >= 4 && !/[。？?]$/.test(text) && text.length <= 120 && !TERMINAL_INSIDE.test(text.slice(0, -1)) && !/[，,；;]/.test(text) && numberingOf(text) === undefined && salutationLength(text) === 0;
}

/** A subtitle line under a speech's main title: `——在…会议上的讲话`. */
const SUBTITLE = /^(?:——|--|－－)\s*在/;

/**
 * The line above a `——在…` subtitle is the main title, whatever it ends with (`织密基层治理一张网` is no site name):
 * rules for the page's edges do not take it.
 */
function aboveSubtitle(texts: readonly string[], i: number): boolean {
  return SUBTITLE.test(texts[i + 1] ?? '');
}

/** A stage direction alone on its line (`(鼓掌)`, `(通报)`): it stands inside a speech, between its sentences. */
const STAGE_DIRECTION = /^[(（][^()（）]{1,12}[)）]$/;

/**
 * The page title, from the top of the page: the first title-like line with a count label (…讲话(通用3篇)), else
 * the first one the top repeats (sites print it in the breadcrumb, the <h1>, the meta line and the body), else
 * the first with a genre word (or the main title above it when that is a ——在… subtitle), else the HTML <title>.
 */
export function findPageTitle(texts: readonly string[], htmlTitle: string | null, isChrome: (text: string, index: number) => boolean = () => false): { index: number; title: string } | null {
  // The top of the page: up to its first salutation (a related list after the speech also names titles with counts).
  const firstSalutation = texts.findIndex((t) => salutationLength(t) > 0);
  const head = texts.slice(0, firstSalutation >= 0 ? Math.min(16, firstSalutation) : 16);
  const candidates = head.map((t, i) => ({ t, i })).filter(({ t, i }) => isTitleLike(t) && t.length >= 6 && !SPEECH_MARKER.test(t) && !isChrome(t, i));
  const counted = candidates.find(({ t }) => COUNT_LABEL.test(t));
  if (counted) return { index: counted.i, title: counted.t };
  const repeated = candidates.find(({ t, i }) => head.some((u, j) => j !== i && u.includes(t)));
  if (repeated) return { index: repeated.i, title: repeated.t };
  const named = candidates.find(({ t }) => GENRE_WORDS.test(t));
  // A subtitle (`——在…上的报告`) names the genre for the main title above it, which need not.
  const main = named && SUBTITLE.test(named.t) ? candidates.find(({ i }) => i === named.i - 1) : undefined;
  if (main) return { index: main.i, title: main.t };
  if (named) return { index: named.i, title: named.t };
  if (htmlTitle) return { index: -1, title: htmlTitle };
  // Some pages print their title only in the first speech's heading (`…致辞(汇总3篇)篇一`): the heading without its marker.
  const heading = head.map((t) => t.replace(TRAILING_MARKER, '')).find((t) => t.length >= 6 && COUNT_LABEL.test(t) && isTitleLike(t) && !SPEECH_MARKER.test(t));
  return heading ? { index: -1, title: heading } : null;
}

const TOC_RULE = { id: 'boilerplate/toc', description: 'A table of contents: entries the page repeats later as speech or section headings.' };
const TOC_LABEL = /^(?:目\s*录|提\s*纲|目录\s*[/／]\s*提纲)\s*[:：]?$/;
const TOC_MIN_ENTRIES = 3;

/**
 * Drops tables of contents: a run of short entries, most of which come back later as headings that are spread
 * out (body between them). Repeated blocks of body (a page that prints a speech twice) come back in one piece,
 * so they are not mistaken for a table of contents.
 */
export function dropTableOfContents(paragraphs: Paragraph[], drop: (p: Paragraph) => void): Paragraph[] {
  const texts = paragraphs.map(textOf);
  const entry = (t: string) => t.length <= 60 && !/[。；;，,！!？?]/.test(t) && !TOC_LABEL.test(t) && salutationLength(t) === 0;
  const key = (t: string) => t.replace(/[\s.…·]+\d*$/, '');
  const gone = new Set<number>();
  for (let i = 0; i < texts.length; ) {
    let j = i;
    while (j < texts.length && entry(texts[j]!)) j++;
    if (j - i >= TOC_MIN_ENTRIES) {
      const later = texts.slice(i, j).map((t) => texts.findIndex((u, k) => k >= j && u.startsWith(key(t)))).filter((k) => k >= 0);
      const spread = later.slice(1).filter((k, n) => k - later[n]! > 1).length;
      if (later.length * 3 >= (j - i) * 2 && spread * 2 >= later.length - 1) {
        for (let k = i; k < j; k++) gone.add(k);
        if (i > 0 && TOC_LABEL.test(texts[i - 1]!)) gone.add(i - 1);
      }
    }
    i = Math.max(j, i + 1);
  }
  return paragraphs.filter((p, i) => {
    if (!gone.has(i)) return true;
    drop(p);
    return false;
  });
}

/**
 * Where a title glued to what follows it ends: before a salutation, or before a first heading or opening sentence.
 * The last two only where no running text comes before, other than a speech's last words (a body sentence may quote
 * `…上的讲话` and go on).
 */
function gluedTitleEnd(text: string, afterProse: boolean): number {
  const at = gluedSalutationAt(text);
  if (at >= 0) {
    const head = text.slice(0, at).trim();
    return SPEECH_MARKER.test(head) || (isTitleLike(head) && GENRE_WORDS.test(head)) ? at : -1;
  }
  return afterProse ? -1 : (GLUED_TITLE.exec(text)?.[1]!.length ?? -1);
}

/**
 * Splits a title or speech heading glued to the salutation (`…会议讲话同志们:`, `…【篇一】 同志们:今天…`), to the
 * first heading (`…讲话一、以更高的站位…`) or to the opening sentence (`…讲话这次会议…`).
 */
function unglueTitles(file: VFile, paragraphs: Paragraph[]): Paragraph[] {
  return paragraphs.flatMap((p, i) => {
    const text = textOf(p);
    const before = i > 0 ? textOf(paragraphs[i - 1]!) : '';
    const at = gluedTitleEnd(text, (isProse(before) && !EXHORTATION.test(before) && !FINAL_WISH.test(before)) || STAGE_DIRECTION.test(before));
    if (at < 0) return [p];
    const parts = splitParagraph(p, [at], file.data.toPoint!);
    const cut = rangeOf(parts[1]!).start;
    recordChange(file, STAGE, { rule: 'boilerplate/glued-title', kind: 'split', start: cut, end: cut, before: text, after: `${text.slice(0, at).trim()} | ${text.slice(at)}`, reason: 'A title shares its line with the salutation, the first heading or the opening sentence; split.' });
    return parts;
  });
}

function matches(rule: BoilerplateRule, text: string): boolean {
  if (rule.maxLength !== undefined && text.length > rule.maxLength) return false;
  if (rule.requires && !rule.requires.test(text)) return false;
  rule.pattern.lastIndex = 0;
  if (!rule.pattern.test(text)) return false;
  if (rule.unless?.test(text)) return false;
  return rule.accept ? rule.accept(text) : true;
}

/** End of the sentence containing `at` (after its closing marks). */
function sentenceEnd(text: string, at: number): number {
  const m = /[。！？!?][”’"」』)）]*/g;
  m.lastIndex = at;
  const hit = m.exec(text);
  return hit ? hit.index + hit[0].length : text.length;
}

export default function removeBoilerplate(options: BoilerplateOptions) {
  const disabled = new Set(options.disable);
  const rules = [...boilerplateRules, ...options.rules].filter((r) => !disabled.has(r.id));
  const spanRules = rules.filter((r) => r.kind === 'span');
  const anywhere = rules.filter((r) => r.kind !== 'span' && (r.zone ?? 'any') === 'any');
  const edgeOnly = rules.filter((r) => r.kind !== 'span' && r.zone === 'edge');
  const headOnly = rules.filter((r) => r.kind !== 'span' && r.zone === 'head');

  return function transform(tree: Root, file: VFile): void {
    const page: PageInfo = { title: null, site: null, publishedAt: null, author: null, declaredCount: null };
    const hints: TitleHint[] = [];
    const truncatedAt: number[] = [];
    let paragraphs = unglueTitles(file, tree.children.filter((n): n is Paragraph => n.type === 'ParagraphNode'));
    const html = file.data.htmlTitle ? splitHtmlTitle(file.data.htmlTitle) : null;
    if (html?.site) page.site = html.site;

    const drop = (p: Paragraph, rule: BoilerplateRule | { id: string; description: string }, extracted = false) => {
      const { start, end } = rangeOf(p);
      recordChange(file, STAGE, { rule: rule.id, kind: extracted ? 'extract' : 'drop', start, end, before: textOf(p), after: '', reason: rule.description });
    };

    const takeValues = (rule: BoilerplateRule, text: string): boolean => {
      let took = false;
      if (rule.family === 'meta') {
        const date = isoDate(text);
        if (date && !page.publishedAt) (page.publishedAt = date), (took = true);
        const author = authorOf(text, titleGuess ? [titleGuess.title] : []);
        if (author && !page.author) (page.author = author), (took = true);
      }
      if (rule.family === 'navigation' || rule.family === 'footer' || rule.family === 'chrome') {
        const site = siteOf(text);
        if (site && !page.site) (page.site = site), (took = true);
      }
      return took;
    };

    // Where the page is cut: nothing but boilerplate follows paragraph `i` (a block rule ends the page's text).
    const endRules = [...anywhere, ...edgeOnly];
    const cutAfter = (i: number): boolean => {
      for (let j = i + 1; j < paragraphs.length; j++) {
        const rule = endRules.find((r) => matches(r, textOf(paragraphs[j]!)));
        if (!rule) return false;
        if (rule.kind === 'block') return true;
      }
      return true;
    };

    // 1. Spans inside paragraphs (watermarks, jammers, omission notes).
    for (const [i, p] of paragraphs.entries()) {
      for (const rule of spanRules) {
        const text = textOf(p);
        if (rule.requires && !rule.requires.test(text)) continue;
        rule.pattern.lastIndex = 0;
        const edits = [...text.matchAll(rule.pattern)]
          .filter((m) => m[0] && (!rule.accept || rule.accept(m[0])))
          .map((m) => ({ start: m.index, end: m.index + m[0].length, text: '' }));
        if (edits.length && rule.atCut && !cutAfter(i)) continue;
        if (edits.length && rule.truncates) truncatedAt.push(rangeOf(p).start);
        const date = rule.dated ? edits.map((e) => isoDate(text.slice(e.start, e.end))).find(Boolean) : undefined;
        if (date && !page.publishedAt) page.publishedAt = date;
        applyAndLog(file, STAGE, p, edits, rule);
      }
    }
    paragraphs = paragraphs.filter((p) => textOf(p).trim() !== '');
    // The page title is looked for once labels and watermarks are off the lines.
    // Chrome at the top (site names, navigation rows) is never the title, whatever genre word it carries.
    const texts = paragraphs.map(textOf);
    const titleGuess = findPageTitle(texts, html?.title ?? null, (t, i) => anywhere.some((r) => matches(r, t)) || (!aboveSubtitle(texts, i) && edgeOnly.some((r) => matches(r, t))));

    // 2. Whole paragraphs and blocks.
    const applyLineRules = (list: readonly BoilerplateRule[], inZone: (i: number) => boolean) => {
      const kept: Paragraph[] = [];
      // Matches of `repeat` rules are counted on every paragraph, whichever rule takes it.
      const seen = new Map<BoilerplateRule, number>();
      const repeated = (r: BoilerplateRule, text: string): boolean => {
        if (!matches(r, text)) return false;
        seen.set(r, (seen.get(r) ?? 0) + 1);
        return seen.get(r)! > 1;
      };
      for (let i = 0; i < paragraphs.length; i++) {
        const p = paragraphs[i]!;
        const text = textOf(p);
        const again = list.filter((r) => r.repeat && repeated(r, text));
        const rule = inZone(i) ? list.find((r) => (r.repeat ? again.includes(r) : matches(r, text))) : undefined;
        if (!rule) {
          kept.push(p);
          continue;
        }
        if (rule.kind === 'block') {
          if (rule.truncates) truncatedAt.push(rangeOf(p).start);
          // A repeated post line has the poster's name on the line above it (a label: short, no punctuation).
          const above = kept.at(-1);
          if (rule.repeat && above && /^[^\s，,。；;！!？?：:]{1,16}$/.test(textOf(above)) && !isClosing(textOf(above))) drop(kept.pop()!, rule);
          let j = i;
          for (; j < paragraphs.length; j++) {
            const q = paragraphs[j]!;
            if (j > i && (salutationLength(textOf(q)) > 0 || (!rule.truncates && resumesSpeech(textOf(q))))) break; // a speech starts again
            drop(q, rule, takeValues(rule, textOf(q)));
          }
          i = j - 1;
          continue;
        }
        if (rule.family === 'blurb') {
          const title = blurbTitle(text);
          if (title) hints.push({ offset: rangeOf(p).start, title });
        }
        if (rule.keepAfter) {
          rule.pattern.lastIndex = 0;
          const m = rule.pattern.exec(text);
          const end = sentenceEnd(text, m ? m.index + m[0].length : 0);
          if (text.length - end >= 2) {
            applyAndLog(file, STAGE, p, [{ start: 0, end, text: '' }], rule);
            kept.push(p);
            continue;
          }
        }
        drop(p, rule, takeValues(rule, text));
      }
      paragraphs = kept;
    };
    applyLineRules(anywhere, () => true);

    // 3. Head and tail: before the first and after the last paragraph that reads as speech.
    const first = paragraphs.findIndex((p) => isSpeechish(textOf(p)));
    let last = -1;
    for (let i = paragraphs.length - 1; i >= 0; i--) if (isSpeechish(textOf(paragraphs[i]!))) (last = i), (i = -1);
    const edgeTexts = paragraphs.map(textOf);
    applyLineRules(edgeOnly, (i) => (first < 0 || i < first || i > last) && !aboveSubtitle(edgeTexts, i));
    const headEnds = paragraphs.findIndex((p) => isSpeechish(textOf(p)));
    applyLineRules(headOnly, (i) => headEnds < 0 || i < headEnds);

    // 4. A table of contents: a run of short entries that the page repeats later as its headings.
    paragraphs = dropTableOfContents(paragraphs, (p) => drop(p, TOC_RULE));

    // 5. The page title and its copies at the top.
    if (titleGuess) {
      page.title = titleGuess.title.replace(PAGE_PART, '');
      page.declaredCount = declaredCount(titleGuess.title);
      const headEnd = paragraphs.findIndex((p) => isSpeechish(textOf(p)));
      const rule = { id: 'boilerplate/page-title', description: 'The page title (and its copies above the speeches), moved into page.title.' };
      paragraphs = paragraphs.filter((p, i) => {
        if ((headEnd >= 0 && i >= headEnd) || textOf(p) !== titleGuess.title) return true;
        drop(p, rule, true);
        return false;
      });
    }

    tree.children = paragraphs;
    file.data.page = page;
    file.data.titleHints = hints;
    file.data.truncatedAt = truncatedAt;
  };
}
