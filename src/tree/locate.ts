/**
 * Offset → line/column for the decoded text. Like vfile-location, but remembers the last line it found: the
 * tokenizer asks for offsets in order, so most lookups are O(1) instead of a binary search. Each offset's point is
 * made once and shared by every node that starts or ends there (points are never edited), so rebuilding a
 * paragraph after an edit allocates no new points.
 */
import type { Point } from 'unist';
import type { ToPoint } from './build.js';

export function locator(text: string): ToPoint {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const made: Point[] = [];
  const slot = new Int32Array(text.length + 1); // offset → index in `made` + 1
  let line = 0; // index into starts of the last answer
  return (offset: number): Point => {
    const at = Math.max(0, Math.min(offset, text.length));
    const known = slot[at]!;
    if (known) return made[known - 1]!;
    if (!(starts[line]! <= at && (line + 1 >= starts.length || at < starts[line + 1]!))) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      line = lo;
    }
    const point = { line: line + 1, column: at - starts[line]! + 1, offset: at };
    slot[at] = made.push(point);
    return point;
  };
}
