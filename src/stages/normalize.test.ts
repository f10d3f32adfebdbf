/** Normalisation: character-level repairs that never change what the text says. */
import { describe, expect, it } from 'vitest';
import { clean } from '../index.js';

/** The text of a one-paragraph page after cleaning. */
function normalized(line: string, punctuation: 'keep' | 'fullwidth' = 'keep'): string {
  const record = clean(line, { config: punctuation === 'keep' ? undefined : FULLWIDTH });
  return record.speeches.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n');
}
const FULLWIDTH = { normalize: { punctuation: 'fullwidth' as const } };

describe('pinyin annotations', () => {
  it('removes tone-marked pinyin after a Han character', () => {
    expect(normalized('今天召開會(huì)議,研究部署領(lǐng)導(dǎo)班子建設(shè)工作。')).toBe('今天召开会议,研究部署领导班子建设工作。');
  });
  it.each(['(一)加强组织领导,确保各项工作落到实处。', '由县(市)政府统一组织实施,确保工作落实。', '《管理辦法(試行)》已經印發,請認真執行。', '要按照(2019年3月5日)文件要求执行。'])('keeps %s', (line) => {
    expect(normalized(line)).toContain(line.includes('試') ? '(试行)' : line.slice(0, 6));
  });
  it('keeps a parenthesised English word', () => {
    expect(normalized('推进人工智能(AI)在教育中的应用。')).toBe('推进人工智能(AI)在教育中的应用。');
  });
});

describe('spaces and invisible characters', () => {
  it('removes zero-width and control characters', () => {
    expect(normalized('教育\u200b工作\u0007会议要认真落实。')).toBe('教育工作会议要认真落实。');
  });
  it('removes layout spaces between Chinese characters and around numbers', () => {
    expect(normalized('全 县\u3000教育\u00a0工作 会议于 4 月 16日 召开。')).toBe('全县教育工作会议于4月16日召开。');
  });
  it('keeps the space between Latin words', () => {
    expect(normalized('要学习 Project Based Learning 的方法。')).toBe('要学习 Project Based Learning 的方法。');
  });
});

describe('marks and markup', () => {
  it('collapses stray doubled marks', () => {
    expect(normalized('要维护稳定环境。。逐一破题:。下面讲三点,,意见。')).toBe('要维护稳定环境。逐一破题:下面讲三点,意见。');
  });
  it('keeps ellipses, dashes and repeated exclamation marks', () => {
    expect(normalized('我们要——坚持到底……加油!!')).toBe('我们要——坚持到底……加油!!');
  });
  it('strips leftover tags and entities', () => {
    expect(normalized('<p class="ql-block">同学们要努力学习&nbsp;天天向上。</p>')).toBe('同学们要努力学习天天向上。');
  });
});

describe('punctuation policy', () => {
  it('keeps punctuation as found by default', () => {
    expect(normalized('决赛在09:10:05开始,比分5.1:4.9!')).toBe('决赛在09:10:05开始,比分5.1:4.9!');
  });
  it('makes ASCII marks inside Chinese text full-width, but not in numbers, times or Latin text', () => {
    expect(normalized('会议指出,比分是5.1:4.9;时间为09:10:05(北京时间)!Hello, world', 'fullwidth')).toBe('会议指出，比分是5.1:4.9；时间为09:10:05（北京时间）！Hello, world');
  });
});
