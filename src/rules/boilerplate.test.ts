import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boilerplateRules } from './boilerplate.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const seedLines = readdirSync(SEEDS).flatMap((f) => readFileSync(join(SEEDS, f), 'utf8').split('\n'));
const gated = boilerplateRules.filter((r) => r.requires);

const join$ = (...parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((p) => p.join(''));
const some = (...options: string[]) => fc.constantFrom(...options);
const text = fc.array(some('同志们', '工作', '会议', ',', '。', ' ', 'a'), { maxLength: 6 }).map((a) => a.join(''));
const spaces = some('', ' ', '  ', '\t');

/** Texts shaped like each gated rule's matches (and near them), varied where `requires` looks. */
const HITS: Record<string, fc.Arbitrary<string>> = {
  'boilerplate/watermark': fc.oneof(
    join$(text, spaces, some('', '作文吧', '范文网,收藏', '公文'), spaces, some('', 'http://', 'https://', 'HTTP://'), some('www.', 'WWW.', 'Www.', 'ww.'), some('zuowenba', 'a-1', 'x'), some('.net', '.com.cn', '.Cn', '.c'), some('', '/'), spaces),
    join$(text, some('【', '['), some('更多', '更 多', '多'), some('', '公文素材', '内容请访问本站'), some('】', ']', ''), spaces),
    join$(text, some('【', '[', ''), some('', '更多素材', '关注'), some('微信', '公众号', 'QQ', 'qq', 'Qq', '微博'), some(':', '：', ''), some('', 'abc123', '公文'), some('】', ']'), text),
  ),
  'boilerplate/jammer': join$(
    some('', '同志们', '工作。'),
    fc.array(join$(fc.array(some('a', 'x', '9', 'P', '"', '|', '#', '`', '-', ':'), { minLength: 1, maxLength: 3 }).map((a) => a.join('')), some(' ', ' ', ' ', '  ')), { minLength: 3, maxLength: 8 }).map((a) => a.join('')),
    some('g', '4G', 'abcd'),
    some('', '会议'),
  ),
  'boilerplate/omission-note': fc.oneof(
    join$(text, some('', '…', '……', '...'), some('(', '（'), some('', '此处', '内容'), some('省略', '已省略'), spaces, some('434', '12'), spaces, some('字', '字,正式会员可完整阅读'), some(')', '）'), some('', '……')),
    join$(text, some('--', '---'), some('此处隐藏', '隐藏'), spaces, some('2000', '5'), some('字', '字内容'), some('--', '---', '-')),
    join$(some('负总责', '工作'), some('', '……', '...'), some('(', '（'), some('未完', '未完成'), some(',', '，', ''), some('全文共2620字', '当前仅显示', ''), some(')', '）', '')),
  ),
  'boilerplate/title-site-suffix': join$(
    some('七一讲话稿', '政府工作报告', '医药卫生'),
    fc.array(join$(spaces, some('_', '-', '－', '—'), spaces, some('党建范文', '综合改革', '范文')), { minLength: 1, maxLength: 3 }).map((a) => a.join('')),
    some('网', '站', '文库', '', '网站'),
  ),
};

describe('boilerplate rules that name what their matches contain (requires)', () => {
  it('are not global (a quick test, no lastIndex state) and each has a generator of hits here', () => {
    expect(gated.length).toBeGreaterThan(0);
    for (const r of gated) {
      expect(r.requires!.global, r.id).toBe(false);
      expect(HITS[r.id], r.id).toBeDefined();
    }
  });

  it.each(gated.map((r) => [r.id, r] as const))('%s: every text the pattern matches also has what it requires', (id, rule) => {
    const g = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`);
    let hits = 0;
    const check = (t: string) => {
      if (![...t.matchAll(g)].some((m) => m[0] !== '')) return;
      hits++;
      expect(rule.requires!.test(t), t).toBe(true);
    };
    seedLines.forEach(check);
    fc.assert(
      fc.property(HITS[id]!, (t) => {
        check(t);
      }),
      { numRuns: 3000 },
    );
    expect(hits, 'the generated texts reach the pattern').toBeGreaterThan(200);
  });
});
