/**
 * Speech titles: recognising a heading line as a speech title, and cleaning it (no 篇N markers, count labels,
 * promo tags such as 【精选】, 完整, trailing marker digits, `NNNN字范文`).
 */
import { COUNT_LABEL, PAGE_PART } from '../page/meta.js';
import { GENRE_WORDS } from '../rules/boilerplate.js';
import { SPEECH_MARKER, isTitleLike } from '../stages/boilerplate.js';

const MARKERS = /\s*(?:第[一二三四五六七八九十\d]{1,3}篇|【?篇\s*[一二三四五六七八九十\d]{1,3}】?|范文[一二三四五六七八九十\d]{1,3}|【范[文例][一二三四五六七八九十\d]{0,3}】)\s*[:：]?\s*/g;
const PROMO = /[【\[][^】\]]{0,8}(?:精选|精選|推荐|优秀|范文|热门|最新|完整|通用|经典|原创|必备|实用)[^】\]]{0,4}[】\]]|(?:完整版?|全文|精选|范文大全|范例大全|范文|范例|范本|模板|大全)$/g;
/** Decorations around a heading: `○  <title>  ○`, `◆<title>`. */
const DECORATION = /^[○●◆◇■□★☆※]+\s*|\s*[○●◆◇■□★☆※]+$/g;
/** A labelled field, not a title: `【致辞人】某市市委书记`, `【致辞背景】…`, `发言人:祝友炎`. */
const FIELD = /^(?:【[^】]{1,6}(?:人|背景|时间|地点|场合|对象)】|[\u4e00-\u9fff]{1,4}(?:人|时间|地点|背景)[:：])/;
const WORD_COUNT = /\s*\d{3,5}\s*字(?:范文|范本|模板)?\s*/g;
const COUNT = new RegExp(COUNT_LABEL.source, 'g');

/** The title with markers and labels removed (`…讲话篇1` → `…讲话`, `…讲话1` → `…讲话`). */
export function cleanTitle(text: string): string {
  let t = text.replace(DECORATION, '').replace(MARKERS, ' ').replace(COUNT, ' ').replace(WORD_COUNT, ' ').trim();
  // Suffixes come off one at a time until none is left: `…范文(一)` → `…范文` → `…`.
  for (let before = ''; before !== t; ) {
    before = t;
    t = t
      .replace(PAGE_PART, '') // 讲话(2/2): the second page of a split one
      .replace(/(?<=[\u4e00-\u9fff])\s*[(（]?\d{1,2}[)）]?$/, '') // 讲话1, 讲话(2)
      .replace(/(?<=[\u4e00-\u9fff])[(（][一二三四五六七八九十]{1,2}[)）]$/, '') // 讲话(一)
      .replace(/(?<=讲话|发言|致辞|演讲|[词稿])[一二三四五六七八九十]{1,2}$/, '') // 发言词一
      .replace(PROMO, '')
      .replace(/\s*[:：]\s*$/, '')
      .replace(/^[一二三四五六七八九十]{1,3}$/, '') // a bare marker (`二:`) names nothing
      .trim();
  }
  // A title set in brackets as a whole (`【小学校长开学典礼致辞】尊敬的…:` once split) is the title inside.
  return t.replace(/^\s*[:：]\s*/, '').replace(/^[【\[]([^【】\[\]]+)[】\]]$/, '$1').replace(/\s+/g, ' ').trim();
}

/** Character bigrams, for comparing titles. */
function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const t = s.replace(/[^\u4e00-\u9fff\w]/g, '');
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** Share of `a`'s bigrams that `b` has too. */
export function titleOverlap(a: string, b: string): number {
  const x = bigrams(a);
  if (!x.size) return 0;
  const y = bigrams(b);
  let n = 0;
  for (const g of x) if (y.has(g)) n++;
  return n / x.size;
}

/** A per-speech heading marker (篇1, 【篇一】, 第一篇, 范文一) makes a line a speech title outright. */
export function hasSpeechMarker(text: string): boolean {
  return text.length <= 140 && SPEECH_MARKER.test(text);
}

/** A title-like line that names a speech genre (讲话, 发言, 致辞 …) or echoes the page title. */
export function looksLikeSpeechTitle(text: string, pageTitle: string | null): boolean {
  if (!isTitleLike(text) || text.length > 80) return false;
  if (/^[—－]/.test(text) || FIELD.test(text)) return false; // a subtitle (`——在…会议上的报告`) or a field goes in the preamble
  // A colon introduces a list, except after a per-speech number (`…讲话稿(三):`, its salutation split off).
  if (/[:：]$/.test(text) && !/[(（][一二三四五六七八九十\d]{1,3}[)）][:：]$/.test(text)) return false;
  return GENRE_WORDS.test(text) || (pageTitle !== null && titleOverlap(cleanTitle(text), cleanTitle(pageTitle)) >= 0.6);
}

/**
 * A title that names one speech (`在…会议上的讲话`, `…大会开幕时的致辞`, `…发言稿`, `…主持词`), not a subheading about
 * speeches (`深入学习贯彻总书记重要讲话`).
 */
export function namesASpeech(text: string): boolean {
  return /(?:[上中时]的(?:讲话|发言|致辞|致词|报告|演讲)|(?:讲话|发言|演讲)稿|致[辞词]|主持词)$/.test(cleanTitle(text));
}
