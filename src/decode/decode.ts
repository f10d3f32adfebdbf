/**
 * Decoding happens before the tree: bytes → text, with the encoding named and a confidence.
 * Order: `--encoding` override → BOM → `<meta charset>` (HTML) → strict UTF-8 (a character cut at the very end is
 * tolerated) → the closed-world choice among GB18030, Big5 and BOM-less UTF-16 by how Chinese each decoding looks.
 */
import iconv from 'iconv-lite';
import { chineseness } from './chineseness.js';

export interface Decoded {
  text: string;
  /** Canonical name: UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5, or the override's name. */
  encoding: string;
  /** 0–1: 1 for a BOM, an override or valid UTF-8; otherwise the margin between the best two candidates. */
  confidence: number;
  /** How the encoding was chosen. */
  method: 'override' | 'bom' | 'meta' | 'utf8' | 'detect';
}

export interface DecodeOptions {
  /** Force an encoding (any name iconv-lite knows). */
  encoding?: string | null | undefined;
  /** Look for `<meta charset>`. */
  html?: boolean | undefined;
}

const BOMS: { bytes: number[]; encoding: string; iconv: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'UTF-8', iconv: 'utf8' },
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'GB18030', iconv: 'gb18030' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE', iconv: 'utf16le' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE', iconv: 'utf16be' },
];

/** Sniffing a prefix is enough to choose; the whole buffer is then decoded once. */
const SNIFF_BYTES = 64 * 1024;

export class DecodeError extends Error {}

/** Canonical display name for an encoding label. GBK and GB2312 decode as GB18030 (a superset). */
export function canonicalEncoding(label: string): { name: string; iconv: string } {
  const n = label.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/^(gb18030|gbk|gb2312|cp936|euccn|windows936|xgbk|chinese)$/.test(n)) return { name: 'GB18030', iconv: 'gb18030' };
  if (/^(big5|big5hkscs|cp950|windows950|xxbig5)$/.test(n)) return { name: 'Big5', iconv: 'big5' };
  if (n === 'utf8' || n === 'unicode11utf8') return { name: 'UTF-8', iconv: 'utf8' };
  if (n === 'utf16' || n === 'utf16le' || n === 'unicode') return { name: 'UTF-16LE', iconv: 'utf16le' };
  if (n === 'utf16be') return { name: 'UTF-16BE', iconv: 'utf16be' };
  if (!iconv.encodingExists(label)) throw new DecodeError(`unknown encoding "${label}"`);
  return { name: label, iconv: label };
}

/** Length of a valid UTF-8 prefix that ends before an incomplete final character, or -1 if invalid. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function strictUtf8(bytes: Uint8Array): string | undefined {
  // Drop an incomplete multi-byte sequence at the very end (a page cut mid-character), then decode strictly.
  let end = bytes.length;
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > back) end = bytes.length - back;
    break;
  }
  try {
    const text = utf8.decode(bytes.subarray(0, end));
    return end < bytes.length ? text + '\ufffd' : text;
  } catch {
    return undefined;
  }
}

const META = /<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)/i;

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  return META.exec(head)?.[1];
}

const CANDIDATES = [
  { name: 'GB18030', iconv: 'gb18030' },
  { name: 'Big5', iconv: 'big5' },
  { name: 'UTF-16LE', iconv: 'utf16le' },
  { name: 'UTF-16BE', iconv: 'utf16be' },
];

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (options.encoding) {
    const enc = canonicalEncoding(options.encoding);
    return { text: iconv.decode(buffer, enc.iconv), encoding: enc.name, confidence: 1, method: 'override' };
  }
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => buffer[i] === b)) {
      return { text: iconv.decode(buffer.subarray(bom.bytes.length), bom.iconv), encoding: bom.encoding, confidence: 1, method: 'bom' };
    }
  }
  if (options.html) {
    const label = metaCharset(bytes);
    if (label && iconv.encodingExists(label)) {
      const enc = canonicalEncoding(label);
      if (enc.name !== 'UTF-8' || strictUtf8(bytes) !== undefined) {
        return { text: iconv.decode(buffer, enc.iconv), encoding: enc.name, confidence: 0.99, method: 'meta' };
      }
    }
  }
  const text = strictUtf8(bytes);
  if (text !== undefined) return { text, encoding: 'UTF-8', confidence: 1, method: 'utf8' };
  const sniff = buffer.subarray(0, SNIFF_BYTES);
  const scored = CANDIDATES.map((c) => ({ ...c, score: chineseness(iconv.decode(sniff, c.iconv)) })).sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  const margin = best.score - scored[1]!.score;
  const confidence = Math.max(0, Math.min(1, 0.5 + margin));
  return { text: iconv.decode(buffer, best.iconv), encoding: best.name, confidence: Math.round(confidence * 1000) / 1000, method: 'detect' };
}
