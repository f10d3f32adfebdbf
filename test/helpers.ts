/** Small pages for tests: lines joined the way scraped pages are (a blank line between lines). */
import { clean } from '../src/index.js';
import type { PageRecord, UserConfig } from '../src/index.js';

export function page(...lines: string[]): string {
  return lines.join('\n\n');
}

export function cleanLines(lines: string[], config?: UserConfig, path = 'page.txt'): PageRecord {
  return clean(page(...lines), { path, config });
}

/** Every text a record keeps in its speeches. */
export function kept(record: PageRecord): string[] {
  return record.speeches.flatMap((s) => [s.salutation, ...s.paragraphs.map((p) => p.text), s.closing].filter((t): t is string => !!t));
}

export function keptText(record: PageRecord): string {
  return kept(record).join('\n');
}

export function rulesFired(record: PageRecord): Set<string> {
  return new Set(record.changes.map((c) => c.rule));
}

/** A plain speech used as the body of test pages. */
export const SPEECH = [
  '同志们:',
  '今天,我们召开全市教育工作会议,主要任务是总结去年工作,安排部署今年任务。',
  '一、提高认识,切实增强做好工作的责任感',
  '教育是国之大计、党之大计。我们要坚持教育优先发展,办好人民满意的教育,让每个孩子都能享有公平而有质量的教育。',
  '二、突出重点,扎实推进各项工作',
  '一是要抓好队伍建设。二是要抓好质量提升。三是要抓好安全稳定,确保校园平安和谐。',
  '同志们,让我们紧密团结在一起,开拓进取,为全市教育事业发展作出新的更大贡献!',
  '谢谢大家!',
];
