/** HTML pages: chrome elements never reach the text, block elements become lines, positions point into the HTML. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { keptText } from './helpers.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lines = readFileSync(join(import.meta.dirname, '..', 'seeds', '000_5194895f052b927d.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const title = lines[2]!;
const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(title)}_某某范文网</title>
<script>document.write("<p>脚本里的文字</p>")</script><style>p { color: red }</style></head>
<body><div class="header">某某范文网</div><nav><a href="/">首页</a> &gt; <a>演讲稿</a></nav>
<h1>${escape(title)}</h1>
<div class="article">${lines.slice(3).map((l) => `<p>${escape(l)}</p>`).join('\n')}</div>
<div class="footer">Copyright &copy; 2024 某某范文网 版权所有</div></body></html>`;

describe('HTML input', () => {
  const record = clean(html, { path: 'page.html' });

  it('finds the speeches as in the text version', () => {
    expect(record.source.format).toBe('html');
    expect(record.speeches).toHaveLength(3);
    expect(record.speeches.map((s) => s.salutation)).toEqual(['同志们:', '同志们:', '同志们:']);
    expect(record.page).toMatchObject({ title, site: '某某范文网' });
  });
  it('keeps script, style and navigation text out', () => {
    const text = keptText(record);
    for (const junk of ['脚本里的文字', 'color', '首页', 'Copyright']) expect(text).not.toContain(junk);
  });
  it('points paragraphs into the HTML source', () => {
    const p = record.speeches[0]!.paragraphs[1]!;
    const [, start, end] = p.source.spans[0]!;
    expect(html.slice(start, end)).toBe(p.text.slice(0, end - start));
    expect(html.slice(p.source.start - 3, p.source.start)).toBe('<p>');
  });
  it('reads entities as characters', () => {
    const r = clean('<p>讲话稿</p><p>同志们:</p><p>今天&nbsp;我们召开会议,研究部署工作&amp;任务。</p>', { path: 'x.html' });
    expect(keptText(r)).toContain('今天我们召开会议,研究部署工作&任务。');
  });
});

describe('the seeds in HTML layouts', () => {
  const seeds = join(import.meta.dirname, '..', 'seeds');
  const speeches = (r: ReturnType<typeof clean>) => r.speeches.map((s) => [s.title, s.salutation, s.closing, ...s.paragraphs.map((p) => p.text)]);
  it.each(readdirSync(seeds).filter((f) => f.endsWith('.txt')))('%s cleans to the same speeches as <p> per line, <br> lines (CRLF) and text in a page shell', (name) => {
    const text = readFileSync(join(seeds, name), 'utf8');
    const seedLines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const reference = speeches(clean(text, { path: name }));
    const layouts = [
      seedLines.map((l) => `<p>${escape(l)}</p>`).join('\n'),
      `<div>${seedLines.map((l) => `&nbsp;&nbsp;${escape(l)}<br>`).join('\r\n')}</div>`,
      `<div>\n${escape(text)}\n</div>`,
    ];
    for (const body of layouts) expect(speeches(clean(`<html><body>${body}</body></html>`, { path: 'page.html' }))).toEqual(reference);
  });
});
