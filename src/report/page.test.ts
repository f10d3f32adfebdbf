import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { page, SPEECH } from '../../test/helpers.js';
import { alignPage } from '../diff/align.js';
import { clean } from '../index.js';
import type { PageRecord } from '../record/schema.js';
import { renderPageReport } from './page.js';

function parse(html: string): Element[] {
  const elements: Element[] = [];
  visit(unified().use(rehypeParse).parse(html) as Root, 'element', (el: Element) => {
    elements.push(el);
  });
  return elements;
}

const classes = (el: Element) => (el.properties.className as string[] | undefined) ?? [];
const text = (el: Element): string => el.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : '')).join('');

const HOSTILE = ['<script>window.pwned = 1</script>', '"><img src=x onerror="window.pwned=1">讲话', '</textarea></style><b>粗体</b>'];
const source = page('首页 > 讲话稿 > 正文', ...HOSTILE, ...SPEECH, '相关文章');
const record = clean(source);
const diff = alignPage(record, source);
const html = renderPageReport(diff, { path: 'pages/<i>name</i>.txt', index: 'index.html' });
const elements = parse(html);

describe('renderPageReport', () => {
  it('escapes page text, paths, rule ids and reasons so that none becomes markup', () => {
    const hostile: PageRecord = {
      ...record,
      changes: record.changes.map((c) => ({ ...c, rule: 'x/<svg onload=1>', reason: '</style><script>window.pwned=2</script>', before: '<iframe>' })),
    };
    for (const doc of [elements, parse(renderPageReport(alignPage(hostile, source), { path: '<i>p</i>' }))]) {
      const tags = doc.map((e) => e.tagName);
      expect(tags.filter((t) => t === 'script')).toHaveLength(1);
      expect(tags.filter((t) => t === 'style')).toHaveLength(1);
      for (const tag of ['img', 'b', 'i', 'svg', 'iframe', 'textarea']) expect(tags).not.toContain(tag);
      expect(doc.some((e) => Object.keys(e.properties).some((k) => k.startsWith('on')))).toBe(false);
    }
    const rawLines = elements.filter((e) => classes(e).includes('line')).map((e) => text(e));
    expect(rawLines.some((t) => t.includes('<script>window.pwned = 1</script>'))).toBe(true);
    expect(rawLines.some((t) => t.includes('"><img src=x onerror="window.pwned=1">讲话'))).toBe(true);
    expect(text(elements.find((e) => e.tagName === 'h1')!)).toBe('pages/<i>name</i>.txt');
  });

  it('loads nothing from outside and allows only its own inline style and script', () => {
    for (const el of elements) {
      expect(el.properties.src).toBeUndefined();
      const href = el.properties.href;
      if (href !== undefined) expect(String(href)).toMatch(/^(#[A-Za-z0-9]+|index\.html)$/);
    }
    expect(elements.some((e) => e.tagName === 'link')).toBe(false);
    const csp = String(elements.find((e) => e.properties.httpEquiv?.toString() === 'Content-Security-Policy')!.properties.content);
    const hash = (tag: string) => `'sha256-${createHash('sha256').update(text(elements.find((e) => e.tagName === tag)!)).digest('base64')}'`;
    expect(csp).toBe(`default-src 'none'; style-src ${hash('style')}; script-src ${hash('script')}; base-uri 'none'; form-action 'none'`);
  });

  it('shows every raw line once, with its status, and links every change mark to its row', () => {
    const lines = elements.filter((e) => classes(e).includes('line'));
    expect(lines.map((e) => e.properties.id)).toEqual(diff.lines.map((l) => `L${l.number}`));
    expect(lines.map((e) => e.properties.dataStatus)).toEqual(diff.lines.map((l) => l.status));
    const dropped = lines.filter((e) => classes(e).includes('dropped')).map((e) => text(e));
    expect(dropped.some((t) => t.includes('首页 > 讲话稿 > 正文'))).toBe(true);
    const rows = new Set(elements.filter((e) => e.tagName === 'tr' && classes(e).includes('chg')).map((e) => e.properties.id));
    expect(rows.size).toBe(record.changes.length);
    const marks = elements.filter((e) => classes(e).includes('chg') && e.tagName === 'a');
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      expect(rows.has(String(mark.properties.href).slice(1))).toBe(true);
      for (const id of String(mark.properties.dataC).split(' ')) expect(rows.has(`c${id}`)).toBe(true);
    }
  });

  it('puts the cleaned speeches beside the raw lines, with speech headers', () => {
    const out = elements.filter((e) => e.tagName === 'td' && classes(e).includes('out')).map((e) => text(e)).join('\n');
    for (const line of SPEECH.slice(1)) expect(out).toContain(line);
    expect(out).not.toContain('首页 > 讲话稿');
    expect(elements.filter((e) => e.tagName === 'h2' && classes(e).includes('speech'))).toHaveLength(record.speeches.length);
  });

  it('offers a filter per rule and per kind that occurs, each with CSS that hides the rest', () => {
    const radios = elements.filter((e) => e.tagName === 'input' && e.properties.type === 'radio').map((e) => String(e.properties.id));
    const rules = [...new Set(record.changes.map((c) => c.rule))];
    expect(radios.filter((id) => /^f-r\d+$/.test(id))).toHaveLength(rules.length);
    expect(radios).toContain('f-k-drop');
    expect(radios).toContain('f-dropped');
    const css = text(elements.find((e) => e.tagName === 'style')!);
    for (const id of radios.filter((r) => !r.endsWith('-all') && r !== 'f-all')) expect(css).toContain(`body:has(#${id}:checked)`);
  });

  it('does not mark an HTML page\'s decoded entities as changed text', () => {
    const source = `<html><body>${SPEECH.map((l) => `<p>${l.replace('。', '&#12290;')}</p>`).join('\n')}</body></html>`;
    const html = renderPageReport(alignPage(clean(source, { path: 'p.html' }), source), { path: 'p.html' });
    const doc = parse(html);
    expect(doc.filter((e) => e.tagName === 'mark')).toEqual([]);
    expect(doc.filter((e) => classes(e).includes('line')).map((e) => e.properties.dataStatus)).not.toContain('edited');
  });
});
