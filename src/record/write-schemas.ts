/** Writes schema/*.json from the zod schemas. */
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from './json-schema.js';

const dir = new URL('../../../schema/', import.meta.url);
for (const [name, schema] of Object.entries(jsonSchemas())) writeFileSync(new URL(name, dir), `${JSON.stringify(schema, null, 2)}\n`);
