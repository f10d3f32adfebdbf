import iconv from 'iconv-lite';
import { polyphonic } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { cleanPage, createProcessor } from '../pipeline.js';
import type { PageRecord } from '../record/schema.js';

/** Runs only the bytes stage (the first one) and compiles the record. */
function bytesOnly(text: string, disable: string[] = []): PageRecord {
  const config = resolveConfig({ bytes: { disable } });
  return cleanPage(createProcessor(config, 1), Buffer.from(text), 'page.txt', config);
}

const ofStage = (r: PageRecord) => ({ changes: r.changes.filter((c) => c.stage === 'bytes'), warnings: r.warnings.filter((w) => w.stage === 'bytes') });

/**
 * A sentence of our own, damaged the way the site did it: the two bytes across 經 + 過 spell another character K,
 * and inserting K's pinyin after them shifts the rest of 過 out of phase.
 */
function damagedPage(): { text: string; damaged: string } {
  const line = '經過研究決定，今年完成了工作任務。';
  const bytes = iconv.encode(line, 'gbk');
  const key = iconv.decode(bytes.subarray(1, 3), 'gbk');
  const pinyin = polyphonic(key, { type: 'array' })[0]![0]!;
  const shifted = Buffer.concat([bytes.subarray(0, 3), iconv.encode(`(${pinyin})`, 'gbk'), bytes.subarray(3)]);
  const damaged = iconv.decode(shifted, 'gbk').replace(/\ufffd\(/g, '?');
  return { text: `標題\n\n${damaged}\n\n會(huì)議很成功。\n`, damaged };
}

describe('bytes stage', () => {
  it('logs each repair as a replace change with the source range of the span', () => {
    const { text, damaged } = damagedPage();
    expect(damaged).toMatch(/^經\?[a-z\u00e0-\u01dc]+\)/);
    const { changes, warnings } = ofStage(bytesOnly(text));
    expect(warnings).toEqual([]);
    expect(changes).toHaveLength(1);
    const change = changes[0]!;
    expect(change).toMatchObject({ rule: 'bytes/pinyin-key', kind: 'replace', after: '過' });
    expect(text.slice(change.source.start, change.source.end)).toBe(change.before);
    expect(damaged.replace(change.before, change.after)).toBe('經過研究決定，今年完成了工作任務。');
  });

  it('repairs before normalize, which then removes the real annotation', () => {
    const { text } = damagedPage();
    const config = resolveConfig({});
    const record = cleanPage(createProcessor(config), Buffer.from(text), 'page.txt', config);
    const body = record.speeches.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n');
    expect(body).toContain('经过研究决定');
    expect(body).not.toMatch(/\?|\)/);
  });

  it('flags instead of repairing when the rule is disabled', () => {
    const { text } = damagedPage();
    const { changes, warnings } = ofStage(bytesOnly(text, ['bytes/pinyin-key']));
    expect(changes).toEqual([]);
    expect(warnings.map((w) => w.rule)).toEqual(['bytes/unresolved']);
    expect(text.slice(warnings[0]!.source!.start, warnings[0]!.source!.end)).toMatch(/^\?[a-z\u00e0-\u01dc]+\)/);
  });

  it('leaves pages without markers alone', () => {
    const text = '標題\n\n各縣(市)要落實第(一)條。What?? OK.\n\n會(huì)議很成功。\n';
    expect(ofStage(bytesOnly(text))).toEqual({ changes: [], warnings: [] });
  });
});
