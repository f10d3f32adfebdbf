/**
 * The benchmark corpus, generated from the repository's seed pages: simplified, traditional, GBK-encoded, collapsed
 * (a document viewer's flattened PDF: one long line with a layout space every ~30 characters) and multi-speech pages,
 * mixed by share of bytes. Pages are windows of seed lines of varied sizes with a few characters swapped and a
 * page-specific line, so no two are byte-identical. Deterministic for the same seeds and options; cached under
 * `.bench/corpus/`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/core';
import * as cn2t from 'opencc-js/preset/cn2t';
import { isHanCode } from '../src/tree/chars.js';
import { random, readSeeds } from './samples.js';

export const KINDS = ['simplified', 'traditional', 'gbk', 'collapsed', 'multi'] as const;
export type Kind = (typeof KINDS)[number];
export type Mix = Record<Kind, number>;
export const DEFAULT_MIX: Mix = { simplified: 35, traditional: 20, gbk: 15, collapsed: 10, multi: 20 };

/** Bump when the generator changes, so cached corpora are rebuilt. */
const GENERATOR = 1;
const MIN_PAGE = 16 * 1024;
const MAX_PAGE = 400 * 1024;

export interface CorpusPage {
  file: string;
  kind: Kind;
  bytes: number;
}

export interface Corpus {
  dir: string;
  pages: CorpusPage[];
  bytes: number;
}

export interface CorpusOptions {
  cacheDir: string;
  megabytes: number;
  mix: Mix;
  seed: number;
}

/** `simplified=40,traditional=20,…`; kinds left out get 0. */
export function parseMix(spec: string): Mix {
  const mix = Object.fromEntries(KINDS.map((k) => [k, 0])) as Mix;
  for (const part of spec.split(',')) {
    const [name, share] = part.split('=');
    if (!KINDS.includes(name as Kind) || !(Number(share) >= 0)) throw new Error(`bad mix entry "${part}" (kinds: ${KINDS.join(', ')})`);
    mix[name as Kind] = Number(share);
  }
  if (!KINDS.some((k) => mix[k] > 0)) throw new Error('the mix is empty');
  return mix;
}

interface Sources {
  simplified: string[][];
  traditional: string[][];
  collapsed: string[];
}

function linesOf(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

/** Sorts the seeds by what they are; simplified seeds also yield traditional text through OpenCC cn→tw. */
function readSources(): Sources {
  const sources: Sources = { simplified: [], traditional: [], collapsed: [] };
  for (const seed of readSeeds()) {
    const lines = linesOf(seed.text);
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length * 2 > seed.text.length) sources.collapsed.push(longest);
    else if (seed.traditional) sources.traditional.push(lines);
    else sources.simplified.push(lines);
  }
  if (!sources.simplified.length) throw new Error('no simplified seed in seeds/');
  const toTraditional = OpenCC.ConverterBuilder(cn2t)({ from: 'cn', to: 'tw' });
  for (const lines of sources.simplified) sources.traditional.push(lines.map((l) => toTraditional(l)));
  return sources;
}

class PageMaker {
  private readonly rnd: () => number;

  constructor(
    private readonly sources: Sources,
    seed: number,
  ) {
    this.rnd = random(seed);
  }

  private int(n: number): number {
    return Math.floor(this.rnd() * n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Consecutive lines of one seed from a random start (wrapping around) until `chars` characters. */
  private window(pool: string[][], chars: number): string[] {
    const lines = this.pick(pool);
    const out: string[] = [];
    let n = 0;
    for (let i = this.int(lines.length); n < chars; i = (i + 1) % lines.length) {
      out.push(lines[i]!);
      n += lines[i]!.length;
    }
    return out;
  }

  /** `chars` characters of `text` from a random start, wrapping around. */
  private cycle(text: string, chars: number): string {
    const start = this.int(text.length);
    return (text.slice(start) + text.repeat(Math.ceil(chars / text.length))).slice(0, chars);
  }

  /** Swaps about one Han character in 300 for another Han character of the same text (keeps its script). */
  private vary(text: string): string {
    const chars = [...text];
    const han: string[] = [];
    for (const c of chars) if (isHanCode(c.charCodeAt(0))) han.push(c);
    if (!han.length) return text;
    for (let k = Math.ceil(han.length / 300); k > 0; k--) {
      const i = this.int(chars.length);
      if (isHanCode(chars[i]!.charCodeAt(0))) chars[i] = this.pick(han);
    }
    return chars.join('');
  }

  private stamp(n: number): string {
    return `发布时间:20${10 + this.int(15)}-${1 + this.int(12)}-${1 + this.int(28)} 浏览次数:${n * 7 + this.int(1000)}`;
  }

  /** Seed-style text: every line followed by a blank line. */
  private page(lines: string[], n: number): string {
    return this.vary([lines[0]!, this.stamp(n), ...lines.slice(1)].join('\n\n')) + '\n';
  }

  /** A flattened PDF preview: the text as one line, a layout space every 26–34 characters and around numbers. */
  private collapse(lines: string[]): string {
    const flat = lines.join('').replace(/([A-Za-z0-9]+)/g, ' $1 ');
    const parts: string[] = [];
    for (let i = 0; i < flat.length; ) {
      const width = 26 + this.int(9);
      parts.push(flat.slice(i, i + width));
      i += width;
    }
    return parts.join(' ');
  }

  make(kind: Kind, bytes: number, n: number): Uint8Array {
    const chars = Math.round(bytes / 3); // Chinese is ~3 bytes a character in UTF-8
    switch (kind) {
      case 'simplified':
        return Buffer.from(this.page(this.window(this.sources.simplified, chars), n));
      case 'traditional':
        return Buffer.from(this.page(this.window(this.sources.traditional, chars), n));
      case 'gbk':
        return iconv.encode(this.page(this.window(this.sources.simplified, chars), n), 'gbk');
      case 'collapsed': {
        const fromSeed = this.sources.collapsed.length > 0 && this.rnd() < 0.5;
        const body = fromSeed ? this.cycle(this.pick(this.sources.collapsed), chars) : this.collapse(this.window(this.sources.simplified, chars));
        return Buffer.from(this.vary(`${this.window(this.sources.simplified, 1)[0]}\n\n${this.stamp(n)}\n\n${body}\n`));
      }
      case 'multi': {
        const count = 2 + this.int(5);
        const title = this.window(this.sources.simplified, 1)[0]!;
        const lines = [`${title}(${count}篇)`];
        for (let i = 1; i <= count; i++) lines.push(`${title}篇${i}`, ...this.window(this.sources.simplified, chars / count));
        return Buffer.from(this.page(lines, n));
      }
    }
  }

  size(): number {
    // Log-uniform between the smallest and largest page sizes, like the seeds (19–444 KB).
    return Math.round(MIN_PAGE * Math.pow(MAX_PAGE / MIN_PAGE, this.rnd()));
  }

  kind(mix: Mix): Kind {
    const total = KINDS.reduce((n, k) => n + mix[k], 0);
    let r = this.rnd() * total;
    for (const k of KINDS) if ((r -= mix[k]) < 0) return k;
    return KINDS.find((k) => mix[k] > 0)!;
  }
}

function corpusKey(options: CorpusOptions): string {
  const hash = createHash('sha256').update(JSON.stringify([GENERATOR, options.megabytes, options.mix, options.seed]));
  for (const seed of readSeeds()) hash.update(seed.name).update(seed.text);
  return hash.digest('hex').slice(0, 12);
}

/** The corpus for these options: read from the cache, or generated (the index is written last, when complete). */
export function ensureCorpus(options: CorpusOptions): Corpus {
  const dir = join(options.cacheDir, `${options.megabytes}mb-${corpusKey(options)}`);
  const index = join(dir, 'corpus.json');
  if (existsSync(index)) return JSON.parse(readFileSync(index, 'utf8')) as Corpus;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const maker = new PageMaker(readSources(), options.seed);
  const target = options.megabytes * 1048576;
  const pages: CorpusPage[] = [];
  let bytes = 0;
  while (bytes < target) {
    const kind = maker.kind(options.mix);
    const data = maker.make(kind, Math.min(maker.size(), Math.max(MIN_PAGE, target - bytes)), pages.length);
    const file = join(dir, `${String(pages.length).padStart(5, '0')}-${kind}.txt`);
    writeFileSync(file, data);
    pages.push({ file, kind, bytes: data.length });
    bytes += data.length;
  }
  const corpus: Corpus = { dir, pages, bytes };
  writeFileSync(index, JSON.stringify(corpus));
  return corpus;
}
