import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { page, SPEECH } from '../../test/helpers.js';
import { rawLines, uncoveredLines } from '../../test/lines.js';
import { clean } from '../index.js';
import type { ChangeRecord, PageRecord } from '../record/schema.js';
import { locator } from '../tree/locate.js';
import { alignBlocks, alignPage, lineFragments, lineStarts, type PageDiff, ruleMatches, selectLines } from './align.js';

/** Every raw line appears exactly once, in order, with one status, and the lines tile the text. */
function expectAccounted(diff: PageDiff): void {
  const expected = rawLines(diff.text);
  expect(diff.lines.map((l) => l.number)).toEqual(expected.map((_, i) => i + 1));
  expect(diff.lines.map((l) => l.text)).toEqual(expected.map((l) => l.replace(/\r$/, '')));
  diff.lines.forEach((line, i) => {
    expect(['kept', 'dropped', 'edited', 'layout']).toContain(line.status);
    expect(line.status === 'layout').toBe(line.text.trim() === '');
    const next = diff.lines[i + 1];
    if (next) expect(diff.text.slice(line.end, next.start)).toMatch(/^\r?\n$/);
  });
  expect(diff.lines[0]!.start).toBe(0);
}

function status(diff: PageDiff, text: string): string | undefined {
  return diff.lines.find((l) => l.text.trim() === text)?.status;
}

describe('alignPage on cleaned pages', () => {
  const text = page('首页 > 讲话稿 > 正文', '本文来源于网络,如有侵权请联系删除。', ...SPEECH, '上一篇:关于开展安全检查的通知', '相关文章');
  const record = clean(text);
  const diff = alignPage(record, text);

  it('accounts for every raw line once', () => expectAccounted(diff));

  it('marks boilerplate dropped, speech text kept, blank lines layout', () => {
    expect(status(diff, '首页 > 讲话稿 > 正文')).toBe('dropped');
    expect(status(diff, '上一篇:关于开展安全检查的通知')).toBe('dropped');
    expect(status(diff, SPEECH[1]!)).toBe('kept');
    expect(diff.lines[1]!.status).toBe('layout');
  });

  it('names the rules behind a dropped line', () => {
    const line = diff.lines.find((l) => l.text === '首页 > 讲话稿 > 正文')!;
    expect(line.changes.map((c) => record.changes[c]!.rule)).toContain('boilerplate/breadcrumb');
    expect(line.unlogged).toBe(false);
    expect(line.after).toEqual([]);
  });

  it('shows an edited line with what the output holds instead', () => {
    const edited = page(...SPEECH.slice(0, 1), '我们要坚持教育优先发展 ，办好人民满意的教育。。让每个孩子都能享有公平而有质量的教育。', ...SPEECH.slice(1));
    const d = alignPage(clean(edited), edited);
    const line = d.lines.find((l) => l.text.startsWith('我们要坚持'))!;
    expect(line.status).toBe('edited');
    expect(line.after.join('')).toBe('我们要坚持教育优先发展，办好人民满意的教育。让每个孩子都能享有公平而有质量的教育。');
    expect(new Set(line.changes.map((c) => d.record.changes[c]!.rule))).toEqual(new Set(['normalize/cjk-space', 'normalize/doubled-mark']));
  });

  it('keeps a kept line\'s output equal to its text', () => {
    for (const line of diff.lines.filter((l) => l.status === 'kept')) expect(line.after.join('')).toBe(line.text.trim());
  });
});

const SEEDS = new URL('../../seeds/', import.meta.url);
const seedNames = readdirSync(SEEDS).filter((n) => n.endsWith('.txt'));
const seedDiffs = new Map<string, PageDiff>();
/** Seeds are cleaned once for all the tests that look at them. */
function seedDiff(name: string): PageDiff {
  let diff = seedDiffs.get(name);
  if (!diff) {
    const text = readFileSync(new URL(name, SEEDS), 'utf8');
    seedDiffs.set(name, (diff = alignPage(clean(text, { path: name }), text)));
  }
  return diff;
}

describe('alignPage on the seeds', () => {
  for (const name of seedNames) {
    it(`${name}: every line once; dropped = lines no span or part covers`, () => {
      const diff = seedDiff(name);
      const { record, text } = diff;
      expectAccounted(diff);
      expect(diff.lines.filter((l) => l.status === 'dropped').map((l) => l.number)).toEqual(uncoveredLines(record, text));
      for (const l of diff.lines) if (l.status === 'kept') expect(l.changes).toEqual([]);
    });
  }
});

it('accounts for every line of any page made of speech, boilerplate, blank and odd lines', () => {
  const pool = [...SPEECH, '', '   ', '\u3000\u3000', '相关文章', '上一篇:关于开展安全检查的通知', '同志 们 :', '會議', 'abc\r', '<p>讲话</p>', '，，', '　今天 , 我们开会。'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 25 }), fc.boolean(), (lines, trailing) => {
      const text = lines.join('\n') + (trailing ? '\n' : '');
      if (!text.trim()) return;
      let record: PageRecord;
      try {
        record = clean(text);
      } catch {
        return; // pages the pipeline refuses (not Chinese enough) have no record to align
      }
      const diff = alignPage(record, text);
      expectAccounted(diff);
      expect(diff.lines.filter((l) => l.status === 'dropped').map((l) => l.number)).toEqual(uncoveredLines(record, text));
    }),
    { numRuns: 150 },
  );
});

/** A record over `text` with the given body paragraph spans and changes, built by hand (no pipeline). */
function handRecord(
  text: string,
  paragraphs: { text: string; spans: [number, number, number][] }[],
  changes: Omit<ChangeRecord, 'source'>[] = [],
  ranges: [number, number][] = [],
  format: 'text' | 'html' = 'text',
  parts: { title?: [string, number, number]; preamble?: [string, number, number][]; signature?: [string, number, number][] } = {},
): PageRecord {
  const at = locator(text);
  const range = (start: number, end: number) => ({ start, end, line: at(start).line, column: at(start).column, endLine: at(end).line, endColumn: at(end).column });
  return {
    schemaVersion: 1,
    source: { path: 'x', sha256: '0'.repeat(64), bytes: text.length, encoding: 'UTF-8', encodingConfidence: 1, script: 'simplified', format },
    page: { title: null, site: null, publishedAt: null, author: null, declaredCount: null },
    speeches: [
      {
        id: 'x-0',
        index: 0,
        title: parts.title?.[0] ?? null,
        titleCandidates: [],
        preamble: (parts.preamble ?? []).map((p) => p[0]),
        salutation: null,
        paragraphs: paragraphs.map((p) => ({
          text: p.text,
          kind: 'body',
          source: { ...range(p.spans[0]![1], p.spans[p.spans.length - 1]![2]), spans: p.spans },
        })),
        closing: null,
        signature: (parts.signature ?? []).map((p) => p[0]),
        charCount: 0,
        placeholders: [],
        truncated: false,
        duplicateOf: null,
        parts: {
          title: parts.title ? range(parts.title[1], parts.title[2]) : null,
          salutation: null,
          closing: null,
          preamble: (parts.preamble ?? []).map((p) => range(p[1], p[2])),
          signature: (parts.signature ?? []).map((p) => range(p[1], p[2])),
        },
      },
    ],
    changes: changes.map((c, i) => ({ ...c, source: range(...ranges[i]!) })),
    warnings: [],
  };
}

describe('alignPage on hand-made records', () => {
  it('flags text that vanished or changed without a logged change', () => {
    const text = '第一行文字\n第二行文字\n第三行文字';
    const diff = alignPage(handRecord(text, [{ text: '第一行文字第三行字', spans: [[0, 0, 5], [5, 12, 14], [7, 15, 17]] }]), text);
    expect(diff.lines.map((l) => [l.status, l.unlogged])).toEqual([
      ['kept', false],
      ['dropped', true],
      ['edited', true],
    ]);
  });

  it('counts an aligned run that differs from its source as edited (a conversion) and gives each joined line its slice', () => {
    const text = '會議開始\n今天开会';
    const change = { rule: 'script/tw-cn', stage: 'script', kind: 'convert' as const, before: '會議開', after: '会议开', reason: 'r' };
    // One paragraph joined from two lines; the first one converted in place.
    const diff = alignPage(handRecord(text, [{ text: '会议开始今天开会', spans: [[0, 0, 3], [3, 3, 4], [4, 5, 9]] }], [change], [[0, 3]]), text);
    expect(diff.lines.map((l) => l.status)).toEqual(['edited', 'kept']);
    expect(diff.lines.map((l) => l.after)).toEqual([['会议开始'], ['今天开会']]);
  });

  it('puts an insertion and a join at a line break on the line that owns the point', () => {
    const text = '第一行\n第二行';
    const changes = [
      { rule: 'repair/join', stage: 'repair', kind: 'join' as const, before: '\n', after: '', reason: 'joined' },
      { rule: 'repair/insert', stage: 'repair', kind: 'insert' as const, before: '', after: '。', reason: 'full stop' },
    ];
    const diff = alignPage(handRecord(text, [{ text: '第一行第二行。', spans: [[0, 0, 3], [3, 4, 7], [6, 7, 7]] }], changes, [[3, 4], [7, 7]]), text);
    expect(diff.lines.map((l) => [l.status, l.changes])).toEqual([
      ['edited', [0]],
      ['edited', [1]],
    ]);
    expect(diff.lines[1]!.after).toEqual(['第二行。']);
    const fragments = lineFragments(diff, diff.lines[0]!, [0]);
    expect(fragments).toEqual([
      { text: '第一行', start: 0, changes: [] },
      { text: '', start: 3, changes: [0], insert: true },
    ]);
  });

  it('treats markup in an HTML page as layout and skipped text as an unlogged drop', () => {
    const text = '<html><body>\n<div class="nav">首页 导航</div>\n<p>讲话正文&amp;内容</p>\n</body></html>\n\n';
    const start = text.indexOf('讲话');
    const end = text.indexOf('</p>');
    const diff = alignPage(handRecord(text, [{ text: '讲话正文&内容', spans: [[0, start, end]] }], [], [], 'html'), text);
    expect(diff.lines.map((l) => [l.status, l.unlogged])).toEqual([
      ['layout', false],
      ['dropped', true],
      ['kept', false], // the entity is decoding, not cleaning
      ['layout', false], // whitespace moved after </body> is no text on the tags' line
      ['layout', false],
    ]);
  });

  it('treats references that stand for a space (&nbsp; indentation left out of a paragraph) as layout', () => {
    const text = '<p>&nbsp;&nbsp;讲话正文&#12290;</p>\n<p>&nbsp;&nbsp;另一行&amp;</p>';
    const start = text.indexOf('讲话');
    const diff = alignPage(handRecord(text, [{ text: '讲话正文。', spans: [[0, start, text.indexOf('</p>')]] }], [], [], 'html'), text);
    expect(diff.lines.map((l) => [l.status, l.unlogged])).toEqual([
      ['kept', false],
      ['dropped', true], // a reference that stands for a character is text: its line is not layout
    ]);
  });

  it('aligns preamble and signature lines by their ranges, and a part only where its text stands', () => {
    const text = '讲话标题\n——副标题\n张三 书记\n正文内容。\n李四';
    const at = (s: string) => text.indexOf(s);
    const record = handRecord(text, [{ text: '正文内容。', spans: [[0, at('正文'), at('正文') + 5]] }], [], [], 'text', {
      title: ['讲话标题', 0, at('——副标题') + 5], // a title range that takes in the subtitle line
      preamble: [['张三书记', at('张三'), at('张三') + 5]],
      signature: [['李四', at('李四'), at('李四') + 2]],
    });
    const diff = alignPage(record, text);
    expect(diff.lines.map((l) => [l.status, l.unlogged])).toEqual([
      ['kept', false],
      ['dropped', true],
      ['edited', true],
      ['kept', false],
      ['kept', false],
    ]);
    expect(diff.lines[2]!.after).toEqual(['张三书记']);
    expect(diff.items.map((i) => i.role)).toEqual(['title', 'preamble', 'body', 'signature']);
    expect(diff.lines.filter((l) => l.status === 'dropped').map((l) => l.number)).toEqual(uncoveredLines(record, text));
  });
});

describe('lineFragments', () => {
  it('cuts a line at change edges and lists the changes covering each run', () => {
    const text = '甲乙丙丁戊';
    const changes = ['a', 'b'].map((rule) => ({ rule, stage: 's', kind: 'delete' as const, before: '', after: '', reason: '' }));
    const diff = alignPage(handRecord(text, [{ text: '甲戊', spans: [[0, 0, 1], [1, 4, 5]] }], changes, [[1, 3], [2, 4]]), text);
    expect(lineFragments(diff, diff.lines[0]!, [0, 1]).map((f) => [f.text, f.changes])).toEqual([
      ['甲', []],
      ['乙', [0]],
      ['丙', [0, 1]],
      ['丁', [1]],
      ['戊', []],
    ]);
  });
});

describe('alignBlocks', () => {
  it('puts every line in exactly one block and each output item beside all its lines', () => {
    for (const name of seedNames) {
      const diff = seedDiff(name);
      const blocks = alignBlocks(diff);
      expect(blocks[0]!.first).toBe(0);
      blocks.forEach((b, i) => {
        expect(b.last).toBeGreaterThanOrEqual(b.first);
        if (blocks[i + 1]) expect(blocks[i + 1]!.first).toBe(b.last + 1);
        for (const item of b.items) expect([item.firstLine >= b.first, item.lastLine <= b.last]).toEqual([true, true]);
      });
      expect(blocks[blocks.length - 1]!.last).toBe(diff.lines.length - 1);
      expect(blocks.reduce((n, b) => n + b.items.length, 0)).toBe(diff.items.length);
    }
  });
});

describe('filters', () => {
  it('matches a rule by id or by prefix, never by a partial name', () => {
    expect(ruleMatches('boilerplate/related', 'boilerplate/related')).toBe(true);
    expect(ruleMatches('boilerplate/related', 'boilerplate')).toBe(true);
    expect(ruleMatches('boilerplate/related', 'boilerplate/')).toBe(true);
    expect(ruleMatches('boilerplate/related', 'boiler')).toBe(false);
    expect(ruleMatches('boilerplate/related-x', 'boilerplate/related')).toBe(false);
  });

  it('selects lines by status and by rule, keeping only the matching changes', () => {
    const text = page('首页 > 讲话稿 > 正文', '同志们 ：', ...SPEECH.slice(1), '相关文章');
    const diff = alignPage(clean(text), text);
    const dropped = selectLines(diff, { only: 'dropped' });
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((s) => s.line.status === 'dropped')).toBe(true);
    const normalize = selectLines(diff, { rule: 'normalize' });
    expect(normalize.map((s) => s.line.text)).toEqual(['同志们 ：']);
    expect(normalize.flatMap((s) => s.changes.map((c) => diff.record.changes[c]!.rule)).every((r) => r.startsWith('normalize/'))).toBe(true);
    expect(lineStarts('a\nb\n')).toEqual([0, 2]);
  });
});
