import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { codecFor, completeLength, decodeWith, detect, GB18030, UTF8, validUtf8 } from './detect.js';

describe('completeLength', () => {
  const cases: [string, string, string][] = [
    // [framing, text, iconv name]
    ['utf8', '同志们,大家好', 'utf8'],
    ['gb18030', '同志们,大家好', 'gb18030'],
    ['gb18030', '同志们\u{20000}', 'gb18030'], // a four-byte GB18030 character last
    ['big5', '同志們,大家好', 'big5'],
    ['utf16le', '同志们\u{20000}', 'utf16le'], // a surrogate pair last
    ['utf16be', '同志们\u{20000}', 'utf16be'],
  ];

  it.each(cases)('%s: a complete text is complete (%s)', (framing, text, name) => {
    const bytes = iconv.encode(text, name);
    expect(completeLength(bytes, framing as never)).toBe(bytes.length);
  });

  it.each(cases)('%s: every cut inside the last character ends before it (%s)', (framing, text, name) => {
    const bytes = iconv.encode(text, name);
    const before = iconv.encode(Array.from(text).slice(0, -1).join(''), name).length;
    for (let end = before + 1; end < bytes.length; end++) expect(completeLength(bytes.subarray(0, end), framing as never)).toBe(before);
  });

  it('gb18030: a trail byte that looks like a lead is not mistaken for a cut (phase comes from the last ASCII byte)', () => {
    // 蔼 is B0 AA, 啊 is B0 A1: every byte is ≥ 0x80, so only walking from a sure boundary tells the phase.
    const bytes = iconv.encode('x蔼啊蔼', 'gb18030');
    expect(completeLength(bytes, 'gb18030')).toBe(bytes.length);
    expect(completeLength(bytes.subarray(1), 'gb18030')).toBe(bytes.length - 1);
    expect(completeLength(bytes.subarray(0, bytes.length - 1), 'gb18030')).toBe(bytes.length - 2);
  });
});

describe('decodeWith', () => {
  it('leaves out a cut character and counts undecodable bytes', () => {
    const bytes = Buffer.concat([iconv.encode('大家好', 'gb18030'), Buffer.of(0xff), iconv.encode('同志', 'gb18030').subarray(0, 3)]);
    expect(decodeWith(GB18030, bytes)).toEqual({ text: '大家好\ufffd同', truncatedBytes: 1, invalidChars: 1 });
  });
});

describe('detect', () => {
  it('plain ASCII is UTF-8 (any ASCII-compatible reading gives the same text)', () => {
    const { codec, confidence } = detect(Buffer.from('<html><body>Hello, world. 2022-09-15</body></html>'));
    expect(codec).toBe(UTF8);
    expect(confidence).toBeGreaterThan(0.999);
  });

  it('looks past a long ASCII head to the first Chinese text', () => {
    const head = `<html><head><style>${'p { margin: 0 } '.repeat(500)}</style></head><body>`;
    const bytes = Buffer.concat([Buffer.from(head), iconv.encode('同志们,今天我们召开全县教育工作会议。', 'gb18030')]);
    expect(detect(bytes).codec).toBe(GB18030);
  });

  it('a declared encoding is a prior that settles close calls only', () => {
    const ambiguous = Buffer.from('b0a1b1a1', 'hex'); // 啊薄 (GBK) or 陛情 (Big5)
    expect(detect(ambiguous).codec.name).toBe('GB18030');
    expect(detect(ambiguous, { hint: codecFor('big5') }).codec.name).toBe('Big5');
    const clear = iconv.encode('同志们,今天我们召开全县教育工作会议,总结过去一年的工作。', 'gb18030');
    expect(detect(clear, { hint: codecFor('big5') }).codec.name).toBe('GB18030');
  });
});

describe('codecFor', () => {
  it('maps the GB family to GB18030 and the Big5 family to Big5', () => {
    for (const label of ['GBK', 'gb2312', 'CP936', 'x-gbk', 'GB18030']) expect(codecFor(label).name).toBe('GB18030');
    for (const label of ['big5', 'Big5-HKSCS', 'cp950']) expect(codecFor(label).name).toBe('Big5');
    expect(codecFor('utf-16').name).toBe('UTF-16LE');
    expect(codecFor('shift_jis').name).toBe('shift_jis');
  });
});

describe('decodeWith on UTF-8', () => {
  // BOM, an encoded U+FFFD, a complete character, lone leads and continuations, a surrogate, an impossible byte.
  const piece = fc.oneof(
    fc.constantFrom(...['efbbbf', 'efbfbd', 'e5908c', 'f0a08080', 'c3', 'e5b8', 'f0a0', '80', 'eda080', 'ff', '41'].map((h) => Buffer.from(h, 'hex'))),
    fc.uint8Array({ maxLength: 4 }).map((b) => Buffer.from(b)),
  );

  it('reads any bytes as iconv-lite does, and calls them valid exactly when nothing was cut or replaced', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const bytes = Buffer.concat(parts);
        const end = completeLength(bytes, 'utf8');
        const text = iconv.decode(bytes.subarray(0, end), 'utf8');
        const body = bytes.subarray(0, end);
        let genuine = 0;
        for (let i = body.indexOf('efbfbd', 'hex'); i >= 0; i = body.indexOf('efbfbd', i + 3, 'hex')) genuine++;
        const got = decodeWith(UTF8, bytes);
        expect(got).toEqual({ text, truncatedBytes: bytes.length - end, invalidChars: text.split('\ufffd').length - 1 - genuine });
        expect(validUtf8(bytes)).toBe(got.truncatedBytes || got.invalidChars ? null : text);
      }),
      { numRuns: 2000 },
    );
  });
});
