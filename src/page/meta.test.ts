import { describe, expect, it } from 'vitest';
import { splitHtmlTitle } from './meta.js';

describe('splitHtmlTitle', () => {
  it('takes the first part as the title when the last names a site, with or without a column between', () => {
    expect(splitHtmlTitle('在全市安全生产工作会议上的讲话_领导讲话_公文范文网')).toEqual({ title: '在全市安全生产工作会议上的讲话', site: '公文范文网' });
    expect(splitHtmlTitle('在庆祝教师节大会上的讲话 - 范文网')).toEqual({ title: '在庆祝教师节大会上的讲话', site: '范文网' });
    expect(splitHtmlTitle('县长在春季农业生产会议上的讲话-领导讲话-文秘网')).toEqual({ title: '县长在春季农业生产会议上的讲话', site: '文秘网' });
  });

  it('does not split a year range, and keeps the whole title when no part names a site', () => {
    expect(splitHtmlTitle('2023-2024学年开学典礼讲话_范文网').title).toBe('2023-2024学年开学典礼讲话');
    expect(splitHtmlTitle('开学典礼讲话_校长寄语')).toEqual({ title: '开学典礼讲话_校长寄语', site: null });
  });
});
