/**
 * Unwrap: hard-wrapped documents (a viewer's one-line preview, PDF lines) get their paragraphs back; ordinary
 * lines, title lists and one-line pages are left alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kept, rulesFired } from '../../test/helpers.js';
import { clean } from '../index.js';
import type { PageRecord } from '../record/schema.js';
import { paragraphEnds, widthOf } from './unwrap.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const seedLines = (name: string) => readFileSync(join(SEEDS, name), 'utf8').split('\n');

/** Seed 004's document as the viewer flattened it: one line, a space at every wrap. */
const COLLAPSED = seedLines('004_11498ac9b1b973c9.txt').find((l) => l.length > 5000)!;
/** Its first speech from the salutation to the second heading. */
const OPENING = COLLAPSED.slice(COLLAPSED.indexOf('同志们:'), COLLAPSED.indexOf(' 二、精准发力'));

/** Seed 000's second speech: ordinary lines, one paragraph each. */
const lines000 = seedLines('000_5194895f052b927d.txt').filter((l) => l.trim());
const SPEECH = lines000.slice(lines000.findIndex((l) => l.endsWith('篇2')) + 1, lines000.findIndex((l) => l.endsWith('篇3')));

const unwrapRulesFired = (r: PageRecord) => [...rulesFired(r)].filter((id) => id.startsWith('unwrap/'));

/**
 * Typesets paragraphs the way a PDF does: lines of `width` units (Han 2, Latin 1), first lines indented by two
 * characters, words never cut, closing marks hanging, a space between Chinese and Latin.
 */
function typeset(paragraphs: readonly string[], width = 60): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    let line = '';
    let w = 4;
    for (const token of p.match(/[A-Za-z0-9%.]+|./gu) ?? []) {
      const latin = /^[A-Za-z0-9]/.test(token);
      const space = line !== '' && latin !== /[A-Za-z0-9%.]$/.test(line) && /[\u4e00-\u9fff]/.test(latin ? line.at(-1)! : token) ? ' ' : '';
      const tw = widthOf(token) + space.length;
      if (line && w + tw > width && !(/^[,。、;:!?)》”]$/.test(token) && w + tw <= width + 2)) {
        out.push(line);
        line = '';
        w = 0;
      }
      line += line ? space + token : token;
      w += line === token ? widthOf(token) : tw;
    }
    out.push(line);
  }
  return out;
}

/** Text without whitespace (the seed has a few real spaces between Chinese words, which unwrap removes). */
const squeeze = (text: string) => text.replace(/\s/g, '');

/**
 * Paragraphs of `expected` that `restored` does not have. An inline enumeration item (`…。三是…`) that happens to
 * start a line is taken for a new paragraph, as a numbered heading would be; such splits do not count.
 */
function lost(expected: readonly string[], restored: readonly string[]): string[] {
  const merged: string[] = [];
  for (const p of restored.map(squeeze)) {
    const last = merged.at(-1);
    if (last !== undefined && /^[一二三四五六七八九十]{1,2}是/.test(p) && expected.some((e) => squeeze(e).startsWith(last + p))) merged[merged.length - 1] = last + p;
    else merged.push(p);
  }
  return expected.map(squeeze).filter((p) => !merged.includes(p));
}

describe('collapsed documents', () => {
  const record = clean(OPENING);
  const paragraphs = kept(record);

  it('rebuilds the paragraphs of a one-line viewer preview', () => {
    expect(paragraphs.map((p) => p.slice(0, 8))).toEqual(['同志们:', '刚才,X局长就全', '一、提高认识,切', '义务教育均衡发展', '导致全县义务教育', '刚才,县政府已与']);
    expect(paragraphs[2]).toBe('一、提高认识,切实增强控辍保学工作的责任感和紧迫感');
    expect(record.speeches[0]!.paragraphs.find((p) => p.text.startsWith('一、'))!.kind).toBe('heading');
  });

  it('removes every layout space and nothing else', () => {
    expect(paragraphs.join('')).toBe(OPENING.replace(/ /g, ''));
    expect(paragraphs.join('\n')).toContain('认领,并认真查找问题');
    expect(paragraphs.join('\n')).toContain('X局长');
    expect(paragraphs.join('\n')).toContain('在2019年实现');
  });

  it('logs one split per paragraph end and one aggregated space removal per paragraph', () => {
    const splits = record.changes.filter((c) => c.rule === 'unwrap/paragraph-end');
    expect(splits).toHaveLength(paragraphs.length - 1);
    for (const s of splits) {
      expect(s.kind).toBe('split');
      expect(s.after.replace('\n', '')).toBe(s.before);
      expect(OPENING.slice(s.source.start, s.source.end)).toBe(s.before);
    }
    const spaces = record.changes.filter((c) => c.rule === 'unwrap/layout-space');
    expect(spaces.length).toBeLessThanOrEqual(paragraphs.length);
    expect(spaces.some((c) => /\(\d{2,}×\)$/.test(c.reason))).toBe(true);
    for (const c of spaces) expect(c.after).toBe(c.before.replace(/ /g, ''));
  });

  it('splits off the title and the editor blurb at the start of the line', () => {
    const r = clean(COLLAPSED.slice(0, COLLAPSED.indexOf(' 二、精准发力')));
    const texts = r.speeches.flatMap((s) => [s.title, ...s.preamble, s.salutation, ...s.paragraphs.map((p) => p.text)]).filter((t): t is string => !!t);
    expect(texts.some((t) => t.includes('工作会议讲话') && t.includes('同志们'))).toBe(false);
    expect(r.changes.some((c) => c.kind === 'split' && c.after.replace(/ /g, '').includes('合编\n'))).toBe(true);
    expect(r.changes.some((c) => c.kind === 'split' && c.after.replace(/ /g, '').includes('顺利完成\n同志们'))).toBe(true);
  });

  it('restores typeset real paragraphs, keeping spaces between Latin words', () => {
    const original = [
      ...SPEECH,
      '借此机会,我提十个“怎么看”“怎么干”,会后请大家展开大讨论,逐一破题:',
      '2.对我县的教育在全市的位次怎么看、怎么干?',
      '3.对制约我县教育发展的瓶颈因素怎么看、怎么干?',
      '要学习 Project Based Learning 的方法,提高课堂教学的效率和质量,让每一位学生都能在课堂上有所收获。',
    ];
    const expected = kept(clean(original.join('\n\n')));
    const restored = kept(clean(typeset(original).join(' ')));
    expect(squeeze(restored.join(''))).toBe(squeeze(expected.join('')));
    expect(lost(expected, restored)).toEqual([]);
    expect(restored.at(-1)).toBe('要学习Project Based Learning的方法,提高课堂教学的效率和质量,让每一位学生都能在课堂上有所收获。');
  });

  it('leaves a real one-line page without layout spaces alone', () => {
    expect(unwrapRulesFired(clean(SPEECH.join('')))).toEqual([]);
  });

  it('leaves a paragraph with spaces between sentences of any length alone', () => {
    const sentences = SPEECH.slice(2, 8).flatMap((l) => l.split(/(?<=。)/)).filter(Boolean);
    expect(sentences.length).toBeGreaterThan(12);
    expect(unwrapRulesFired(clean(sentences.join(' ')))).toEqual([]);
  });
});

describe('blocks of wrapped lines', () => {
  it('joins the lines of each paragraph', () => {
    const expected = kept(clean(SPEECH.join('\n\n')));
    const r = clean(typeset(SPEECH).join('\n'));
    const restored = kept(r);
    expect(squeeze(restored.join(''))).toBe(squeeze(expected.join('')));
    expect(lost(expected, restored)).toEqual([]);
    const joins = r.changes.filter((c) => c.rule === 'unwrap/line-join');
    expect(joins.length).toBeGreaterThan(10);
    expect(joins.every((c) => c.kind === 'join' && c.before.includes('\n') && !c.after.includes('\n'))).toBe(true);
  });

  it('leaves a list of equal-length titles alone', () => {
    const titles = Array.from({ length: 12 }, (_, i) => `县委书记在全县第${'一二三四五六七八九十'[i % 10]}次教育工作会议上的讲话稿`);
    const r = clean(titles.join('\n'));
    expect(unwrapRulesFired(r)).toEqual([]);
  });

  it('leaves equal-length paragraphs that each end a sentence alone', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `第${i + 1}项工作要抓紧落实,各单位要明确责任人和完成时限,确保按期完成。`);
    expect(unwrapRulesFired(clean(lines.join('\n')))).toEqual([]);
  });
});

describe('orphan marks', () => {
  it('puts a full stop alone on a line back on the line before', () => {
    const r = clean(['同志们:', '今天的会议很重要,我先讲几点意见', '。', '一、提高认识,切实增强做好工作的责任感'].join('\n\n'));
    expect(kept(r)).toContain('今天的会议很重要,我先讲几点意见。');
    expect(r.changes.find((c) => c.rule === 'unwrap/orphan-mark')).toMatchObject({ kind: 'join', before: ',我先讲几点意见\n。', after: ',我先讲几点意见。' });
  });

  it('leaves a mark after a finished sentence, and a lone question mark, to the boilerplate stage', () => {
    const r = clean(['同志们:', '今天的会议很重要,我先讲几点意见。', '。', '要提高认识,切实增强做好工作的责任感', '?'].join('\n\n'));
    expect(unwrapRulesFired(r)).toEqual([]);
  });
});

describe('paragraph ends', () => {
  const W = 60;
  const line = (text: string) => ({ text, width: widthOf(text) });
  const FULL = '义务教育均衡发展是国家中长期教育改革和发展规划的基本要求,是';

  it('ends after a short line that ends a sentence, not after a full one', () => {
    expect(paragraphEnds([line(FULL), line('社会公平的体现。'), line(FULL), line(FULL)], W)).toEqual([false, true, false, true]);
  });

  it('ends after a full sentence line when the next line is indented or numbered', () => {
    const fullStop = `${FULL.slice(0, 29)}。`;
    expect(paragraphEnds([line(FULL), line(fullStop), line(FULL.slice(2)), line(FULL)], W)[1]).toBe(true);
    expect(paragraphEnds([line(FULL), line(fullStop), line(`(二)${FULL.slice(3)}`), line(FULL)], W)[1]).toBe(true);
    expect(paragraphEnds([line(FULL), line(fullStop), line(FULL), line(FULL)], W)[1]).toBe(false);
  });

  it('ends after a heading without a full stop, a short title, and before a salutation', () => {
    expect(paragraphEnds([line('一、提高认识,切实增强控辍保学工作的责任感'), line(FULL), line(FULL)], W)[0]).toBe(true);
    expect(paragraphEnds([line('全市教育工作会议讲话稿'), line(FULL), line(FULL)], W)[0]).toBe(true);
    expect(paragraphEnds([line('2020年工作会议讲话:确保全县控辍保学工作'), line('同志们:'), line(FULL)], W)).toEqual([true, true, true]);
  });

  it('does not end after a short line cut mid-sentence', () => {
    expect(paragraphEnds([line(FULL), line('社会公平在教育领域的延伸和体现以及'), line(FULL)], W)[1]).toBe(false);
  });
});
