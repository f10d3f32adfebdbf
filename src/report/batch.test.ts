import { expect, it } from 'vitest';
import { page, SPEECH } from '../../test/helpers.js';
import { clean } from '../index.js';
import { renderIndex } from './batch.js';

it('lists pages with links, line counts and changes per rule, and failed pages with their error', () => {
  const record = clean(page('首页 > 讲话稿 > 正文', ...SPEECH, '相关文章'));
  const html = renderIndex([
    { path: 'a/<b>.txt', href: '<b>#1.html', speeches: 1, lines: { kept: 8, dropped: 2, edited: 0 }, log: record },
    { path: 'c.txt', error: 'empty file <script>' },
  ]);
  expect(html).toContain('<a href="%3Cb%3E%231.html">a/&lt;b&gt;.txt</a>');
  expect(html).toContain('failed: empty file &lt;script&gt;');
  expect(html).not.toContain('<script');
  const rules = [...new Set(record.changes.map((c) => c.rule))];
  for (const rule of rules) expect(html).toContain(`<th class="rule" scope="col">${rule}</th>`);
  const row = html.split('\n').find((l) => l.includes('a/&lt;b&gt;.txt'))!;
  const cells = [...row.matchAll(/<td class="n">(\d*)<\/td>/g)].map((m) => m[1]);
  expect(cells.slice(0, 6)).toEqual(['1', '8', '2', '0', String(record.changes.length), '0']);
  expect(cells.slice(6).map(Number).reduce((a, b) => a + b, 0)).toBe(record.changes.length);
  expect(html).toMatch(/2 pages \(1 failed\)/);
});
