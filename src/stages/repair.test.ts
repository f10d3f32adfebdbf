/**
 * Paragraph repair: sentences the site cut at links or line breaks are joined again, sentence-per-line pages get
 * paragraphs back, and real short lines (titles, headings, salutations, short sentences) stay as they are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEECH, cleanLines, kept, rulesFired } from '../../test/helpers.js';
import { clean } from '../index.js';
import type { PageRecord } from '../record/schema.js';

const repairRules = (r: PageRecord) => [...rulesFired(r)].filter((id) => id.startsWith('repair/'));
/** The speech text of a page, one paragraph a line. */
const body = (lines: string[]) => kept(cleanLines(lines)).join('\n');

/** Prose around the damaged lines, so that they sit inside a speech. */
const BEFORE = ['同志们:', '今天,我们召开全县教育工作会议,主要任务是总结去年工作,安排部署今年任务。'];
const AFTER = ['同志们,让我们紧密团结在一起,开拓进取,为全县教育事业发展作出新的更大贡献!'];
/** A title the site cut at its link (seed 002): the sentence goes on with `》` on the line after. */
const CUT_AT_LINK = ['刚才,教体局世强同志作了《全县教育。', '工作报告。'];

describe('link fragments', () => {
  it('joins a sentence cut inside 《…》 and at closing marks, dropping the added stops', () => {
    const text = body([
      ...BEFORE,
      ...CUT_AT_LINK,
      '》;尚平同志宣读了县委、县政府《关于进一步加快全县教育事业科学发展的意见》;双江同志安排了“两基”迎“国检”工作,并签订了目标。',
      '责任书。',
      ';江芬同志宣读了表彰决定,督学代表作了发言。',
      '要组织全体教师认真学习《中华人民共和国。',
      '教育法》等法律法规,提高依法治教水平。',
      ...AFTER,
    ]);
    expect(text).toContain('要组织全体教师认真学习《中华人民共和国教育法》等法律法规');
    expect(text).toContain('刚才,教体局世强同志作了《全县教育工作报告》;尚平同志宣读了县委');
    expect(text).toContain('并签订了目标责任书;江芬同志宣读了表彰决定');
    expect(text).not.toContain('工作报告。');
  });

  it('joins short fragments and a particle start when the page shows the damage more than once', () => {
    const r = cleanLines([
      ...BEFORE,
      '从严落实今天会议签订的各级目标管理。',
      '责任书。',
      '进一步明确教育局和各级各类学校的年度目标、重点任务,切实把提升教学质量的责任靠实。',
      '要建立健全校园安全责任体系,制定重大事故。',
      '应急预案。',
      '将安全责任分解到具体人、落实到每项工作。',
      '这是今后一个时期内做好全县教育工作的指导性文件。发展x县。',
      '教育。',
      '的征程中,肯定有困难、有险阻、有挑战。',
      ...AFTER,
    ]);
    const text = kept(r);
    expect(text).toContain('从严落实今天会议签订的各级目标管理责任书进一步明确教育局和各级各类学校的年度目标、重点任务,切实把提升教学质量的责任靠实。');
    expect(text).toContain('要建立健全校园安全责任体系,制定重大事故应急预案将安全责任分解到具体人、落实到每项工作。');
    expect(text.join('\n')).toContain('发展x县教育的征程中,肯定有困难');
    expect(repairRules(r)).toEqual(expect.arrayContaining(['repair/link-fragment', 'repair/link-particle']));
    const join = r.changes.find((c) => c.rule === 'repair/link-fragment')!;
    expect(join).toMatchObject({ kind: 'join', stage: 'repair', before: '的各级目标管理。\n责任书。', after: '的各级目标管理责任书。' });
    expect(join.source.end).toBeGreaterThan(join.source.start);
  });

  it('keeps one short real sentence between paragraphs when nothing else on the page is cut', () => {
    const r = cleanLines([...BEFORE, '对这个方案,大家议了很久,意见比较集中。', '我完全同意。', '下面,我再强调几点意见,请大家认真抓好落实。', ...AFTER]);
    expect(kept(r)).toContain('我完全同意。');
    expect(repairRules(r)).toEqual([]);
  });

  it('keeps short slogan lines, even on a page with cut sentences', () => {
    const r = cleanLines([...BEFORE, ...CUT_AT_LINK, '》,我完全同意。', '县委书记在全县教育工作会议上讲话', '改革创新负重奋起。', '触底反弹重铸辉煌。', '努力办人民满意的教育。', ...SPEECH]);
    expect(repairRules(r).sort()).toEqual(['repair/link-closing', 'repair/link-unclosed']);
    expect(r.changes.filter((c) => c.before.includes('重铸辉煌'))).toEqual([]);
  });

  it('does not take 的确 or 了解 at the start of a sentence for a cut', () => {
    const r = cleanLines([...BEFORE, '这项工作关系到千家万户。', '的确,做好这项工作并不容易。', '了解群众的真实想法,是我们做好工作的前提。', ...AFTER]);
    expect(kept(r)).toEqual(expect.arrayContaining(['这项工作关系到千家万户。', '的确,做好这项工作并不容易。', '了解群众的真实想法,是我们做好工作的前提。']));
    expect(repairRules(r)).toEqual([]);
  });
});

describe('broken lines', () => {
  it.each([
    ['a clause mark', ['教育兴,x县兴;', '教育强,x县强。教育是一项系统工程,必须脚踏实地。'], '教育兴,x县兴;教育强,x县强。教育是一项系统工程,必须脚踏实地。'],
    [
      'a clause mark, line after line',
      ['对于不称职的校长,敢于撤职;', '对于不负责任的教师,敢于按照相关规定严肃处理;', '对于安排的工作,教科局要严格督促落实,保证政令畅通。'],
      '对于不称职的校长,敢于撤职;对于不负责任的教师,敢于按照相关规定严肃处理;对于安排的工作,教科局要严格督促落实,保证政令畅通。',
    ],
    ['no mark', ['我们要坚持教育优先发展,加大投入力度,改善办学条件', '努力办好人民满意的教育。'], '我们要坚持教育优先发展,加大投入力度,改善办学条件努力办好人民满意的教育。'],
    [
      'a colon',
      ['党的十九大报告明确指出,我们要坚持以人民为中心的发展思想,并且强调:', '必须把教育事业放在优先位置,加快教育现代化。'],
      '党的十九大报告明确指出,我们要坚持以人民为中心的发展思想,并且强调:必须把教育事业放在优先位置,加快教育现代化。',
    ],
  ])('joins a prose line that ends with %s to the next', (_end, lines, joined) => {
    expect(body([...BEFORE, ...lines, ...AFTER])).toContain(joined);
  });

  it('keeps a sentence followed by a stage direction or an omission mark in brackets as its own paragraph', () => {
    const lines = ['首先,我代表县委、县政府,向受到表彰的同志表示热烈的祝贺!(热烈掌声)', '近年来,全县涌现出一大批可亲可敬的先进典型。(略)', '希望受表彰的同志珍惜荣誉,继续发挥示范带头作用。'];
    expect(kept(cleanLines([...BEFORE, ...lines, ...AFTER]))).toEqual(expect.arrayContaining(lines));
  });
  it('joins a prose line cut after a name in brackets that no sentence mark comes before', () => {
    expect(body([...BEFORE, '我们要认真学习,深刻领会县委书记(兼县长)', '同志的讲话精神,抓好贯彻落实。', ...AFTER])).toContain('我们要认真学习,深刻领会县委书记(兼县长)同志的讲话精神,抓好贯彻落实。');
  });

  it('keeps salutations, list introductions, labels, titles and headings as they are', () => {
    const lines = [
      '县委书记在全县教育工作会议上的讲话',
      '同志们:',
      '今天,我们召开全县教育工作会议,主要任务是总结去年工作,安排部署今年任务。',
      '下面,我围绕这个总思路,具体讲三点意见:',
      '“1”就是坚持以习近平总书记关于教育的重要论述为指引,全面加强党的领导。',
      '如何保持清醒头脑:',
      '计生工作在经济社会发展中不可或缺,在全局中的地位十分重要。',
      '今年以来工作成效',
      '签约引进项目45个,实施省市重点项目20个,各项工作扎实有效。',
      '一、提高认识,切实增强做好工作的责任感',
      '教育是国之大计、党之大计,我们要坚持教育优先发展。',
      '抓好“两支队伍”:',
      '一是校长队伍。校长是整个教育管理链条中最为关键的一环。',
      '会议期间印发了近期全县教育工作的有关文件和讲话材料汇编:',
      '县委书记在全县教育工作会议上的讲话',
      '教育局长在全县教育工作会议上的工作报告',
    ];
    const r = cleanLines(lines);
    expect(repairRules(r)).toEqual([]);
    expect(kept(r)).toEqual(expect.arrayContaining(lines.slice(2, -2)));
  });
});

describe('sentence-per-line pages', () => {
  const PAGE = [
    '同志们:',
    '今天,我们召开全市教育工作会议。',
    '主要任务是总结去年工作,安排部署今年任务。',
    '过去一年,全市教育事业取得了长足进步。',
    '这些成绩来之不易。',
    '一、提高认识,切实增强做好工作的责任感',
    '教育是国之大计、党之大计。',
    '我们要坚持教育优先发展。',
    '要办好人民满意的教育。',
    '要让每个孩子都能享有公平而有质量的教育。',
    '二、突出重点,扎实推进各项工作',
    '一是要抓好队伍建设。',
    '二是要抓好质量提升。',
    '各级各类学校要把质量作为生命线。',
    '要坚持问题导向,补齐短板。',
    '三是要抓好安全稳定。',
    '要把安全责任落实到每个环节。',
    '要确保校园平安和谐。',
    '谢谢大家!',
  ];

  it('joins sentences into paragraphs that end at headings and numbered items', () => {
    const r = cleanLines(PAGE);
    expect(kept(r)).toEqual([
      '同志们:',
      '今天,我们召开全市教育工作会议。主要任务是总结去年工作,安排部署今年任务。过去一年,全市教育事业取得了长足进步。这些成绩来之不易。',
      '一、提高认识,切实增强做好工作的责任感',
      '教育是国之大计、党之大计。我们要坚持教育优先发展。要办好人民满意的教育。要让每个孩子都能享有公平而有质量的教育。',
      '二、突出重点,扎实推进各项工作',
      '一是要抓好队伍建设。',
      '二是要抓好质量提升。各级各类学校要把质量作为生命线。要坚持问题导向,补齐短板。',
      '三是要抓好安全稳定。要把安全责任落实到每个环节。要确保校园平安和谐。',
      '谢谢大家!',
    ]);
    expect(r.changes.filter((c) => c.rule === 'repair/sentence-per-line')).toHaveLength(10);
  });

  // A short page: blank lines between paragraphs, single line breaks between the sentences inside them.
  const GROUPED = ['在全镇秋季征兵工作会议上的讲话', '', '同志们:', '', '今天召开全镇秋季征兵工作会议。', '主要任务是部署今年全镇征兵工作。', '', '一、提高认识', '依法服兵役是每个适龄青年应尽的义务。', '各村要把征兵工作摆上重要议事日程。', '', '同志们,让我们共同努力,圆满完成今年征兵任务!', '谢谢大家!'];
  it('joins the sentences of a short page inside its blank-line groups', () => {
    const r = clean(GROUPED.join('\n'), { path: 'page.txt' });
    expect(kept(r)).toEqual(['同志们:', '今天召开全镇秋季征兵工作会议。主要任务是部署今年全镇征兵工作。', '一、提高认识', '依法服兵役是每个适龄青年应尽的义务。各村要把征兵工作摆上重要议事日程。', '同志们,让我们共同努力,圆满完成今年征兵任务!', '谢谢大家!']);
  });
  it('leaves a short page of one-sentence paragraphs alone when blank lines separate them all', () => {
    const lines = GROUPED.filter(Boolean);
    expect(repairRules(cleanLines(lines))).toEqual([]);
    expect(repairRules(clean(lines.join('\n'), { path: 'page.txt' }))).toEqual([]);
  });

  it('leaves pages whose lines hold several sentences alone', () => {
    expect(repairRules(cleanLines(SPEECH))).toEqual([]);
    // A real speech: most lines hold several sentences, some one.
    const lines = readFileSync(join(import.meta.dirname, '..', '..', 'seeds', '000_5194895f052b927d.txt'), 'utf8').split('\n').filter((l) => l.trim());
    const speech = lines.slice(lines.findIndex((l) => l.endsWith('篇2')) + 1, lines.findIndex((l) => l.endsWith('篇3')));
    expect(repairRules(cleanLines(speech))).toEqual([]);
  });
});

describe('paragraph kinds', () => {
  it('marks headings, list items and body paragraphs', () => {
    const paragraphs = cleanLines(SPEECH).speeches[0]!.paragraphs;
    const kind = (start: string) => paragraphs.find((p) => p.text.startsWith(start))!.kind;
    expect(kind('一、提高认识')).toBe('heading');
    expect(kind('一是要抓好')).toBe('list-item');
    expect(kind('今天,我们召开')).toBe('body');
    expect(kind('同志们,让我们')).toBe('body');
  });
});

describe('idempotence', () => {
  it('joins nothing when the cleaned text is cleaned again', () => {
    const first = cleanLines([
      ...BEFORE,
      ...CUT_AT_LINK,
      '》;尚平同志宣读了表彰决定。',
      '教育兴,x县兴;',
      '教育强,x县强。',
      ...AFTER,
    ]);
    expect(repairRules(first).sort()).toEqual(['repair/broken-clause', 'repair/link-closing', 'repair/link-unclosed']);
    const again = cleanLines(kept(first));
    expect(repairRules(again)).toEqual([]);
    expect(kept(again)).toEqual(kept(first));
  });
});
