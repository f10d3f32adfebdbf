/**
 * Normalisation rules: character-level repairs that never change what the text says. Each rule is a global
 * regular expression and a replacement; the stage applies them in this order, paragraph by paragraph.
 * Rules that fire thousands of times on one page (`aggregate`) are logged once per paragraph.
 */
import { HAN_CLASS } from '../tree/chars.js';
import type { ReplaceRule } from './types.js';

const HAN = `[${HAN_CLASS}]`;
/** Chinese (full-width) punctuation. */
const CJK_PUNCT = '、。，．；：！？“”‘’《》〈〉「」『』【】〔〕（）…—～·';
const WIDE = `[${HAN_CLASS}${CJK_PUNCT}]`;

export const PINYIN_TONE = /\(([a-zü]*[\u00e0-\u01dc][a-zü\u00e0-\u01dc]*)\)/;

export const normalizeRules: readonly ReplaceRule[] = [
  {
    id: 'normalize/invisible',
    description: 'Zero-width characters, soft hyphens, BOMs and C0/C1 control characters inside a line.',
    pattern: /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]+/g,
    replace: '',
  },
  {
    id: 'normalize/markup-tag',
    description: 'Leftover HTML tags in the text (`</p>`, `<br/>`, `<span style=…>`).',
    pattern: /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]{0,300})?\s*\/?>/g,
    replace: '',
  },
  {
    id: 'normalize/markup-entity',
    description: 'Leftover HTML entities (`&nbsp;`, `&amp;`, bare `nbsp;`) and literal escapes (`\\n`, `x0dx0a`).',
    pattern: /&(?:nbsp|ensp|emsp|amp|lt|gt|quot|apos|#\d{1,6}|#x[0-9a-fA-F]{1,6});|(?<![a-zA-Z&])nbsp;|\\[nrt](?![a-zA-Z])|x0dx0a/g,
    replace: (m) => decodeEntity(m),
  },
  {
    id: 'normalize/pinyin',
    description: 'Inline tone-marked pinyin after a Han character: 會(huì)議 → 會議. Never (一), (市), (試行).',
    // The lookbehind follows the literal `(` (same matches): patterns that open with a literal scan much faster.
    pattern: new RegExp(`\\((?<=${HAN}\\()${PINYIN_TONE.source.slice(2)}`, 'g'),
    replace: '',
    aggregate: true,
  },
  {
    id: 'normalize/space-width',
    description: 'NBSP, ideographic and other wide spaces and tabs inside a line become one ASCII space.',
    pattern: /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000][\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*| {2,}/g,
    replace: ' ',
    aggregate: true,
  },
  {
    id: 'normalize/cjk-space',
    description: 'Layout spaces between two Chinese characters or marks, or between Chinese and a number.',
    pattern: new RegExp(` (?:(?<=${WIDE} )(?=${WIDE}|\\d)|(?<=\\d )(?=${WIDE}))`, 'g'),
    replace: '',
    aggregate: true,
  },
  {
    id: 'normalize/doubled-mark',
    description: 'Stray doubled marks: 。。 → 。, ，， → ，, :。 → :. Ellipses, dashes, !! and ?? stay.',
    pattern: /([。，、；,;])\1+|。(?<=[:：,，;；、]。)/g,
    replace: (m) => (m === '。' ? '' : m[0]!),
  },
  {
    id: 'normalize/edge-space',
    description: 'Spaces left at the start or end of a paragraph by the rules above.',
    pattern: /^[ \u3000]+|[ \u3000]+$/g,
    replace: '',
    aggregate: true,
  },
];

const ENTITIES: Record<string, string> = { nbsp: ' ', ensp: ' ', emsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(m: string): string {
  if (m === 'x0dx0a' || m.startsWith('\\')) return '';
  const name = m.replace(/^&|;$/g, '');
  if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return ENTITIES[name] ?? ' ';
}

/** ASCII marks the `fullwidth` punctuation policy converts inside Chinese text. */
export const FULLWIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };

export const fullwidthRules: readonly ReplaceRule[] = [
  {
    id: 'normalize/fullwidth-paren',
    description: 'ASCII parentheses around text that contains Chinese become （）.',
    pattern: new RegExp(`\\(([^()\\n]{0,200}?${HAN}[^()\\n]{0,200}?)\\)`, 'g'),
    replace: (_m, inner) => `（${inner}）`,
    aggregate: true,
  },
  {
    id: 'normalize/fullwidth-mark',
    description: 'ASCII , : ; ! ? next to Chinese become ，：；！？; numbers (09:10:05, 5.1:4.9) and Latin text stay.',
    pattern: new RegExp(`(?<=${WIDE}) ?[,:;!?] ?|(?<![a-zA-Z]) ?[,:;!?] ?(?=${WIDE})`, 'g'),
    replace: (m) => FULLWIDTH[m.trim()]!,
    aggregate: true,
  },
];
