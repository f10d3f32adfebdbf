/**
 * Segmentation: splits a page into speeches and gives each paragraph its role (speech title, salutation, body,
 * closing). Evidence, strongest first: per-speech headings (篇1, 【篇一】, 第一篇 …) and title lines naming a speech
 * genre; a salutation after the previous speech's body (sections holding several speeches); a restart after a final
 * exhortation (an untitled speech whose numbering starts again at 一、, or that opens with a year). Text before the
 * first speech is page intro. Near-duplicate speeches point to the most complete copy. The page's declared count
 * is only a cross-check.
 */
import type { VFile } from 'vfile';
import type { SpeechMeta } from '../compile/record.js';
import { speechId } from '../compile/record.js';
import type { SegmentOptions } from '../config.js';
import { recordChange, recordWarning } from '../provenance.js';
import { EXHORTATION, FINAL_WISH, RALLY, isClosing, openingAddressLength, salutationLength } from '../rules/structure.js';
import { completeness, findDuplicates, signature } from '../segment/dedupe.js';
import { cleanTitle, hasSpeechMarker, looksLikeSpeechTitle, namesASpeech, titleOverlap } from '../segment/title.js';
import { isProse } from './boilerplate.js';
import { rangeOf, splitParagraph, textOf } from '../tree/edit.js';
import type { Paragraph, Root } from '../tree/types.js';

export const STAGE = 'segment';

/** How far after a title a salutation may come and still open that title's speech. */
const OPENING_WINDOW = 5;
/** A salutation opens a new speech only after this many body paragraphs of the current one. */
const MIN_BODY_BEFORE_SALUTATION = 2;
/** An untitled restart needs a finished speech of at least this many paragraphs before it. */
const MIN_BODY_BEFORE_RESTART = 5;

/** Paragraphs before the first heading that make a speech of their own (when they end like one). */
const MIN_UNTITLED_LEAD = 3;

const RESTART = /^(?:(?:19|20)\d{2}年|一[、，,.．])/;

/** The closing thanks near the end of a speech's body, and the signature lines (name, date) after it. */
function markClosing(body: readonly Paragraph[]): void {
  let c = body.length - 1;
  while (c >= 0 && body.length - c <= 3 && !isClosing(textOf(body[c]!)) && isSignature(textOf(body[c]!))) c--;
  if (c < 0 || !isClosing(textOf(body[c]!))) return;
  body[c]!.data = { ...body[c]!.data, role: 'closing' };
  for (let j = c + 1; j < body.length; j++) body[j]!.data = { ...body[j]!.data, role: 'signature' };
}

/** A name or date line after the closing (`宗良勇2019.9.9`, `(2023年3月5日)`). */
function isSignature(text: string): boolean {
  return text.length <= 30 && !/[，,。；;！!？?]/.test(text);
}

function endsSpeech(text: string): boolean {
  return isClosing(text) || FINAL_WISH.test(text) || (EXHORTATION.test(text) && RALLY.test(text));
}

interface Start {
  index: number;
  /** Title lines at the start (empty for salutation or restart starts). */
  titles: number[];
  /** A restart after a finished speech, with nothing to name it. */
  untitled: boolean;
}

/** Which paragraphs start speeches. */
function findStarts(texts: readonly string[], pageTitle: string | null): Start[] {
  const n = texts.length;
  const sal = texts.map((t) => salutationLength(t) > 0);
  const isTitleAt = (i: number): boolean => {
    const t = texts[i]!;
    if (hasSpeechMarker(t)) return true;
    if (!looksLikeSpeechTitle(t, pageTitle)) return false;
    if (i > 0 && sal[i - 1]) return false; // a title repeated under the salutation
    for (let k = i + 1; k < Math.min(n, i + 1 + OPENING_WINDOW); k++) if (sal[k]) return true;
    if (pageTitle && titleOverlap(cleanTitle(t), cleanTitle(pageTitle)) >= 0.6) return true;
    // A speech's name over running text opens it, even where the speech before ends without a closing formula.
    if (namesASpeech(t) && i + 1 < n && isProse(texts[i + 1]!)) return true;
    return i === 0 || endsSpeech(texts[i - 1]!);
  };
  const starts: Start[] = [];
  let bodySince = 0; // body paragraphs in the current speech
  let numbered = false; // the current speech has used top-level 一、二、 numbering
  for (let i = 0; i < n; i++) {
    const t = texts[i]!;
    if (isTitleAt(i)) {
      const last = starts[starts.length - 1];
      if (last && last.titles.length && last.titles[last.titles.length - 1] === i - 1 && bodySince === 0) last.titles.push(i);
      else starts.push({ index: i, titles: [i], untitled: false });
      bodySince = 0;
      numbered = false;
      continue;
    }
    const last = starts[starts.length - 1];
    const inOpening = last !== undefined && last.titles.length > 0 && i - last.titles[last.titles.length - 1]! <= OPENING_WINDOW;
    if (sal[i] && (!last || (bodySince >= MIN_BODY_BEFORE_SALUTATION && !inOpening))) {
      starts.push({ index: i, titles: [], untitled: false });
      bodySince = salutationLength(t) < t.length ? 1 : 0; // the first sentence may share the salutation's line
      numbered = false;
      continue;
    }
    if (starts.length && bodySince >= MIN_BODY_BEFORE_RESTART && RESTART.test(t) && (numbered || /^(?:19|20)/.test(t)) && endsSpeech(texts[i - 1]!)) {
      starts.push({ index: i, titles: [], untitled: true });
      bodySince = 1;
      numbered = /^一/.test(t);
      continue;
    }
    if (/^[一二三四五六七八九十][、，,.．]/.test(t)) numbered = true;
    if (!sal[i]) bodySince++;
  }
  if (!starts.length && n) starts.push({ index: 0, titles: [], untitled: false });
  // Before the first start: a speech of its own (under the page's title, without a salutation) when it is several
  // paragraphs long and ends like a speech; shorter text or text that does not end so is a lead-in.
  const first = starts[0]!.index;
  if (first >= MIN_UNTITLED_LEAD && endsSpeech(texts[first - 1]!)) starts.unshift({ index: 0, titles: [], untitled: false });
  return starts;
}

export default function segmentSpeeches(options: SegmentOptions) {
  return function transform(tree: Root, file: VFile): void {
    let paragraphs = tree.children.filter((n): n is Paragraph => n.type === 'ParagraphNode');
    const pageTitle = file.data.page?.title ?? null;
    const drop = (p: Paragraph, rule: string, reason: string) => {
      const { start, end } = rangeOf(p);
      recordChange(file, STAGE, { rule, kind: 'drop', start, end, before: textOf(p), after: '', reason });
    };

    const texts = paragraphs.map(textOf);
    const starts = findStarts(texts, pageTitle);
    // Titles after the speeches with no sentence under them: a related list that lost its header.
    while (starts.length > 1) {
      const last = starts[starts.length - 1]!;
      if (!last.titles.length || texts.slice(last.index).some((t) => /[。！？!?]/.test(t) || salutationLength(t) > 0)) break;
      for (const p of paragraphs.slice(last.index)) drop(p, 'segment/title-list', 'Titles after the speeches with no speech text under them: a related list without its header.');
      paragraphs = paragraphs.slice(0, last.index);
      texts.length = last.index;
      starts.pop();
    }
    // Before the first speech: short lines right above a salutation are its preamble (subtitle, speaker, date);
    // the rest is page intro (genre lead-ins).
    const firstStart = starts[0]?.index ?? 0;
    let preambleFrom = firstStart;
    if (starts[0] && !starts[0].titles.length && salutationLength(texts[firstStart]!) > 0) {
      while (preambleFrom > 0 && firstStart - preambleFrom < OPENING_WINDOW - 1 && texts[preambleFrom - 1]!.length <= 40 && !isProse(texts[preambleFrom - 1]!)) preambleFrom--;
      starts[0].index = preambleFrom;
    }
    for (let i = 0; i < preambleFrom; i++) drop(paragraphs[i]!, 'segment/page-intro', 'Text before the first speech (genre lead-in, intro).');

    const out: Paragraph[] = [];
    const metas: SpeechMeta[] = [];
    // A speech without a heading of its own carries the page's title (or its section's).
    // A trailing parenthesis in a page title is an alternate title (教育工作会议讲话3篇(县教育局局长在…讲话)).
    let sectionTitle: string | null = pageTitle ? cleanTitle(pageTitle).replace(/\s*[(（][^()（）]{4,}[)）]$/, '') || null : null;
    const hints = file.data.titleHints ?? [];
    const truncatedAt = file.data.truncatedAt ?? [];

    starts.forEach((start, s) => {
      const end = starts[s + 1]?.index ?? paragraphs.length;
      const titleTexts = start.titles.map((i) => texts[i]!);
      const cleaned = titleTexts.map(cleanTitle).filter(Boolean);
      const title = cleaned.find((t) => t !== pageTitle) ?? cleaned[0] ?? (start.untitled ? null : sectionTitle);
      if (start.titles.length) sectionTitle = title;
      const titleRange = start.titles.length ? { start: rangeOf(paragraphs[start.titles[0]!]!).start, end: rangeOf(paragraphs[start.titles[start.titles.length - 1]!]!).end } : null;
      const names = new Set<string>([...titleTexts, ...(title ? [title] : []), ...(pageTitle ? [pageTitle] : [])]);

      const body: Paragraph[] = [];
      for (const i of start.titles) {
        const p = paragraphs[i]!;
        p.data = { ...p.data, role: 'speech-title', speech: s };
        const clean = cleanTitle(texts[i]!);
        if (clean !== texts[i]) {
          const { start: a, end: b } = rangeOf(p);
          recordChange(file, STAGE, { rule: 'segment/title-clean', kind: 'replace', start: a, end: b, before: texts[i]!, after: clean, reason: 'Speech title without numbering markers, count labels and promo tags.' });
        }
        out.push(p);
      }
      // The salutation: the first one in the opening window.
      const k = start.index + start.titles.length;
      let salIndex = -1;
      let salLength = 0;
      for (let j = k; j < Math.min(end, k + OPENING_WINDOW); j++) if ((salLength = salutationLength(texts[j]!)) > 0) (salIndex = j), (j = end);
      // Else an address with a comma opening the speech's first line (`同志们,今天召开…`).
      if (salIndex < 0 && k < end && (salLength = openingAddressLength(texts[k]!)) > 0) salIndex = k;
      for (let j = k; j < end; j++) {
        const p = paragraphs[j]!;
        const text = texts[j]!;
        const early = salIndex < 0 ? j < k + 2 : j <= salIndex + 2;
        if (early && names.has(text)) {
          drop(p, 'segment/title-repeat', 'The title repeated inside the speech.');
          continue;
        }
        if (j === salIndex) {
          const [head, rest] = salLength < text.length ? splitParagraph(p, [salLength], file.data.toPoint!) : [p];
          if (rest) recordChange(file, STAGE, { rule: 'segment/inline-salutation', kind: 'split', start: rangeOf(rest).start, end: rangeOf(rest).start, before: text, after: `${textOf(head!)} | ${textOf(rest)}`, reason: 'The salutation shares its line with the first sentence; split.' });
          head!.data = { ...head!.data, role: 'salutation', speech: s };
          out.push(head!);
          if (rest) body.push(rest);
          continue;
        }
        if (salIndex >= 0 && j < salIndex) {
          // Subtitles, speaker or date lines between the title and the salutation.
          p.data = { ...p.data, role: 'preamble', speech: s };
          out.push(p);
          continue;
        }
        body.push(p);
      }
      markClosing(body);
      for (const p of body) {
        p.data = { ...p.data, speech: s };
        p.data.role ??= 'body';
        out.push(p);
      }

      const from = s === 0 ? 0 : rangeOf(paragraphs[start.index]!).start;
      const to = starts[s + 1] ? rangeOf(paragraphs[starts[s + 1]!.index]!).start : Infinity;
      const named = hints.filter((h) => h.offset >= from && h.offset < to).map((h) => h.title);
      metas.push({
        title,
        titleRange,
        titleCandidates: [...new Set([...cleaned.filter((t) => t !== title), ...named])].filter((t) => t !== title),
        truncated: truncatedAt.some((o) => o >= from && (o < to || s === starts.length - 1)),
        duplicateOf: null,
      });
    });
    paragraphs = out;
    tree.children = paragraphs;
    markDuplicates(file, paragraphs, metas, options.duplicateThreshold);
    file.data.speeches = metas;

    const declared = file.data.page?.declaredCount;
    const distinct = metas.filter((m) => !m.duplicateOf).length;
    if (declared && declared !== metas.length && declared !== distinct) {
      recordWarning(file, STAGE, 'segment/count-mismatch', `The page title declares ${declared} speeches; ${metas.length} found (${distinct} distinct).`);
    }
  };
}

function markDuplicates(file: VFile, paragraphs: readonly Paragraph[], metas: SpeechMeta[], threshold: number): void {
  if (metas.length < 2) return; // nothing to compare: skip the signatures, the costliest step of segmentation
  const sha = file.data.source?.sha256 ?? '';
  const bySpeech = metas.map(() => [] as Paragraph[]);
  for (const p of paragraphs) if (p.data?.role !== 'speech-title' && p.data?.role !== 'preamble') bySpeech[p.data?.speech ?? 0]?.push(p);
  const candidates = bySpeech.map((ps, i) => {
    const texts = ps.map(textOf);
    const bodyTexts = ps.filter((p) => p.data?.role === 'body').map(textOf);
    const lastBody = bodyTexts[bodyTexts.length - 1] ?? '';
    const score = completeness({ salutation: ps.some((p) => p.data?.role === 'salutation'), closing: ps.some((p) => p.data?.role === 'closing'), lastBody });
    return { id: speechId(sha, i), signature: signature(texts.join('')), completeness: score };
  });
  findDuplicates(candidates, threshold).forEach((d, i) => {
    metas[i]!.duplicateOf = d;
  });
}
