/**
 * Pages written after the templates of the field catalogue (numbering styles, salutation variants, blurbs glued to
 * body lines, paywalls, member menus, forum chrome and replies, news chrome, doc viewers, traditional script,
 * one-line and sentence-per-line pages, split pages, subtitles, signatures and modesty closings, 【范文N】 headings
 * under a table of contents, a speech printed twice, host scripts in turns, stage directions), each with
 * hand-written expectations in `fixtures/gold/<name>.gold.json`: the speeches (title, salutation, first and last
 * paragraph, closing, the copy a duplicate repeats), the page's title and date, strings that must be gone and
 * strings that must stay.
 * Texts are compared without whitespace and with widths folded, so either punctuation style passes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { kept } from './helpers.js';

interface GoldSpeech {
  title?: string;
  salutation: string | null;
  first: string;
  last: string;
  closing: string | null;
  /** Index of the speech this one copies. */
  duplicateOf?: number;
}
interface Gold {
  input: string;
  expect: {
    script: string;
    pageTitle?: string;
    publishedAt?: string;
    speeches: GoldSpeech[];
    removed: string[];
    contains: string[];
    noParagraph?: string[];
  };
}

const GOLD = join(import.meta.dirname, 'fixtures', 'gold');
const fold = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, '');

describe.each(readdirSync(GOLD).filter((f) => f.endsWith('.gold.json')).sort())('%s', (name) => {
  const gold = JSON.parse(readFileSync(join(GOLD, name), 'utf8')) as Gold;
  const e = gold.expect;
  const input = resolve(GOLD, gold.input);
  const r = clean(readFileSync(input), { path: input });
  const texts = kept(r).map(fold);

  it('page title, date and script', () => {
    expect(r.source.script).toBe(e.script);
    if (e.pageTitle) expect(fold(r.page.title)).toBe(fold(e.pageTitle));
    if (e.publishedAt) expect(r.page.publishedAt ?? '').toMatch(new RegExp(`^${e.publishedAt}`));
  });

  it('finds the speeches, each with its title, salutation, first and last paragraph and closing', () => {
    expect(r.speeches.map((s) => fold(s.paragraphs[0]?.text).slice(0, fold(e.speeches[0]?.first).length))).toHaveLength(e.speeches.length);
    e.speeches.forEach((g, i) => {
      const s = r.speeches[i]!;
      if (g.title) expect(fold(s.title)).toBe(fold(g.title));
      expect(fold(s.salutation)).toBe(fold(g.salutation));
      expect(fold(s.paragraphs[0]?.text).startsWith(fold(g.first)), `speech ${i + 1} first: ${s.paragraphs[0]?.text}`).toBe(true);
      expect(fold(s.paragraphs.at(-1)?.text).startsWith(fold(g.last)), `speech ${i + 1} last: ${s.paragraphs.at(-1)?.text}`).toBe(true);
      expect(fold(s.closing)).toBe(fold(g.closing));
      if (g.duplicateOf !== undefined) expect(s.duplicateOf, `speech ${i + 1} duplicate`).toBe(r.speeches[g.duplicateOf]!.id);
    });
  });

  it('removes the boilerplate and keeps the body that looks like it', () => {
    for (const junk of e.removed) expect(texts.find((t) => t.includes(fold(junk))), junk).toBeUndefined();
    for (const body of e.contains) expect(texts.some((t) => t.includes(fold(body))), body).toBe(true);
    for (const stray of e.noParagraph ?? []) expect(texts, stray).not.toContain(fold(stray));
  });
});
