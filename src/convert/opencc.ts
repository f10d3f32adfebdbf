/**
 * OpenCC traditional → mainland simplified, exactly as opencc-js converts (its dictionaries, its preset chain:
 * normalisation, phrase segmentation, then each segment through the conversion tries by longest match), several
 * times faster: opencc-js's tries (built by opencc-js itself, so dictionary order and overrides are its own) are
 * compiled into tables indexed by UTF-16 code unit, a match allocates nothing, and segments are converted in place
 * instead of being sliced out first. The script stage converts every traditional page, so this is the costliest
 * step of the pipeline on traditional text.
 */
import { type DictGroup, Trie, type TrieMap } from 'opencc-js/core';
import * as t2cn from 'opencc-js/preset/t2cn';

export type ConverterFunction = (text: string) => string;

/** Dictionary tries as tables: node ids from 1, the children of a node sorted by code unit. */
class CompiledTrie {
  /** Child of the root per first code unit (0: no key starts with it); 16 bits keep the table in cache. */
  private readonly first = new Uint16Array(0x10000);
  /** Children of node n: units and nodes at [childStart[n], childStart[n + 1]). */
  private readonly childStart: Int32Array;
  private readonly childUnits: Uint16Array;
  private readonly childNodes: Int32Array;
  private readonly values: (string | undefined)[] = [undefined];
  /** The replacement of the last successful `match`. */
  value = '';

  constructor(group: DictGroup) {
    const trie = new Trie();
    trie.loadDictGroup(group);
    const kids: [number, number][][] = [[]];
    const add = (parent: number, map: TrieMap): void => {
      for (const [codePoint, child] of map) {
        // opencc-js keys by code point; an astral character becomes two code-unit steps.
        const char = String.fromCodePoint(codePoint);
        let id = parent;
        for (let k = 0; k < char.length; k++) {
          const unit = char.charCodeAt(k);
          let next = id ? kids[id]!.find(([u]) => u === unit)?.[1] : this.first[unit] || undefined;
          if (!next) {
            next = this.values.push(undefined) - 1;
            kids.push([]);
            if (id) kids[id]!.push([unit, next]);
            else this.first[unit] = next;
          }
          id = next;
        }
        if (child.trie_val !== undefined) this.values[id] = child.trie_val;
        add(id, child);
      }
    };
    add(0, trie.map);
    if (kids.length > 0xffff) throw new Error('OpenCC dictionary too large for 16-bit node ids');
    this.childStart = new Int32Array(kids.length + 1);
    const total = kids.reduce((n, k) => n + k.length, 0);
    this.childUnits = new Uint16Array(total);
    this.childNodes = new Int32Array(total);
    let at = 0;
    kids.forEach((list, node) => {
      this.childStart[node] = at;
      for (const [unit, child] of list.sort((a, b) => a[0] - b[0])) {
        this.childUnits[at] = unit;
        this.childNodes[at++] = child;
      }
    });
    this.childStart[kids.length] = at;
  }

  private child(node: number, unit: number): number {
    let lo = this.childStart[node]!;
    let hi = this.childStart[node + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const u = this.childUnits[mid]!;
      if (u === unit) return this.childNodes[mid]!;
      if (u < unit) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Length of the longest key at `s[i]` within `end` (0 if none); its replacement goes to `value`. */
  match(s: string, i: number, end: number): number {
    let node = this.first[s.charCodeAt(i)]!;
    let best = 0;
    for (let j = i + 1; node; j++) {
      const v = this.values[node];
      if (v !== undefined) {
        best = j - i;
        this.value = v;
      }
      if (j >= end) break;
      node = this.child(node, s.charCodeAt(j));
    }
    return best;
  }

  /**
   * Length of the longest key at `s[i]` (0 if none, then `next` is where matching resumes); most characters start
   * no key, and that is one table read.
   */
  step(s: string, i: number, end: number): number {
    const c = s.charCodeAt(i);
    if (this.first[c]) {
      const length = this.match(s, i, end);
      if (length) return length;
    }
    this.next = i + (c < 0x2ff0 || (c > 0x2fff && (c < 0xd800 || c > 0xdbff)) ? 1 : unmatchedLength(s, i, end));
    return 0;
  }

  /** Set by `step` when nothing matched. */
  next = 0;

  /** `s[from, to)` converted by longest match (opencc-js's `Trie.convert` on that slice). */
  convert(s: string, from: number, to: number): string {
    let out = '';
    let changed = false;
    let kept = from;
    for (let i = from; i < to; ) {
      const length = this.step(s, i, to);
      if (length) {
        if (kept < i) out += s.slice(kept, i);
        out += this.value;
        changed = true;
        i += length;
        kept = i;
      } else i = this.next;
    }
    if (!changed) return from === 0 && to === s.length ? s : s.slice(from, to);
    return kept < to ? out + s.slice(kept, to) : out;
  }
}

function codePointLength(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= end) return 1;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

function idsArity(c: number): number {
  if (c >= 0x2ff0 && c <= 0x2ff1) return 2;
  if (c >= 0x2ff2 && c <= 0x2ff3) return 3;
  if (c >= 0x2ff4 && c <= 0x2fff) return 2;
  return 0;
}

/** End of an ideographic description sequence at `i` (⿰木目 is one unit), or 0: opencc-js never converts inside one. */
function idsEnd(s: string, i: number, end: number): number {
  const arity = idsArity(s.charCodeAt(i));
  if (!arity) return 0;
  let at = i + codePointLength(s, i, end);
  for (let n = 0; n < arity; n++) {
    if (at >= end) return 0;
    at = idsEnd(s, at, end) || at + codePointLength(s, at, end);
  }
  return at;
}

/** How far an unmatched position advances: one code point, or a whole description sequence. */
function unmatchedLength(s: string, i: number, end: number): number {
  const ids = idsEnd(s, i, end);
  return ids > i ? ids - i : codePointLength(s, i, end);
}

export type ScriptSource = 'tw' | 'hk' | 't';

/** The converter opencc-js's `ConverterBuilder(t2cn)({ from, to: 'cn' })` would build. */
export function buildConverter(from: ScriptSource): ConverterFunction {
  const config = t2cn.configs[`${from}2s`];
  if (!config) throw new Error(`no OpenCC preset for ${from} → cn`);
  const normalization = (config.normalizationChain ?? []).map((group) => new CompiledTrie(group));
  const segmentation = config.segmentation ? new CompiledTrie(config.segmentation) : undefined;
  const chain = config.conversionChain.map((group) => new CompiledTrie(group));
  const convertSegment = (s: string, from: number, to: number): string => {
    let out = chain[0]!.convert(s, from, to);
    for (let k = 1; k < chain.length; k++) out = chain[k]!.convert(out, 0, out.length);
    return out;
  };
  return (text) => {
    let s = text;
    for (const trie of normalization) s = trie.convert(s, 0, s.length);
    if (!segmentation) return convertSegment(s, 0, s.length);
    // Segments (phrases of the segmentation dictionary, and the runs between them) convert independently.
    const parts: string[] = [];
    let run = -1;
    for (let i = 0; i < s.length; ) {
      const length = segmentation.step(s, i, s.length);
      if (length) {
        if (run >= 0) parts.push(convertSegment(s, run, i));
        parts.push(convertSegment(s, i, i + length));
        run = -1;
        i += length;
      } else {
        if (run < 0) run = i;
        i = segmentation.next;
      }
    }
    if (run >= 0) parts.push(convertSegment(s, run, s.length));
    return parts.length === 1 ? parts[0]! : parts.join('');
  };
}
