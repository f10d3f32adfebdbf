/**
 * Tone-marked pinyin readings of every Han character in GBK, so the byte repairer can ask "which two-byte codes
 * read `cè`?" and "does 創 read `chuàng`?".
 *
 * Source: pinyin-pro's character dictionary (MIT, no dependencies, ~1.2 MB, maintained, covers all of GBK's Han
 * characters with every reading of polyphones). A page's own intact `字(pinyin)` pairs are laid on top: they are
 * the site's own key table, and sites follow their own dictionary (Taiwan readings such as 績 jī). Neither source
 * suffices alone: a page only shows the keys that also occur intact, the dictionary misses site readings. The
 * package is loaded on first use (~60 ms), so pages without damage never pay for it.
 */
import { createRequire } from 'node:module';
import { gbkTable } from '../decode/gbk.js';
import { isHanCode } from '../tree/chars.js';

interface Table {
  /** Reading → two-byte GBK codes of the characters that have it. */
  codes: Map<string, number[]>;
  /** Character → its readings. */
  of: Map<string, Set<string>>;
}

function add(table: Table, ch: string, code: number, pinyin: string): void {
  const reading = pinyin.normalize('NFC');
  let set = table.of.get(ch);
  if (!set) table.of.set(ch, (set = new Set()));
  if (set.has(reading)) return;
  set.add(reading);
  let list = table.codes.get(reading);
  if (!list) table.codes.set(reading, (list = []));
  list.push(code);
}

let dictionary: Table | undefined;

function dictionaryTable(): Table {
  if (dictionary) return dictionary;
  const require = createRequire(import.meta.url);
  const { polyphonic } = require('pinyin-pro') as typeof import('pinyin-pro');
  const hans: [string, number][] = [];
  for (const [code, ch] of gbkTable().char) if (isHanCode(ch.charCodeAt(0))) hans.push([ch, code]);
  const all = polyphonic(hans.map(([ch]) => ch).join(''), { type: 'array' });
  const table: Table = { codes: new Map(), of: new Map() };
  hans.forEach(([ch, code], i) => {
    for (const py of all[i] ?? []) add(table, ch, code, py);
  });
  return (dictionary = table);
}

/** The dictionary's readings with one page's own pairs on top (the shared dictionary is never changed). */
export class Readings {
  private readonly base = dictionaryTable();
  private readonly own: Table = { codes: new Map(), of: new Map() };

  constructor(pagePairs: Iterable<readonly [string, string]> = []) {
    const { code } = gbkTable();
    for (const [ch, py] of pagePairs) {
      const c = code.get(ch);
      if (c !== undefined && !this.has(ch, py.normalize('NFC'))) add(this.own, ch, c, py);
    }
  }

  /** `pinyin` in NFC (as the page's annotations are after decoding). */
  has(ch: string, pinyin: string): boolean {
    return !!(this.base.of.get(ch)?.has(pinyin) || this.own.of.get(ch)?.has(pinyin));
  }

  /** Two-byte GBK codes of the characters that read `pinyin` (NFC). */
  codes(pinyin: string): number[] {
    const base = this.base.codes.get(pinyin) ?? [];
    const own = this.own.codes.get(pinyin);
    return own ? [...base, ...own] : base;
  }
}
