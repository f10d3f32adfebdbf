/**
 * The five sample pages end to end: structure, boilerplate gone, provenance exact, output deterministic, and
 * cleaning the cleaned text again changes nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean, resolveConfig } from '../src/index.js';
import type { PageRecord } from '../src/index.js';
import { keptText } from './helpers.js';

const SEEDS = join(import.meta.dirname, '..', 'seeds');
const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const config = resolveConfig();
const records = new Map<string, { bytes: Buffer; record: PageRecord }>();
for (const f of files) {
  const bytes = readFileSync(join(SEEDS, f));
  records.set(f.slice(0, 3), { bytes, record: clean(bytes, { path: `seeds/${f}`, config }) });
}
const seed = (id: string) => records.get(id)!.record;

describe('seed pages', () => {
  it('000: three speeches under 篇N headings, site chrome gone', () => {
    const r = seed('000');
    expect(r.speeches.map((s) => s.title)).toEqual(Array(3).fill('2023年局长会议讲话稿'));
    expect(r.speeches.map((s) => s.salutation)).toEqual(['同志们:', '同志们:', '同志们:']);
    expect(r.speeches[2]!.closing).toBe('谢谢大家。');
    expect(r.page.site).toBe('天天范文');
    for (const junk of ['天天范文', '位置:首页', '发言稿2.02W', '(通用3篇)', '篇1']) expect(keptText(r)).not.toContain(junk);
  });

  it('001: five speeches, blurbs gone with their titles kept as candidates, footer gone', () => {
    const r = seed('001');
    expect(r.speeches).toHaveLength(5);
    expect(r.page).toMatchObject({ publishedAt: '2022-08-30T09:10:05', site: '百纳范文网', declaredCount: 5 });
    expect(r.speeches[0]!.titleCandidates).toContain('县委书记在2022年全县义务教育工作会议上的发言稿');
    expect(r.speeches[1]!.salutation).toBe('各位校长、园长、同志们:');
    expect(r.speeches[2]!.salutation).toBeNull();
    for (const junk of ['小编', '希望大家喜欢', '推荐访问', 'Copyright', '备案号', '当前位置']) expect(keptText(r)).not.toContain(junk);
  });

  it('002: sections with several speeches each, duplicates pointing to one copy, related list gone', () => {
    const r = seed('002');
    expect(r.page).toMatchObject({ publishedAt: '2023-10-19T18:50:04', author: '文锋', declaredCount: 14 });
    expect(r.speeches.length).toBeGreaterThanOrEqual(18);
    const dup = r.speeches.filter((s) => s.duplicateOf);
    expect(dup.length).toBeGreaterThanOrEqual(2);
    const canonical = new Set(dup.map((s) => s.duplicateOf));
    expect(canonical.size).toBe(1);
    for (const junk of ['相关范文推荐', '猜你喜欢', '页,当前第', '下面是小编', '以下是为大家整理的', '【精选】']) expect(keptText(r)).not.toContain(junk);
    expect(r.warnings.some((w) => w.rule === 'segment/count-mismatch')).toBe(true);
  });

  it('003: traditional page converted, pinyin gone, 着/著 right, spam and related list gone', () => {
    const r = seed('003');
    expect(r.source.script).toBe('traditional');
    expect(r.speeches).toHaveLength(3);
    const text = keptText(r);
    for (const want of ['着力维护教育系统', '随着教育财政投入', '显著的效果', '著录']) expect(text).toContain(want);
    for (const junk of ['(huì)', '會', '們', '无码', '相关文章']) expect(text).not.toContain(junk);
    expect(r.speeches[0]!.closing).toBe('再次谢谢同志们!');
  });

  it('004: document-viewer chrome gone', () => {
    const text = keptText(seed('004'));
    for (const junk of ['申明敬告', '文档介绍', '查看更多', '您可能关注的文档']) expect(text).not.toContain(junk);
  });
});

describe('provenance', () => {
  it.each(files.map((f) => f.slice(0, 3)))('%s: every kept character traces to its source', (id) => {
    const { record } = records.get(id)!;
    const source = readFileSync(join(SEEDS, files.find((f) => f.startsWith(id))!), 'utf8');
    const converted = record.changes.filter((c) => c.kind === 'convert' || c.kind === 'replace' || c.kind === 'delete');
    for (const s of record.speeches) {
      for (const p of s.paragraphs) {
        const spans = p.source.spans;
        spans.forEach(([out, start, end], i) => {
          const next = spans[i + 1]?.[0] ?? p.text.length;
          const piece = p.text.slice(out, next);
          if (piece === source.slice(start, end)) return;
          // Anything else must lie inside a logged change: a span of equal lengths maps character by character,
          // so each of its characters that differs from the source, any other span as a whole.
          const logged = (a: number, b: number) => converted.some((c) => c.source.start <= a && b <= c.source.end);
          if (piece.length !== end - start) expect(logged(start, end), `${piece} @${start}`).toBe(true);
          else for (let k = 0; k < piece.length; k++) if (piece[k] !== source[start + k]) expect(logged(start + k, start + k + 1), `${piece[k]} @${start + k}`).toBe(true);
        });
      }
    }
  });

  it('logs every drop with its rule, stage and source range', () => {
    for (const { record } of records.values()) {
      for (const c of record.changes) {
        expect(c.rule).toMatch(/^[a-z-]+\/[a-z0-9-]+$/);
        expect(c.source.end).toBeGreaterThanOrEqual(c.source.start);
        if (c.kind === 'drop') expect(c.before.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('determinism and idempotence', () => {
  it.each(files.map((f) => f.slice(0, 3)))('%s: same input and config give byte-identical JSON', (id) => {
    const { bytes, record } = records.get(id)!;
    const again = clean(bytes, { path: record.source.path, config: resolveConfig() });
    expect(JSON.stringify(again)).toBe(JSON.stringify(record));
  });

  it.each(files.map((f) => f.slice(0, 3)))('%s: cleaning the cleaned text changes nothing', (id) => {
    const { record } = records.get(id)!;
    const lines = [record.page.title ?? '', ...record.speeches.flatMap((s) => [s.title ?? '', ...s.preamble, s.salutation ?? '', ...s.paragraphs.map((p) => p.text), s.closing ?? ''])].filter(Boolean);
    const again = clean(lines.join('\n\n'), { path: 'clean.txt', config });
    const shape = (r: PageRecord) => r.speeches.map((s) => [s.title, s.salutation, s.closing, ...s.paragraphs.map((p) => p.text)]);
    expect(shape(again)).toEqual(shape(record));
    expect(again.changes.filter((c) => c.rule !== 'boilerplate/page-title')).toEqual([]);
  });
});
