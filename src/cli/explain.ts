/** `speechclean explain`: how often each rule and stage changed something across a batch. */
import type { Config } from '../config.js';
import { memoryCleaner, readRecord } from '../diff/load.js';
import { type ChangeStats, type Count, countChanges } from '../diff/stats.js';
import { loadConfig } from '../load-config.js';
import type { PageRecord } from '../record/schema.js';
import { describe } from '../run/batch.js';
import { expandInputs, PAGE_EXTENSIONS } from '../run/inputs.js';
import { type Command, writeOutput } from './command.js';

export interface ExplainResult extends ChangeStats {
  failed: { path: string; error: string }[];
}

/** Reads records and cleans pages (in memory) from the given files, folders and globs. */
export async function explainInputs(inputs: readonly string[], config: Config): Promise<ExplainResult> {
  const { pages, problems } = await expandInputs(inputs, process.cwd(), [...PAGE_EXTENSIONS, 'json']);
  const failed = problems.map((p) => ({ path: p.path, error: p.error }));
  const clean = memoryCleaner(config);
  const records: PageRecord[] = [];
  for (const { path } of pages) {
    try {
      records.push(path.toLowerCase().endsWith('.json') ? await readRecord(path) : (await clean(path)).record);
    } catch (err) {
      failed.push({ path, error: describe(err) });
    }
  }
  return { ...countChanges(records), failed };
}

/** A plain text table: columns padded to their widest cell, numbers right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  return cells.map((r) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

function kinds(count: Count): string {
  return Object.entries(count.kinds)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

export function renderExplain(result: ExplainResult): string {
  const out = [`${result.pages} pages, ${result.changes} changes, ${result.warnings.reduce((n, w) => n + w.warnings, 0)} warnings`, ''];
  if (result.rules.length) {
    out.push(formatTable(['rule', 'stage', 'changes', 'pages', 'chars removed', 'kinds'], result.rules.map((r) => [r.rule, r.stage, r.changes, r.pages, r.charsRemoved, kinds(r)])), '');
    out.push(formatTable(['stage', 'changes', 'pages', 'chars removed', 'kinds'], result.stages.map((s) => [s.stage, s.changes, s.pages, s.charsRemoved, kinds(s)])), '');
  } else out.push('no changes', '');
  if (result.warnings.length) out.push(formatTable(['warning', 'stage', 'count', 'pages'], result.warnings.map((w) => [w.rule, w.stage, w.warnings, w.pages])), '');
  return `${out.join('\n')}`;
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'count changes per rule and stage across pages or records',
  usage: `speechclean explain [files|dirs|globs...] [options]

Counts the changes each rule and stage made, and the warnings, across a batch. Inputs are pages (.txt, .html,
.htm; cleaned in memory) or records (.json, as 'speechclean run' writes them). Without inputs, cleans the config's
inputs (seeds/).

Options:
  --json              print the counts as JSON
  --config FILE       config file (default: ./pipeline.config.ts when present)
  -h, --help          show this help

Exit status: 0 when every input was read, 1 when any failed (the others are still counted), 2 on usage errors.`,
  options: {
    json: { type: 'boolean' },
    config: { type: 'string' },
  },
  async run(values, positionals) {
    const config = await loadConfig(values.config as string | undefined);
    const result = await explainInputs(positionals.length ? positionals : config.inputs, config);
    for (const f of result.failed) process.stderr.write(`speechclean: ${f.path}: ${f.error}\n`);
    writeOutput(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderExplain(result));
    return result.failed.length || !result.pages ? 1 : 0;
  },
};
