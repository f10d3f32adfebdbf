/**
 * Pages written after templates of the field catalogue that none of the seeds use: a school site with
 * `<title>(一)` headings and a blurb naming the site, and a single speech with a speaker line, a date line and a
 * member paywall.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { keptText } from './helpers.js';

const fixture = (name: string) => clean(readFileSync(join(import.meta.dirname, 'fixtures', name)), { path: name });

describe('multi-speech page with (一) headings', () => {
  const r = fixture('multi-speech-school.txt');
  it('finds the three speeches with clean titles', () => {
    expect(r.speeches.map((s) => s.title)).toEqual(['建军节演讲稿', '建军节演讲稿', '建军节演讲稿']);
    expect(r.speeches.map((s) => s.salutation)).toEqual(['尊敬的各位领导、老师,亲爱的同学们:', '老师们、同学们:', '同志们:']);
    expect(r.speeches.map((s) => s.closing)).toEqual(['谢谢大家!', '我的演讲完毕,谢谢!', null]);
    expect(r.speeches[2]!.paragraphs.at(-1)!.text).toBe('希望全县上下继续关心支持国防和军队建设,把双拥工作做得更好。');
  });
  it('takes the date and drops the site’s blurbs and links', () => {
    expect(r.page).toMatchObject({ publishedAt: '2021-07-28', author: null, declaredCount: 3 });
    for (const junk of ['出国留学网', '小编', '上一篇', '下一篇', '首页']) expect(keptText(r)).not.toContain(junk);
  });
});

describe('single speech behind a paywall', () => {
  const r = fixture('paywalled-single.txt');
  it('keeps speaker and date lines as the preamble', () => {
    expect(r.speeches).toHaveLength(1);
    expect(r.speeches[0]!.preamble).toEqual(['市应急管理局局长张某某', '(2023年2月15日)']);
    expect(r.speeches[0]!.salutation).toBe('同志们:');
  });
  it('marks the speech truncated and drops the paywall notes and related list', () => {
    expect(r.speeches[0]!.truncated).toBe(true);
    for (const junk of ['未完', '提示信息', '相关文章', '浏览次数']) expect(keptText(r)).not.toContain(junk);
    expect(r.speeches[0]!.paragraphs.at(-1)!.text).toMatch(/^同志们,安全生产责任重于泰山/);
    expect(r.page.publishedAt).toBe('2023-02-15');
  });
});
