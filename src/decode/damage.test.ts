import iconv from 'iconv-lite';
import { polyphonic } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { findDamage, PageModel, type DamageSpan } from './damage.js';

/** Sentences of our own, in traditional script: clean input to damage. */
const SENTENCES = [
  '我們今年將繼續推進學校的建設工作。',
  '這項計劃在各個縣區都取得了明顯進展。',
  '會議認為教師隊伍的穩定關係到發展全局。',
  '他們說這種辦法已經過時了，需要認真研究。',
  '各級領導幹部要帶頭學習，聯繫實際開展調查。',
];

const gbk = (text: string) => iconv.encode(text, 'gbk');
const reading = (ch: string) => polyphonic(ch, { type: 'array' })[0]![0]!;
/** Sites annotate with tone marks (a neutral-tone reading such as 的 de is never inserted). */
const toned = (ch: string) => /\p{Script=Han}/u.test(ch) && /[\u00e0-\u01dc]/.test(reading(ch));

function replaceAll(buffer: Buffer, key: Buffer, by: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = buffer.indexOf(key); at >= 0; at = buffer.indexOf(key, at + key.length)) {
    parts.push(buffer.subarray(from, at), by);
    from = at + key.length;
  }
  parts.push(buffer.subarray(from));
  return Buffer.concat(parts);
}

type Decoder = 'replacement' | 'question';

/**
 * What the site did: find-and-replace on the GBK bytes, key after key, then decode. `replacement` is iconv-lite
 * (U+FFFD, the ASCII byte after it kept); `question` a converter that writes `?` and drops a `(` after a bad byte.
 */
function siteDamage(text: string, replacements: [Buffer, Buffer][], decoder: Decoder): string {
  let bytes = gbk(text);
  for (const [key, by] of replacements) bytes = replaceAll(bytes, key, by);
  const decoded = iconv.decode(bytes, 'gbk');
  return decoder === 'replacement' ? decoded : decoded.replace(/\ufffd\(?/g, (m) => (m === '\ufffd(' ? '?' : '?'));
}

const annotate = (ch: string): [Buffer, Buffer] => [gbk(ch), Buffer.concat([gbk(ch), gbk(`(${reading(ch)})`)])];

function sameExceptUnknown(out: string, expected: string): boolean {
  return out.length === expected.length && [...out].every((ch, i) => ch === expected[i] || ch === '?');
}

function apply(text: string, spans: readonly DamageSpan[]): string {
  let out = text;
  for (const s of [...spans].reverse()) if (s.after !== null) out = out.slice(0, s.start) + s.after + out.slice(s.end);
  return out;
}

const count = (buffer: Buffer, key: Buffer) => {
  let n = 0;
  for (let at = buffer.indexOf(key); at >= 0; at = buffer.indexOf(key, at + 1)) n++;
  return n;
};

interface Case {
  damaged: string;
  expected: string;
  key: string;
}

/**
 * Every place in the sentences where two neighbours' bytes spell a third character K: the site annotates K (which
 * also matches there) and a later character L of the sentence (a real annotation that ends the run out of phase).
 * Expected: the sentence with only L annotated.
 */
function straddleCases(decoder: Decoder): Case[] {
  const cases: Case[] = [];
  for (const sentence of SENTENCES) {
    const chars = [...sentence];
    const bytes = gbk(sentence);
    for (let i = 0; i + 2 < chars.length; i++) {
      const a = gbk(chars[i]!);
      const b = gbk(chars[i + 1]!);
      if (a.length !== 2 || b.length !== 2 || a[1]! < 0x81) continue;
      const key = iconv.decode(Buffer.from([a[1]!, b[0]!]), 'gbk');
      if (!toned(key) || sentence.includes(key) || count(bytes, gbk(key)) !== 1) continue;
      const later = chars.slice(i + 2).find((c) => toned(c) && count(bytes, gbk(c)) === count(Buffer.from(sentence), Buffer.from(c)));
      if (!later) continue;
      const damaged = siteDamage(sentence, [annotate(key), annotate(later)], decoder);
      cases.push({ damaged, expected: sentence.split(later).join(`${later}(${reading(later)})`), key });
    }
  }
  return cases;
}

describe('findDamage: a pinyin key inserted across two characters', () => {
  for (const decoder of ['replacement', 'question'] as const) {
    it(`repairs generated spans without a wrong character (${decoder} decoder)`, () => {
      const cases = straddleCases(decoder);
      expect(cases.length).toBeGreaterThan(20);
      const outcomes = cases.map((c) => {
        const spans = findDamage(c.damaged, new PageModel([...SENTENCES, c.damaged]));
        return { c, out: apply(c.damaged, spans), undetermined: spans.reduce((n, s) => n + s.undetermined, 0) };
      });
      // An undetermined character shows as `?`; every other character must be the original one.
      const wrong = outcomes.filter(({ c, out }) => !sameExceptUnknown(out, c.expected));
      expect(wrong.map(({ c, out }) => `${c.key}: ${c.damaged} → ${out}`)).toEqual([]);
      const exact = outcomes.filter(({ c, out }) => out === c.expected).length;
      expect(exact / cases.length).toBeGreaterThan(0.6);
    });
  }

  it('names the span, its rule and what it repairs to', () => {
    const model = (c: Case) => new PageModel([...SENTENCES, c.damaged]);
    // The first generated case with a single, fully determined span.
    const c = straddleCases('question').find((x) => {
      const spans = findDamage(x.damaged, model(x));
      return spans.length === 1 && spans[0]!.undetermined === 0;
    });
    const spans = findDamage(c!.damaged, model(c!));
    const span = spans[0]!;
    expect(span.rule?.id).toBe('bytes/pinyin-key');
    expect(c!.damaged[span.start]).toBe('?');
    expect(c!.damaged.slice(0, span.start) + span.after + c!.damaged.slice(span.end)).toBe(c!.expected);
  });

  it('removes a key that matched a character and the ASCII byte after it', () => {
    // A character whose trail byte + an ASCII letter spell a GBK character: the site annotated that one too.
    const text = '我們的目標是提高xx學校的水平';
    const bytes = gbk(text);
    const at = text.indexOf('xx');
    const prev = gbk(text[at - 1]!);
    const key = iconv.decode(Buffer.from([prev[1]!, 0x78]), 'gbk');
    expect(count(bytes, gbk(key))).toBe(1);
    const damaged = siteDamage(text, [annotate(key)], 'question');
    expect(damaged).toContain(`x(${reading(key)})x`);
    const spans = findDamage(damaged, new PageModel([damaged]));
    expect(spans.map((s) => s.rule?.id)).toEqual(['bytes/ascii-key']);
    expect(apply(damaged, spans)).toBe(text);
  });
});

describe('findDamage: a full-width mark folded across two characters', () => {
  // `？` is A3 BF: it matches the trail of a character ending in A3 (。常校…) + the lead of one starting with BF.
  const mark: [Buffer, Buffer] = [gbk('？'), Buffer.from('?')];
  const page = ['工作非常可喜，大家非常努力。', '我們非常可以理解。總體來看效果不錯。', '總體上要抓好落實。總體目標已經明確。'];

  it('restores the mark bytes and the lead byte the page decides', () => {
    const text = '大家的進步非常可喜，總體來看是好的。';
    const damaged = siteDamage(text, [mark], 'question');
    expect(damaged).toMatch(/\?\?/);
    const spans = findDamage(damaged, new PageModel([damaged, ...page]));
    expect(spans.map((s) => s.rule?.id)).toEqual(['bytes/mark-key']);
    expect(spans[0]!.undetermined).toBe(0);
    expect(apply(damaged, spans)).toBe(text);
  });

  it('leaves a lost character as ? when nothing on the page decides it', () => {
    const text = '這是高校科研 A';
    const damaged = siteDamage(text, [mark], 'question');
    const spans = findDamage(damaged, new PageModel([damaged]));
    expect(spans).toHaveLength(1);
    expect(spans[0]!.undetermined).toBeGreaterThan(0);
    const out = apply(damaged, spans);
    expect(out).not.toBe(text);
    expect(sameExceptUnknown(out, text)).toBe(true);
  });
});

describe('findDamage: look-alikes stay untouched', () => {
  const clean = [
    'What?? Really?! He said: (a) yes; (b) no.',
    '第(一)條 本辦法自發布之日起施行(試行)。',
    '各縣(市)教育局要認真落實。',
    '會(huì)議認為,教(jiào)師隊伍穩定。',
    '真的嗎??我不信。',
    '問題是什麼?;答案在後面。',
    '2019年投入資金13.6億元,惠及學生290萬人。',
  ];
  for (const text of clean) {
    it(JSON.stringify(text), () => {
      expect(findDamage(text, new PageModel(clean))).toEqual([]);
    });
  }
});

describe('findDamage: damage no reading explains', () => {
  it('reports a private-use character and an orphan annotation, changing nothing', () => {
    const text = `工作\ue0e9目標與x(qū)任務`;
    const spans = findDamage(text, new PageModel([text]));
    expect(spans.map((s) => [s.rule, s.after, text.slice(s.start, s.end)])).toEqual([
      [null, null, '\ue0e9'],
      [null, null, 'x(qū)'],
    ]);
  });
});
