/** JSON Schemas generated from the zod record schemas (`npm run schema` writes them to schema/). */
import { z } from 'zod';
import { PageRecord, SpeechLine } from './schema.js';

export function jsonSchemas(): Record<string, unknown> {
  return {
    'page.schema.json': { title: 'speechclean page record', ...z.toJSONSchema(PageRecord, { target: 'draft-2020-12' }) },
    'speech.schema.json': { title: 'speechclean speech record (one --jsonl line)', ...z.toJSONSchema(SpeechLine, { target: 'draft-2020-12' }) },
  };
}
