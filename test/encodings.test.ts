/**
 * End to end: a page cleans to the same speeches whatever encoding it came in, and a mojibake page is repaired
 * before parsing (its record says so).
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { samples } from '../bench/samples.js';
import { resolveConfig } from '../src/config.js';
import { cleanPage, createProcessor } from '../src/pipeline.js';
import type { PageRecord } from '../src/record/schema.js';

const config = resolveConfig({ workers: 0 });
const processor = createProcessor(config);
const clean = (bytes: Uint8Array, path = 'page.txt') => cleanPage(processor, bytes, path, config);

/**
 * What must not depend on the encoding: the speeches (with their source positions), changes and warnings. Speech
 * ids carry a hash of the page's bytes, so they are compared without it.
 */
function content(r: PageRecord): unknown {
  const kept = { speeches: r.speeches, changes: r.changes, warnings: r.warnings, page: r.page, script: r.source.script };
  return JSON.parse(JSON.stringify(kept).replaceAll(r.source.sha256.slice(0, 16), '<page>'));
}

const all = samples();

describe('the same page in every encoding', () => {
  it.each(all.filter((s) => s.encoding !== 'UTF-8').map((s) => [s.seed, s.encoding, s] as const))(
    'seed %s in %s cleans as its UTF-8 form does',
    (_seed, encoding, sample) => {
      const record = clean(sample.bytes);
      const reference = clean(Buffer.from(sample.text));
      expect(record.source.encoding).toBe(encoding === 'GBK' ? 'GB18030' : encoding);
      expect(record.source.repair).toBeNull();
      expect(record.speeches.length).toBeGreaterThan(0);
      expect(content(record)).toEqual(content(reference));
    },
  );

  it('GB18030 and UTF-16 samples hold the seed exactly (nothing left out to make them encodable)', () => {
    const utf8 = new Map(all.filter((s) => s.encoding === 'UTF-8').map((s) => [s.seed, s.text]));
    const whole = all.filter((s) => ['GB18030', 'UTF-16LE', 'UTF-16BE'].includes(s.encoding));
    expect(whole.length).toBeGreaterThan(0);
    for (const s of whole) expect(s.text).toBe(utf8.get(s.seed));
  });

  it('an HTML page declaring its charset', () => {
    const sample = all.find((s) => s.encoding === 'GBK')!;
    const body = sample.text
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => `<p>${line.replace(/[<&]/g, ' ')}</p>`)
      .join('\n');
    const html = `<html><head><meta charset="gbk"><title>讲话</title></head><body>${body}</body></html>`;
    const record = clean(iconv.encode(html, 'gbk'), 'page.html');
    const reference = clean(Buffer.from(html), 'page.html');
    expect(record.source).toMatchObject({ encoding: 'GB18030', format: 'html', encodingConfidence: 1 });
    expect(record.speeches.length).toBeGreaterThan(0);
    expect(content(record)).toEqual(content(reference));
  });
});

describe('mojibake pages', () => {
  const sample = all.find((s) => s.encoding === 'GBK')!;

  it('GBK read as Latin-1 and saved as UTF-8 cleans as the original does, with a page warning', () => {
    const record = clean(Buffer.from(sample.bytes.toString('latin1')));
    const reference = clean(Buffer.from(sample.text));
    expect(record.source).toMatchObject({ encoding: 'UTF-8', repair: 'gbk-read-as-latin1' });
    expect((content(record) as { speeches: unknown }).speeches).toEqual((content(reference) as { speeches: unknown }).speeches);
    expect(record.warnings.filter((w) => w.rule === 'decode/mojibake')).toEqual([
      { rule: 'decode/mojibake', stage: 'decode', message: expect.stringContaining('GBK bytes read as Latin-1'), source: null },
    ]);
  });

  it('UTF-8 read as GBK: repaired, the lost characters counted in the warning', () => {
    const record = clean(Buffer.from(iconv.decode(Buffer.from(sample.text), 'gb18030')));
    expect(record.source.repair).toBe('utf8-read-as-gbk');
    const [warning] = record.warnings.filter((w) => w.rule === 'decode/mojibake');
    expect(warning?.message).toMatch(/\d+ characters had lost a byte: \d+ restored from the page's own text, \d+ left as U\+FFFD/);
    expect(record.speeches.length).toBeGreaterThan(0);
  });

  it('a clean page has no repair and no decode warning', () => {
    const record = clean(Buffer.from(sample.text));
    expect(record.source.repair).toBeNull();
    expect(record.warnings.filter((w) => w.stage === 'decode')).toEqual([]);
  });
});
