/**
 * The report's inline stylesheet and script. Everything a report needs is inside the file (no fetch, no font, no
 * image), and the page reads fully without the script: it only adds the details panel and selection highlights.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from './escape.js';

export const BASE_CSS = `
:root { color-scheme: light; --drop: #fbe3e1; --drop-ink: #a1231b; --edit: #fff4d1; --mark: #ffd54f; --sel: #0b57d0; --muted: #6b6b6b; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.6 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1c1c1c; background: #fff; }
header, main > section { padding: 0.5rem 1rem; }
h1 { font-size: 1.15rem; margin: 0.3rem 0; word-break: break-all; }
h2 { font-size: 1rem; margin: 0.6rem 0 0.3rem; }
a { color: inherit; }
.summary, .meta { color: var(--muted); margin: 0.2rem 0; }
.count { display: inline-block; padding: 0 0.4em; border-radius: 3px; }
.count.dropped { background: var(--drop); color: var(--drop-ink); }
.count.edited { background: var(--edit); }
form.filters { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; margin: 0.4rem 0; }
fieldset { border: 1px solid #ddd; border-radius: 4px; padding: 0.1rem 0.5rem 0.3rem; margin: 0; }
legend { color: var(--muted); font-size: 0.85em; }
fieldset label { white-space: nowrap; margin-right: 0.6em; font-size: 0.9em; }
fieldset small { color: var(--muted); }
table { border-collapse: collapse; }
table.diff { width: 100%; table-layout: fixed; }
table.diff col.raw { width: 56%; }
table.diff th { position: sticky; top: 0; background: #f3f3f3; text-align: left; padding: 0.2rem 0.6rem; z-index: 1; border-bottom: 1px solid #ddd; }
tr.blk > td { vertical-align: top; border-top: 1px solid #eee; padding: 0.15rem 0.6rem; }
td.raw { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", "WenQuanYi Micro Hei Mono", monospace; font-size: 13px; }
.line { display: grid; grid-template-columns: 3.6em 1.4em 1fr; min-height: 1.4em; }
.line .ln { color: #999; text-align: right; padding-right: 0.5em; text-decoration: none; user-select: none; }
.line .mk { color: var(--muted); text-align: center; user-select: none; }
.line .t { white-space: pre-wrap; word-break: break-all; }
.line.dropped { background: var(--drop); }
.line.dropped .t { text-decoration: line-through; text-decoration-color: var(--drop-ink); color: var(--drop-ink); }
.line.dropped .mk { color: var(--drop-ink); font-weight: bold; }
.line.edited { background: var(--edit); }
.line.edited .mk { color: #8a6100; font-weight: bold; }
.line.unlogged { box-shadow: inset 3px 0 #b0008e; }
.line .note { grid-column: 3; color: #b0008e; font-size: 0.85em; }
.line:target, tr:target { outline: 2px solid var(--sel); }
a.chg { text-decoration: none; background: var(--mark); border-radius: 2px; cursor: pointer; }
a.chg.k-drop, a.chg.k-delete { background: #f4a9a2; }
a.chg.k-convert { background: #b9d7ff; }
a.chg.k-insert, a.chg.k-join, a.chg.k-split { background: #c6ecc6; }
a.chg.k-extract { background: #d9c6f0; }
a.chg.ins { padding: 0 0.1em; color: #0a7a0a; font-weight: bold; }
a.chg:focus, a.chg.sel, mark.out.sel { outline: 2px solid var(--sel); outline-offset: 1px; }
td.out p, td.out h3 { margin: 0.1rem 0 0.4rem; }
td.out h2.speech { border-bottom: 2px solid #444; }
td.out .title { font-weight: bold; }
td.out .salutation, td.out .closing { color: #30408f; }
td.out .preamble, td.out .signature { color: var(--muted); font-style: italic; }
td.out .heading { font-weight: bold; }
td.out .badge { font-size: 0.8em; font-weight: normal; color: var(--muted); margin-left: 0.5em; }
mark.out { background: #d4f2d4; border-radius: 2px; }
mark.out a { text-decoration: none; }
table.list { width: 100%; font-size: 0.9em; }
table.list th, table.list td { border: 1px solid #ddd; padding: 0.15rem 0.4rem; text-align: left; vertical-align: top; }
table.list th { background: #f3f3f3; }
table.list td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.list code { white-space: pre-wrap; word-break: break-all; }
table.list.matrix { width: auto; }
table.matrix th.rule { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: normal; white-space: nowrap; }
#detail { position: fixed; right: 1rem; bottom: 1rem; width: min(30rem, 90vw); max-height: 55vh; overflow: auto; background: #fff; border: 1px solid #999; border-radius: 6px; box-shadow: 0 4px 18px rgba(0,0,0,.2); padding: 0.5rem 0.8rem; z-index: 2; }
#detail[hidden] { display: none; }
#detail dl { display: grid; grid-template-columns: auto 1fr; gap: 0 0.8em; margin: 0.3rem 0; border-bottom: 1px solid #eee; }
#detail dt { color: var(--muted); }
#detail dd { margin: 0; white-space: pre-wrap; word-break: break-all; }
#detail button { float: right; }
`;

/** Details panel: hovering or focusing a change previews it, clicking pins it and highlights all its marks. */
export const PAGE_JS = `
(() => {
  const panel = document.getElementById('detail');
  const body = panel.querySelector('.body');
  let pinned = null;
  const idsOf = (el) => el.getAttribute('data-c').split(' ');
  const fill = (ids) => {
    body.replaceChildren();
    for (const id of ids) {
      const row = document.getElementById('c' + id);
      if (!row) continue;
      const dl = document.createElement('dl');
      for (const cell of row.querySelectorAll('td[data-f]')) {
        const dt = document.createElement('dt');
        dt.textContent = cell.getAttribute('data-f');
        const dd = document.createElement('dd');
        dd.textContent = cell.textContent;
        dl.append(dt, dd);
      }
      body.append(dl);
    }
    panel.hidden = false;
  };
  const highlight = (ids, on) => {
    for (const id of ids) for (const el of document.querySelectorAll('[data-c~="' + id + '"]')) el.classList.toggle('sel', on);
  };
  const close = () => {
    if (pinned) highlight(pinned, false);
    pinned = null;
    panel.hidden = true;
  };
  const preview = (event) => {
    const el = event.target.closest && event.target.closest('[data-c]');
    if (el && !pinned) fill(idsOf(el));
  };
  document.addEventListener('click', (event) => {
    if (event.target.closest('#detail button')) return close();
    const el = event.target.closest('[data-c]');
    if (!el) return;
    event.preventDefault();
    if (pinned) highlight(pinned, false);
    pinned = idsOf(el);
    highlight(pinned, true);
    fill(pinned);
  });
  document.addEventListener('mouseover', preview);
  document.addEventListener('focusin', preview);
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });
})();
`;

/** Content-Security-Policy allowing exactly the inline style and script given (by hash) and nothing else. */
export function contentSecurityPolicy(css: string, js?: string): string {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  return `default-src 'none'; style-src ${hash(css)}; script-src ${js ? hash(js) : "'none'"}; base-uri 'none'; form-action 'none'`;
}

/** A complete, self-contained HTML document. `title` is escaped; `body` must already be markup. */
export function htmlDocument(title: string, body: string, css: string, js?: string): string {
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(css, js)}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
${js ? `<script>${js}</script>\n` : ''}</body>
</html>
`;
}
