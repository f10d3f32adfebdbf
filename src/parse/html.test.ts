import { describe, expect, it } from 'vitest';
import { locator } from '../tree/locate.js';
import type { Leaf, Paragraph } from '../tree/types.js';
import { textOf } from '../tree/edit.js';
import { paragraphsFromHtml } from './html.js';

function parse(html: string) {
  const { paragraphs, skipped } = paragraphsFromHtml(html, locator(html));
  return { lines: paragraphs.map(textOf), skipped };
}

describe('blocks of links', () => {
  it('a menu and a related-articles list (heading included) are dropped and logged as link lists', () => {
    const { lines, skipped } = parse(
      '<ul><li><a href="/">首页</a></li><li><a href="/jh/">领导讲话</a></li><li><a href="/zj/">工作总结</a></li></ul>' +
        '<p>同志们：</p>' +
        '<div><h3>相关文章</h3><ul><li><a href="/1.html">在全县教育工作会议上的讲话</a></li><li><a href="/2.html">安全生产工作会议讲话稿</a></li></ul></div>',
    );
    expect(lines).toEqual(['同志们：']);
    expect(skipped.map((s) => [s.tag, s.why])).toEqual([
      ['ul', 'links'],
      ['div', 'links'],
    ]);
    expect(skipped[1]!.text).toContain('相关文章');
  });

  it('labels beside the links do not save the block (上一篇/下一篇, print buttons in brackets)', () => {
    const { lines } = parse('<p>谢谢大家！</p><div>上一篇：<a href="/1.html">在防汛工作会议上的讲话</a><br>下一篇：<a href="/3.html">在春耕生产现场会上的讲话</a></div><table><tr><td>【<a href="#">打印本文</a>】【<a href="#">关闭窗口</a>】</td></tr></table>');
    expect(lines).toEqual(['谢谢大家！']);
  });

  it('dates beside the entries do not save a list either', () => {
    const { lines } = parse('<ul><li><a href="/1.html">在全县教育工作会议上的讲话</a> 2023-05-01</li><li><a href="/2.html">全县安全生产工作会议讲话</a> 2023-04-28</li></ul><p>谢谢大家！</p>');
    expect(lines).toEqual(['谢谢大家！']);
  });

  it('a container holding a short speech beside heavy menus is not a link list; only its menus go', () => {
    const menu = Array.from({ length: 12 }, (_, i) => `<li><a href="/${i}.html">栏目名称${i}</a></li>`).join('');
    const { lines, skipped } = parse(`<div class="wrap"><ul>${menu}</ul><p>同志们：</p><p>今天我们召开会议，研究部署下一阶段工作。</p><p>谢谢大家！</p><ul>${menu}</ul></div>`);
    expect(lines).toEqual(['同志们：', '今天我们召开会议，研究部署下一阶段工作。', '谢谢大家！']);
    expect(skipped.map((s) => s.tag)).toEqual(['ul', 'ul']);
  });

  it('a paragraph whose prose holds links stays whole, the link words in place', () => {
    const html = '<p>扎实开展<a href="/tag/1">安全生产</a>专项整治行动，全市<a href="/tag/2">事故</a>起数和死亡人数实现“双下降”。</p>';
    const { lines, skipped } = parse(html);
    expect(lines).toEqual(['扎实开展安全生产专项整治行动，全市事故起数和死亡人数实现“双下降”。']);
    expect(skipped).toEqual([]);
  });

  it('paragraphs each wrapped in a link are text, not a list of links', () => {
    const para = '今天我们召开全县教育工作会议，主要任务是总结去年工作，分析当前形势，安排部署今年的各项任务。';
    const { lines } = parse(`<div><p><a href="/1">${para}</a></p><p><a href="/2">${para}</a></p></div>`);
    expect(lines).toEqual([para, para]);
  });

  it('a short paragraph, a paragraph that is one link, and anchors without href stay', () => {
    const { lines } = parse('<p>谢谢！</p><p><a href="/f.doc">附件：会议议程</a></p><p><a name="a1">一、</a><a name="a2">提高认识</a></p>');
    expect(lines).toEqual(['谢谢！', '附件：会议议程', '一、提高认识']);
  });
});

describe('containers named as chrome', () => {
  it('are dropped (class or id nav, header, footer, share…)', () => {
    const { lines, skipped } = parse('<div class="header"><span>欢迎访问本站</span></div><p>同志们：</p><div id="share-bar">分享到微信</div>');
    expect(lines).toEqual(['同志们：']);
    expect(skipped.map((s) => s.why)).toEqual(['markup', 'markup']);
  });

  it('unless they hold the <h1>: an article header keeps its title and date', () => {
    const { lines } = parse('<div class="article-header"><h1>在全县教育工作会议上的讲话</h1><span>2023-03-01</span></div><p>同志们：</p>');
    expect(lines).toEqual(['在全县教育工作会议上的讲话', '2023-03-01', '同志们：']);
  });

  it('a site logo in an <h1> that links home does not save the site header', () => {
    const { lines } = parse('<div class="header"><h1><a href="/">育才中学</a></h1><span>欢迎访问本站</span></div><p>同志们：</p>');
    expect(lines).toEqual(['同志们：']);
  });
});

describe('header and footer elements', () => {
  it('the page’s <footer> is dropped; one inside an <article> is the article’s and stays', () => {
    const { lines, skipped } = parse('<article><p>同志们：</p><footer>2023年5月4日</footer></article><footer>版权所有 某某网 京ICP备1号</footer>');
    expect(lines).toEqual(['同志们：', '2023年5月4日']);
    expect(skipped).toMatchObject([{ tag: 'footer', why: 'markup' }]);
  });

  it('a page-level <header> holding the title stays (its menu goes as a link list)', () => {
    const { lines } = parse('<header><h1>在全县教育工作会议上的讲话</h1><ul><li><a href="/">首页</a></li><li><a href="/a">讲话</a></li></ul></header><p>同志们：</p>');
    expect(lines).toEqual(['在全县教育工作会议上的讲话', '同志们：']);
  });
});

describe('preformatted text', () => {
  it('keeps its line breaks as line ends, each line pointing at its source', () => {
    const html = '<pre>同志们：\r\n　　今天召开会议。\r谢谢大家！</pre>';
    const { paragraphs } = paragraphsFromHtml(html, locator(html));
    expect(paragraphs.map(textOf)).toEqual(['同志们：', '今天召开会议。', '谢谢大家！']);
    for (const p of paragraphs) expect(html.slice(p.position!.start.offset, p.position!.end.offset)).toBe(textOf(p));
  });

  it('outside <pre>, a line break in the source is a space, not a new line', () => {
    expect(parse('<p>我认真学习了相关\n   材料。</p>').lines).toHaveLength(1);
  });
});

/** Every leaf of a paragraph with the source slice its position covers. */
function leaves(p: Paragraph, html: string): [string, string][] {
  const out: [string, string][] = [];
  const visit = (node: { value?: string; children?: unknown[]; position?: Paragraph['position'] }) => {
    if (typeof node.value === 'string') out.push([node.value, html.slice(node.position!.start.offset, node.position!.end.offset)]);
    for (const child of (node.children ?? []) as Leaf[]) visit(child);
  };
  visit(p);
  return out;
}

describe('positions of text with character references and line breaks', () => {
  it('verbatim text maps character by character; each reference stands for its own source', () => {
    const html = '<p>&nbsp;&nbsp;今天&ldquo;我们&rdquo;召开&#x4F1A;议&#12290;</p>';
    const { paragraphs } = paragraphsFromHtml(html, locator(html));
    expect(paragraphs.map(textOf)).toEqual(['今天“我们”召开会议。']);
    const sources = ['今天', '&ldquo;', '我们', '&rdquo;', '召开', '&#x4F1A;', '议', '&#12290;'];
    expect(leaves(paragraphs[0]!, html)).toEqual(['今天', '“', '我们', '”', '召开', '会', '议', '。'].map((t, i) => [t, sources[i]]));
  });

  it('a CRLF inside a sentence is one space standing for both characters', () => {
    const html = '<p>学习了相关\r\n材料。</p>';
    const { paragraphs } = paragraphsFromHtml(html, locator(html));
    expect(leaves(paragraphs[0]!, html).map(([, source]) => source)).toEqual(['学习了相关', '\r\n', '材料', '。']);
    expect(textOf(paragraphs[0]!)).toBe('学习了相关 材料。');
  });

  it('a reference the parser reads otherwise (no semicolon) maps the text node as one piece', () => {
    const html = '<p>版权所有&copy2008</p>';
    const { paragraphs } = paragraphsFromHtml(html, locator(html));
    expect(textOf(paragraphs[0]!)).toBe('版权所有©2008');
    expect(leaves(paragraphs[0]!, html).every(([, source]) => source === '版权所有&copy2008')).toBe(true);
  });
});

describe('text laid out in lines inside a page shell', () => {
  it('keeps its lines when most of them end a sentence', () => {
    expect(parse('<body><div id="content">\n同志们：\n今天召开全县教育工作会议。\n谢谢大家！\n</div></body>').lines).toEqual(['同志们：', '今天召开全县教育工作会议。', '谢谢大家！']);
  });

  it('or when blank lines set them apart, whatever they end with', () => {
    expect(parse('<div>\n讲话稿\n\n一、提高认识\n\n二、狠抓落实\n\n</div>').lines).toEqual(['讲话稿', '一、提高认识', '二、狠抓落实']);
  });

  it('markup wrapped mid-sentence stays one line', () => {
    expect(parse('<p>今天召开全县\n教育工作会议，主要\n任务是总结去年工作\n安排部署今年任务。</p>').lines).toEqual(['今天召开全县 教育工作会议，主要 任务是总结去年工作 安排部署今年任务。']);
  });
});
