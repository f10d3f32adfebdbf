/**
 * Speech segmentation: one record per speech, whatever numbering style the page uses; salutations and closings
 * found; tables of contents and repeated titles never become speeches; near-duplicates flagged.
 */
import { describe, expect, it } from 'vitest';
import { SPEECH, cleanLines } from '../../test/helpers.js';

const BASE = '全县教育工作会议讲话稿';

const OTHER = [
  '尊敬的各位领导、各位来宾:',
  '金秋九月,我们迎来了第39个教师节。在这里,我代表县委、县政府向全县广大教师致以节日的问候!',
  '一、充分肯定成绩',
  '过去一年,全县教育事业取得了长足进步,教育质量稳步提升,办学条件明显改善。',
  '最后,祝大家节日快乐、身体健康!',
];

describe('numbering styles', () => {
  it.each([
    ['with a space', (n: number) => `${BASE} 篇${n}`],
    ['without a space', (n: number) => `${BASE}篇${n}`],
    ['in Chinese numerals', (n: number) => `${BASE}篇${'一二三'[n - 1]}`],
    ['in brackets', (n: number) => `${BASE}【篇${'一二三'[n - 1]}】`],
    ['第N篇 first', (n: number) => `第${'一二三'[n - 1]}篇:${BASE}`],
    ['范文N', (n: number) => `${BASE}范文${'一二三'[n - 1]}`],
    ['a bare digit', (n: number) => `${BASE}${n}`],
    ['a parenthesised numeral', (n: number) => `${BASE}(${'一二三'[n - 1]})`],
    ['a numeral and a colon alone on a line', (n: number) => `${'一二三'[n - 1]}:`],
    ['第N篇 and a space', (n: number) => `第${n}篇 ${BASE}`],
  ])('splits speeches headed %s', (_style, heading) => {
    const record = cleanLines([`${BASE}(通用2篇)`, heading(1), ...SPEECH, heading(2), ...OTHER]);
    expect(record.speeches).toHaveLength(2);
    for (const s of record.speeches) expect(s.title).toBe(BASE);
    expect(record.speeches[0]!.salutation).toBe('同志们:');
    expect(record.speeches[0]!.closing).toBe('谢谢大家!');
    expect(record.speeches[1]!.salutation).toBe('尊敬的各位领导、各位来宾:');
    expect(record.speeches[1]!.paragraphs.at(-1)!.text).toBe('最后,祝大家节日快乐、身体健康!');
    expect(record.page.declaredCount).toBe(2);
    expect(record.warnings.filter((w) => w.rule === 'segment/count-mismatch')).toHaveLength(0);
  });

  it('splits at a speech title with a numbered colon glued to the salutation', () => {
    const record = cleanLines([`${BASE}20篇`, `${BASE}(一):${SPEECH[0]}`, ...SPEECH.slice(1, -1), `${BASE}(二):${OTHER[0]}`, ...OTHER.slice(1)]);
    expect(record.speeches.map((s) => s.title)).toEqual([BASE, BASE]);
    expect(record.speeches[0]!.paragraphs.at(-1)!.text).toBe(SPEECH.at(-2));
  });
  it('starts a speech at a title naming a speech over running text, after a speech without a closing formula', () => {
    const ending = '希望大家以这次会议为新起点,真抓实干,努力开创工作新局面!';
    const next = ['今天召开这次动员会,就是要动员全镇上下迅速行动起来,打好攻坚战。', '各村要发动群众广泛参与,共同建设美丽家园。'];
    const record = cleanLines([BASE, ...SPEECH.slice(0, 3), ending, '在全镇农村人居环境整治动员会上的讲话', ...next]);
    expect(record.speeches.map((s) => s.title)).toEqual([BASE, '在全镇农村人居环境整治动员会上的讲话']);
    expect(record.speeches[0]!.paragraphs.at(-1)!.text).toBe(ending);
  });
  it('does not start a speech at a subheading about a speech', () => {
    const record = cleanLines([BASE, ...SPEECH.slice(0, 3), '深入学习贯彻总书记重要讲话', SPEECH[3]!, ...SPEECH.slice(4)]);
    expect(record.speeches).toHaveLength(1);
  });
  it('keeps labelled fields under an e-book example heading in the preamble', () => {
    const fields = (who: string) => [`【致辞人】${who}`, '【致辞背景】市委、市政府举行新春团拜会。'];
    const record = cleanLines(['新春团拜会致辞范例大全', '【范例一】', ...fields('某市市委书记'), ...SPEECH, '【范例二】', ...fields('某县县长'), ...OTHER]);
    expect(record.speeches.map((s) => s.title)).toEqual(['新春团拜会致辞', '新春团拜会致辞']);
    expect(record.speeches[1]!.preamble).toEqual(fields('某县县长'));
  });
  it('does not take a body line starting with 第一篇章 for a heading', () => {
    const record = cleanLines([BASE, ...SPEECH.slice(0, 3), '第一篇章是我们党领导人民进行革命的伟大历史,值得我们永远铭记。', ...SPEECH.slice(3)]);
    expect(record.speeches).toHaveLength(1);
  });
  it('does not take a body line counting articles (第二篇,《…》。) for a speech marker', () => {
    const record = cleanLines([BASE, ...SPEECH.slice(0, 3), '第二篇,《纪念白求恩》。', ...SPEECH.slice(3)]);
    expect(record.speeches).toHaveLength(1);
  });
  it('splits speeches under differently worded titles', () => {
    const record = cleanLines([`${BASE}(案例2篇)`, '县委书记在全县教育工作会议上的讲话【精选】', ...SPEECH, '在教师节表彰大会上的致辞', ...OTHER]);
    expect(record.speeches.map((s) => s.title)).toEqual(['县委书记在全县教育工作会议上的讲话', '在教师节表彰大会上的致辞']);
  });
});

describe('salutations and closings', () => {
  it.each(['同志们:', '各位领导、同志们:', '老师们、同学们:', '尊敬的李组长,同志们:', '各位委员:', '各位首长、全体指战员、同志们:', '尊敬的各位专家、学者:', '各位村民:', '尊敬的各位领导、教师、同学们:', '尊敬的各位领导、各位同仁:', '亲爱的2024届毕业生同学们,各位老师、各位家长:'])('recognises %s', (salutation) => {
    const record = cleanLines([BASE, salutation, ...SPEECH.slice(1)]);
    expect(record.speeches[0]!.salutation).toBe(salutation);
    expect(record.speeches[0]!.paragraphs[0]!.text).toBe(SPEECH[1]);
  });
  it.each([
    ['alone on its line', ['亲爱的同学们,', '大家上午好!秋风送爽,我们又迎来了一个新学期。']],
    ['before a greeting', ['老师们、同学们,大家好!秋风送爽,我们又迎来了一个新学期。']],
  ])('recognises an address ending in a comma %s', (_where, lines) => {
    const record = cleanLines([BASE, ...lines, ...SPEECH.slice(2)]);
    expect(record.speeches[0]!.salutation).toMatch(/同学们,$/);
    expect(record.speeches[0]!.paragraphs[0]!.text).toMatch(/^大家/);
  });
  it('does not take a rallying 同志们, for a salutation', () => {
    const record = cleanLines([BASE, '同志们,让我们团结一心,努力奋斗!', ...SPEECH.slice(1)]);
    expect(record.speeches[0]!.salutation).toBeNull();
  });
  it('splits an inline salutation from the first sentence', () => {
    const record = cleanLines([BASE, `同志们:${SPEECH[1]}`, ...SPEECH.slice(2)]);
    expect(record.speeches[0]!.salutation).toBe('同志们:');
    expect(record.speeches[0]!.paragraphs[0]!.text).toBe(SPEECH[1]);
    expect(record.changes.some((c) => c.rule === 'segment/inline-salutation')).toBe(true);
  });
  it.each(['今天到会的有各位专家:', '会议记录员:'])('does not take %s for a salutation', (line) => {
    const record = cleanLines([BASE, SPEECH[1]!, line, ...SPEECH.slice(2)]);
    expect(record.speeches[0]!.salutation).toBeNull();
  });
  it('does not take a list intro ending in a colon for a salutation', () => {
    const record = cleanLines([BASE, SPEECH[1]!, '下面,我讲三点意见:', ...SPEECH.slice(2)]);
    expect(record.speeches[0]!.salutation).toBeNull();
    expect(record.speeches).toHaveLength(1);
  });
  it.each(['谢谢各位领导!', '感谢各位的聆听!', '以上发言,不妥之处,请批评指正。谢谢!'])('takes %s for the closing', (closing) => {
    const record = cleanLines([BASE, ...SPEECH.slice(0, -1), closing]);
    expect(record.speeches[0]!.closing).toBe(closing);
  });
  it.each(['以上发言,不妥之处,请同志们批评指正。', '以上汇报,如有不当之处,敬请批评指正。', '以上讲话,不妥之处请批评指正'])('takes the modesty formula %s for the closing', (closing) => {
    const record = cleanLines([BASE, ...SPEECH.slice(0, -1), closing]);
    expect(record.speeches[0]!.closing).toBe(closing);
  });
  it.each(['谢谢大家!宗良勇2019.9.9', '谢谢!(2023年3月5日)'])('splits the signature off the closing %s', (line) => {
    const record = cleanLines([BASE, ...SPEECH.slice(0, -1), line]);
    expect(record.speeches[0]!.closing).toBe(line.slice(0, line.search(/[!！]/) + 1));
    expect(record.speeches[0]!.paragraphs.at(-1)!.text).toBe(SPEECH.at(-2));
    expect(record.changes.map((c) => c.rule)).toContain('repair/closing-signature');
  });
  it('does not split a last sentence that starts with thanks and goes on', () => {
    const line = '谢谢大家!2019年是关键之年,我们要再接再厉。';
    expect(cleanLines([BASE, ...SPEECH.slice(0, -1), line]).speeches[0]!.paragraphs.at(-1)!.text).toBe(line);
  });
  it('takes an address with a comma that opens the speech for its salutation', () => {
    const record = cleanLines([BASE, '同志们,今天召开全市教育工作会议,主要任务是总结去年工作。', ...SPEECH.slice(2)]);
    expect(record.speeches[0]!.salutation).toBe('同志们,');
    expect(record.speeches[0]!.paragraphs[0]!.text).toBe('今天召开全市教育工作会议,主要任务是总结去年工作。');
  });
  it('does not take a rallying address for a salutation, at the start or at the end', () => {
    const rally = '同志们,让我们紧密团结在一起,为全市教育事业发展作出新的更大贡献!';
    const record = cleanLines([BASE, rally, ...SPEECH.slice(2)]);
    expect(record.speeches[0]!.salutation).toBeNull();
    expect(record.speeches[0]!.paragraphs[0]!.text).toBe(rally);
    expect(cleanLines([BASE, ...SPEECH]).speeches[0]!.paragraphs.at(-1)!.text).toBe(SPEECH.at(-2));
  });
  it('does not take a body sentence asking for criticism for the closing', () => {
    const record = cleanLines([BASE, ...SPEECH.slice(0, -1), '对工作中的不妥之处,我们欢迎群众批评指正。']);
    expect(record.speeches[0]!.closing).toBeNull();
  });
  it.each(['在此,我代表县委向大家表示衷心感谢!', '感谢各位领导对我们工作的关心和支持!'])('does not take the body sentence %s for the closing', (line) => {
    const record = cleanLines([BASE, ...SPEECH.slice(0, -1), line]);
    expect(record.speeches[0]!.closing).toBeNull();
  });
  it('keeps a final wish as the last paragraph and the thanks as the closing', () => {
    const record = cleanLines([BASE, ...SPEECH.slice(0, 6), '最后,预祝本次大会取得圆满成功!', '谢谢大家。']);
    expect(record.speeches[0]!.paragraphs.at(-1)!.text).toBe('最后,预祝本次大会取得圆满成功!');
    expect(record.speeches[0]!.closing).toBe('谢谢大家。');
  });
  it('keeps a speech without salutation', () => {
    const record = cleanLines([BASE, ...SPEECH.slice(1)]);
    expect(record.speeches[0]!.salutation).toBeNull();
    expect(record.speeches[0]!.paragraphs[0]!.text).toBe(SPEECH[1]);
  });
});

describe('sections holding several speeches', () => {
  it('starts a speech at a salutation after the previous speech ended, under the section title', () => {
    const record = cleanLines([BASE, ...SPEECH.slice(0, 7), ...OTHER]);
    expect(record.speeches).toHaveLength(2);
    expect(record.speeches[1]!.title).toBe(BASE);
    expect(record.speeches[1]!.salutation).toBe(OTHER[0]);
  });
  it('starts an untitled speech after a final exhortation when the numbering starts again', () => {
    const second = ['一、总体情况', '今年以来,全镇上下认真落实县委决策部署,各项工作取得明显成效,群众满意度不断提高。', '二、存在问题', '一是发展不平衡。二是基础设施薄弱。三是干部作风有待改进。', '三、下步打算', '要坚持问题导向,补短板、强弱项,推动各项工作再上新台阶。'];
    const record = cleanLines([BASE, ...SPEECH.slice(0, 7), ...second]);
    expect(record.speeches).toHaveLength(2);
    expect(record.speeches[1]!.title).toBeNull();
    expect(record.speeches[1]!.paragraphs[0]!.text).toBe('一、总体情况');
    expect(record.speeches[0]!.paragraphs.at(-1)!.text).toBe(SPEECH[6]);
  });
  it('keeps a speech without salutation under the page title when a titled speech follows', () => {
    const first = ['经县委、县政府研究同意,今天召开全县春季植树造林工作会议,主要任务是安排部署今年工作。', '今年全县计划完成植树造林5万亩,任务十分艰巨,各乡镇要早谋划、早部署。', '同志们,植树造林功在当代、利在千秋。让我们全力以赴完成今年植树造林任务!'];
    const record = cleanLines(['在全县春季植树造林工作会议上的讲话', ...first, '县长在全县森林防火工作会议上的讲话', ...SPEECH.slice(1)]);
    expect(record.speeches.map((s) => s.title)).toEqual(['在全县春季植树造林工作会议上的讲话', '县长在全县森林防火工作会议上的讲话']);
    expect(record.speeches[0]!.paragraphs.map((p) => p.text)).toEqual(first);
  });
  it('drops titles after the last speech with no speech text under them (a related list without its header)', () => {
    const related = ['教师节校长致辞(通用5篇)', '教师节表彰大会讲话稿范文', '在全县教育系统表彰大会上的讲话'];
    const record = cleanLines(['在全县教育工作会议上的讲话', ...SPEECH, ...related]);
    expect(record.page.title).toBe('在全县教育工作会议上的讲话');
    expect(record.speeches).toHaveLength(1);
    expect(record.changes.filter((c) => c.rule === 'segment/title-list')).toHaveLength(3);
  });
  it('keeps a last speech under a title whose text has sentences', () => {
    const record = cleanLines([BASE, ...SPEECH, '在全县教育系统表彰大会上的讲话', '今天召开表彰大会,表彰先进。']);
    expect(record.speeches).toHaveLength(2);
  });
  it('drops a lead-in of several paragraphs that does not end like a speech', () => {
    const lead = ['演讲稿是在较为隆重的仪式上和某些公众场合发表的讲话文稿,它可以用来交流思想、感情。', '演讲稿可以按照用途、性质等来划分,写好演讲稿要注意语言的口语化和感染力。', '下面我们一起来看看怎么写好一篇演讲稿,这对我们的工作和学习都大有帮助。'];
    const record = cleanLines([...lead, `${BASE}篇1`, ...SPEECH]);
    expect(record.speeches).toHaveLength(1);
    expect(record.speeches[0]!.paragraphs[0]!.text).toBe(SPEECH[1]);
  });
  it('does not split after a rallying paragraph in the middle of a speech', () => {
    const record = cleanLines([BASE, ...SPEECH.slice(0, 2), '同志们,过去一年的成绩来之不易,让我们倍加珍惜。', '与此同时,我们也清醒地看到,教育发展还存在不少短板和问题,需要认真加以解决。', ...SPEECH.slice(2)]);
    expect(record.speeches).toHaveLength(1);
  });
});

describe('titles', () => {
  it('drops the page title repeated under the salutation', () => {
    const title = `${BASE}(通用3篇)`;
    const record = cleanLines([title, `${BASE} 篇1`, '同志们:', title, ...SPEECH.slice(1)]);
    expect(record.speeches[0]!.paragraphs[0]!.text).toBe(SPEECH[1]);
    expect(record.changes.some((c) => c.rule === 'segment/title-repeat')).toBe(true);
  });
  it('keeps a subtitle under the page title in the preamble, not as the speech title', () => {
    const record = cleanLines(['在全市教育工作会议上的报告', '——在2024年全市教育工作会议上的报告', '市教育局局长 赵××', ...SPEECH]);
    expect(record.speeches[0]!.title).toBe('在全市教育工作会议上的报告');
    expect(record.speeches[0]!.preamble).toEqual(['——在2024年全市教育工作会议上的报告', '市教育局局长赵××']);
  });
  it('keeps subtitles between the title and the salutation as the preamble', () => {
    const record = cleanLines([BASE, '改革创新 负重奋起', '(2023年3月5日)', ...SPEECH]);
    expect(record.speeches[0]!.preamble).toEqual(['改革创新负重奋起', '(2023年3月5日)']);
    expect(record.speeches[0]!.paragraphs[0]!.text).toBe(SPEECH[1]);
  });
  it('drops the text before the first speech as page intro', () => {
    const record = cleanLines([`${BASE}(通用2篇)`, '讲话稿是在会议上发表的讲话文稿,具有很强的针对性和指导性,使用十分广泛。', `${BASE} 篇1`, ...SPEECH, `${BASE} 篇2`, ...OTHER]);
    expect(record.speeches).toHaveLength(2);
    expect(record.changes.some((c) => c.rule === 'segment/page-intro')).toBe(true);
  });
});

describe('counts and duplicates', () => {
  it('warns when the declared count does not match, without forcing it', () => {
    const record = cleanLines([`${BASE}(通用5篇)`, `${BASE} 篇1`, ...SPEECH, `${BASE} 篇2`, ...OTHER]);
    expect(record.speeches).toHaveLength(2);
    expect(record.warnings.some((w) => w.rule === 'segment/count-mismatch')).toBe(true);
  });
  it('points a near-duplicate to the most complete copy', () => {
    const damaged = SPEECH.slice(0, -1); // the closing lost
    const record = cleanLines([`${BASE}(通用3篇)`, `${BASE} 篇1`, ...damaged, `${BASE} 篇2`, ...SPEECH, `${BASE} 篇3`, ...OTHER]);
    const [a, b, c] = record.speeches;
    expect(a!.duplicateOf).toBe(b!.id);
    expect(b!.duplicateOf).toBeNull();
    expect(c!.duplicateOf).toBeNull();
  });
  it('gives stable ids from the source hash and index', () => {
    const one = cleanLines([BASE, ...SPEECH]);
    const two = cleanLines([BASE, ...SPEECH]);
    expect(one.speeches[0]!.id).toBe(two.speeches[0]!.id);
    expect(one.speeches[0]!.id).toBe(`${one.source.sha256.slice(0, 16)}-0`);
  });
});

describe('glued lines', () => {
  it.each([`${BASE}同志们:`, `${BASE}【篇一】 同志们:`, `【${BASE}】同志们:`])('splits the title from the salutation in %s', (line) => {
    const record = cleanLines([line, ...SPEECH.slice(1)]);
    expect(record.speeches).toHaveLength(1);
    expect(record.speeches[0]!.title).toBe(BASE);
    expect(record.speeches[0]!.salutation).toBe('同志们:');
    expect(record.speeches[0]!.paragraphs[0]!.text).toBe(SPEECH[1]);
  });
  it.each([
    ['the first heading', '一、提高认识,切实增强做好工作的责任感'],
    ['the opening sentence', '这次会议的主要任务是,总结去年工作,安排部署今年任务。'],
  ])('splits a title glued to %s', (_what, rest) => {
    const record = cleanLines([`在全县教育工作会议上的讲话${rest}`, ...SPEECH.slice(3)]);
    expect(record.speeches[0]!.title).toBe('在全县教育工作会议上的讲话');
    expect(record.speeches[0]!.paragraphs[0]!.text).toBe(rest);
  });
  it('does not split a body sentence that quotes a speech and goes on', () => {
    const line = '王书记在开幕式上的讲话今天已经印发给大家,请认真学习。';
    const record = cleanLines([BASE, ...SPEECH.slice(0, 2), line, ...SPEECH.slice(2)]);
    expect(record.speeches[0]!.paragraphs.map((p) => p.text)).toContain(line);
  });
  it('splits title, salutation and first sentence on one line', () => {
    const record = cleanLines([`${BASE}同志们:${SPEECH[1]}`, ...SPEECH.slice(2)]);
    expect(record.speeches[0]!.salutation).toBe('同志们:');
    expect(record.speeches[0]!.paragraphs[0]!.text).toBe(SPEECH[1]);
  });
  it('does not split a body sentence that mentions comrades', () => {
    const record = cleanLines([BASE, ...SPEECH.slice(0, 2), '这项工作离不开全体同志们的共同努力:一是要团结,二是要实干。', ...SPEECH.slice(2)]);
    expect(record.speeches[0]!.paragraphs.map((p) => p.text)).toContain('这项工作离不开全体同志们的共同努力:一是要团结,二是要实干。');
  });
});

describe('after the closing', () => {
  it('keeps a signature after the thanks out of the body', () => {
    const record = cleanLines([BASE, ...SPEECH, '宗良勇', '2019.9.9']);
    expect(record.speeches[0]!.closing).toBe('谢谢大家!');
    expect(record.speeches[0]!.signature).toEqual(['宗良勇', '2019.9.9']);
    expect(record.speeches[0]!.paragraphs.at(-1)!.text).toBe(SPEECH[6]);
  });
  it('removes a generated comment about the speech', () => {
    const record = cleanLines([BASE, ...SPEECH, '这篇稿件结合了实际场景,语言朴实真挚,适合用于教育系统工作会议场合。']);
    expect(record.speeches[0]!.closing).toBe('谢谢大家!');
    expect(record.changes.some((c) => c.rule === 'boilerplate/ai-comment')).toBe(true);
  });
});
