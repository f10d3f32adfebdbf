/** What a reader sees in a raw page and a record, computed without the diff module (tests check it against this). */
import type { PageRecord } from '../src/record/schema.js';

/** The page's lines as a reader counts them (a final line break ends the last line, it does not start one). */
export function rawLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * 1-based numbers of the lines with text that no paragraph span or speech part covers: the dropped lines. A part
 * covers its range, or only where its text stands verbatim in the range when it does.
 */
export function uncoveredLines(record: PageRecord, text: string): number[] {
  const covered = new Uint8Array(text.length);
  const cover = (value: string | null | undefined, range: { start: number; end: number } | null) => {
    if (!range) return;
    const at = value ? text.slice(range.start, range.end).indexOf(value) : -1;
    if (at >= 0) covered.fill(1, range.start + at, range.start + at + value!.length);
    else covered.fill(1, range.start, range.end);
  };
  for (const s of record.speeches) {
    for (const p of s.paragraphs) for (const [, a, b] of p.source.spans) covered.fill(1, a, b);
    cover(s.title, s.parts.title);
    cover(s.salutation, s.parts.salutation);
    cover(s.closing, s.parts.closing);
    s.parts.preamble.forEach((range, i) => cover(s.preamble[i], range));
    s.parts.signature.forEach((range, i) => cover(s.signature[i], range));
  }
  const out: number[] = [];
  let offset = 0;
  rawLines(text).forEach((line, i) => {
    const hit = [...line].some((ch, j) => ch.trim() !== '' && covered[offset + j]);
    if (line.trim() && !hit) out.push(i + 1);
    offset += line.length + 1;
  });
  return out;
}
