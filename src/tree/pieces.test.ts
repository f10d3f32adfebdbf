/**
 * Piece lookups (binary searches over piece offsets) against their definition (a walk from the first piece), on
 * paragraphs made of aligned, converted and replaced pieces; and the paragraph text cache, which must follow
 * every edit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildParagraph } from './build.js';
import { editParagraph, leavesOf, joinParagraphs, piecesOf, slicePieces, sourceRangeOf, splitParagraph, textOf } from './edit.js';
import { locator } from './locate.js';
import type { Piece } from './types.js';

const SOURCE = '同志们:今天,我们召开会议。会(huì)议在北京召开!大家好 谢谢。'.repeat(3);
const toPoint = locator(SOURCE);

/** Consecutive pieces over SOURCE: kept slices, same-length conversions, replacements of any length. */
const pieces = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('kept', 'converted', 'replaced'), fc.constantFrom('', 'X', '替换文字')), { minLength: 1, maxLength: 12 })
  .map((specs) => {
    const out: Piece[] = [];
    let at = 0;
    for (const [length, kind, text] of specs) {
      const end = Math.min(SOURCE.length, at + length);
      if (end <= at) break;
      const slice = SOURCE.slice(at, end);
      if (kind === 'kept') out.push({ value: slice, start: at, end });
      else if (kind === 'converted') out.push({ value: slice.replace(/./g, '變'), start: at, end, origin: 'converted' });
      else if (text) out.push({ value: text, start: at, end, origin: 'replaced' });
      at = end;
    }
    return out.length ? out : [{ value: SOURCE.slice(0, 3), start: 0, end: 3 }];
  });

/** The definition: walk the pieces from the first, as offsets in their concatenated text. */
function sliceByWalk(list: readonly Piece[], from: number, to: number): string {
  return list.map((p) => p.value).join('').slice(from, to);
}

function sourceAtByWalk(list: readonly Piece[], at: number, side: 'start' | 'end'): number {
  let offset = 0;
  for (const p of list) {
    const len = p.value.length;
    if (side === 'start' ? at >= offset && at < offset + len : at > offset && at <= offset + len) {
      if (p.value.length === p.end - p.start) return p.start + (at - offset);
      return side === 'start' ? p.start : p.end;
    }
    offset += len;
  }
  return side === 'start' ? list[list.length - 1]!.end : list[0]!.start;
}

const range = (list: readonly Piece[]) =>
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => {
    const length = list.reduce((n, p) => n + p.value.length, 0);
    const from = a % (length + 1);
    return [from, from + (b % (length - from + 1))] as const;
  });

describe('piece lookups', () => {
  it('slice the same text as the definition', () => {
    fc.assert(
      fc.property(pieces.chain((list) => fc.tuple(fc.constant(list), range(list))), ([list, [from, to]]) => {
        expect(slicePieces(list, from, to).map((p) => p.value).join('')).toBe(sliceByWalk(list, from, to));
      }),
      { numRuns: 1000 },
    );
  });

  it('map text offsets to the same source range as the definition', () => {
    fc.assert(
      fc.property(pieces.chain((list) => fc.tuple(fc.constant(list), range(list))), ([list, [from, to]]) => {
        const start = sourceAtByWalk(list, from, 'start');
        const end = from === to ? start : sourceAtByWalk(list, to, 'end');
        expect(sourceRangeOf(list, from, to)).toEqual({ start, end: Math.max(start, end) });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('editParagraph with many edits', () => {
  it('gives the text of the edits applied to the string, and reports each against the text it replaced', () => {
    const edits = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', '之', '改写')), { maxLength: 30 });
    fc.assert(
      fc.property(pieces, edits, (list, raw) => {
        const paragraph = buildParagraph(list, toPoint);
        const before = textOf(paragraph);
        // Non-overlapping edits from raw offsets, in text order.
        const chosen: { start: number; end: number; text: string }[] = [];
        let cursor = 0;
        for (const [gap, length, text] of raw) {
          const start = cursor + (gap % 4);
          const end = Math.min(before.length, start + length);
          if (start > before.length) break;
          chosen.push({ start, end, text });
          cursor = end + (end === start ? 1 : 0);
        }
        const applied = editParagraph(paragraph, [...chosen].reverse(), toPoint);
        let expected = '';
        let at = 0;
        for (const e of chosen) {
          expected += before.slice(at, e.start) + e.text;
          at = e.end;
        }
        expected += before.slice(at);
        expect(textOf(paragraph)).toBe(expected);
        expect(leavesOf(paragraph).map((l) => l.value).join('')).toBe(expected);
        expect(applied.map((a) => a.before)).toEqual(chosen.map((e) => before.slice(e.start, e.end)));
        for (const a of applied) expect(a.start).toBeLessThanOrEqual(a.end);
      }),
      { numRuns: 500 },
    );
  });
});

describe('paragraph text cache', () => {
  it('follows edits, splits and joins', () => {
    const a = buildParagraph([{ value: SOURCE.slice(0, 13), start: 0, end: 13 }], toPoint);
    const b = buildParagraph([{ value: SOURCE.slice(13, 30), start: 13, end: 30 }], toPoint);
    expect(textOf(a)).toBe(SOURCE.slice(0, 13));
    editParagraph(a, [{ start: 0, end: 3, text: '各位' }], toPoint);
    expect(textOf(a)).toBe(`各位${SOURCE.slice(3, 13)}`);
    joinParagraphs(a, b, toPoint);
    expect(textOf(a)).toBe(`各位${SOURCE.slice(3, 30)}`);
    const parts = splitParagraph(a, [5], toPoint);
    expect(parts.map((p) => textOf(p))).toEqual([`各位${SOURCE.slice(3, 6)}`, SOURCE.slice(6, 30)]);
    expect(piecesOf(parts[1]!).map((p) => p.value).join('')).toBe(textOf(parts[1]!));
  });
});
