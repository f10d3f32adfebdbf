import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CharKind, chineseness, commonHanShare, kindCounts, logLikelihood } from './chineseness.js';

describe('kindCounts', () => {
  it('sorts characters into the standards’ tiers', () => {
    const counts = kindCounts('的們鑫㐀a。\ufffd\ue000\u{20000}й');
    expect(counts[CharKind.CommonHan]).toBe(2); // 的 (GB2312 level 1), 們 (Big5 常用字)
    expect(counts[CharKind.SecondHan]).toBe(1); // 鑫 (GB2312 level 2)
    expect(counts[CharKind.RareHan]).toBe(2); // 㐀 (Extension A), U+20000 (one character, not two surrogates)
    expect(counts[CharKind.Ascii]).toBe(1);
    expect(counts[CharKind.Punctuation]).toBe(1);
    expect(counts[CharKind.Bad]).toBe(2); // U+FFFD, private use
    expect(counts[CharKind.Other]).toBe(1); // Cyrillic
  });

  it('a lone surrogate is bad', () => {
    expect(kindCounts('\ud800的')[CharKind.Bad]).toBe(1);
  });
});

describe('chineseness and logLikelihood', () => {
  const text = '同志们:今天我们召开全县教育工作会议,总结过去一年的工作。';
  const bytes = iconv.encode(text, 'gb18030');

  it('the right decoding is the likeliest and reads as Chinese', () => {
    const right = logLikelihood(iconv.decode(bytes, 'gb18030'));
    for (const wrong of ['big5', 'utf16le', 'utf16be', 'utf8', 'latin1']) expect(logLikelihood(iconv.decode(bytes, wrong))).toBeLessThan(right);
    expect(chineseness(text)).toBeGreaterThan(0.95);
    expect(commonHanShare(kindCounts(text))).toBe(1);
  });

  it('mojibake does not read as Chinese', () => {
    const mojibake = iconv.decode(Buffer.from(text), 'gb18030');
    expect(commonHanShare(kindCounts(mojibake))).toBeLessThan(0.6);
    expect(chineseness(iconv.decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'gb18030'))).toBeLessThan(0.5);
  });
});
