/**
 * Encoded samples made at run time from the seed pages, for the detector benchmark and the decoding tests: each
 * simplified seed in GBK, GB18030, UTF-8 and BOM-less UTF-16LE/BE; each traditional seed (inline pinyin removed)
 * in Big5. Only lines the encoding can represent are kept, so every sample decodes back to its text exactly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { PINYIN_TONE } from '../src/rules/normalize.js';
import { classify, countScript } from '../src/stages/script.js';

export const ENCODINGS = ['GBK', 'GB18030', 'Big5', 'UTF-8', 'UTF-16LE', 'UTF-16BE'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const ICONV: Record<Encoding, string> = { GBK: 'gbk', GB18030: 'gb18030', Big5: 'big5', 'UTF-8': 'utf8', 'UTF-16LE': 'utf16le', 'UTF-16BE': 'utf16be' };

/** GBK and GB2312 are subsets of GB18030: one family, as the scorer counts them. */
export function family(name: string | null | undefined): string {
  const n = String(name ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (/^(GB18030|GBK|GB2312|CP936|EUCCN|WINDOWS936)$/.test(n)) return 'GB18030';
  if (/^(BIG5|BIG5HKSCS|CP950|WINDOWS950)$/.test(n)) return 'BIG5';
  if (/^UTF16(LE)?$/.test(n)) return 'UTF16LE';
  return n;
}

export function encode(text: string, encoding: Encoding): Buffer {
  return iconv.encode(text, ICONV[encoding]);
}

const charCache = new Map<string, Buffer>();
/** One character's bytes (snippets are built character by character; characters repeat). */
function encodeChar(ch: string, encoding: Encoding): Buffer {
  const key = encoding + ch;
  let bytes = charCache.get(key);
  if (!bytes) charCache.set(key, (bytes = encode(ch, encoding)));
  return bytes;
}

/** The project's seeds/ folder, found from this file (it runs from bench/ and from dist/bench/). */
export function seedsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'seeds', '.')) || !existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('seeds/ not found');
    dir = up;
  }
  return join(dir, 'seeds');
}

export interface Seed {
  name: string;
  /** As stored (UTF-8). */
  text: string;
  traditional: boolean;
}

export function readSeeds(): Seed[] {
  const dir = seedsDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return { name: f.replace(/_.*$/, ''), text, traditional: classify(countScript(text), 0.9) === 'traditional' };
    });
}

/** Lines of `text` that `encoding` represents exactly (the rest would become `?`). */
export function encodableText(text: string, encoding: Encoding): string {
  return text
    .split('\n')
    .filter((line) => iconv.decode(encode(line, encoding), ICONV[encoding]) === line)
    .join('\n');
}

export interface Sample {
  seed: string;
  encoding: Encoding;
  /** The text the bytes hold, and its characters (code points). */
  text: string;
  chars: readonly string[];
  bytes: Buffer;
}

/** Simplified seeds in every encoding but Big5; traditional seeds, pinyin removed, in Big5. */
export function samples(seeds = readSeeds()): Sample[] {
  return seeds.flatMap((seed) => {
    const encodings: readonly Encoding[] = seed.traditional ? ['Big5'] : ENCODINGS.filter((e) => e !== 'Big5');
    const source = seed.traditional ? seed.text.replace(new RegExp(PINYIN_TONE.source, 'g'), '') : seed.text;
    return encodings.map((encoding) => {
      const text = encodableText(source, encoding);
      return { seed: seed.name, encoding, text, chars: Array.from(text), bytes: encode(text, encoding) };
    });
  });
}

/** A deterministic pseudo-random sequence (mulberry32), so every run draws the same snippets. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Snippet {
  /** Whole characters, at most the length. */
  clean: Buffer;
  /** About the length, ending one byte into a multi-byte character. */
  cut: Buffer;
  /** The clean snippet's text. */
  text: string;
}

const HAN = /[\u4e00-\u9fff]/;

/** A snippet of `sample` of about `length` bytes starting at a Han character drawn by `next`. */
export function snippet(sample: Sample, length: number, next: () => number): Snippet {
  const { chars } = sample;
  let start = Math.floor(next() * chars.length);
  while (!HAN.test(chars[start % chars.length]!)) start++;
  const encoded: Buffer[] = [];
  let size = 0;
  let cut: Buffer | undefined;
  for (let i = start % chars.length; size < length; i = (i + 1) % chars.length) {
    const bytes = encodeChar(chars[i]!, sample.encoding);
    // A character that would overflow the length is cut after its first byte (once, when it is multi-byte).
    if (size + bytes.length > length) {
      if (bytes.length > 1) cut = Buffer.concat([...encoded, bytes.subarray(0, 1)]);
      break;
    }
    encoded.push(bytes);
    size += bytes.length;
  }
  const clean = Buffer.concat(encoded);
  return { clean, cut: cut ?? cutInside(clean, sample.encoding), text: iconv.decode(clean, ICONV[sample.encoding]) };
}

/** `clean` shortened to end one byte into its last multi-byte character. */
function cutInside(clean: Buffer, encoding: Encoding): Buffer {
  const chars = Array.from(iconv.decode(clean, ICONV[encoding]));
  let end = clean.length;
  for (let i = chars.length - 1; i >= 0; i--) {
    const width = encodeChar(chars[i]!, encoding).length;
    end -= width;
    if (width > 1) return clean.subarray(0, end + 1);
  }
  return clean;
}

/** The snippet as the body of a plain HTML page without a declared charset, in the same encoding. */
export function inHtml(text: string, encoding: Encoding): Buffer {
  const page = `<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>page</title>\n<link rel="stylesheet" href="/static/css/main.css">\n</head>\n<body>\n<div class="article"><p>${text}</p></div>\n</body>\n</html>\n`;
  return encode(page, encoding);
}
