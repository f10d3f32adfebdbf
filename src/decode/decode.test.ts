import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encode, family, inHtml, random, samples, snippet } from '../../bench/samples.js';
import { DecodeError, decodeBytes, decodeWarnings } from './decode.js';

const all = samples();

describe('decodeBytes on the seeds re-encoded', () => {
  it.each(all.map((s) => [s.seed, s.encoding, s] as const))('seed %s in %s decodes to its text', (_seed, encoding, sample) => {
    const decoded = decodeBytes(sample.bytes);
    expect(family(decoded.encoding)).toBe(family(encoding));
    expect(decoded.text).toBe(sample.text);
    expect(decoded.confidence).toBe(1);
    expect(decoded.repair).toBeNull();
    expect(decodeWarnings(decoded)).toEqual([]);
  });

  it('reads short snippets (16 and 64 bytes) of every encoding right', () => {
    const wrong: string[] = [];
    all.forEach((sample, k) => {
      const next = random(k + 1);
      for (const length of [16, 64]) {
        for (let i = 0; i < 40; i++) {
          const { clean, cut } = snippet(sample, length, next);
          for (const bytes of [clean, cut]) {
            const got = decodeBytes(bytes).encoding;
            if (family(got) !== family(sample.encoding)) wrong.push(`${sample.encoding} read as ${got}: ${bytes.toString('hex')}`);
          }
        }
      }
    });
    expect(wrong).toEqual([]);
  });
});

describe('confidence', () => {
  it('is high for a long page and lower, but still in 0–1, for two characters both GBK and Big5 read as common Chinese', () => {
    const long = all.find((s) => s.encoding === 'GBK')!;
    expect(decodeBytes(long.bytes).confidence).toBe(1);
    // B0A1 B1A1: 啊薄 in GBK, 陛情 in Big5.
    const ambiguous = decodeBytes(Buffer.from('b0a1b1a1', 'hex'));
    expect(ambiguous.confidence).toBeGreaterThan(0);
    expect(ambiguous.confidence).toBeLessThan(0.9);
    expect(decodeWarnings(ambiguous).map((w) => w.rule)).toEqual(['decode/uncertain']);
  });
});

describe('BOMs', () => {
  const text = '同志们:今天我们召开全县教育工作会议。';
  it.each([
    ['UTF-8', Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from(text)])],
    ['UTF-16LE', Buffer.concat([Buffer.of(0xff, 0xfe), iconv.encode(text, 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.of(0xfe, 0xff), iconv.encode(text, 'utf16be')])],
    ['GB18030', Buffer.concat([Buffer.of(0x84, 0x31, 0x95, 0x33), iconv.encode(text, 'gb18030')])],
  ])('a %s BOM decides and is not part of the text', (encoding, bytes) => {
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ encoding, method: 'bom', confidence: 1, text });
  });

  it('bytes that only start like a BOM are text (EF BB BC is U+FEFC)', () => {
    const decoded = decodeBytes(Buffer.from(`\ufefc${text}`));
    expect(decoded.method).not.toBe('bom');
    expect(decoded.encoding).toBe('UTF-8');
    expect(decoded.text).toBe(`\ufefc${text}`);
  });
});

describe('a character cut at the end of the file', () => {
  const text = '各位领导、同志们:大家好';
  it.each(['UTF-8', 'GBK', 'Big5', 'UTF-16LE', 'UTF-16BE'] as const)('%s: the cut character is left out and reported', (encoding) => {
    const source = encoding === 'Big5' ? '各位領導、同志們:大家好' : text;
    const bytes = encode(source, encoding);
    const decoded = decodeBytes(bytes.subarray(0, bytes.length - 1));
    expect(family(decoded.encoding)).toBe(family(encoding));
    expect(decoded.text).toBe(source.slice(0, -1));
    expect(decoded.truncatedBytes).toBe(encode('好', encoding).length - 1);
    expect(decodeWarnings(decoded).map((w) => w.rule)).toContain('decode/truncated');
  });

  it('a complete file loses nothing and gets no warning', () => {
    const decoded = decodeBytes(encode(text, 'GBK'));
    expect(decoded.text).toBe(text);
    expect(decoded.truncatedBytes).toBe(0);
    expect(decodeWarnings(decoded)).toEqual([]);
  });
});

describe('<meta charset>', () => {
  // B0A1 B1A1 reads as common Chinese in both GBK and Big5: only the declaration can settle it.
  const ambiguous = Buffer.from('b0a1b1a1', 'hex');
  const page = (charset: string, body: Buffer) => Buffer.concat([Buffer.from(`<html><head><meta charset="${charset}"></head><body><p>`), body, Buffer.from('</p></body></html>')]);

  it('settles an ambiguous page', () => {
    expect(decodeBytes(page('big5', ambiguous), { html: true })).toMatchObject({ encoding: 'Big5', method: 'meta' });
    expect(decodeBytes(page('gb2312', ambiguous), { html: true })).toMatchObject({ encoding: 'GB18030', method: 'meta' });
  });

  it('in its http-equiv form too', () => {
    const equiv = (charset: string) => Buffer.concat([Buffer.from(`<meta http-equiv="Content-Type" content="text/html; charset=${charset}"><p>`), ambiguous]);
    expect(decodeBytes(equiv('big5'), { html: true })).toMatchObject({ encoding: 'Big5', method: 'meta' });
    expect(decodeBytes(equiv('gb2312'), { html: true })).toMatchObject({ encoding: 'GB18030', method: 'meta' });
  });

  it('or in an XHTML page’s XML declaration', () => {
    const xml = (charset: string) => Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="${charset}"?>\n<html><p>`), ambiguous]);
    expect(decodeBytes(xml('big5'), { html: true })).toMatchObject({ encoding: 'Big5', method: 'meta' });
    expect(decodeBytes(xml('gbk'), { html: true })).toMatchObject({ encoding: 'GB18030', method: 'meta' });
  });

  it('is only read in HTML', () => {
    expect(decodeBytes(page('big5', ambiguous), { html: false }).encoding).toBe('GB18030');
  });

  it('loses to bytes that plainly say otherwise (a stale GBK label on a UTF-8 page)', () => {
    const seed = all.find((s) => s.encoding === 'UTF-8')!;
    const decoded = decodeBytes(page('gbk', seed.bytes), { html: true });
    expect(decoded).toMatchObject({ encoding: 'UTF-8', method: 'utf8', repair: null });
    expect(decoded.text).toContain(seed.text);
  });

  it('loses to bytes that plainly say otherwise (a UTF-8 label on a short GBK page)', () => {
    const text = '同志们：今天我们召开全县春季农业生产工作会议。';
    const decoded = decodeBytes(page('utf-8', iconv.encode(text, 'gbk')), { html: true });
    expect(decoded).toMatchObject({ encoding: 'GB18030', invalidChars: 0 });
    expect(decoded.text).toContain(text);
  });

  it('a UTF-16 label in ASCII markup means UTF-8, and an unknown label is ignored', () => {
    const body = Buffer.from('同志们,大家好。');
    expect(decodeBytes(page('utf-16', body), { html: true })).toMatchObject({ encoding: 'UTF-8', method: 'meta' });
    expect(decodeBytes(page('x-no-such-charset', body), { html: true })).toMatchObject({ encoding: 'UTF-8', method: 'utf8' });
  });

  it('a GBK page wrapped in HTML without a declaration is still detected', () => {
    const sample = all.find((s) => s.encoding === 'GBK')!;
    const { text } = snippet(sample, 64, random(7));
    expect(decodeBytes(inHtml(text, 'GBK'), { html: true }).encoding).toBe('GB18030');
  });
});

describe('--encoding override', () => {
  const utf8 = all.find((s) => s.encoding === 'UTF-8')!;

  it('forces the encoding, even a wrong one, and repairs nothing', () => {
    const decoded = decodeBytes(utf8.bytes, { encoding: 'gbk' });
    expect(decoded).toMatchObject({ encoding: 'GB18030', method: 'override', confidence: 1, repair: null });
    expect(decoded.text).toBe(iconv.decode(utf8.bytes.subarray(0, utf8.bytes.length - decoded.truncatedBytes), 'gb18030'));
    expect(decoded.text).toContain('鍙戣█绋'); // 发言稿 as mojibake
  });

  it('accepts any label iconv-lite knows and canonical names for the usual ones', () => {
    expect(decodeBytes(utf8.bytes, { encoding: 'UTF8' }).text).toBe(utf8.text);
    expect(decodeBytes(Buffer.from('abc'), { encoding: 'cp950' }).encoding).toBe('Big5');
    expect(decodeBytes(Buffer.from('abc'), { encoding: 'latin1' }).encoding).toBe('latin1');
  });

  it('rejects an unknown label', () => {
    expect(() => decodeBytes(utf8.bytes, { encoding: 'no-such-encoding' })).toThrow(DecodeError);
  });
});

describe('bytes the chosen encoding cannot read', () => {
  it('are counted and reported, after the choice was made on all of the page', () => {
    const sample = all.find((s) => s.encoding === 'GBK')!;
    // A GBK page with an invalid byte far past the first window.
    const bytes = Buffer.concat([sample.bytes, Buffer.of(0xff), encode('。', 'GBK')]);
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('GB18030');
    expect(decoded.invalidChars).toBe(1);
    expect(decodeWarnings(decoded).map((w) => w.rule)).toEqual(['decode/invalid']);
  });

  it('a U+FFFD the page itself encodes is text, not an error', () => {
    const decoded = decodeBytes(Buffer.from('同志们\ufffd大家好。'));
    expect(decoded.invalidChars).toBe(0);
  });
});
