/**
 * Characters that exist in only one script, derived from OpenCC's character tables (data, not a hand list):
 * a traditional character that is not in GB2312 and a simplified one that is not in Big5. Characters valid in both
 * (乾 干 后 里 么 …) fall out by that test, so 皇后 or 公里 never count as simplified evidence.
 */
import iconv from 'iconv-lite';
import ts from 'opencc-js/dict/TSCharacters';
import st from 'opencc-js/dict/STCharacters';

function entries(dict: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of dict.split('|')) {
    const [key, ...values] = entry.split(' ');
    if (key) map.set(key, [...(map.get(key) ?? []), ...values]);
  }
  return map;
}

function inGb2312(ch: string): boolean {
  const b = iconv.encode(ch, 'gbk');
  return b.length === 2 && b[0]! >= 0xa1 && b[0]! <= 0xf7 && b[1]! >= 0xa1;
}

function inBig5(ch: string): boolean {
  const b = iconv.encode(ch, 'big5');
  return !(b.length === 1 && b[0] === 0x3f);
}

export const TRADITIONAL_ONLY = 1;
export const SIMPLIFIED_ONLY = 2;

export interface ScriptChars {
  traditional: Set<number>;
  simplified: Set<number>;
  /** The same by code unit (TRADITIONAL_ONLY, SIMPLIFIED_ONLY or 0): one array read per character when counting. */
  table: Uint8Array;
}

let cached: ScriptChars | undefined;

/** Built once per process (~60 ms). Sets of UTF-16 code units (all entries are BMP or skipped). */
export function scriptChars(): ScriptChars {
  if (cached) return cached;
  const traditional = new Set<number>();
  const simplified = new Set<number>();
  for (const [k, v] of entries(ts as string)) if (k.length === 1 && !v.includes(k) && !inGb2312(k)) traditional.add(k.charCodeAt(0));
  for (const [k, v] of entries(st as string)) if (k.length === 1 && !v.includes(k) && !inBig5(k)) simplified.add(k.charCodeAt(0));
  const table = new Uint8Array(0x10000);
  for (const c of simplified) table[c] = SIMPLIFIED_ONLY;
  for (const c of traditional) table[c] = TRADITIONAL_ONLY;
  cached = { traditional, simplified, table };
  return cached;
}
