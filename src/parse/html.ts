/**
 * HTML pages: parsed with rehype-parse (the unified HTML parser, which keeps source positions). Text inside
 * script/style and navigation-like elements never reaches the tree; block elements and <br> end a line; every other
 * text node becomes a piece whose position points at its source slice (entities make a piece `replaced`, since its
 * text and source differ in length).
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { ToPoint } from '../tree/build.js';
import { buildParagraph } from '../tree/build.js';
import { CharClass, charClass } from '../tree/chars.js';
import type { Paragraph, Piece } from '../tree/types.js';

/** Elements whose content is never page text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'canvas', 'select', 'button', 'input', 'textarea', 'nav', 'aside', 'form', 'menu']);
/** Class or id words of navigation-like containers (site chrome that is not in a <nav>). */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|sidebar|footer|header|topbar|toolbar|share|comments?|copyright|advert|ads?)(?:$|[\s_-])/i;
const BLOCK = new Set(['address', 'article', 'blockquote', 'body', 'br', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul']);

const parser = unified().use(rehypeParse, { fragment: false });

function isChrome(el: Element): boolean {
  if (SKIP.has(el.tagName)) return true;
  const cls = el.properties?.className;
  const words = [Array.isArray(cls) ? cls.join(' ') : String(cls ?? ''), String(el.properties?.id ?? '')].join(' ');
  return words.trim() !== '' && CHROME.test(words);
}

/** An element whose text never reaches the tree, for the change log. */
export interface SkippedElement {
  tag: string;
  start: number;
  end: number;
  text: string;
}

function textContent(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textContent).join('');
  return '';
}

export function paragraphsFromHtml(html: string, toPoint: ToPoint): { paragraphs: Paragraph[]; title: string | null; skipped: SkippedElement[] } {
  const skipped: SkippedElement[] = [];
  const tree = parser.parse(html) as HastRoot;
  const paragraphs: Paragraph[] = [];
  let line: Piece[] = [];
  let title: string | null = null;

  const flush = () => {
    // Trim edge whitespace, as for plain-text lines.
    while (line.length && isBlank(line[0]!.value)) line.shift();
    while (line.length && isBlank(line[line.length - 1]!.value)) line.pop();
    if (line.length) paragraphs.push(buildParagraph(trimEdges(line), toPoint));
    line = [];
  };

  const walk = (node: HastNodes): void => {
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || !node.value) return;
      line.push({ value: node.value.replace(/[\r\n]+/g, ' '), start, end, origin: node.value.length === end - start && !/[\r\n]/.test(node.value) ? undefined : 'replaced' });
      return;
    }
    if (node.type === 'element') {
      if (node.tagName === 'title') {
        title = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('').trim() || null;
        return;
      }
      if (isChrome(node)) {
        const text = textContent(node).replace(/\s+/g, ' ').trim();
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (text && start !== undefined && end !== undefined) skipped.push({ tag: node.tagName, start, end, text });
        return;
      }
      const block = BLOCK.has(node.tagName);
      if (block) flush();
      for (const child of node.children) walk(child);
      if (block) flush();
      return;
    }
    if (node.type === 'root') for (const child of node.children) walk(child);
  };
  walk(tree);
  flush();
  return { paragraphs, title, skipped };
}

function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (charClass(value.charCodeAt(i)) !== CharClass.Space) return false;
  return true;
}

function trimEdges(pieces: Piece[]): Piece[] {
  const out = [...pieces];
  const first = out[0]!;
  const lead = first.value.length - first.value.trimStart().length;
  if (lead) out[0] = first.origin ? { ...first, value: first.value.trimStart() } : { value: first.value.slice(lead), start: first.start + lead, end: first.end };
  const last = out[out.length - 1]!;
  const trail = last.value.length - last.value.trimEnd().length;
  if (trail) out[out.length - 1] = last.origin ? { ...last, value: last.value.trimEnd() } : { value: last.value.slice(0, -trail), start: last.start, end: last.end - trail };
  return out;
}
