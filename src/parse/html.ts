/**
 * HTML pages: parsed with rehype-parse (the unified HTML parser, which keeps source positions). Text inside
 * script/style and navigation-like elements never reaches the tree, nor do blocks that are mostly links (menus,
 * related-article lists, print and share buttons) or the page's own footer; block elements and <br> end a line
 * (as do the line breaks of <pre> and of text laid out in lines); text nodes become pieces whose positions point at
 * their source slices (a character reference or line break is a `replaced` piece of its own).
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

/** Elements that start sectioning content: a <footer> inside one belongs to it, not to the page. */
const SECTIONING = new Set(['article', 'section', 'main']);

const parser = unified().use(rehypeParse, { fragment: false });

function isChrome(el: Element, sectioned: boolean, stats: BlockStats | undefined): boolean {
  if (SKIP.has(el.tagName)) return true;
  // The page's own <footer> (copyright, ICP, contact). A page-level <header> may hold the article's <h1>: its menus
  // go as link lists instead.
  if (!sectioned && el.tagName === 'footer') return true;
  const cls = el.properties?.className;
  const words = [Array.isArray(cls) ? cls.join(' ') : String(cls ?? ''), String(el.properties?.id ?? '')].join(' ');
  // A chrome-named container that holds an <h1> is the article's header (class="article-header"), not the site's.
  return words.trim() !== '' && CHROME.test(words) && !stats?.h1;
}

/**
 * Word characters (digits aside: dates and counts beside list entries) of a block's text, how many are link text,
 * and whether it holds an <h1> with text of its own.
 */
interface BlockStats {
  chars: number;
  linkChars: number;
  links: number;
  h1: boolean;
}

/** What makes a block a link list. */
const LINK_LIST = {
  /** At least this many links… */
  minLinks: 2,
  /** …holding at least this share of its word characters… */
  share: 0.75,
  /** …leaving at most this many to labels such as 相关文章：, 上一篇： (a page's text, however short, has more)… */
  maxOther: 20,
  /** …and at most this many on average: link lists name pages (titles, menu labels); longer links are linked text. */
  maxAverage: 40,
};
/** Containers of the whole page or article, never a link list themselves. */
const NEVER_LINK_LIST = new Set(['html', 'body', 'main', 'article']);

function wordChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (charClass(code) === CharClass.Word && !(code >= 0x30 && code <= 0x39)) n++;
  }
  return n;
}

/** Statistics of every element, in one pass (skipped elements count as empty). */
function blockStats(root: HastRoot): Map<Element, BlockStats> {
  const stats = new Map<Element, BlockStats>();
  const visit = (node: HastNodes, inLink: boolean): BlockStats => {
    if (node.type === 'text') {
      const chars = wordChars(node.value);
      return { chars, linkChars: inLink ? chars : 0, links: 0, h1: false };
    }
    const sum: BlockStats = { chars: 0, linkChars: 0, links: 0, h1: false };
    if (node.type !== 'element' && node.type !== 'root') return sum;
    const link = node.type === 'element' && node.tagName === 'a' && node.properties?.href !== undefined;
    if (node.type === 'element' && SKIP.has(node.tagName)) return sum;
    for (const child of node.children) {
      const c = visit(child, inLink || link);
      sum.chars += c.chars;
      sum.linkChars += c.linkChars;
      sum.links += c.links;
      sum.h1 ||= c.h1;
    }
    // A site's logo is often an <h1> that links home: only a heading with text of its own is the article's title.
    if (node.type === 'element' && node.tagName === 'h1' && sum.chars > sum.linkChars) sum.h1 = true;
    if (link && sum.chars) sum.links++;
    if (node.type === 'element') stats.set(node, sum);
    return sum;
  };
  visit(root, false);
  return stats;
}

/** A block whose text is mostly the text of several links: navigation, not page text. A paragraph with a link or two in its prose is not. */
function isLinkList(el: Element, stats: BlockStats | undefined): boolean {
  if (!stats || NEVER_LINK_LIST.has(el.tagName) || stats.links < LINK_LIST.minLinks) return false;
  return stats.linkChars >= LINK_LIST.share * stats.chars && stats.chars - stats.linkChars <= LINK_LIST.maxOther && stats.linkChars <= LINK_LIST.maxAverage * stats.links;
}

/** An element whose text never reaches the tree, for the change log. */
export interface SkippedElement {
  tag: string;
  start: number;
  end: number;
  text: string;
  /** `markup`: script, style, navigation elements, the page's footer; `links`: a block of links. */
  why: 'markup' | 'links';
}

function textContent(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textContent).join('');
  return '';
}

/** A character reference, or a line break (which the parser reads as one \n). */
const REFERENCE_OR_BREAK = /&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?|\r\n?|\n/g;

/**
 * A text node as pieces that map character by character: the runs its source holds verbatim keep their exact
 * ranges, and each character reference or line break (`\n` whatever the source had) is a piece of its own,
 * `replaced`, standing for its source. Null when the value does not line up with the source that way (a reference
 * the parser read otherwise): the caller then maps the node as one piece.
 */
export function alignText(raw: string, value: string, start: number): Piece[] | null {
  const pieces: Piece[] = [];
  let from = 0; // in raw
  let at = 0; // in value
  const verbatim = (to: number): boolean => {
    const run = raw.slice(from, to);
    if (!value.startsWith(run, at)) return false;
    if (run) pieces.push({ value: run, start: start + from, end: start + to });
    at += run.length;
    return true;
  };
  REFERENCE_OR_BREAK.lastIndex = 0;
  for (let m = REFERENCE_OR_BREAK.exec(raw); m; m = REFERENCE_OR_BREAK.exec(raw)) {
    if (!verbatim(m.index)) return null;
    const token = m[0];
    // Numeric references outside the BMP decode to two code units; named ones (nearly all) to one.
    const hex = token[2] === 'x' || token[2] === 'X';
    const code = token.startsWith('&#') ? Number.parseInt(token.slice(hex ? 3 : 2), hex ? 16 : 10) : 0;
    const length = token[0] === '&' && code > 0xffff && code <= 0x10ffff ? 2 : 1;
    const decoded = value.slice(at, at + length);
    if (decoded.length < length || (token[0] !== '&' && decoded !== '\n')) return null;
    pieces.push({ value: decoded, start: start + m.index, end: start + m.index + token.length, origin: 'replaced' });
    at += length;
    from = m.index + token.length;
  }
  return verbatim(raw.length) && at === value.length ? pieces : null;
}

/** Sentence ends and colons: where a line of running text laid out one sentence or paragraph a line ends. */
const LINE_END = /[。！？!?：:；;…”」』）)]$/;

/**
 * Text laid out in lines inside a page shell (a text file served as HTML, a `white-space: pre` block): at least
 * three non-blank lines, most of them ending a sentence or set apart by blank lines. Markup's own line breaks are
 * between tags, or fall mid-sentence.
 */
function isLineFormatted(value: string): boolean {
  const lines = value.split('\n').map((l) => l.trim());
  const full = lines.filter(Boolean);
  if (full.length < 3) return false;
  const ended = full.slice(0, -1).filter((l) => LINE_END.test(l)).length;
  let apart = 0; // non-blank lines after a blank line that follows the first non-blank one
  let started = false;
  for (let i = 0; i < lines.length; i++) {
    if (started && lines[i] && lines[i - 1] === '') apart++;
    if (lines[i]) started = true;
  }
  return ended >= (2 / 3) * (full.length - 1) || apart >= (2 / 3) * (full.length - 1);
}

/** Where the walk is: inside sectioning content (its header and footer are its own), inside preformatted text. */
interface Context {
  sectioned: boolean;
  pre: boolean;
}

/** The <title>'s text and the source range it comes from. */
export interface HtmlTitle {
  text: string;
  start: number;
  end: number;
}

export function paragraphsFromHtml(html: string, toPoint: ToPoint): { paragraphs: Paragraph[]; title: HtmlTitle | null; skipped: SkippedElement[] } {
  const skipped: SkippedElement[] = [];
  const tree = parser.parse(html) as HastRoot;
  const stats = blockStats(tree);
  const paragraphs: Paragraph[] = [];
  let line: Piece[] = [];
  let title: HtmlTitle | null = null;

  const flush = () => {
    // Trim edge whitespace, as for plain-text lines.
    while (line.length && isBlank(line[0]!.value)) line.shift();
    while (line.length && isBlank(line[line.length - 1]!.value)) line.pop();
    if (line.length) paragraphs.push(buildParagraph(trimEdges(line), toPoint));
    line = [];
  };

  const walk = (node: HastNodes, at: Context): void => {
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || !node.value) return;
      const value = node.value;
      // Most text nodes are their source as is: no reference, no line break.
      if (value.length === end - start && !value.includes('\n') && html.startsWith(value, start)) {
        line.push({ value, start, end });
        return;
      }
      // Markup's whitespace between tags: one replaced space at most (trimmed at a line's edges).
      if (isBlank(value) && !at.pre) {
        line.push({ value: ' ', start, end, origin: 'replaced' });
        return;
      }
      const pieces = alignText(html.slice(start, end), value, start);
      if (!pieces) {
        line.push({ value: value.replace(/[\r\n]+/g, ' '), start, end, origin: 'replaced' });
        return;
      }
      // Preformatted text, and text laid out in lines (a raw text dump in a page shell), keep their line breaks.
      const broken = at.pre || isLineFormatted(value);
      for (const piece of pieces) {
        if (piece.value !== '\n') line.push(piece);
        else if (broken) flush();
        else line.push({ ...piece, value: ' ' });
      }
      return;
    }
    if (node.type === 'element') {
      if (node.tagName === 'title') {
        const text = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('').trim();
        const first = node.children[0]?.position?.start.offset;
        const last = node.children.at(-1)?.position?.end.offset;
        title = text && first !== undefined && last !== undefined ? { text, start: first, end: last } : null;
        return;
      }
      const block = BLOCK.has(node.tagName);
      const own = stats.get(node);
      const chrome = isChrome(node, at.sectioned, own);
      if (chrome || (block && isLinkList(node, own))) {
        const text = textContent(node).replace(/\s+/g, ' ').trim();
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (text && start !== undefined && end !== undefined) skipped.push({ tag: node.tagName, start, end, text, why: chrome ? 'markup' : 'links' });
        if (block) flush();
        return;
      }
      const inner = { sectioned: at.sectioned || SECTIONING.has(node.tagName), pre: at.pre || node.tagName === 'pre' };
      if (block) flush();
      for (const child of node.children) walk(child, inner);
      if (block) flush();
      return;
    }
    if (node.type === 'root') for (const child of node.children) walk(child, at);
  };
  walk(tree, { sectioned: false, pre: false });
  flush();
  return { paragraphs, title, skipped };
}

export function isBlank(value: string): boolean {
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
