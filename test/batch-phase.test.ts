/**
 * The batch phase: lines a site repeats on many pages go, near-duplicate speeches across pages point to one copy,
 * and incremental runs leave the same records as a fresh run.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import type { PageRecord } from '../src/record/schema.js';
import { runBatch } from '../src/run/batch.js';
import { SPEECH, page } from './helpers.js';

const CHROME = '小站温馨提示:内容仅供学习交流使用';
const config = resolveConfig({ workers: 0 });

function batch(pages: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'speechclean-phase-'));
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, `${name}.txt`), text);
  const out = join(dir, 'out');
  const run = () => runBatch({ config, inputs: [dir], out });
  const records = () => Object.fromEntries(readdirSync(out).filter((f) => f.endsWith('.json') && !f.startsWith('.')).map((f) => [f, JSON.parse(readFileSync(join(out, f), 'utf8')) as PageRecord]));
  return { dir, out, run, records };
}

const speech = (topic: string) => [`在全县${topic}工作会议上的讲话`, '同志们:', `今天,我们召开全县${topic}工作会议,主要任务是总结去年工作,安排部署今年任务。`, ...SPEECH.slice(2)];

describe('repeated lines', () => {
  it('drops a line most pages of a site repeat, on every page, and only there', async () => {
    const topics = ['教育', '卫生', '交通', '农业'];
    const b = batch(Object.fromEntries(topics.map((t, i) => [`p${i}`, page(...speech(t).slice(0, 4), CHROME, ...speech(t).slice(4))])));
    const result = await b.run();
    expect(result.phase?.recleaned).toBe(4);
    for (const r of Object.values(b.records())) {
      expect(r.speeches.flatMap((s) => s.paragraphs.map((p) => p.text))).not.toContain(CHROME);
      expect(r.changes.some((c) => c.rule === 'boilerplate/repeated' && c.before === CHROME)).toBe(true);
    }
  });
  it('keeps a line only two pages share', async () => {
    const b = batch({ a: page(...speech('教育'), CHROME), b: page(...speech('卫生'), CHROME), c: page(...speech('交通')), d: page(...speech('农业')) });
    expect((await b.run()).phase?.recleaned).toBe(0);
  });
});

describe('duplicates across pages', () => {
  it('points the less complete copy to the complete one, and re-runs change nothing', async () => {
    const full = speech('教育');
    const b = batch({ a: page(...full.slice(0, -1)), b: page(...full), c: page(...speech('卫生').slice(0, 3), '要坚持以人民为中心,办好人民满意的卫生健康事业,守护好人民群众的生命健康。') });
    const first = await b.run();
    const records = b.records();
    const [a, bb] = [records['a.json']!.speeches[0]!, records['b.json']!.speeches[0]!];
    expect(a.duplicateOf).toBe(bb.id);
    expect(bb.duplicateOf).toBeNull();
    expect(records['c.json']!.speeches[0]!.duplicateOf).toBeNull();
    expect(first.phase?.crossPageDuplicates).toBe(1);

    const again = await b.run();
    expect(again.skipped).toBe(3);
    expect(again.phase).toMatchObject({ recleaned: 0, relinked: 0 });
    expect(b.records()).toEqual(records);
  });
  it('gives the same records to an incremental run as to a fresh one', async () => {
    const b = batch({ a: page(...speech('教育').slice(0, -1)), b: page(...speech('卫生')) });
    await b.run();
    writeFileSync(join(b.dir, 'b.txt'), page(...speech('教育')));
    await b.run();
    const incremental = b.records();
    const fresh = batch({ a: page(...speech('教育').slice(0, -1)), b: page(...speech('教育')) });
    await fresh.run();
    const strip = (rs: Record<string, PageRecord>) => Object.values(rs).map((r) => ({ ...r, source: { ...r.source, path: '' } }));
    expect(strip(incremental)).toEqual(strip(fresh.records()));
  });
});
