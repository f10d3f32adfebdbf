import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../index.js';
import type { PageRecord } from '../record/schema.js';
import { serialize } from '../run/write.js';
import { fingerprintOf } from './fingerprint.js';
import { relinkFingerprint, relinkJson } from './relink.js';

const SEEDS = join(import.meta.dirname, '../../seeds');
const encode = (record: PageRecord) => Buffer.from(serialize(record));

describe('relinking a written record', () => {
  const records = readdirSync(SEEDS).map((f) => clean(readFileSync(join(SEEDS, f)), { path: `seeds/${f}` }));

  it('gives the bytes serializing the relinked record gives, for every seed and any links', () => {
    for (const record of records) {
      const ids = record.speeches.map((s) => s.id);
      // Every speech linked to another, then every link removed, then the original links back.
      for (const values of [ids.map((_, i) => ids[(i + 1) % ids.length]!), ids.map(() => null), record.speeches.map((s) => s.duplicateOf)]) {
        const relinked: PageRecord = { ...record, speeches: record.speeches.map((s, i) => ({ ...s, duplicateOf: values[i]! })) };
        expect(Buffer.from(relinkJson(encode(record), values)).toString()).toBe(serialize(relinked));
        const links = new Map(ids.map((id, i) => [id, values[i]!]));
        expect(relinkFingerprint(fingerprintOf(record), links)).toEqual(fingerprintOf(relinked));
      }
    }
  });

  it('refuses a record whose speeches do not match', () => {
    const record = records.find((r) => r.speeches.length > 1)!;
    expect(() => relinkJson(encode(record), [null])).toThrow(/not as speechclean writes it/);
  });
});
