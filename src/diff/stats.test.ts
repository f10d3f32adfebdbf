import { expect, it } from 'vitest';
import { page, SPEECH } from '../../test/helpers.js';
import { clean } from '../index.js';
import { alignPage } from './align.js';
import { countChanges, lineCounts } from './stats.js';

const a = page('首页 > 讲话稿 > 正文', ...SPEECH, '相关文章');
const b = page(SPEECH[0]!, '我们要抓好队伍建设。。抓好质量提升，，确保平安。', ...SPEECH.slice(2));

it('counts changes per rule and per stage, with the pages they occur on, in pipeline order', () => {
  const ra = clean(a);
  const rb = clean(b);
  const stats = countChanges([ra, rb, rb]);
  expect(stats.pages).toBe(3);
  expect(stats.changes).toBe(ra.changes.length + 2 * rb.changes.length);
  const doubled = stats.rules.find((r) => r.rule === 'normalize/doubled-mark')!;
  expect(doubled).toMatchObject({ stage: 'normalize', changes: 4, pages: 2, kinds: { replace: 4 }, charsRemoved: 4 });
  const crumb = stats.rules.find((r) => r.rule === 'boilerplate/breadcrumb')!;
  expect(crumb).toMatchObject({ changes: 1, pages: 1, kinds: { drop: 1 }, charsRemoved: '首页 > 讲话稿 > 正文'.length });
  expect(stats.stages.map((s) => s.stage)).toEqual(['normalize', 'boilerplate']);
  expect(stats.stages.reduce((n, s) => n + s.changes, 0)).toBe(stats.changes);
  const order = stats.rules.map((r) => r.stage);
  expect(order.indexOf('boilerplate')).toBeGreaterThan(order.lastIndexOf('normalize'));
});

it('counts warnings by rule and an empty batch as nothing', () => {
  const log = { changes: [], warnings: [{ rule: 'segment/count-mismatch', stage: 'segment', message: 'm', source: null }] };
  expect(countChanges([log, log]).warnings).toEqual([{ rule: 'segment/count-mismatch', stage: 'segment', warnings: 2, pages: 2 }]);
  expect(countChanges([])).toEqual({ pages: 0, changes: 0, rules: [], stages: [], warnings: [] });
});

it('counts lines by status', () => {
  const diff = alignPage(clean(a), a);
  const counts = lineCounts(diff);
  expect(counts.kept + counts.dropped + counts.edited + counts.layout).toBe(diff.lines.length);
  expect(counts.dropped).toBeGreaterThanOrEqual(2);
  expect(counts.layout).toBe(SPEECH.length + 1);
});
