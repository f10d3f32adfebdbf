/**
 * The byte repair on the sample pages: seed 003 carries the GBK damage (pinyin inserted byte-wise), the other seeds
 * none. Counts are spans found, repaired exactly (a change and no warning) and flagged (a warning).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { cleanPage, createProcessor } from '../src/pipeline.js';
import type { PageRecord } from '../src/record/schema.js';

const SEEDS = join(import.meta.dirname, '..', 'seeds');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const config = resolveConfig({});
const full = createProcessor(config);
const clean = (file: string): PageRecord => cleanPage(full, readFileSync(join(SEEDS, file)), file, config);

const bytesChanges = (r: PageRecord) => r.changes.filter((c) => c.stage === 'bytes');
const bytesWarnings = (r: PageRecord) => r.warnings.filter((w) => w.stage === 'bytes');
const body = (r: PageRecord) => r.speeches.flatMap((s) => [s.salutation ?? '', ...s.paragraphs.map((p) => p.text), s.closing ?? '']).join('\n');

describe('bytes stage on the seeds', () => {
  const damagedSeed = seeds.find((f) => f.startsWith('003_'))!;

  for (const file of seeds.filter((f) => f !== damagedSeed)) {
    it(`${file}: no change, no warning`, () => {
      const record = clean(file);
      expect(bytesChanges(record)).toEqual([]);
      expect(bytesWarnings(record)).toEqual([]);
    });
  }

  describe(damagedSeed, () => {
    const record = clean(damagedSeed);
    const changes = bytesChanges(record);
    const warnings = bytesWarnings(record);
    const warned = (start: number) => warnings.some((w) => w.source && w.source.start === start);

    it('finds, repairs and flags the damaged spans', () => {
      const found = changes.length + warnings.filter((w) => !changes.some((c) => c.source.start === w.source?.start)).length;
      const exact = changes.filter((c) => !warned(c.source.start)).length;
      expect({ found, exact, flagged: warnings.length }).toEqual({ found: 51, exact: 44, flagged: 7 });
    });

    it('logs each repair as a replace of the damaged source text', () => {
      const source = readFileSync(join(SEEDS, damagedSeed), 'utf8');
      for (const c of changes) {
        expect(c.kind).toBe('replace');
        expect(c.rule).toMatch(/^bytes\//);
        expect(source.slice(c.source.start, c.source.end)).toBe(c.before);
        expect(c.before).not.toBe(c.after);
      }
    });

    it('leaves only single undetermined characters, each marked and warned', () => {
      for (const w of warnings) {
        const change = changes.find((c) => c.source.start === w.source?.start);
        expect(change?.after).toContain('?');
      }
    });

    it('puts the repaired sentences into the cleaned speeches (after conversion to simplified)', () => {
      const text = body(record);
      for (const repaired of ['我们原来考核上线率', '高考成绩再创新高', '以正确的政绩造福于民', '取得了一些进步']) expect(text).toContain(repaired);
      expect(text).not.toMatch(/\?[a-zü\u00e0-\u01dc]+\)|[\ue000-\ue765]/);
    });
  });
});
