/**
 * Byte damage from a byte-level find-and-replace on GBK text: a site inserted pinyin (`會` → `會(huì)`) or folded
 * full-width marks (`？` → `?`) on the raw bytes, so a two-byte key also matched the second byte of one character
 * plus the first byte of the next. The decoder then met a lead byte followed by ASCII, emitted `?` (or U+FFFD) and
 * ran one byte out of phase until the next ASCII byte: `們?cè)瓉?lái)` for 們原來(lái). These are the markers of it
 * and the rules the repair logs under. The repair itself is src/decode/damage.ts.
 */
import { HAN_CLASS } from '../tree/chars.js';
import { PINYIN_TONE } from './normalize.js';

/** One tone-marked pinyin syllable: the inside of the normalize stage's annotation pattern. */
export const SYLLABLE = PINYIN_TONE.source.slice('\\(('.length, -')\\)'.length);

/** What a decoder emits for a byte it cannot pair: `?` (most server-side converters) or U+FFFD. */
export const INVALID = '?\\ufffd';

/** Private-use range that GBK's user-defined codes decode to: bytes read out of phase often land there. */
export const USER_DEFINED = '\\ue000-\\ue765';

/** Full-width marks that sites fold to ASCII; their GBK codes are A3 + (ASCII + 0x80). */
export const FOLDED_MARKS = '?;:,!';

export interface DamageMarker {
  id: string;
  description: string;
  pattern: RegExp;
}

/** The four signs of this damage; a page with none of them is skipped by one scan. */
export const damageMarkers: readonly DamageMarker[] = [
  {
    id: 'paren-lost',
    description: 'A pinyin annotation that lost its `(` to an invalid byte before it: `?cè)`.',
    pattern: new RegExp(`[${INVALID}]${SYLLABLE}\\)`),
  },
  {
    id: 'private-use',
    description: 'A GBK user-defined code, decoded to a private-use character: two bytes from different characters.',
    pattern: new RegExp(`[${USER_DEFINED}]`),
  },
  {
    id: 'invalid-mark',
    description: 'An invalid byte followed by an ASCII mark between Chinese characters (`??`, `?;`): a folded full-width key.',
    pattern: new RegExp(`(?<=[${HAN_CLASS}])[${INVALID}][${FOLDED_MARKS}](?=[${HAN_CLASS}${USER_DEFINED}])`),
  },
  {
    id: 'annotation-after-byte',
    description: 'A pinyin annotation after a non-Chinese character (`A(chǔ)`, `x(chóng)`): it names two bytes, not one character.',
    pattern: new RegExp(`[^${HAN_CLASS}(\\s]\\(${SYLLABLE}\\)`),
  },
];

/** All markers as one pattern, for the per-page pre-check. */
export const ANY_MARKER = new RegExp(damageMarkers.map((m) => m.pattern.source).join('|'));

export interface DamageRule {
  id: string;
  description: string;
}

/** Repairs, by how the damage started. */
export const repairRules = {
  pinyinKey: {
    id: 'bytes/pinyin-key',
    description: 'A pinyin key inserted byte-wise matched across two characters; the insertion is removed, the byte the decoder lost is restored from the reading, and the span is decoded in phase again.',
  },
  markKey: {
    id: 'bytes/mark-key',
    description: 'A full-width mark (？ ；) folded to ASCII byte-wise across two characters; its bytes and the lost lead byte are restored and the span is decoded in phase again.',
  },
  asciiKey: {
    id: 'bytes/ascii-key',
    description: "A pinyin key matched a character's last byte and the ASCII byte after it; the inserted annotation is removed.",
  },
  lostCharacter: {
    id: 'bytes/lost-character',
    description: 'A character the decoder lost together with the `(` of its annotation (`?yīng)`), restored from its reading and the page.',
  },
} satisfies Record<string, DamageRule>;

export type RepairRule = (typeof repairRules)[keyof typeof repairRules];

/** Damage the evidence does not determine: left as found, or with `?` for each character it cannot tell. */
export const UNRESOLVED: DamageRule = {
  id: 'bytes/unresolved',
  description: 'Damaged GBK bytes that neither the pinyin nor the page determine.',
};
