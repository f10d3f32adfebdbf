/**
 * Reports for a whole batch (`run --report DIR`): one page report per cleaned page, read back from the records the
 * batch wrote, and an index listing every page with its line counts and its changes per rule.
 */
import { join } from 'node:path';
import { alignPage } from '../diff/align.js';
import { readRecord, withPage } from '../diff/load.js';
import { countChanges, lineCounts } from '../diff/stats.js';
import type { PageRecord } from '../record/schema.js';
import { describe, type PageResult } from '../run/batch.js';
import { writeAtomic } from '../run/write.js';
import { BASE_CSS, htmlDocument } from './assets.js';
import { escapeHtml as esc } from './escape.js';
import { renderPageReport } from './page.js';

export const INDEX_FILE = 'index.html';

export interface ReportedPage {
  path: string;
  /** Report file name, relative to the index; absent when the page has no report. */
  href?: string;
  error?: string;
  speeches?: number;
  lines?: { kept: number; dropped: number; edited: number };
  log?: Pick<PageRecord, 'changes' | 'warnings'>;
}

/** Zeros are left blank in the rule columns, so the rules a page hit stand out. */
function countCell(n: number, blankZero = false): string {
  return `<td class="n">${blankZero && !n ? '' : n}</td>`;
}

export function renderIndex(pages: readonly ReportedPage[]): string {
  const ok = pages.filter((p) => p.log);
  const stats = countChanges(ok.map((p) => p.log!));
  const perPage = new Map(ok.map((p) => [p, countChanges([p.log!])]));
  const ruleHeads = stats.rules.map((r) => `<th class="rule" scope="col">${esc(r.rule)}</th>`).join('');
  const rows = pages.map((p) => {
    const name = p.href ? `<a href="${esc(encodeURIComponent(p.href))}">${esc(p.path)}</a>` : esc(p.path);
    if (!p.log) return `<tr><th scope="row">${name}</th><td colspan="${6 + stats.rules.length}">failed: ${esc(p.error ?? 'unknown error')}</td></tr>`;
    const own = new Map(perPage.get(p)!.rules.map((r) => [`${r.stage}\0${r.rule}`, r.changes]));
    return (
      `<tr><th scope="row">${name}</th>${countCell(p.speeches ?? 0)}${countCell(p.lines!.kept)}${countCell(p.lines!.dropped)}${countCell(p.lines!.edited)}` +
      `${countCell(p.log.changes.length)}${countCell(p.log.warnings.length)}${stats.rules.map((r) => countCell(own.get(`${r.stage}\0${r.rule}`) ?? 0, true)).join('')}</tr>`
    );
  });
  const summary = stats.rules.map(
    (r) =>
      `<tr><td>${esc(r.rule)}</td><td>${esc(r.stage)}</td>${countCell(r.changes)}${countCell(r.pages)}${countCell(r.charsRemoved)}<td>${esc(
        Object.entries(r.kinds)
          .map(([k, n]) => `${k} ${n}`)
          .join(', '),
      )}</td></tr>`,
  );
  const body =
    `<header><h1>speechclean report</h1><p class="summary">${pages.length} pages (${pages.length - ok.length} failed) · ${stats.changes} changes · ` +
    `${stats.warnings.reduce((n, w) => n + w.warnings, 0)} warnings</p></header><main>` +
    `<section><h2>Pages</h2><table class="list matrix"><thead><tr><th scope="col">page</th><th scope="col">speeches</th><th scope="col">kept</th>` +
    `<th scope="col">dropped</th><th scope="col">edited</th><th scope="col">changes</th><th scope="col">warnings</th>${ruleHeads}</tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table></section>` +
    `<section><h2>Rules</h2>${
      summary.length
        ? `<table class="list"><thead><tr><th>rule</th><th>stage</th><th>changes</th><th>pages</th><th>chars removed</th><th>kinds</th></tr></thead><tbody>${summary.join('\n')}</tbody></table>`
        : '<p>No changes.</p>'
    }</section></main>`;
  return htmlDocument('speechclean report', body, BASE_CSS);
}

/**
 * Writes `<dir>/<name>.html` for each cleaned page of a batch (records read from `out`) and `<dir>/index.html`.
 * Returns the pages whose report could not be made (the index lists them too).
 */
export async function writeReports(results: readonly PageResult[], out: string, dir: string): Promise<{ path: string; error: string }[]> {
  const pages: ReportedPage[] = [];
  const failures: { path: string; error: string }[] = [];
  for (const result of results) {
    if (!result.ok) {
      pages.push({ path: result.path, error: result.error ?? 'failed' });
      continue;
    }
    try {
      const { record, text } = await withPage(result.path, await readRecord(join(out, `${result.name}.json`)));
      const diff = alignPage(record, text);
      const href = `${result.name}.html`;
      await writeAtomic(join(dir, href), renderPageReport(diff, { path: result.path, index: INDEX_FILE }));
      const { kept, dropped, edited } = lineCounts(diff);
      pages.push({ path: result.path, href, speeches: record.speeches.length, lines: { kept, dropped, edited }, log: { changes: record.changes, warnings: record.warnings } });
    } catch (err) {
      const error = `no report: ${describe(err)}`;
      failures.push({ path: result.path, error });
      pages.push({ path: result.path, error });
    }
  }
  pages.sort((a, b) => a.path.localeCompare(b.path));
  await writeAtomic(join(dir, INDEX_FILE), renderIndex(pages));
  return failures;
}
