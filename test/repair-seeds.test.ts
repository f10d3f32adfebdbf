/**
 * Paragraph repair on the sample pages: the sentences seed 002 cut at links are whole again, seed 004's flattened
 * viewer preview has its paragraphs back, and no body text is lost on any page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES, clean, cleanPage, createProcessor, resolveConfig } from '../src/index.js';
import type { PageRecord } from '../src/index.js';
import { countHan } from '../src/tree/chars.js';
import { keptText } from './helpers.js';

const SEEDS = join(import.meta.dirname, '..', 'seeds');
const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const bytes = (id: string) => readFileSync(join(SEEDS, files.find((f) => f.startsWith(id))!));
const seed = (id: string) => clean(bytes(id), { path: `seeds/${id}.txt` });

const config = resolveConfig();

/** Han characters of all paragraphs after the pipeline up to and including `stage`. */
function hanAfter(id: string, stage: string): number {
  const processor = createProcessor(config, STAGES.findIndex((s) => s.name === stage) + 1);
  const record = cleanPage(processor, bytes(id), `seeds/${id}.txt`, config);
  return countHan(record.speeches.flatMap((s) => [s.salutation ?? '', ...s.paragraphs.map((p) => p.text), s.closing ?? '']).join(''));
}

const paragraphs = (r: PageRecord) => r.speeches.flatMap((s) => s.paragraphs.map((p) => p.text));

describe('seed 002: sentences cut at links and line breaks', () => {
  const r = seed('002');
  const text = keptText(r);

  it.each([
    '各级目标管理责任书',
    '作了《全县教育工作报告》;尚平同志',
    '签订了目标责任书;江芬同志',
    '制定重大事故应急预案',
    '推进教育大整顿改革的信心决心',
    '发展x县教育的征程中',
    '纳入各级领导干部学习计划',
    '开展保持共产党员先进性教育活动',
    '教育兴,x县兴;教育强,x县强',
    '对于不称职的校长,敢于撤职;对于不负责任的教师',
  ])('has %s in one piece', (want) => {
    expect(text).toContain(want);
  });

  it('leaves no linked word on a line of its own', () => {
    const fragments = paragraphs(r).filter((p) => /^[\u4e00-\u9fff]{1,8}。$/.test(p));
    expect(fragments).toEqual([]);
  });

  it('keeps the short slogan lines under a title', () => {
    expect(r.changes.filter((c) => c.stage === 'repair' && c.before.includes('重铸辉煌'))).toEqual([]);
  });
});

describe('seed 004: a flattened document viewer preview', () => {
  const r = seed('004');

  /** Paragraph-split F1 against the starts of the document's paragraphs. */
  const f1 = (speech: number, starts: string[]) => {
    const ps = r.speeches[speech]!.paragraphs.map((p) => p.text);
    const hit = starts.filter((s) => ps.some((p) => p.startsWith(s))).length;
    const precision = ps.filter((p) => starts.some((s) => p.startsWith(s))).length / ps.length;
    const recall = hit / starts.length;
    return (2 * precision * recall) / (precision + recall);
  };

  it('rebuilds the first speech’s paragraphs', () => {
    const starts = [
      '刚才,X局长就全县义务教育', '一、提高认识,切实增强控辍保学工作的责任感和紧迫感', '义务教育均衡发展是国家中长期', '虽然当前我县的三类残疾儿童',
      '导致全县义务教育巩固率与国家', '刚才,县政府已与县教育局和各乡镇', '二、精准发力,稳步推进控辍保学各项工作', '面对严峻形势和实际问题',
      '(一)严格执行法律法规,强化依法控辍。', '(二)及时掌握基本情况,强化行政控辍。', '(三)落实帮扶资助政策,强化扶贫控辍。', '(四)全面提升教育质量,强化质量控辍。',
      '三、强化措施,圆满完成控辍保学各项目标任务', '(一)完善机制,压实责任。', '(二)加大宣传,营造氛围。', '同志们,教育承载着我县发展的希望',
    ];
    expect(f1(0, starts)).toBeGreaterThanOrEqual(0.9);
    expect(r.speeches[0]!.salutation).toBe('同志们:');
  });

  it('rebuilds the second speech’s paragraphs', () => {
    const starts = ['近年来,在市政府办公厅和县委政府', '一、培树“队长”风范,增强凝聚力。', '二、展现“前锋”魅力,提升冲击力。', '三是年鉴编纂争一流。', '三发扬“中场”品质,彰显执行力。', '四、根植“后卫”意志,历练服务力。'];
    expect(f1(1, starts)).toBeGreaterThanOrEqual(0.9);
  });

  it('leaves no space between Chinese characters and keeps the words the wraps cut', () => {
    const text = keptText(r);
    expect(text).not.toMatch(/[\u4e00-\u9fff][ \u3000\u00a0]+[\u4e00-\u9fff]/);
    for (const want of ['认领', '全县控辍保学', '化解于萌芽状态。', 'X局长', '2019年']) expect(text).toContain(want);
  });
});

describe('no text lost', () => {
  it.each(files.map((f) => f.slice(0, 3)))('%s: unwrap and repair keep every Han character', (id) => {
    expect(hanAfter(id, 'unwrap')).toBe(hanAfter(id, 'bytes'));
    expect(hanAfter(id, 'repair')).toBe(hanAfter(id, 'boilerplate'));
    const changes = seed(id).changes.filter((c) => c.stage === 'repair' || c.stage === 'unwrap');
    expect(changes.every((c) => countHan(c.after) === countHan(c.before))).toBe(true);
  });
});
