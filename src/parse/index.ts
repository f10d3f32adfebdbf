/**
 * The parser plugin: decoded page text → nlcst Root whose paragraphs are the page's lines (plain text) or block
 * elements (HTML), tokenized into sentences by the Chinese tokenizer. Every node's position points into the decoded
 * text (`file.value`).
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { recordChange } from '../provenance.js';
import { locator } from '../tree/locate.js';
import type { Root } from '../tree/types.js';
import { paragraphsFromHtml } from './html.js';
import { paragraphsFromLines } from './lines.js';

export type PageFormat = 'text' | 'html';

declare module 'vfile' {
  interface DataMap {
    format: PageFormat;
    /** The HTML <title>, when the page has one (in simplified script once the script stage has run). */
    htmlTitle: string | null;
    /** The source range of the <title>'s text. */
    htmlTitleRange: { start: number; end: number } | null;
  }
}

/** Markup at the very start of a page (after a BOM, whitespace, comments, an XML declaration): an HTML page whatever its name says. */
const MARKUP_START = /^(?:[\s\ufeff]|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]/i;

/** HTML by the name (.html, .htm, .shtml, .xhtml), else by how the page starts (`head`: its first characters, if known). */
export function formatOf(path: string | undefined, head?: string): PageFormat {
  if (/\.(?:x?html?|shtml)$/i.test(path ?? '')) return 'html';
  return head !== undefined && MARKUP_START.test(head.slice(0, 4096)) ? 'html' : 'text';
}

const parsePage: Plugin<[], string, Root> = function () {
  this.parser = (document: string, file: VFile): Root => {
    const toPoint = locator(document);
    file.data.toPoint = toPoint;
    const format = file.data.format ?? formatOf(file.path, document);
    file.data.format = format;
    let children;
    if (format === 'html') {
      const parsed = paragraphsFromHtml(document, toPoint);
      children = parsed.paragraphs;
      file.data.htmlTitle = parsed.title?.text ?? null;
      file.data.htmlTitleRange = parsed.title && { start: parsed.title.start, end: parsed.title.end };
      for (const el of parsed.skipped) {
        recordChange(
          file,
          'parse',
          el.why === 'links'
            ? { rule: 'parse/link-list', kind: 'drop', start: el.start, end: el.end, before: el.text, after: '', reason: `<${el.tag}> is mostly links (a menu, a list of other articles, buttons).` }
            : { rule: 'parse/skip-element', kind: 'drop', start: el.start, end: el.end, before: el.text, after: '', reason: `<${el.tag}> holds no page text (script, style, navigation, the page's footer).` },
        );
      }
    } else {
      children = paragraphsFromLines(document, toPoint);
    }
    return { type: 'RootNode', children, position: { start: toPoint(0), end: toPoint(document.length) } };
  };
};
export default parsePage;
