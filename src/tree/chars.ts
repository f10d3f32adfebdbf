/**
 * Character classes shared by the tokenizer and the stages. A lookup table keeps classification one array read
 * per UTF-16 code unit (the tokenizer sees every character of every page).
 */

export const enum CharClass {
  Word = 0,
  Space = 1,
  Punctuation = 2,
}

/** Marks that end a sentence. */
export const SENTENCE_END = '。！？!?…';
/** Marks that may follow a sentence end and still belong to that sentence. */
export const SENTENCE_TAIL = '”’」』）)》】"\'';
/** Punctuation in Chinese and ASCII text. Everything else that is not space is part of a word. */
const PUNCTUATION = '、。，．,.;；:：!！?？“”‘’"\'《》〈〉「」『』【】〔〕()（）[]［］{}｛｝…—–-－·・~～/／|｜<>〈〉';
const SPACE = ' \t\n\r\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

const table = new Uint8Array(0x10000);
for (const c of PUNCTUATION) table[c.charCodeAt(0)] = CharClass.Punctuation;
for (const c of SPACE) table[c.charCodeAt(0)] = CharClass.Space;

export function charClass(code: number): CharClass {
  return table[code] as CharClass;
}

/** Han ideographs (BMP: Extension A, unified, compatibility) as a regex class body. */
export const HAN_CLASS = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) n++;
  return n;
}
