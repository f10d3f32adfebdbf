/**
 * Boilerplate rules: kinds of site chrome seen across ~150 范文/公文 sites (breadcrumbs, meta lines, editor blurbs,
 * paywalls, related lists, footers, watermarks, jammer strings, spam), written as patterns over one paragraph of
 * normalised, simplified text. They name kinds of boilerplate, never one site's strings.
 *
 * Kinds:
 * - `line`: the whole paragraph is boilerplate (only paragraphs up to `maxLength` characters).
 * - `span`: the matched part is boilerplate; the rest of the paragraph stays (`pattern` must be global).
 * - `block`: this paragraph starts boilerplate that runs to the end of the page (related lists, paywalls,
 *   footers); it stops early at a paragraph that opens a speech again (a salutation), and a list that does not cut the
 *   page (no `truncates`) also where the speech goes on (its next 二、 section or its rallying 同志们,).
 *
 * `zone` limits where a rule may fire: `head` = before the first speech text, `edge` = the head or after the last
 * speech text (the tail), `any` = everywhere. `truncates` marks the speech before it as cut short.
 */
import { numberingOf } from './structure.js';

export type BoilerplateKind = 'line' | 'span' | 'block';

export interface BoilerplateRule {
  id: string;
  family: string;
  description: string;
  kind: BoilerplateKind;
  pattern: RegExp;
  maxLength?: number;
  zone?: 'any' | 'edge' | 'head';
  truncates?: boolean;
  /** The rule does not fire when this also matches (e.g. a title that ends like a site name). */
  unless?: RegExp;
  /** Feature test on the matched text (span rules) or paragraph (line rules), for what a pattern cannot say. */
  accept?: (text: string) => boolean;
  /** Fires from the rule's second match on the page on (the first is the one that belongs to the speech). */
  repeat?: boolean;
  /**
   * Span rules: fires only where a page is cut, on the last paragraph that reads as speech or one followed by a
   * truncating block (a paywall); the same text elsewhere is the writer's own.
   */
  atCut?: boolean;
  /** Line rules: when the paragraph goes on after the sentence that matched, keep the rest. */
  keepAfter?: boolean;
  /**
   * Something every match contains, found by a quick scan (not global): a paragraph without it skips `pattern`,
   * for patterns that cost many steps at every position of a long paragraph.
   */
  requires?: RegExp;
  /** Span rules: a date in a match is the page's (page.publishedAt). */
  dated?: boolean;
}

/** Words that make a short line a title rather than a site name or a label. */
export const GENRE_WORDS = /讲话|讲稿|发言|致辞|致词|演讲|报告|总结|会议|计划|心得|体会|主持词|动员|述职|稿/;

/** A path separator; a slash between digits is a date (`发表时间:2024/4/9`), not a path. */
const SEP = '(?:[>＞›»|｜]|(?<!\\d)/|/(?!\\d))';
/** A date with at least a month (a bare year starts many body sentences). */
const DATE = '(?:19|20)\\d{2}[-/.年]\\d{1,2}(?:[-/.月]\\d{1,2}日?)?';
/** Names of a kind of document (not of an event: `会议时间:` in a host script is the meeting's time). */
const DOC_WORD = '(?:致辞|致词|讲话稿?|发言稿?|演讲稿?|范文|心得体会|总结|主持词)';
/** A line that ends as a sentence does: running text, never a row of fields, links or buttons. */
const SENTENCE_LINE = /[。！？!?]["”’」』)）]*$/;
const LABEL = '(?:发布|更新|发表|上传|提交|收录|编辑)?(?:时间|日期)|来源|作者|编辑|责任编辑|浏览(?:次数|量)?|阅读(?:量|数)?|点击(?:数|量)?|人气|字数|热度|评论|分类|栏目|标签|关键词';

export const boilerplateRules: readonly BoilerplateRule[] = [
  // 2.3 Meta lines (their values are extracted into `page` before the line goes). First: a meta line with | or /
  // separators (`2016-03-14 17:28:42|来源:新华网|编辑:…`) also looks like a breadcrumb, and only its own rule takes its date.
  {
    id: 'boilerplate/meta-line',
    family: 'meta',
    description: 'Meta line: publication time, source, author, publisher, views, word count (时间:… 来源:… 作者:… 发布者:… 浏览:…).',
    kind: 'line',
    // Also a publishing label and its date after other fields (`文章来源: 新华社 发布时间: 2016-03-15`, `复制全文 更新
    // 2022-12-29 | 人气 552`; a bare 时间 only as a field of its own, not `会议时间:` in a host script), and a date with
    // the author glued to it (`2022-04-16王冠中`), or a short category after a separator (`2024-01-18 · 发言材料`).
    // A 时间 label glued after a genre or share button (`致辞 时间:2021-08-31 手机版`, `0范文库 分享 时间:`) is the
    // page's, where the line holds nothing else; an event's time (`会议时间:…`) is the body's.
    pattern: new RegExp(`^(?:\\s*【[^】]{1,6}】)*[\\s【\\[]*(?:${LABEL})\\s*[:：]|^${DATE}\\s*(?:\\d{1,2}[:时]\\d{1,2}|[|｜]|[·•/／]\\s*[\\u4e00-\\u9fff]{2,8}$|来源|作者|发布[者人][:：]|字数|阅读|浏览|[^\\s，,。]{2,12}(?:网|站)(?=\\s|$))|^[^。！？!?，,]{0,30}?(?:(?:发布|更新|发表|上传|提交|收录)(?:时间|日期)?|(?<![\\u4e00-\\u9fff])(?:时间|日期))\\s*[:：]?\\s*${DATE}|^${DATE}[\\u4e00-\\u9fff]{2,4}$|^[^。！？!?，,:：]{0,12}?(?:${DOC_WORD}|分享)\\s*(?:时间|日期)[:：]\\s*(?:${DATE}[^。！？!?，,]{0,12})?$`),
    maxLength: 200,
    // Fields carry values, not sentences: `关键词:实、新、精。` and `统计局发布2024年1月的数据显示…。` are body.
    unless: SENTENCE_LINE,
  },
  // Forum threads: the first post holds the speech, and a second post line starts the replies under it. Before the
  // breadcrumb rule, which would take a post line with | separators without its date.
  {
    id: 'boilerplate/forum-reply',
    family: 'forum',
    description: 'A second forum post (another 发表于 <date> line): the replies under the post that holds the speech.',
    kind: 'block',
    // Forum software prints the post date in digits (`发表于 2023-6-5 09:12`); a paper 发表于2022年 is body.
    pattern: /发表于\s*\d{4}[-/.]\d/,
    maxLength: 200,
    repeat: true,
  },
  {
    id: 'boilerplate/forum-signature',
    family: 'forum',
    description: 'A forum signature line under a post (签名: …, 个性签名: …).',
    kind: 'line',
    pattern: /^(?:个性)?签名\s*[:：]/,
    maxLength: 120,
  },
  {
    id: 'boilerplate/forum-meta',
    family: 'meta',
    description: 'Forum post chrome: 发表于 … 显示全部楼层, 本帖最后由 … 编辑, 注册时间/在线时间/最后登录.',
    kind: 'line',
    pattern: /发表于\s*\d{4}[-/.]\d|显示全部楼层|阅读模式|本帖最后由.{1,30}编辑|^(?:注册时间|在线时间|最后登录|积分|金钱|帖子)\s*\d[^。，,！!？?]*$/,
    maxLength: 200,
  },
  // 2.1 Navigation
  {
    id: 'boilerplate/breadcrumb',
    family: 'navigation',
    description: 'Breadcrumb: "当前位置:", "您的位置:", or a path of short links joined by > / | ›.',
    kind: 'line',
    // Also one link and a separator with at most one more label after it (`讲话致辞 >`, `• 讲话稿范文|讲话稿大全`), not a
    // comparison (`产值>100亿元`).
    pattern: new RegExp(`^(?:您?(?:现在)?的?(?:当前)?位置|当前位置|所在位置|位置)[:：]|^(?:网站)?首页\\s*${SEP}|^[^。！？!?，,]{1,20}\\s*${SEP}{1,2}\\s*[^。！？!?，,]{1,20}\\s*${SEP}{1,2}|^[^。！？!?，,>＞›»|｜]{1,20}\\s*[>＞›»|｜]{1,2}\\s*(?!\\d)[^。！？!?，,>＞›»|｜]{0,20}$`),
    maxLength: 160,
    // A path is links, never a sentence (`华东 | 华南 | 西南三个大区…。`, `组织党员/干部/职工…。`).
    unless: SENTENCE_LINE,
  },
  {
    id: 'boilerplate/nav-labels',
    family: 'navigation',
    description: 'A row of navigation labels (首页 … 正文 / 网站首页…) with no sentence in it.',
    kind: 'line',
    pattern: /^(?:网站首页|首页)(?:[^。！？!?，,:：]{0,60})$|^[^。！？!?，,]{0,30}(?:首页|正文|栏目|频道)\s*$/,
    maxLength: 80,
    zone: 'edge',
  },
  // 2.2 Site name and app chrome
  {
    id: 'boilerplate/site-name',
    family: 'chrome',
    description: 'A site name alone on a line at the top or bottom of the page (…范文网, …文库, 欢迎来到…).',
    kind: 'line',
    pattern: /^(?:欢迎(?:来到|访问|光临).{1,20}|[\u4e00-\u9fff\w]{1,12}(?:网|站|文库|范文|素材库|文档|文秘|写作网|公文网|资料库|手机站|手机版)(?:\s*首页)?[!！]?)$/,
    maxLength: 24,
    zone: 'edge',
    // A genre word makes it a title (`2023年教师节讲话稿范文`), unless the line ends as only a site does (`讲话稿 文案下载手机站`).
    unless: new RegExp(`^(?!.*(?:网|站|手机版|首页)$).*(?:${GENRE_WORDS.source})`),
  },
  {
    id: 'boilerplate/app-chrome',
    family: 'chrome',
    description: 'Buttons and UI labels: 复制全文, 下载文档, 字号, A+/A-, 打印, 关闭窗口, 收藏, 分享到, 扫码, APP下载, 上一篇/下一篇, forum post buttons (回复 使用道具 举报), reader buttons (点赞 打赏 阅读全文 评论(0) 我来说两句).',
    kind: 'line',
    pattern: /^(?:[\s|｜•·\[\]【】()（）+\-]*(?:正文复制|正文预览|复制全文|复制链接|下载文档|下载该文章|下载本文|会员注册|我要投稿|我要收藏|返回(?:首页|列表|顶部)?|字[号號体體][:：]?|[大中小]|A[+\-]|打印(?:文章|本文|此文|本页)?|关闭(?:窗口|本页)|发送给(?:我的?)?好友|关灯|护眼|加入书签|投票推荐|留言反馈|收藏(?:本文|本页)?|举报|分享(?:到)?\s*[:：]?|(?:添加|加入)[^。]{0,12}电脑桌面|电脑桌面|[^。]{0,8}桌面快捷访问|开启左侧|Loading\.*|论文部分内容阅读|微信扫码(?:分享)?|手机扫码阅读本文|扫描二维码[^。]{0,12}|APP下载|手机版|电脑版|繁体版|简体版|目录|顶部|上一[篇页章]|下一[篇页章]|上一主题|下一主题|回复|使用道具|只看该作者|点击(?:查看|阅读)[^。]{0,8}|点赞|打赏|(?:阅读|展开|查看)全文|免费下载|我来说两句|发表评论|评论\s*(?:[(（]\d+[)）])?|扫一扫[^。]{0,10}|文档贡献者|推荐度[:：]?)[\s|｜•·\[\]【】()（）+\-]*)+$/,
    maxLength: 60,
  },
  {
    id: 'boilerplate/field-label',
    family: 'chrome',
    description: 'A form label in front of the title (标题: …), left by forum and CMS templates.',
    kind: 'span',
    // What follows is a title, no sentence (`标题:公文标题一般由…组成。` teaches writing).
    pattern: /^(?:文章|帖子)?标题\s*[:：]\s*(?=[^。！？!?]+$)/g,
  },
  {
    id: 'boilerplate/title-site-suffix',
    family: 'chrome',
    description: 'The column and site names a printed <title> line carries after underscores or hyphens (七一讲话稿_党建范文_写作网, 政府工作报告 - 范文大全网), with the date that may follow them (… - 写作网 2024-05-06): the date is the page\'s.',
    kind: 'span',
    // A scrubbed word leaves one underscore inside a sentence (医药卫生_综合改革), never before a site name at the end
    // of the line; a dash in a subtitle is a long one (——在…上的讲话).
    // The <title> line is short and holds no sentence (`加快建设城东-城西快速路网` after a sentence is body); a hyphen
    // after a digit is a date's (`2016-03-14 新华网` is a meta line).
    pattern: new RegExp(`(?<=^[^。！？!?，,]{0,60}[^_\\s\\-。！？!?，,\\d])(?:\\s*[_\\-－]\\s*[^_\\-－。，,！!？?]{1,12}){0,2}\\s*[_\\-－]\\s*[\\u4e00-\\u9fffA-Za-z0-9]{1,12}(?:网|站|文库)(?:\\s*${DATE}(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?)?$`, 'g'),
    requires: /[_\-－]/,
    dated: true,
  },
  {
    id: 'boilerplate/prev-next',
    family: 'related',
    description: 'Previous/next article links: 上一篇:… 下一篇:…',
    kind: 'line',
    pattern: /^(?:上一[篇页章]|下一[篇页章]|上一主题|下一主题)[:：]/,
    maxLength: 120,
  },
  {
    id: 'boilerplate/date-line',
    family: 'meta',
    description: 'A bare publication date above the speeches (a date under the speech title or after it is the speech’s own).',
    kind: 'line',
    pattern: new RegExp(`^${DATE}$`),
    maxLength: 20,
    zone: 'head',
  },
  {
    id: 'boilerplate/view-count',
    family: 'meta',
    description: 'A category label with a view count (发言稿2.02W, 阅读 1.2万).',
    kind: 'line',
    pattern: /^[\u4e00-\u9fff]{0,8}\s*\d+(?:\.\d+)?\s*[wWkK万千]$|^(?:\d+\s+){1,4}\d+$/,
    maxLength: 24,
  },
  // 2.17 News chrome around a speech transcript
  {
    id: 'boilerplate/news-line',
    family: 'news',
    description: 'News chrome on a line of its own: a dateline (新华社北京3月14日电, 本报讯(记者…)) or a photo caption (…新华社记者李学仁摄).',
    kind: 'line',
    pattern: /^[^。！？!?]{0,12}(?:社|报|网|台)[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电$|^(?:本报|本网|本台)讯(?:[(（][^()（）]{0,30}[)）])?$|记者\s*[\u4e00-\u9fff·]{2,8}\s*摄[)）]?$/,
    maxLength: 60,
  },
  // 2.4 Document viewers
  {
    id: 'boilerplate/doc-viewer',
    family: 'doc-viewer',
    description: 'Document-viewer chrome: 申明敬告, 文档介绍, 格式/大小/页数/上传, 由会员分享, 下载后可任意编辑, 第 N 页 共 M 页.',
    kind: 'line',
    pattern: /^申明敬告|本站不保证.{0,30}(?:完整性|准确性)|^文档介绍[:：]?$|^[-•·\s]*(?:格式|大小|文档页数|页数|上传时间|上传人|文档编号|下载次数|文档分类)\s*[:：][^。！？!?，,]*$|由会员分享[,，]可在线阅读|请在[\u4e00-\u9fff]{2,8}上搜索|下载后可任意编辑|下载后可?查看(?:完整|全部|全文)|^第\s*\d+\s*页\s*[/／共]\s*共?\s*\d+\s*页|\.docx?_第\d+页$|^(?:合集下载|下载\s*相关\s*举报)$/,
    maxLength: 200,
  },
  // 2.5 Editor/SEO blurbs: the whole paragraph is a lead-in plus a promise of content ("下面是小编…").
  {
    id: 'boilerplate/blurb',
    family: 'blurb',
    description: 'Editor/SEO blurb: 下面是…小编…整理的…, 以下是为大家整理的…, 下面是<site>网提供的…, 本文由…整理, 给大家带来/分享…范文…供大家参考/希望…帮助/欢迎阅读, 导语:/前言: site notes.',
    kind: 'line',
    pattern: /(?:下面|以下|接下来|这里)(?:是|由|为|给|就是)?(?![,，]?\s*有?请)[^。！？!?]{0,24}?(?:小编|小編|本站|编辑)[^。！？!?]{0,40}?(?:整理|收集|带来|帶來|准备|準備|提供|分享|精选|汇编|搜集|推荐)|(?:以下|下面)(?:是|为)(?:为|給|给)?(?:大家|您|你)?(?:精心)?(?:整理|收集|准备|搜集)的|^(?:导语|前言|编者按|摘要|【摘要】)[:：]|小编(?:精心)?(?:整理|为大家|给大家|为你)|小编[^。！？!?]{0,6}(?:介绍|分享|推荐)|敬请关注[\u4e00-\u9fff]{2,10}(?:网|频道|栏目)|(?:下面|以下)是[^。！？!?，,]{1,20}(?:网|站|频道|栏目)(?:为大家)?(?:提供|整理|收集|带来)的|^[^。！？!?]{0,10}频道《[^》]{1,40}》|^本文(?:是)?由[^。！？!?]{1,20}(?:整理|收集|提供|编辑)|(?<!我|我们)(?:给|为)(?:大家|您|你)(?:精心)?(?:整理|收集|带来|帶來|准备|分享|提供|推荐|搜集)(?:了|的)?[^。！？!?]{0,40}?(?:范文|文章|讲话|致辞|演讲|发言|稿|材料|篇|资料)[^。！？!?]{0,30}?(?:供(?:大家|您|你)?参考|希望[^。！？!?]{0,20}(?:帮助|喜欢)|欢迎(?:阅读|参考|借鉴|收藏))/,
    maxLength: 600,
    keepAfter: true,
  },
  // 2.7 Paywalls and truncation
  {
    id: 'boilerplate/paywall',
    family: 'paywall',
    description: 'Paywall or preview end (预览结束, 试读结束, 开通VIP, 全文共N字当前显示M字, 因篇幅问题不能全部显示, 下载本文档…): the rest of the page is not speech.',
    kind: 'block',
    pattern: /预览(?:阅读)?(?:已)?结束|试读结束|开通VIP|赞助(?:VIP)?会员|正式会员可完整阅读|全文共\s*\d+\s*字[,，]?\s*当前(?:仅)?显示|因篇幅问题不能全部显示|超出免费预览范围|全文预览已结束|下载本文档|此处隐藏\s*\d+\s*字|阅读全部图文内容[,，]?您需要|^请先登录|点击[^。！？!?，,]{0,24}联系老师|^查看更多$|点此查看更多|^[(（]?未完[,，)）]|请认真阅读下面的提示信息/,
    maxLength: 200,
    truncates: true,
  },
  {
    id: 'boilerplate/copy-notice',
    family: 'paywall',
    description: 'Copy notices with a character count: 【文章共3971字,范文学习借鉴,请勿直接抄袭】.',
    kind: 'span',
    pattern: /[【\[](?:文章|全文)共\s*\d+\s*字[^】\]\n]{0,40}[】\]]/g,
  },
  {
    id: 'boilerplate/omission-note',
    family: 'paywall',
    description: 'A mid-body omission note (……(…省略434字,正式会员可完整阅读)……), or a cut-off note (未完,全文共N字…) glued to the last paragraph shown.',
    kind: 'span',
    // Also a cut-off note glued to the end of the last paragraph shown (`…负总责……(未完,全文共2620字,当前仅显示…`):
    // only that note goes, not the paragraph (a note on a line of its own is the paywall block rule's).
    pattern: /[…\.]{0,6}[(（][^()（）]{0,60}省略\s*\d+\s*字[^()（）]{0,30}[)）][…\.]{0,6}|-{2,}此处隐藏\s*\d+\s*字[^-]{0,12}-{2,}|(?<=[^\s…\.(（])[…\.]{0,6}[(（]未完[,，][^()（）]{0,80}(?:[)）]|$)/g,
    truncates: true,
    requires: /省略|此处隐藏|未完/,
  },
  // 2.13 Notes to the reader of a template
  {
    id: 'boilerplate/editor-note',
    family: 'annotation',
    description: 'A note telling the reader how to fill in the template ((一个伟人的名字加最高职务,你可以前后对照进行准确替换)); stage directions such as (热烈掌声) stay.',
    kind: 'span',
    pattern: /[(（][^()（）]{0,40}(?:(?:你|您)(?:可以|可|自行|根据|结合)?|请(?:自行|根据|结合|按照))[^()（）]{0,24}(?:替换|填写|填入|改为|修改为)[^()（）]{0,12}[)）]/g,
  },
  {
    id: 'boilerplate/cut-dots',
    family: 'paywall',
    description: 'ASCII dots after a word cut off at the end of a preview (…实际困...... before a paywall or at the end of the speech); Chinese ellipses (……) and dots inside the speech stay.',
    kind: 'span',
    pattern: /(?<=[\u4e00-\u9fff])\.{2,6}$/g,
    truncates: true,
    atCut: true,
  },
  // 2.8 Footers
  {
    id: 'boilerplate/footer',
    family: 'footer',
    description: 'Footer: copyright, ICP/备案 numbers, 声明/免责声明, 推荐访问, 本文来源/以上内容来自互联网, 文章均来自网络 (本站主持词均来自网络), 本文由网友投稿, 版权归原作者所有, 如有侵权, site notices about 本站 resources (also numbered like list items).',
    kind: 'line',
    pattern: /copyright|©|版权所有(?![人者方])|版权[声聲]明|版权说明|[\u4e00-\u9fff]ICP备|ICP证|备案号|^(?:免责)?声明\s*[:：]|^推荐访问[:：]|^本文来源[:：]?|以上内容来自互联网|如有侵权[,，]?\s*(?:请|敬请)?(?:联系|告知|通知)|侵权请联系|^(?:联系(?:我们|站长)|网站地图|关于我们)\s*(?:[:：|｜]|$)|^(?:初审|复审|终审)[:：]|^[(（]?责任编辑[:：]|不代表本站观点|转载请注明出处|^原创声明[:：]|(?:本文|此文|本篇)由(?:网友|用户|会员)(?:投稿|上传|分享|发布)|共有\s*\d+\s*条评论|本站(?:部分|所有|全部)?(?:文稿|资源|文章|内容|文档)[^。！!]{0,30}(?:会员|下载|来源于|侵权|删除)|^用户评论|网友评论共|以下评论仅代表|^(?:本站|本网)?(?:所有|部分)?(?:文章|内容|资源|文稿|范文|主持词|讲话稿|致辞|演讲稿|发言稿|作品|素材)(?:均|都|全部|大多)?(?:来自|来源于|转载自|摘自)(?:互联)?网络|版权(?:均)?归原作者|版权归作者所有/i,
    maxLength: 300,
  },
  // 2.9 Related lists
  {
    id: 'boilerplate/related',
    family: 'related',
    description: 'Start of a related/recommended list (相关文章, 相关范文推荐, 猜你喜欢, 您可能关注的文档, 热门推荐…), alone or with its entries on the same line (相关推荐:title  title): the rest of the page.',
    kind: 'block',
    pattern: /^(?:[^。！？!?，,]{0,80})?(?:相关(?:文章|范文|推荐|阅读|内容|资料|文档)(?:推荐)?|猜你喜欢|您可能(?:关注|感兴趣|还喜欢)的?(?:文档|文章|内容)?|热门(?:推荐|文章|范文)|推荐(?:阅读|文章|范文)|延伸阅读|更多(?:相关)?(?:文章|范文|精彩(?:内容)?)|小编精心推荐|精彩推荐|最新(?:文章|范文|更新)|点击排行|热门排行|友情链接|随机(?:文章|推荐))\s*[:：]?$|^(?:相关(?:文章|范文|推荐|阅读)(?:推荐)?|猜你喜欢|热门推荐|推荐阅读|延伸阅读)\s*[:：][^。！？!?]{2,100}$/,
    maxLength: 120,
    // A numbered line is a section of the speech (`二、拓展延伸阅读`, `(三)及时更新网站相关内容`), not a list's header.
    accept: (text) => numberingOf(text) === undefined,
  },
  // 2.10 Watermarks and ads at the end of a paragraph
  {
    id: 'boilerplate/watermark',
    family: 'watermark',
    description: 'A site watermark or ad appended to a paragraph: "作文吧 Www.ZuoWenBa.Net", "【更多公文素材,微信:…】".',
    kind: 'span',
    // `(?<!\s)`: a match never starts inside a run of spaces (it would start earlier), and without it every space
    // of a long run would start a scan of the rest of the run.
    pattern: /(?<!\s)\s*(?:[\u4e00-\u9fff]{2,10}[,，]?[\u4e00-\u9fff]{0,10}\s*)?(?:https?:\/\/)?www\.[a-z0-9-]+(?:\.[a-z]{2,4}){1,2}\/?\s*$|[【\[]更多[^】\]]{0,30}[】\]]\s*$|[【\[][^】\]]{0,20}(?:微信|公众号|QQ)[:：][^】\]]{0,20}[】\]]/gi,
    // The slogan before a URL may start at any Han character: ~100 steps a character without this.
    requires: /www\.|[【\[]更多|(?:微信|公众号|qq)[:：]/i,
  },
  {
    id: 'boilerplate/watermark-line',
    family: 'watermark',
    description: 'A line that is only a URL, a site slogan with a URL, or a QR/app prompt.',
    kind: 'line',
    // No sentence runs on after the URL; a prompt opens its line and is no sentence (`扫码关注公众号,获取更多范文!`):
    // a speech names a site, an account or a mini program in running text.
    pattern: /^[^。！？!?]{0,20}(?:https?:\/\/|www\.)[!-~]{4,80}[^。！？!?]{0,20}$|^[^。！？!?，,]{0,12}(?:扫码(?:关注|阅读|下载)|关注(?:微信)?公众号|小程序)[^。！？!?]{0,30}[!！]?$|^微信公众号[:：]/i,
    maxLength: 80,
  },
  // 2.11 Anti-scrape noise
  {
    id: 'boilerplate/jammer',
    family: 'noise',
    description: 'Anti-copy jammer strings: runs of short ASCII tokens glued to a paragraph (`- u: g8 x9 P C" |# `4 G`).',
    kind: 'span',
    pattern: /(?:^|(?<=[\u4e00-\u9fff。，、！？]))(?:[!-~]{1,3} ){3,}[!-~]{1,3}(?=[\u4e00-\u9fff]|$)/g,
    // Real short Latin words (`I am a boy`) are letters only; jammer runs mix in symbols and digits.
    accept: (match) => (match.match(/[^a-zA-Z\s]/g)?.length ?? 0) >= 3,
    requires: /[!-~] [!-~]{1,3} [!-~]{1,3} /,
  },
  {
    id: 'boilerplate/stray-digit',
    family: 'noise',
    description: 'A stray digit glued in front of a salutation (3同志们:), left by page numbers and list widgets.',
    kind: 'span',
    pattern: /^\d{1,2}(?=(?:同志|各位|尊敬|敬爱|亲爱|老师|同学|女士|先生|朋友)[^。！？!?]{0,40}[:：])/g,
  },
  // 2.15 Spam header
  {
    id: 'boilerplate/spam',
    family: 'spam',
    description: 'Porn/SEO keyword lines (无码, 成人, 一区二区, 熟女, 午夜视频…).',
    kind: 'line',
    // It opens with a term only spam uses; 日韩, 国产, 在线观看 and 视频 also name trade and media in a speech.
    pattern: /(?:无码|有码|一区二区|成人(?:视频|影院|午夜|网站)|熟女|人妻|少妇|午夜(?:视频|影院)|精品国产|国产(?:av|AV|精品)|欧美(?:av|AV|一区)|av(?:在线|天堂))(?:[^。！？!?]{0,60}?(?:无码|一区|熟女|人妻|少妇|av|AV|午夜|视频|日韩|欧美|国产))+/,
    maxLength: 400,
  },
  {
    id: 'boilerplate/stray-mark',
    family: 'noise',
    description: 'A paragraph that is only punctuation or a lone question mark (left after a spam header).',
    kind: 'line',
    pattern: /^[?？.。,，、;；:：!！\-—_~～*·•|/\\…]+$/,
    maxLength: 10,
  },
  // 2.4 Pagination widgets
  {
    id: 'boilerplate/pagination',
    family: 'pagination',
    description: 'Pagination: bare page numbers, "页,当前第", 上一页/下一页, 第N页/共M页.',
    kind: 'line',
    pattern: /^\d{1,3}$|^页[,，]?\s*当前第|^当前第\s*\d*\s*页|^共\s*\d+\s*页|^(?:首页|上一页|下一页|尾页|末页|\d{1,3}|[<>«»]|\.{3}|…)(?:\s*(?:首页|上一页|下一页|尾页|末页|\d{1,3}|[<>«»]|\.{3}|…))+$|^第\s*[(（]?\d+\s*[/／]\s*\d+[)）]?\s*页$/,
    maxLength: 60,
  },
  // 2.16 LLM artifacts
  // It tells the reader what occasion the text suits or how to adapt it; praise of a text's language or style
  // (这篇文章语言朴实,却打动了无数读者) is a speaker's.
  {
    id: 'boilerplate/ai-comment',
    family: 'ai',
    description: 'A generated meta-comment about the text (这篇稿件结合了实际场景…适合用于…场合).',
    kind: 'line',
    pattern: /^(?:这篇|本篇|该篇?|以上)(?:稿件|讲话稿?|发言稿?|演讲稿?|致辞|文章|范文|稿子)[^。]{0,80}(?:适合|适用于|可根据)/,
    maxLength: 300,
  },
  // 2.2 / 2.8 Comment and member menus
  {
    id: 'boilerplate/member-menu',
    family: 'chrome',
    description: 'Member menus: 我要加入会员, 我要以稿换稿, 我用手机阅读 …',
    kind: 'line',
    pattern: /^[•·\s]*我(?:要|用)(?:加入会员|以稿换稿|手机阅读|推广赚钱|咨询问题|投稿|收藏|评论)/,
    maxLength: 40,
  },
];
