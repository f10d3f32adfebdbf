/**
 * The statistical layer catches chrome no pattern names: link lists, garbage runs, keyword lists, and lines a
 * site repeats on many pages; it never takes titles, headings, salutations or closings.
 */
import { describe, expect, it } from 'vitest';
import { SPEECH, cleanLines, keptText } from '../../test/helpers.js';
import { clean } from '../index.js';
import { classifyLine, lineFeatures, lineKey } from './boilerplate-stats.js';

const TITLE = '全县教育工作会议讲话稿';

/** Rare characters (outside the common-character lists), as in hidden-watermark garbage runs. */
const GARBAGE = '蒄蚄袀膇莀蚃羂羀芆蒁螇薆袄羀蚈蚇螆羄芈薂袇袈蚀莇蒂羅袅蚂蒃蕿薄螀膆芄蚀袁';

describe('line features', () => {
  it('classifies running text as good', () => {
    expect(classifyLine(lineFeatures(SPEECH[3]!)).cls).toBe('good');
  });
  it.each([
    [GARBAGE, 'rare'],
    ['• 10-19 专业车间员工奖励通报 | 相关 › 更多', 'link'],
    ['全县 党风廉政 教育系统 廉洁教育 领导讲话稿 领导干部 廉洁 教育 讲话 范文 大全 精选', 'keyword'],
  ])('classifies %s as bad', (line) => {
    expect(classifyLine(lineFeatures(line.replace(/\s/g, line.startsWith('•') ? ' ' : ''))).cls).toBe('bad');
  });
  it('folds digits and spaces in line keys', () => {
    expect(lineKey('阅读 1234 次')).toBe(lineKey('阅读5次'));
  });
});

describe('statistical removal', () => {
  it('removes a garbage run after the last paragraph', () => {
    const record = cleanLines([TITLE, ...SPEECH, GARBAGE]);
    expect(keptText(record)).not.toContain(GARBAGE.slice(0, 5));
    expect(record.changes.some((c) => c.rule === 'boilerplate/stats')).toBe(true);
  });
  it('removes a headless list of links and what sits between them', () => {
    const links = ['• 10-19 专业车间员工奖励通报(案例16篇)', '条据书信的写法', '• 10-19 实用师带徒师傅工作计划大全(16篇)'];
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 4), ...links, ...SPEECH.slice(4)]);
    for (const l of links) expect(keptText(record)).not.toContain(l);
    expect(record.changes.some((c) => c.rule === 'boilerplate/stats-context')).toBe(true);
  });
  it('keeps a title decorated on both sides (○ <title> ○), and drops a bulleted entry', () => {
    expect(lineFeatures('○ 在全市经济工作会议上的讲话 ○').entry).toBe(false);
    expect(lineFeatures('○ 在全市经济工作会议上的讲话').entry).toBe(true);
    const record = cleanLines(['○ 在全市经济工作会议上的讲话 ○', ...SPEECH]);
    expect(record.speeches[0]!.title).toBe('在全市经济工作会议上的讲话');
  });
  it('keeps headings, salutations and closings however short', () => {
    const record = cleanLines([TITLE, ...SPEECH]);
    expect(record.changes.filter((c) => c.rule.startsWith('boilerplate/stats'))).toEqual([]);
  });
  it('can be turned off', () => {
    const record = clean([TITLE, ...SPEECH, GARBAGE].join('\n\n'), { config: { boilerplate: { stats: { enabled: false } } } });
    expect(keptText(record)).toContain(GARBAGE.slice(0, 5));
  });
});
