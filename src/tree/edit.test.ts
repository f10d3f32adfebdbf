/**
 * Paragraph edits keep provenance: after any sequence of edits, every piece of text that was not replaced still
 * equals the source slice it points to, and new text points at the range it replaced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildParagraph } from './build.js';
import { type Edit, editParagraph, joinParagraphs, piecesOf, splitParagraph, textOf } from './edit.js';
import { locator } from './locate.js';

function paragraphOf(source: string) {
  const toPoint = locator(source);
  return { toPoint, paragraph: buildParagraph([{ value: source, start: 0, end: source.length }], toPoint) };
}

function expectTraceable(source: string, paragraph: ReturnType<typeof paragraphOf>['paragraph']) {
  for (const piece of piecesOf(paragraph)) {
    if (!piece.origin) expect(piece.value).toBe(source.slice(piece.start, piece.end));
    expect(piece.start).toBeLessThanOrEqual(piece.end);
    expect(piece.end).toBeLessThanOrEqual(source.length);
  }
}

describe('tokenizer', () => {
  it('ends sentences at Chinese full stops, question and exclamation marks', () => {
    const { paragraph } = paragraphOf('今天开会。大家好吗?好!“很好。”然后');
    expect(paragraph.children.map((s) => textOf(s))).toEqual(['今天开会。', '大家好吗?', '好!', '“很好。”', '然后']);
  });
  it('keeps exact positions for every word', () => {
    const source = '第一行\n同志们, 今天开会。';
    const toPoint = locator(source);
    const paragraph = buildParagraph([{ value: '同志们, 今天开会。', start: 4, end: source.length }], toPoint);
    const word = paragraph.children[0]!.children[0]!;
    expect(word.position).toEqual({ start: { line: 2, column: 1, offset: 4 }, end: { line: 2, column: 4, offset: 7 } });
  });
});

describe('edits', () => {
  it('deletes and replaces with source ranges', () => {
    const source = '会(huì)议在北京召开。';
    const { paragraph, toPoint } = paragraphOf(source);
    const applied = editParagraph(paragraph, [{ start: 1, end: 6, text: '' }, { start: 10, end: 12, text: '举行' }], toPoint);
    expect(textOf(paragraph)).toBe('会议在北京举行。');
    expect(applied).toEqual([
      { start: 1, end: 6, before: '(huì)', after: '' },
      { start: 10, end: 12, before: '召开', after: '举行' },
    ]);
    expectTraceable(source, paragraph);
  });
  it('merges converted runs with the kept text beside them into one piece, with the same source offsets', () => {
    const source = '我們要認真學習。';
    const { paragraph, toPoint } = paragraphOf(source);
    const edits = [{ start: 1, end: 2, text: '们' }, { start: 3, end: 4, text: '认' }, { start: 5, end: 7, text: '学习' }];
    const applied = editParagraph(paragraph, edits, toPoint, 'converted');
    expect(textOf(paragraph)).toBe('我们要认真学习。');
    expect(piecesOf(paragraph)).toEqual([{ value: '我们要认真学习。', start: 0, end: 8, origin: 'converted' }]);
    expect(applied.map((a) => [a.start, a.end])).toEqual([[1, 2], [3, 4], [5, 7]]);
  });
  it('splits and joins without losing positions', () => {
    const source = '同志们:今天开会。下面讲三点。';
    const { paragraph, toPoint } = paragraphOf(source);
    const [a, b] = splitParagraph(paragraph, [4], toPoint);
    expect([textOf(a!), textOf(b!)]).toEqual(['同志们:', '今天开会。下面讲三点。']);
    expect(b!.position!.start.offset).toBe(4);
    joinParagraphs(a!, b!, toPoint);
    expect(textOf(a!)).toBe(source);
    expectTraceable(source, a!);
  });
  it('keeps every unreplaced character traceable under any sequence of edits (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'会议在北京召开。同志们,(huì) ab12'), minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('', '举', '会议', '。')), { maxLength: 6 }), (source, raw) => {
        const { paragraph, toPoint } = paragraphOf(source);
        for (const [a, b, t] of raw) {
          const len = textOf(paragraph).length;
          if (!len) break;
          const start = a % len;
          const end = Math.min(len, start + (b % 4));
          const edit: Edit = { start, end, text: t };
          const before = textOf(paragraph);
          editParagraph(paragraph, [edit], toPoint);
          expect(textOf(paragraph)).toBe(before.slice(0, start) + t + before.slice(end));
          expectTraceable(source, paragraph);
        }
      }),
      { numRuns: 300 },
    );
  });
});
