import { describe, expect, it } from 'vitest';
import { textOf } from '../tree/edit.js';
import { lineStarts, locator } from '../tree/locate.js';
import { paragraphsFromLines } from './lines.js';

const lines = (text: string) => paragraphsFromLines(text, locator(text));

describe('plain-text lines', () => {
  it('\\n, \\r\\n and a lone \\r each end a line; ranges exclude the breaks and the indentation', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['同志们：', '\t今天召开会议。', '　　谢谢大家！', ''].join(eol);
      const ps = lines(text);
      expect(ps.map(textOf)).toEqual(['同志们：', '今天召开会议。', '谢谢大家！']);
      for (const p of ps) expect(text.slice(p.position!.start.offset, p.position!.end.offset)).toBe(textOf(p));
      expect(ps.map((p) => p.position!.start.line)).toEqual([1, 2, 3]);
    }
  });

  it('\\r\\n is one break, not a blank line between two', () => {
    expect(lineStarts('a\r\nb\r\n')).toEqual([0, 3, 6]);
    expect(lineStarts('a\rb\nc')).toEqual([0, 2, 4]);
  });

  it('a \\r inside a line of a \\n file still ends the line (it is a break wherever it stands)', () => {
    expect(lines('甲\r乙\n丙').map(textOf)).toEqual(['甲', '乙', '丙']);
  });
});
