/**
 * One page's HTML report: the raw page on the left, line by line, each line kept, dropped or edited and each
 * change highlighted; the cleaned speeches on the right, beside the lines they come from; then every change and
 * warning in full. Filters (by rule, kind and line status) are radio buttons driving generated CSS, so they work
 * with JavaScript off; the script only adds the details panel.
 */
import { type Block, type DiffLine, type Fragment, type OutputItem, type PageDiff, alignBlocks, lineFragments, unloggedNote } from '../diff/align.js';
import { countChanges, lineCounts } from '../diff/stats.js';
import { snippet, MARKERS } from '../diff/terminal.js';
import { ChangeKind, type ChangeRecord } from '../record/schema.js';
import { BASE_CSS, htmlDocument, PAGE_JS } from './assets.js';
import { escapeHtml as esc } from './escape.js';

export interface PageReportOptions {
  /** The page path to show. */
  path: string;
  /** Link back to the batch index, relative to the report. */
  index?: string | undefined;
}

const STATUS_FILTERS = ['dropped', 'edited'] as const;

/** Class names for filtering: one per rule (by index, never the id: ids are user data) and per change kind. */
class Classes {
  readonly rules: Map<string, number>;
  constructor(rules: readonly string[]) {
    this.rules = new Map(rules.map((r, i) => [r, i]));
  }
  of(changes: readonly ChangeRecord[], ids: Iterable<number>): string[] {
    const out = new Set<string>();
    for (const id of ids) {
      const c = changes[id]!;
      out.add(`r${this.rules.get(c.rule)}`);
      out.add(`k-${c.kind}`);
    }
    return [...out];
  }
}

function tooltip(changes: readonly ChangeRecord[], ids: readonly number[]): string {
  return ids
    .map((id) => {
      const c = changes[id]!;
      return `${c.rule} (${c.stage}, ${c.kind}): ${c.reason}\n${snippet(c.before)} → ${snippet(c.after)}`;
    })
    .join('\n\n');
}

/** The change a mark links to: the narrowest of those covering it. */
function primary(changes: readonly ChangeRecord[], ids: readonly number[]): number {
  return ids.reduce((best, id) => {
    const a = changes[id]!.source;
    const b = changes[best]!.source;
    return a.end - a.start < b.end - b.start ? id : best;
  });
}

function changeLink(diff: PageDiff, classes: Classes, ids: readonly number[], text: string, extra: string[] = []): string {
  const { changes } = diff.record;
  const kind = changes[primary(changes, ids)]!.kind;
  const cls = ['chg', ...extra, ...classes.of(changes, ids), `k-${kind}`];
  return `<a class="${[...new Set(cls)].join(' ')}" href="#c${primary(changes, ids)}" data-c="${ids.join(' ')}" title="${esc(tooltip(changes, ids))}">${text}</a>`;
}

function fragmentHtml(diff: PageDiff, classes: Classes, f: Fragment): string {
  if (f.insert) return changeLink(diff, classes, f.changes, '‸', ['ins']);
  return f.changes.length ? changeLink(diff, classes, f.changes, esc(f.text)) : esc(f.text);
}

function lineHtml(diff: PageDiff, classes: Classes, line: DiffLine): string {
  const cls = ['line', line.status, ...classes.of(diff.record.changes, line.changes)];
  if (line.unlogged) cls.push('unlogged');
  const text = line.changes.length ? lineFragments(diff, line, line.changes).map((f) => fragmentHtml(diff, classes, f)).join('') : esc(line.text);
  const note = line.unlogged ? `<span class="note">${esc(unloggedNote(diff, line))}</span>` : '';
  return (
    `<div class="${cls.join(' ')}" id="L${line.number}" data-status="${line.status}">` +
    `<a class="ln" href="#L${line.number}">${line.number}</a><span class="mk" title="${line.status}">${MARKERS[line.status]}</span>` +
    `<span class="t">${text}</span>${note}</div>`
  );
}

/** Changes that touch a segment's source range (or sit at its edge, for insertions). */
function segmentChanges(diff: PageDiff, start: number, end: number, line: number): number[] {
  const ids = new Set<number>();
  for (let l = line; l < diff.lines.length && diff.lines[l]!.start <= Math.max(start, end - 1); l++) {
    for (const id of diff.lines[l]!.changes) {
      const s = diff.record.changes[id]!.source;
      if (s.start < end && s.end > start || (s.start === s.end && s.start >= start && s.start <= end)) ids.add(id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}

function itemHtml(diff: PageDiff, classes: Classes, item: OutputItem): string {
  const text = item.segments
    .map((s) => {
      // An HTML text node with entities is decoded, not altered, unless a change touched it too.
      if (!s.altered && s.text.length === s.end - s.start) return esc(s.text);
      const ids = segmentChanges(diff, s.start, s.end, s.line);
      if (!s.altered && !ids.length) return esc(s.text);
      const inner = esc(s.text) || '∅';
      if (!ids.length) return `<mark class="out">${inner}</mark>`;
      const cls = ['out', ...classes.of(diff.record.changes, ids)];
      // Rule ids only: a converted page has a mark per character, and the left side carries the full text.
      const rules = [...new Set(ids.map((id) => diff.record.changes[id]!.rule))].join(', ');
      return `<mark class="${cls.join(' ')}" data-c="${ids.join(' ')}" title="${esc(rules)}">${inner}</mark>`;
    })
    .join('');
  const cls = `item ${item.role}${item.role === 'body' ? ` ${item.kind}` : ''}`;
  return item.role === 'title' ? `<h3 class="${cls}">${text}</h3>` : `<p class="${cls}">${text}</p>`;
}

function speechHeader(diff: PageDiff, index: number): string {
  const speech = diff.record.speeches.find((s) => s.index === index);
  if (!speech) return '';
  const badges = [`${speech.charCount} 字`, speech.truncated ? 'truncated' : '', speech.duplicateOf ? `duplicate of ${speech.duplicateOf}` : '']
    .filter(Boolean)
    .map((b) => `<span class="badge">${esc(b)}</span>`)
    .join('');
  return `<h2 class="speech" id="s${index}">Speech ${index + 1}${speech.title ? ` · ${esc(speech.title)}` : ''}${badges}</h2>`;
}

function blockHtml(diff: PageDiff, classes: Classes, block: Block, headed: Set<number>): string {
  const lines = diff.lines.slice(block.first, block.last + 1);
  const cls = new Set(['blk']);
  for (const line of lines) {
    cls.add(`s-${line.status}`);
    for (const c of classes.of(diff.record.changes, line.changes)) cls.add(c);
  }
  let out = '';
  for (const item of block.items) {
    if (!headed.has(item.speech)) {
      headed.add(item.speech);
      out += speechHeader(diff, item.speech);
    }
    out += itemHtml(diff, classes, item);
  }
  return `<tr class="${[...cls].join(' ')}"><td class="raw">${lines.map((l) => lineHtml(diff, classes, l)).join('')}</td><td class="out">${out}</td></tr>`;
}

function radio(group: string, id: string, label: string, count: number | null, checked = false): string {
  return `<label><input type="radio" name="${group}" id="${id}"${checked ? ' checked' : ''}> ${esc(label)}${count === null ? '' : ` <small>${count}</small>`}</label>`;
}

/** The filter CSS: with a radio checked, lines, blocks and change rows without its class are hidden. */
function filterCss(ruleCount: number): string {
  const rule = (id: string, cls: string, hide: string) =>
    `body:has(#${id}:checked) :is(${hide}) { display: none; }\nbody:has(#${id}:checked) :is(a.chg, mark.out):not(.${cls}) { background: none; outline: none; }\n`;
  let css = '';
  for (let i = 0; i < ruleCount; i++) css += rule(`f-r${i}`, `r${i}`, `.line:not(.r${i}), tr.blk:not(.r${i}), tr.chg:not(.r${i})`);
  for (const kind of ChangeKind.options) css += rule(`f-k-${kind}`, `k-${kind}`, `.line:not(.k-${kind}), tr.blk:not(.k-${kind}), tr.chg:not(.k-${kind})`);
  for (const status of STATUS_FILTERS) css += `body:has(#f-${status}:checked) :is(.line:not(.${status}), tr.blk:not(.s-${status})) { display: none; }\n`;
  return css;
}

function filtersHtml(diff: PageDiff, rules: ReturnType<typeof countChanges>['rules'], classes: Classes): string {
  const counts = lineCounts(diff);
  const kinds = new Map<string, number>();
  for (const c of diff.record.changes) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  return (
    `<form class="filters" aria-label="Filters">` +
    `<fieldset><legend>Rule</legend>${radio('rule', 'f-r-all', 'all', null, true)}${rules.map((r) => radio('rule', `f-r${classes.rules.get(r.rule)}`, r.rule, r.changes)).join('')}</fieldset>` +
    `<fieldset><legend>Kind</legend>${radio('kind', 'f-k-all', 'all', null, true)}${ChangeKind.options
      .filter((k) => kinds.has(k))
      .map((k) => radio('kind', `f-k-${k}`, k, kinds.get(k)!))
      .join('')}</fieldset>` +
    `<fieldset><legend>Lines</legend>${radio('status', 'f-all', 'all', null, true)}${STATUS_FILTERS.map((s) => radio('status', `f-${s}`, s, counts[s])).join('')}</fieldset>` +
    `</form>`
  );
}

function changesHtml(diff: PageDiff, classes: Classes): string {
  const { changes } = diff.record;
  const lineOf = new Map<number, number>();
  for (const line of diff.lines) for (const id of line.changes) if (!lineOf.has(id)) lineOf.set(id, line.number);
  const rows = changes.map((c, id) => {
    const line = lineOf.get(id);
    return (
      `<tr class="chg ${classes.of(changes, [id]).join(' ')}" id="c${id}"><td class="n">${id}</td>` +
      `<td class="n" data-f="line">${line ? `<a href="#L${line}">${line}</a>` : ''}</td>` +
      `<td data-f="rule">${esc(c.rule)}</td><td data-f="stage">${esc(c.stage)}</td><td data-f="kind">${c.kind}</td>` +
      `<td data-f="before"><code>${esc(c.before)}</code></td><td data-f="after"><code>${esc(c.after)}</code></td><td data-f="reason">${esc(c.reason)}</td></tr>`
    );
  });
  return (
    `<section id="changes"><h2>Changes (${changes.length})</h2>` +
    (changes.length
      ? `<table class="list"><thead><tr><th>#</th><th>Line</th><th>Rule</th><th>Stage</th><th>Kind</th><th>Before</th><th>After</th><th>Reason</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p>No changes.</p>') +
    `</section>`
  );
}

function warningsHtml(diff: PageDiff): string {
  const { warnings } = diff.record;
  if (!warnings.length) return '';
  const rows = warnings.map(
    (w) =>
      `<tr><td class="n">${w.source ? `<a href="#L${w.source.line}">${w.source.line}</a>` : ''}</td><td>${esc(w.rule)}</td><td>${esc(w.stage)}</td><td>${esc(w.message)}</td></tr>`,
  );
  return `<section id="warnings"><h2>Warnings (${warnings.length})</h2><table class="list"><thead><tr><th>Line</th><th>Rule</th><th>Stage</th><th>Message</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

export function renderPageReport(diff: PageDiff, options: PageReportOptions): string {
  const { record } = diff;
  const stats = countChanges([record]);
  const classes = new Classes(stats.rules.map((r) => r.rule));
  const counts = lineCounts(diff);
  const page = record.page;
  const meta = [page.title && `title: ${page.title}`, page.site && `site: ${page.site}`, page.publishedAt && `published: ${page.publishedAt}`, page.author && `author: ${page.author}`].filter(Boolean);
  const headed = new Set<number>();
  const body =
    `<header>${options.index ? `<p class="meta"><a href="${esc(options.index)}">← all pages</a></p>` : ''}` +
    `<h1>${esc(options.path)}</h1>` +
    `<p class="summary">${esc(record.source.encoding)} · ${record.source.format} · ${record.source.script} · ${diff.lines.length} lines: ` +
    `${counts.kept} kept, <span class="count dropped">${counts.dropped} dropped</span>, <span class="count edited">${counts.edited} edited</span>, ${counts.layout} layout · ` +
    `${record.speeches.length} speeches · <a href="#changes">${record.changes.length} changes</a> · ${record.warnings.length ? `<a href="#warnings">${record.warnings.length} warnings</a>` : '0 warnings'}</p>` +
    (meta.length ? `<p class="meta">${meta.map((m) => esc(m as string)).join(' · ')}</p>` : '') +
    filtersHtml(diff, stats.rules, classes) +
    `</header><main><table class="diff"><colgroup><col class="raw"><col class="out"></colgroup>` +
    `<thead><tr><th scope="col">Raw page</th><th scope="col">Cleaned speeches</th></tr></thead><tbody>` +
    alignBlocks(diff)
      .map((b) => blockHtml(diff, classes, b, headed))
      .join('\n') +
    `</tbody></table>${changesHtml(diff, classes)}${warningsHtml(diff)}</main>` +
    `<aside id="detail" hidden aria-live="polite"><button type="button">close</button><strong>Change</strong><div class="body"></div></aside>`;
  return htmlDocument(`speechclean diff: ${options.path}`, body, BASE_CSS + filterCss(classes.rules.size), PAGE_JS);
}
