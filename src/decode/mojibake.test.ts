import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encode, encodableText, readSeeds, samples } from '../../bench/samples.js';
import { decodeBytes, decodeWarnings } from './decode.js';
import { repairMojibake } from './mojibake.js';

const seeds = readSeeds();
const simplified = seeds.filter((s) => !s.traditional);
const traditional = seeds.filter((s) => s.traditional);

/** What a GBK reader makes of UTF-8 text: iconv-lite turns a lone byte into U+FFFD, Windows into `?`. */
const readAsGbk = (text: string) => iconv.decode(Buffer.from(text), 'gb18030');

/** Positions where `repaired` differs from `original`: U+FFFD left in a hole, or a wrong guess. */
function differences(repaired: string, original: string) {
  expect(repaired.length).toBe(original.length);
  let lost = 0;
  let wrong = 0;
  for (let i = 0; i < original.length; i++) {
    if (repaired[i] === original[i]) continue;
    if (repaired[i] === '\ufffd') lost++;
    else wrong++;
  }
  return { lost, wrong };
}

describe('UTF-8 read as GBK', () => {
  it('turns 鍙樺法 back into 变巨 inside a sentence', () => {
    const original = '变巨的变化了,人民生活水平显著提高,经济社会全面发展';
    const mojibake = readAsGbk(original);
    expect(mojibake.startsWith('鍙樺法')).toBe(true);
    expect(mojibake).not.toContain('\ufffd'); // no byte fell alone, so none is lost
    expect(repairMojibake(mojibake)).toMatchObject({ kind: 'utf8-read-as-gbk', text: original, lost: 0, kept: 0 });
  });

  it.each(seeds.map((s) => [s.name, s] as const))('seed %s: every character comes back or is marked lost', (_name, seed) => {
    for (const mojibake of [readAsGbk(seed.text), readAsGbk(seed.text).replace(/\ufffd/g, '?')]) {
      const repair = repairMojibake(mojibake)!;
      expect(repair.kind).toBe('utf8-read-as-gbk');
      expect(repair.kept).toBe(0);
      const { lost, wrong } = differences(repair.text, seed.text);
      expect(lost).toBe(repair.lost);
      // Characters that lost their last byte are restored only when the page settles which they were.
      expect(wrong).toBeLessThanOrEqual(Math.ceil(0.05 * repair.restored));
    }
  });

  it('full-width punctuation keeps runs long: when no byte fell alone, the repair is exact', () => {
    const original = '同志们：今天我们召开全县教育工作会议，总结过去一年的工作，部署今年的任务';
    const mojibake = readAsGbk(original);
    expect(mojibake).not.toContain('\ufffd');
    expect(repairMojibake(mojibake)).toMatchObject({ text: original, lost: 0, restored: 0 });
  });
});

describe('bytes read as Latin-1', () => {
  it.each(simplified.map((s) => [s.name, s] as const))('seed %s in GBK read as Latin-1 comes back exactly', (_name, seed) => {
    const text = encodableText(seed.text, 'GBK');
    expect(repairMojibake(encode(text, 'GBK').toString('latin1'))).toMatchObject({ kind: 'gbk-read-as-latin1', text, lost: 0 });
  });

  it.each(traditional.map((s) => [s.name, s] as const))('traditional seed %s in Big5 read as Latin-1 comes back exactly', (_name, seed) => {
    const text = encodableText(seed.text, 'Big5');
    expect(repairMojibake(encode(text, 'Big5').toString('latin1'))).toMatchObject({ kind: 'big5-read-as-latin1', text });
  });

  it('UTF-8 read as cp1252 (ä¸­å›½ for 中国) comes back exactly', () => {
    const text = simplified[0]!.text;
    const mojibake = Buffer.from(text).toString('latin1').replace(/\u0080/g, '€');
    expect(repairMojibake(mojibake)).toMatchObject({ kind: 'utf8-read-as-latin1', text });
  });
});

describe('clean text is left alone', () => {
  it.each(seeds.map((s) => [s.name, s] as const))('seed %s', (_name, seed) => {
    expect(repairMojibake(seed.text)).toBeNull();
  });

  it.each(samples().map((s) => [s.seed, s.encoding, s] as const))('seed %s decoded from %s', (_name, _encoding, sample) => {
    expect(decodeBytes(sample.bytes).repair).toBeNull();
  });

  it('traditional text without its pinyin, and converted line by line to Big5 and back', () => {
    for (const seed of traditional) {
      const text = encodableText(seed.text, 'Big5');
      expect(repairMojibake(text)).toBeNull();
      expect(repairMojibake(text.replace(/\([a-zü\u00e0-\u01dc]+\)/g, ''))).toBeNull();
    }
  });

  it('look-alikes: Latin-1 prose, rare characters, ××× placeholders, a few mojibake-like characters', () => {
    expect(repairMojibake('Café au lait, crème brûlée, naïve façade — déjà vu.')).toBeNull();
    expect(repairMojibake('×××同志:20××年,气温 25°C,增长 3½ 倍。')).toBeNull();
    expect(repairMojibake('龘靐齉爩鱻麤龗灪吁龖厵滟爨癵籱饢驫鲡鹂鸾麣')).toBeNull();
    expect(repairMojibake('姓名:鍙樺法')).toBeNull(); // too little to tell
    expect(repairMojibake('ÎÒÃÇ')).toBeNull(); // 我们 as Latin-1: two characters are not enough
  });
});

describe('decodeBytes repairs mojibake pages and says so', () => {
  const seed = simplified[0]!;

  it('a UTF-8 file holding UTF-8-read-as-GBK text', () => {
    const decoded = decodeBytes(Buffer.from(readAsGbk(seed.text)));
    expect(decoded.encoding).toBe('UTF-8');
    expect(decoded.repair?.kind).toBe('utf8-read-as-gbk');
    expect(differences(decoded.text, seed.text).wrong).toBeLessThanOrEqual(Math.ceil(0.05 * decoded.repair!.restored));
    const [warning] = decodeWarnings(decoded);
    expect(warning?.rule).toBe('decode/mojibake');
    expect(warning?.message).toMatch(/UTF-8 bytes read as GBK.*lost a byte/);
  });

  it.each([
    ['GBK read as Latin-1', 'gbk-read-as-latin1', (t: string) => encode(encodableText(t, 'GBK'), 'GBK').toString('latin1')],
    ['UTF-8 read as Latin-1', 'utf8-read-as-latin1', (t: string) => Buffer.from(t).toString('latin1')],
  ] as const)('%s, saved as UTF-8 (which also reads as plausible GBK)', (_name, kind, spoil) => {
    const decoded = decodeBytes(Buffer.from(spoil(seed.text)));
    expect(decoded).toMatchObject({ encoding: 'UTF-8', repair: { kind } });
    expect(decoded.text).toBe(kind === 'gbk-read-as-latin1' ? encodableText(seed.text, 'GBK') : seed.text);
  });

  it('not when the encoding is forced', () => {
    expect(decodeBytes(Buffer.from(readAsGbk(seed.text)), { encoding: 'utf-8' }).repair).toBeNull();
  });
});
