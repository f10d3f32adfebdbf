/** The shipped JSON Schemas match the zod schemas, and real records validate against them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { jsonSchemas } from '../src/record/json-schema.js';
import { SPEECH, page } from './helpers.js';

const root = join(import.meta.dirname, '..');
const shipped = (name: string) => JSON.parse(readFileSync(join(root, 'schema', name), 'utf8'));

describe('JSON Schema', () => {
  it('schema/*.json are generated from the zod schemas (run `npm run schema` after changing them)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) expect(shipped(name)).toEqual(schema);
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validatePage = ajv.compile(shipped('page.schema.json'));
  const validateSpeech = ajv.compile(shipped('speech.schema.json'));
  const record = clean(readFileSync(join(root, 'seeds', '000_5194895f052b927d.txt')), { path: 'seeds/000_5194895f052b927d.txt' });

  it('a seed record validates as a page record', () => {
    expect(validatePage(record), JSON.stringify(validatePage.errors)).toBe(true);
  });
  it('each speech with its page info validates as a speech line', () => {
    for (const s of record.speeches) expect(validateSpeech({ ...s, source: record.source, page: record.page }), JSON.stringify(validateSpeech.errors)).toBe(true);
  });
  it('a record with a renamed field does not validate', () => {
    const { speeches, ...rest } = clean(page('讲话稿', ...SPEECH));
    expect(validatePage({ ...rest, speech: speeches })).toBe(false);
  });
});
