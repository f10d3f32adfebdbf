/**
 * Offset → line/column for the decoded text. Like vfile-location, but remembers the last line it found: the
 * tokenizer asks for offsets in order, so most lookups are O(1) instead of a binary search. Each offset's point is
 * made once and shared by every node that starts or ends there (points are never edited), so rebuilding a
 * paragraph after an edit allocates no new points.
 */
import type { Point } from 'unist';
import type { ToPoint } from './build.js';

const LINE_BREAK = /\r\n?|\n/g;

/**
 * Offsets where each line starts: after every `\n`, `\r\n` and lone `\r` (old Mac files end lines with it alone),
 * so a text ending in a line break has an empty last line.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

export function locator(text: string): ToPoint {
  const starts = lineStarts(text);
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
