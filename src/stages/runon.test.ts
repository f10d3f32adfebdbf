/** Pages that lost their line breaks: paragraphs come back where the structure shows they began. */
import { describe, expect, it } from 'vitest';
import { SPEECH, cleanLines } from '../../test/helpers.js';
import { clean } from '../index.js';

const TITLE = '在全县安全生产工作会议上的讲话';
const BODY = [
  '同志们:',
  '今天,我们召开全县安全生产工作会议,主要任务是总结去年工作,部署今年任务。下面,我讲三点意见。',
  '一、提高认识,增强做好安全生产工作的责任感。',
  '安全生产事关人民群众生命财产安全,事关改革发展稳定大局。各级各部门要切实增强责任感和紧迫感,把安全生产摆在更加突出的位置。',
  '二、突出重点,扎实推进安全生产各项工作。',
  '要抓好隐患排查治理,抓好重点行业领域专项整治,抓好应急管理,坚决遏制重特大事故发生。',
  '同志们,安全生产责任重于泰山,让我们共同努力,确保全县安全生产形势持续稳定!',
  '谢谢大家!',
];

describe('run-on lines', () => {
  it('rebuilds a one-line speech', () => {
    const record = clean(TITLE + BODY.join(''));
    const [speech] = record.speeches;
    expect(speech!.title).toBe(TITLE);
    expect(speech!.salutation).toBe('同志们:');
    expect(speech!.closing).toBe('谢谢大家!');
    expect(speech!.paragraphs.map((p) => p.text)).toEqual(BODY.slice(1, -1));
    expect(speech!.paragraphs.map((p) => p.kind)).toEqual(['body', 'heading', 'body', 'heading', 'body', 'body']);
  });
  it('splits a one-line page holding two speeches', () => {
    const record = clean(`${TITLE}(2篇)${TITLE}篇1${BODY.join('')}${TITLE}篇2${BODY.join('')}`);
    expect(record.speeches).toHaveLength(2);
    expect(record.speeches.map((s) => s.closing)).toEqual(['谢谢大家!', '谢谢大家!']);
  });
  it('splits concatenated speeches at their whole salutations, not at the addresses inside them', () => {
    const school = (topic: string) => `敬爱的老师、亲爱的同学们:早上好!今天我国旗下讲话的题目是《${topic}》。希望同学们从身边的小事做起,认真学习,做一个文明的小学生。谢谢大家!`;
    const record = clean(`国旗下讲话稿小学\n\n${school('讲文明')}${school('珍惜时间')}${school('爱护环境')}`);
    expect(record.speeches.map((s) => s.salutation)).toEqual(Array(3).fill('敬爱的老师、亲爱的同学们:'));
    expect(record.speeches.map((s) => s.paragraphs[0]!.text.slice(0, 3))).toEqual(['早上好', '早上好', '早上好']);
  });
  it('leaves long paragraphs of a page with line structure alone', () => {
    const long = `${'我们要坚持以人民为中心的发展思想,把群众的安危冷暖放在心上,'.repeat(8)}同志们,这件事情非常重要。(一)加强组织领导。(二)强化督查问责。`;
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 3), long, ...SPEECH.slice(3)]);
    expect(record.speeches[0]!.paragraphs.map((p) => p.text)).toContain(long);
    expect(record.changes.filter((c) => c.stage === 'runon')).toEqual([]);
  });
});
