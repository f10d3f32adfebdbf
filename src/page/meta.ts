/**
 * Values pulled out of meta and chrome lines before they go: publication time, author, site name, the declared
 * speech count, and the title an editor blurb names.
 */

const DATE_TIME = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2}))?)?/;

const pad = (n: string | undefined) => (n ?? '0').padStart(2, '0');

/** A year and month without a day (`更新时间:2026-02`). */
const YEAR_MONTH = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})(?!\d)/;

/** ISO 8601 date-time, date, or year and month of the first date in `text`, or null. */
export function isoDate(text: string): string | null {
  const m = DATE_TIME.exec(text);
  if (!m) {
    const ym = YEAR_MONTH.exec(text);
    return ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12 ? `${ym[1]}-${pad(ym[2])}` : null;
  }
  const [, y, mo, d, h, mi, s] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || Number(h) > 23 || Number(mi) > 59) return date;
  return `${date}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/**
 * Author from `作者:…`. Sites glue the title or the next field to the name (`作者:文锋2023年…`), so the name ends at
 * a space, a separator, a digit, a known title, or the next label.
 */
export function authorOf(text: string, titles: readonly string[] = []): string | null {
  const m = /作者\s*[:：]\s*(.*)$/.exec(text);
  if (!m) return null;
  let rest = m[1]!;
  for (const t of titles) {
    const at = t ? rest.indexOf(t) : -1;
    if (at >= 0) rest = rest.slice(0, at);
  }
  const name = /^[^\s|｜:：,，。\d【\[(（]{1,12}?(?=$|[\s|｜:：,，。\d【\[(（]|来源|时间|发布|更新|编辑|阅读|浏览)/.exec(rest)?.[0] ?? '';
  return name && !/^(?:佚名|匿名|未知|admin|管理员|小编|编辑|网友|本站)$/i.test(name) ? name : null;
}

const SITE_SUFFIX = '(?:范文网|文档网|文库|范文|网|站|素材库|文秘|公文网)';

/** A site name in a breadcrumb, copyright line or site-name line, or null. */
export function siteOf(text: string): string | null {
  const crumb = new RegExp(`(?:位置)\\s*[:：]\\s*([\\u4e00-\\u9fff\\w]{2,12}${SITE_SUFFIX})\\s*[>＞›»/|｜]`).exec(text);
  if (crumb) return crumb[1]!;
  const copyright = new RegExp(`(?:©|copyright)[^\\u4e00-\\u9fff]{0,20}([\\u4e00-\\u9fff\\w]{2,12}?${SITE_SUFFIX})(?:版权所有|\\s|$)`, 'i').exec(text);
  if (copyright) return copyright[1]!;
  const alone = new RegExp(`^(?:欢迎(?:来到|访问|光临))?([\\u4e00-\\u9fff\\w]{1,12}${SITE_SUFFIX})(?:\\s*首页)?[!！]?$`).exec(text);
  return alone ? alone[1]! : null;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[一二两三四五六七八九十]{1,3}$/.test(s)) return null;
  if (s === '十') return 10;
  const [a, b] = s.split('十');
  if (b === undefined) return CN_DIGITS[s] ?? null;
  return (a ? CN_DIGITS[a]! : 1) * 10 + (b ? CN_DIGITS[b]! : 0);
}

/** A count label in a title: `(通用3篇)`, `(精选三篇)`, `5篇`, `汇编六篇`, `(案例14篇)`. */
/** Which part of a page split over several URLs this is, after its title: `(2/2)`, `第(2/3)页`, `(第2页)`. */
export const PAGE_PART = /\s*(?:[(（]\d{1,2}\s*[/／]\s*\d{1,2}[)）]|第\s*[(（]?\d{1,2}\s*[/／]\s*\d{1,2}[)）]?\s*页|[(（]第\s*\d{1,2}\s*页[)）])$/;

export const COUNT_LABEL = /[(（【]?(?:通用|精选|精選|汇总|匯總|案例|模板|优秀|最新|热门|推荐|经典|实用|合集|大全|范文|汇编|匯編)?\s*([0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s*篇(?:范文|精选)?[)）】]?/;

/** How many speeches a title declares, or null. */
export function declaredCount(title: string): number | null {
  const m = COUNT_LABEL.exec(title);
  return m ? chineseNumber(m[1]!) : null;
}

/**
 * The title an editor blurb names: `…小编给大家带来的<title>,希望大家喜欢`, `…整理的<title>,供大家参考`,
 * `…收集的<title>,供大家阅读`. Empty slots (`整理的,供大家参考`) give null.
 */
export function blurbTitle(text: string): string | null {
  const m = /(?:带来|帶來|整理|收集|准备|準備|提供|分享|精选|搜集|推荐)(?:了)?的(?:关于)?(.{2,80}?)(?:范文)?[,，。]\s*(?:希望|供|欢迎|仅供|敬请|请)/.exec(text);
  const title = m?.[1]?.trim().replace(/^关于/, '');
  return title && title.length >= 4 && !/[。！？!?]/.test(title) ? title : null;
}

/**
 * An HTML <title> is often `<title>_<site>`, `<title> - <site>` or `<title>_<column>_<site>`: the title (the
 * first part) and the site, when the last part names one.
 */
export function splitHtmlTitle(htmlTitle: string): { title: string; site: string | null } {
  // A bare hyphen separates too (`标题-栏目-站名`), except between digits (2023-2024学年).
  const parts = htmlTitle.split(/\s*(?:[_|｜]|\s[-–—]\s|(?<!\d)-(?!\d))\s*/).filter(Boolean);
  if (parts.length < 2) return { title: htmlTitle.trim(), site: null };
  const site = siteOf(parts[parts.length - 1]!);
  return site ? { title: parts[0]!, site } : { title: htmlTitle.trim(), site: null };
}
