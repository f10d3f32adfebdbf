/**
 * Paragraph repair rules: how to tell the line breaks, spaces and full stops that scraping and PDF extraction
 * added from the ones the author wrote. Used by the `unwrap` stage (hard-wrapped, collapsed documents) and the
 * `repair` stage (link fragments, broken lines, sentence-per-line pages). Every rule is a kind of damage seen on
 * many sites, decided from the shape of the text (widths, marks, particles), never from a list of one page's words.
 * Patterns are anchored, single-character tests, or run on a bounded slice, so they stay linear on a 1 MB line.
 */
import { HAN_CLASS } from '../tree/chars.js';

export interface RepairRule {
  id: string;
  description: string;
}

/** Spaces a PDF viewer or a flattened document leaves where lines wrapped (one or a few, any width). */
export const LAYOUT_SPACE = /[ \u00a0\u3000]+/g;

/** Characters that take half the width of a Han character in a PDF line: Latin letters, digits, a few signs. */
export const NARROW = /[A-Za-z0-9%.+\-/&@#_'°]/;

/**
 * Marks that end a sentence or announce what follows; a short line ending with one ended its paragraph, also when a
 * short note in brackets follows the mark (a stage direction or an omission: `…的祝贺!(热烈掌声)`, `…典型。(略)`).
 */
export const LINE_END = /[。！？!?:：…](?:[”’"'」』)）》】]|[(（][^()（）]{1,8}[)）])*$/;

/** Marks that end a sentence (a colon announces more, so it does not). */
export const SENTENCE_END = /[。！？!?…][”’"'」』)）》】]*$/;

/** Numbering of inline enumerations (`一是`, `其一,`, `第一,`): such an item is a sentence of its paragraph. */
export const INLINE_NUMBERING: ReadonlySet<string> = new Set(['cn-shi', 'qi', 'ordinal']);

/** Marks a line cannot start with (kinsoku): a typesetter moves the character before them to the next line too. */
export const NO_LINE_START = /^[，,。．.、；;：:！!？?）)》」』】”’…]/;

export const unwrapRules = {
  layoutSpace: {
    id: 'unwrap/layout-space',
    description: 'Layout spaces of a hard-wrapped document: line wraps between Chinese characters and the gaps around Latin words and numbers (`顺 利`, `X 局长`, `2019 年`). Spaces between two Latin words stay.',
  },
  paragraphEnd: {
    id: 'unwrap/paragraph-end',
    description: 'Paragraph end in a collapsed hard-wrapped document: a line shorter than the inferred line width that ends a sentence, a heading, a salutation, a very short line, or a line before a numbered heading.',
  },
  lineJoin: {
    id: 'unwrap/line-join',
    description: 'Hard-wrapped lines of one paragraph (equal-width lines that end mid-sentence) joined again.',
  },
  orphanMark: {
    id: 'unwrap/orphan-mark',
    description: 'A full stop alone on a line (`我先讲几点意见` / `。`) goes back to the line before, which lacks it.',
    pattern: /^[”’」』》)）]?[。！!…]{1,2}$/,
  },
} as const;

/** The mark the link rules remove: a full stop the site appended to each piece of a split sentence. */
export const STRAY_STOP = /。$/;

/** A sentence (or quote) that is still open: more 《 than 》 or more “ than ” after its last full stop. */
export function isUnclosed(text: string): boolean {
  let i = text.length - 2; // skip the final (stray) stop
  let book = 0;
  let quote = 0;
  for (; i >= 0; i--) {
    const c = text[i]!;
    if (c === '。' || c === '！' || c === '？' || c === '!' || c === '?') break;
    if (c === '《') book++;
    else if (c === '》') book--;
    else if (c === '“') quote++;
    else if (c === '”') quote--;
  }
  return book > 0 || quote > 0;
}

export const linkRules = {
  unclosed: {
    id: 'repair/link-unclosed',
    description: 'A line that stops inside an open 《…》 or “…” with a full stop continues on the next line; the stop was added where the site cut the sentence at a link.',
  },
  closingStart: {
    id: 'repair/link-closing',
    description: 'The next line starts with a closing mark or clause punctuation (`》;`, `;`, `,`), so the full stop before it was added where the site cut the sentence at a link.',
    pattern: /^[》〉”’」』）)】\]、，,；;：:]/,
  },
  particleStart: {
    id: 'repair/link-particle',
    description: 'The next line starts with a particle that cannot open a sentence (的, 之, 了), so the full stop before it was added where the site cut the sentence at a link.',
    pattern: /^(?:的(?![确士])|之(?![后前外间所中一])|了(?![解如却结]))/,
  },
  fragment: {
    id: 'repair/link-fragment',
    description: 'A few characters with a full stop on a line of their own, between two lines of prose, on a page that shows this damage more than once: a linked word the site cut out of its sentence.',
    pattern: new RegExp(`^[${HAN_CLASS}《》“”A-Za-z0-9]{1,12}。$`),
  },
} as const;

export const lineRules = {
  clause: {
    id: 'repair/broken-clause',
    description: 'A line that ends with a clause mark (, ; 、) continues on the next line.',
    pattern: /[,，;；、]$/,
  },
  colon: {
    id: 'repair/broken-colon',
    description: 'A prose line that ends with a colon continues on the next prose line, unless it is a salutation, a short label, or announces a list (`讲三点意见:`, `如下:`).',
    pattern: /[:：]$/,
    /** Labels and list headings (`如何保持清醒头脑:`) are at most this long. */
    minLength: 16,
    /** The last clause announces a list (`具体讲三点意见:`); tested on the line's last `tail` characters. */
    announces: /(?:以下|如下|下列|几点|几个|几项|[两二三四五六七八九十][点个项条层句方])[^。！？!?,，;；]*[:：]$/,
    tail: 24,
  },
  unmarked: {
    id: 'repair/broken-unmarked',
    description: 'A prose line (with clause marks inside) that ends without any mark continues on the next line; short lines without marks are titles or headings and stay.',
    /** Clause marks inside the line: titles and headings without numbering rarely have them. */
    prose: /[,，;；。！？!?]/,
    pattern: new RegExp(`[${HAN_CLASS}A-Za-z0-9”’」』》)）]$`),
  },
  sentencePerLine: {
    id: 'repair/sentence-per-line',
    description: 'A page that puts every sentence on its own line: consecutive sentences are joined into paragraphs, which end at headings, numbered items, salutations and closings.',
  },
} as const;

export const signatureRules = {
  glued: {
    id: 'repair/closing-signature',
    description: 'A closing thanks with the speaker’s signature and date glued after it (`谢谢大家!宗良勇2019.9.9`): the signature gets its own line.',
    /** Group 1 is the closing; what follows is a name (or nothing) and a date, and nothing else. */
    pattern: /^((?:再次)?(?:衷心)?(?:谢谢|感谢)(?:大家|各位[\u4e00-\u9fff]{0,4}?|同志们|您|你们)?(?:的?聆听)?[。！!.])\s*[\u4e00-\u9fff·]{0,8}\s*[(（]?(?:19|20)\d{2}(?:[.\-/]\d{1,2}[.\-/]\d{1,2}|年\d{1,2}月(?:\d{1,2}日)?)[)）]?$/,
  },
} as const;

/**
 * Run-on lines: a page that lost its line breaks altogether (no layout spaces to infer them from) still shows where
 * its paragraphs were: after a sentence end comes a salutation, a numbered heading, a rallying `同志们,`, a closing
 * or a speech heading. A line is only treated as run-on when such boundaries occur at least `runOn.minBoundaries`
 * times, since one real paragraph rarely holds two of them.
 */
export const runOnRules = {
  boundary: {
    id: 'runon/boundary',
    description: 'A page that lost its line breaks: a new paragraph where a salutation, numbered heading, rallying address, closing or speech heading follows a sentence end.',
  },
  minLength: 200,
  minBoundaries: 2,
  /** A page whose longest line holds this share of its text has lost its line breaks. */
  minShare: 0.6,
  /** A heading that ends at its first full stop within this many characters is its own paragraph. */
  maxHeading: 40,
} as const;
