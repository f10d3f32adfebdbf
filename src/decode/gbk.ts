/**
 * The GBK (CP936) code table as lookups both ways, read out of iconv-lite once per process (~24,000 two-byte
 * codes). The byte-damage repairer re-encodes damaged text and decodes candidate byte sequences thousands of times
 * per span; a table lookup is far cheaper than a codec call for two bytes.
 */
import iconv from 'iconv-lite';

export interface GbkTable {
  /** (lead << 8 | trail) → character; user-defined codes decode to private-use characters, as iconv-lite does. */
  char: Map<number, string>;
  /** Character → its two-byte code. */
  code: Map<string, number>;
}

let table: GbkTable | undefined;

export function gbkTable(): GbkTable {
  if (table) return table;
  const codes: number[] = [];
  const bytes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      codes.push((lead << 8) | trail);
      bytes.push(lead, trail);
    }
  }
  // Every code of this range is assigned, so the decoding has exactly one UTF-16 unit per code.
  const text = iconv.decode(Buffer.from(bytes), 'gbk');
  const char = new Map<number, string>();
  const code = new Map<string, number>();
  for (let i = 0; i < codes.length; i++) {
    const ch = text[i]!;
    char.set(codes[i]!, ch);
    if (!code.has(ch)) code.set(ch, codes[i]!);
  }
  table = { char, code };
  return table;
}

/** CP936 keeps one single byte above ASCII: 0x80 is the euro sign. */
export const EURO_BYTE = 0x80;

/** The GBK bytes of one character (one for ASCII and €, two otherwise), or undefined outside GBK. */
export function gbkBytes(ch: string): number[] | undefined {
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && c < 0x80) return [c];
  if (ch === '€') return [EURO_BYTE];
  const code = gbkTable().code.get(ch);
  return code === undefined ? undefined : [code >> 8, code & 0xff];
}

/** Decodes in-phase GBK bytes; an invalid or cut sequence becomes U+FFFD (one per byte). */
export function decodeGbk(bytes: readonly number[]): string {
  const { char } = gbkTable();
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) out += String.fromCharCode(b);
    else if (b === EURO_BYTE) out += '€';
    else {
      const ch = i + 1 < bytes.length ? char.get((b << 8) | bytes[i + 1]!) : undefined;
      if (ch !== undefined) {
        out += ch;
        i += 2;
        continue;
      }
      out += '\ufffd';
    }
    i++;
  }
  return out;
}
