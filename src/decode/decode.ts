/**
 * Decoding happens before the tree: bytes → text, with the encoding named and a confidence.
 * Order: `--encoding` override → BOM → the closed-world choice among UTF-8, GB18030, Big5 and BOM-less UTF-16 by
 * how Chinese each decoding looks (src/decode/detect.ts), with an HTML page's `<meta charset>` as a strong prior
 * (a stale label loses to bytes that plainly say otherwise). A character cut at the very end is left out and
 * reported. Then, unless the encoding was forced, a page that decodes validly but is mojibake is repaired.
 */
import { type Codec, codecFor, type Decoding, decodeWith, detect, GB18030, UTF16BE, UTF16LE, UTF8, validUtf8 } from './detect.js';
import { type MojibakeRepair, repairMojibake } from './mojibake.js';

export { codecFor, DecodeError } from './detect.js';

export interface Decoded extends Decoding {
  /** Canonical name: UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5, or the override's name. */
  encoding: string;
  /**
   * 0–1: the posterior probability that the decoding is right; 1 for a BOM, an override, or valid UTF-8 whose text
   * is repairable mojibake.
   */
  confidence: number;
  /** How the encoding was chosen. */
  method: 'override' | 'bom' | 'meta' | 'utf8' | 'detect';
  /** Set when the decoded text was mojibake and `text` is its repair. */
  repair: MojibakeRepair | null;
}

export interface DecodeOptions {
  /** Force an encoding (any name iconv-lite knows). */
  encoding?: string | null | undefined;
  /** Look for `<meta charset>`. */
  html?: boolean | undefined;
}

const BOMS: { bytes: number[]; codec: Codec }[] = [
  { bytes: [0xef, 0xbb, 0xbf], codec: UTF8 },
  { bytes: [0x84, 0x31, 0x95, 0x33], codec: GB18030 },
  { bytes: [0xff, 0xfe], codec: UTF16LE },
  { bytes: [0xfe, 0xff], codec: UTF16BE },
];

/** Below this confidence the page gets a warning that its encoding is a guess. */
const UNCERTAIN = 0.9;

const META = /<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)/i;
/** XHTML pages may declare it only in the XML declaration. */
const XML_DECLARATION = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([a-zA-Z0-9_\-:.]+)/i;

/** The page's declared encoding. A UTF-16 label in ASCII-readable markup means UTF-8 (as browsers read it). */
function metaCodec(bytes: Uint8Array): Codec | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const label = META.exec(head)?.[1] ?? XML_DECLARATION.exec(head)?.[1];
  if (!label) return undefined;
  try {
    const codec = codecFor(label);
    return codec.framing === 'utf16le' || codec.framing === 'utf16be' ? UTF8 : codec;
  } catch {
    return undefined; // an unknown label says nothing
  }
}

function chosen(codec: Codec, bytes: Uint8Array, confidence: number, method: Decoded['method']): Decoded {
  return { ...decodeWith(codec, bytes), encoding: codec.name, confidence: Math.round(confidence * 1000) / 1000, method, repair: null };
}

function detected(bytes: Uint8Array, hint: Codec | undefined): Decoded {
  const pick = (whole: boolean) => {
    const { codec, confidence } = detect(bytes, { hint, whole });
    return chosen(codec, bytes, confidence, hint?.name === codec.name ? 'meta' : codec === UTF8 ? 'utf8' : 'detect');
  };
  const decoded = pick(false);
  // The window looked clean but the rest is not: choose again on all of it.
  return decoded.invalidChars ? pick(true) : decoded;
}

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (options.encoding) return chosen(codecFor(options.encoding), bytes, 1, 'override');
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (bom) return chosen(bom.codec, bytes.subarray(bom.bytes.length), 1, 'bom');
  let decoded = detected(bytes, options.html ? metaCodec(bytes) : undefined);
  let repair = repairMojibake(decoded.text);
  if (!repair && decoded.encoding !== UTF8.name) {
    // Latin-1 mojibake saved as UTF-8 (C3 8E → Î) also reads as plausible GBK (C3 8E → 脦): valid UTF-8 whose
    // text reverses into clean Chinese is the better story.
    // Only valid UTF-8 qualifies, so a GBK page is not decoded as UTF-8 in full only to be ruled out.
    const text = validUtf8(bytes);
    repair = text === null ? null : repairMojibake(text);
    if (repair) decoded = chosen(UTF8, bytes, 1, 'utf8');
  }
  return repair ? { ...decoded, text: repair.text, repair } : decoded;
}

const REPAIRS: Record<MojibakeRepair['kind'], string> = {
  'utf8-read-as-gbk': 'UTF-8 bytes read as GBK',
  'gbk-read-as-latin1': 'GBK bytes read as Latin-1',
  'big5-read-as-latin1': 'Big5 bytes read as Latin-1',
  'utf8-read-as-latin1': 'UTF-8 bytes read as Latin-1',
};

/** Page-level warnings about the decoding: what a reader of the record should know about its text. */
export function decodeWarnings(decoded: Decoded): { rule: string; message: string }[] {
  const out: { rule: string; message: string }[] = [];
  const { repair, encoding } = decoded;
  if (repair) {
    const holes = repair.restored + repair.lost;
    out.push({
      rule: 'decode/mojibake',
      message:
        `The page was mojibake (${REPAIRS[repair.kind]}) and was repaired; positions refer to the repaired text.` +
        (holes ? ` ${holes} characters had lost a byte: ${repair.restored} restored from the page's own text, ${repair.lost} left as U+FFFD.` : '') +
        (repair.kept ? ` ${repair.kept} characters did not reverse and were kept as they were.` : ''),
    });
  }
  if (decoded.truncatedBytes) out.push({ rule: 'decode/truncated', message: `The file ends inside a ${encoding} character: its last ${decoded.truncatedBytes} byte(s) were left out.` });
  if (decoded.invalidChars) out.push({ rule: 'decode/invalid', message: `${decoded.invalidChars} byte sequence(s) are not valid ${encoding} and became U+FFFD.` });
  if (decoded.confidence < UNCERTAIN) {
    out.push({ rule: 'decode/uncertain', message: `The encoding is a guess: ${encoding} with confidence ${decoded.confidence}. Force one with --encoding if the text looks wrong.` });
  }
  return out;
}
