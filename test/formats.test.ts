/**
 * Pages in the layouts and encodings the seeds lack (HTML with site chrome, tables, <br> and <div> lines, a forum
 * post, text laid out in lines inside a page shell; GBK with and without a declaration or with a wrong one, Big5,
 * UTF-16 with and without BOM, UTF-8 BOM, CRLF and lone-CR lines), served as bytes from readable sources, checked
 * against their expectations in fixtures/formats/gold/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { cleanFile, createProcessor, decodePage } from '../src/pipeline.js';
import type { PageRecord } from '../src/record/schema.js';
import { FORMAT_PAGES, FORMATS_DIR, pageBytes } from './fixtures/formats/pages.js';
import { kept } from './helpers.js';

interface GoldSpeech {
  title: string;
  salutation: string | null;
  first: string;
  last: string;
  closing: string | null;
}
interface Gold {
  encoding: string;
  script: string;
  pageTitle: string;
  publishedAt?: string;
  speeches: GoldSpeech[];
  removed: string[];
}

/** Checks these pages still fail, each for a reason outside the parser (see the report of each). */
const KNOWN_GAPS: Record<string, string[]> = {};

/** Width and whitespace do not matter (either punctuation style passes). */
const fold = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '');

/** Names of the expectations the record misses. */
function misses(record: PageRecord, gold: Gold): string[] {
  const out: string[] = [];
  const miss = (ok: boolean, name: string) => ok || out.push(name);
  miss(fold(record.page.title) === fold(gold.pageTitle), 'page title');
  if (gold.publishedAt) miss((record.page.publishedAt ?? '').startsWith(gold.publishedAt), 'publishedAt');
  const used = new Set<number>();
  gold.speeches.forEach((g, i) => {
    const label = `speech ${i + 1}`;
    const at = record.speeches.findIndex((s, j) => !used.has(j) && fold(s.paragraphs[0]?.text).startsWith(fold(g.first)));
    if (at < 0) return void out.push(`${label} found`);
    used.add(at);
    const s = record.speeches[at]!;
    miss(fold(s.title) === fold(g.title), `${label} title`);
    miss(fold(s.salutation) === fold(g.salutation), `${label} salutation`);
    miss(fold(s.paragraphs.at(-1)?.text).startsWith(fold(g.last)), `${label} last paragraph`);
    miss(fold(s.closing) === fold(g.closing), `${label} closing`);
  });
  miss(used.size === record.speeches.length, 'no spurious speech');
  const text = fold(kept(record).join('\n'));
  for (const junk of gold.removed) miss(!text.includes(fold(junk)), `removed: ${junk}`);
  return out;
}

const config = resolveConfig({ workers: 0 });
const processor = createProcessor(config);

describe.each(FORMAT_PAGES.map((p) => [p.file, p] as const))('%s', (file, page) => {
  const gold = (JSON.parse(readFileSync(join(FORMATS_DIR, 'gold', `${file.replace(/\.[^.]+$/, '')}.gold.json`), 'utf8')) as { expect: Gold }).expect;
  const decoded = decodePage(pageBytes(page), file, config);
  const text = String(decoded.value);
  const record = cleanFile(processor, decoded);

  it(`decodes as ${gold.encoding}, ${gold.script}, in the page's format`, () => {
    expect(record.source).toMatchObject({ encoding: gold.encoding, script: gold.script, format: /\.html?$/.test(file) ? 'html' : 'text' });
  });

  it('meets its expectations (title, date, speeches, chrome left out), known gaps aside', () => {
    expect(misses(record, gold)).toEqual(KNOWN_GAPS[file] ?? []);
  });

  it('points every paragraph into the decoded text', () => {
    for (const p of record.speeches.flatMap((s) => s.paragraphs)) {
      expect(0 <= p.source.start && p.source.start < p.source.end && p.source.end <= text.length).toBe(true);
      for (const [, start, end] of p.source.spans) expect(0 <= start && start <= end && end <= text.length).toBe(true);
    }
    for (const c of record.changes) if (c.source) expect(c.source.end).toBeLessThanOrEqual(text.length);
  });
});
