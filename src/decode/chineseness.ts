/**
 * How Chinese a decoded text looks: the share of characters that real Chinese text is made of. The frequency
 * knowledge comes from the two national standards' own "common character" ranges, read out of the codecs:
 * GB2312 level 1 (3,755 most used simplified characters, rows B0–D7) and Big5's 常用字 block (5,401 most used
 * traditional characters, A440–C67E). A wrong decoding yields rare characters, U+FFFD, private-use or control
 * characters instead.
 */
import iconv from 'iconv-lite';

let common: Uint8Array | undefined;

export function commonTable(): Uint8Array {
  if (common) return common;
  const table = new Uint8Array(0x10000);
  const gb: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) gb.push(hi, lo);
  for (const ch of iconv.decode(Buffer.from(gb), 'gb18030')) table[ch.charCodeAt(0)] = 1;
  const big5: number[] = [];
  for (let hi = 0xa4; hi <= 0xc6; hi++) {
    for (const [a, b] of [[0x40, 0x7e], [0xa1, 0xfe]] as const) for (let lo = a; lo <= b; lo++) big5.push(hi, lo);
  }
  for (const ch of iconv.decode(Buffer.from(big5), 'big5')) if (ch !== '\ufffd') table[ch.charCodeAt(0)] = 1;
  // Chinese and ASCII punctuation, digits and letters are normal in Chinese pages too.
  for (const ch of '、。，．；：！？“”‘’《》〈〉「」『』【】（）…—～·　') table[ch.charCodeAt(0)] = 1;
  for (let c = 0x20; c < 0x7f; c++) table[c] = 1;
  table[0x0a] = table[0x0d] = table[0x09] = 1;
  common = table;
  return table;
}

/** A Han character in the common-character lists (or any other character the table marks as normal). */
export function isCommonChar(code: number): boolean {
  return commonTable()[code] === 1;
}

/** Score in [-1, 1]: share of common characters, minus a penalty for characters no clean decoding produces. */
export function chineseness(text: string): number {
  const table = commonTable();
  let good = 0;
  let bad = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n++;
    if (table[c]) good++;
    else if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c < 0x20 || (c >= 0xd800 && c <= 0xdfff)) bad++;
  }
  return n ? (good - 2 * bad) / n : 0;
}
