/**
 * False-positive guard: hand-written speech pages with no boilerplate at all, whose bodies mention what the
 * boilerplate, meta, closing and segmentation rules look for (dates and times, 来源/编辑/首页/公众号/二维码/版权/侵权,
 * `>` `|` `/` in text, dotted ellipses, 未完待续, thanks and 同志们, mid-speech, 以上 and 不妥之处, 签名/签订, 标题,
 * 第一篇, placeholders, stage directions, English words and URLs). Cleaning must keep every line, find the speeches
 * with their titles, salutations and closings, and cut none short. A failure names the rule and the text it took.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';

interface Expected {
  title: string;
  salutation: string | null;
  closing: string | null;
}

const PAGES: Record<string, Expected[]> = {
  'gov-work-report.txt': [{ title: '在县第十八届人民代表大会第三次会议上的政府工作报告', salutation: '各位代表:', closing: null }],
  'school-opening.txt': [{ title: '在2024年秋季开学典礼上的讲话', salutation: '老师们、同学们:', closing: '谢谢大家!' }],
  'enterprise-annual.txt': [{ title: '在公司2023年度工作总结暨表彰大会上的讲话', salutation: '各位同事、同志们:', closing: '谢谢大家!' }],
  'party-lecture.txt': [
    { title: '以“四下基层”为抓手走好新时代党的群众路线——在县委理论学习中心组专题党课上的讲稿', salutation: '同志们:', closing: null },
  ],
  'host-script.txt': [{ title: '全县安全生产工作会议主持词', salutation: '同志们:', closing: null }],
  'digital-forum.txt': [{ title: '在全市数字政府建设推进会上的发言', salutation: '尊敬的各位领导、各位同仁:', closing: '我的发言完毕,谢谢!' }],
  'story-speech.txt': [{ title: '青春在奉献中闪光——五四青年节演讲比赛演讲稿', salutation: '各位评委、亲爱的朋友们:', closing: '我的演讲完毕,谢谢大家!' }],
  'award-ceremony.txt': [
    { title: '在第五届“最美教师”颁奖典礼上的致辞', salutation: '尊敬的各位领导、各位来宾,亲爱的老师们:', closing: '谢谢大家!' },
  ],
  'symposium-fayan.txt': [
    { title: '在全市民营企业家座谈会上的发言', salutation: '尊敬的王书记、各位领导:', closing: '以上发言,不妥之处,恳请各位领导批评指正。' },
  ],
  'graduation.txt': [{ title: '在2024届毕业典礼上的讲话', salutation: '亲爱的2024届毕业生同学们,各位老师、各位家长:', closing: '谢谢大家!' }],
  'village-report.txt': [{ title: '在XX村2024年村民代表大会上的讲话', salutation: '各位村民代表、乡亲们:', closing: '谢谢大家!' }],
  'writing-training.txt': [{ title: '在全县公文写作能力提升培训班上的辅导讲话', salutation: '各位学员:', closing: '谢谢大家!' }],
  'ip-protection.txt': [{ title: '在全市知识产权保护工作会议上的讲话', salutation: '同志们:', closing: null }],
  'journalist-day.txt': [{ title: '庆祝第二十四个中国记者节座谈会主持词', salutation: '同志们、朋友们:', closing: null }],
  'subtitle-titles.txt': [{ title: '织密基层治理一张网', salutation: '同志们:', closing: null }],
  'typed-ellipsis.txt': [{ title: '在“感恩父母”主题班会上的发言', salutation: '老师们、同学们:', closing: '谢谢大家!' }],
  'two-speeches.txt': [
    { title: '开幕式致辞', salutation: '各位领导、老师们、同学们:', closing: null },
    { title: '闭幕式讲话', salutation: '各位领导、老师们、同学们:', closing: null },
  ],
};

const DIR = join(import.meta.dirname, 'fixtures', 'clean-bodies');
const fold = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, '');

describe.each(Object.keys(PAGES))('%s', (name) => {
  const source = readFileSync(join(DIR, name), 'utf8');
  const r = clean(Buffer.from(source), { path: name });
  const expected = PAGES[name]!;
  const fired = (kinds: string[]) => r.changes.filter((c) => kinds.includes(c.kind) && c.stage.startsWith('boilerplate')).map((c) => `${c.rule} (${c.kind}): ${c.before}`);

  it('drops, cuts and splits nothing', () => {
    expect(fired(['drop', 'delete', 'split']), 'rules that took body text').toEqual([]);
    expect(r.changes.filter((c) => c.kind === 'drop').map((c) => `${c.rule}: ${c.before}`)).toEqual([]);
  });

  it('keeps every line of the page', () => {
    const kept = fold(
      r.speeches.flatMap((s) => [s.title, ...s.preamble, s.salutation, ...s.paragraphs.map((p) => p.text), s.closing, ...s.signature]).join(''),
    );
    const lost = source.split('\n').map(fold).filter((line) => line && !kept.includes(line) && fold(r.page.title) !== line);
    expect(lost, `lines lost; changes: ${r.changes.map((c) => `${c.rule}:${c.before.slice(0, 30)}`).join(' | ')}`).toEqual([]);
  });

  it('finds the speeches with their titles, salutations and closings, none truncated', () => {
    const got = r.speeches.map((s) => ({ title: fold(s.title), salutation: s.salutation && fold(s.salutation), closing: s.closing && fold(s.closing), truncated: s.truncated }));
    const want = expected.map((e) => ({ title: fold(e.title), salutation: e.salutation && fold(e.salutation), closing: e.closing && fold(e.closing), truncated: false }));
    expect(got, `changes: ${fired(['drop', 'delete', 'split']).join(' | ')}`).toEqual(want);
  });
});
