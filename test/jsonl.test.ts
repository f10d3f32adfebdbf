/** `run --jsonl`: one speech per line, valid against the shipped speech schema, duplicates only when asked. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const root = join(import.meta.dirname, '..');
const seed002 = join(root, 'seeds', '002_29214b3291b1daf3.txt');
const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(root, 'schema', 'speech.schema.json'), 'utf8')));

describe('--jsonl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'speechclean-jsonl-'));
  it('writes one valid speech record per line, without near-duplicates', async () => {
    const file = join(dir, 'speeches.jsonl');
    const result = await runCli('run', seed002, '--out', join(dir, 'out'), '--workers', '0', '--jsonl', file);
    expect(result.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(validate(line), JSON.stringify(validate.errors)).toBe(true);
    expect(lines.every((l) => l.duplicateOf === null)).toBe(true);
    expect(lines[0].source.path).toBe(seed002);
  });
  it('streams to stdout and keeps duplicates when asked', async () => {
    const result = await runCli('run', seed002, '--out', join(dir, 'out'), '--workers', '0', '--jsonl', '-', '--include-duplicates');
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.some((l) => l.duplicateOf !== null)).toBe(true);
  });
});
