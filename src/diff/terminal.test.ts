import { describe, expect, it } from 'vitest';
import { page, SPEECH } from '../../test/helpers.js';
import { clean } from '../index.js';
import { alignPage } from './align.js';
import { renderTerminal, snippet, wantsColor } from './terminal.js';

const text = page('首页 > 讲话稿 > 正文', SPEECH[0]!, '今天 ，我们召开全市教育工作会议。。主要任务是总结去年工作。', ...SPEECH.slice(2), '相关文章');
const diff = alignPage(clean(text), text);
const ESC = '\x1b[';

/** The rendered rows for raw lines: `<number> <mark> <text>`. */
function rows(out: string): string[] {
  return out.split('\n').filter((l) => /^\s*\d+(?: [ ~-]|$)/.test(l));
}

describe('renderTerminal', () => {
  it('prints every raw line once, in order, with its mark, and no escape codes when plain', () => {
    const out = renderTerminal(diff, 'page.txt', { color: false });
    expect(out).not.toContain(ESC);
    const numbers = rows(out).map((r) => Number(r.trim().split(' ')[0]));
    expect(numbers).toEqual(diff.lines.map((l) => l.number));
    expect(out).toMatch(/^\s*1 - 首页 > 讲话稿 > 正文$/m);
    expect(out).toMatch(new RegExp(`^\\s*\\d+   ${SPEECH[0]}$`, 'm'));
    expect(out).toContain(`~ 今天 ，我们召开全市教育工作会议。。主要任务是总结去年工作。`);
    expect(out).toContain('→ 今天，我们召开全市教育工作会议。主要任务是总结去年工作。');
    expect(out).toContain('boilerplate/breadcrumb (boilerplate, drop)');
    expect(out).toContain('normalize/doubled-mark (normalize, replace) 「。。」 → 「。」');
  });

  it('colours marks, dropped text and edits when asked', () => {
    const out = renderTerminal(diff, 'page.txt', { color: true });
    expect(out).toContain(`${ESC}31m首页 > 讲话稿 > 正文`);
    expect(out).toContain(`${ESC}32m今天，我们召开全市教育工作会议。主要任务是总结去年工作。`);
    expect(out.replace(/\x1b\[\d+m/g, '')).toBe(renderTerminal(diff, 'page.txt', { color: false }));
  });

  it('shows only the lines a filter selects', () => {
    const dropped = rows(renderTerminal(diff, 'page.txt', { color: false, only: 'dropped' }));
    expect(dropped.length).toBe(diff.lines.filter((l) => l.status === 'dropped').length);
    expect(dropped.every((r) => / - /.test(r))).toBe(true);
    const out = renderTerminal(diff, 'page.txt', { color: false, rule: 'normalize/doubled-mark' });
    expect(rows(out)).toHaveLength(1);
    expect(out).not.toContain('normalize/cjk-space');
    expect(renderTerminal(diff, 'page.txt', { color: false, rule: 'nothing/here' })).toContain('no line matches');
  });

  it('lists many changes of one rule on a line as a count, a few one by one', () => {
    const marks = page(SPEECH[0]!, '我们要抓好队伍建设。。抓好质量提升，，抓好安全稳定、、确保校园平安；；谢谢。', '我们要抓好队伍建设。。抓好质量提升，，确保平安。', ...SPEECH.slice(2));
    const out = renderTerminal(alignPage(clean(marks), marks), 'p', { color: false });
    expect(out).toMatch(/^ +normalize\/doubled-mark \(normalize, replace\) ×4: Stray doubled marks/m);
    expect(out.match(/normalize\/doubled-mark \(normalize, replace\) 「/g)).toHaveLength(2);
  });
});

describe('snippet', () => {
  it('shows line breaks and cuts long texts', () => {
    expect(snippet('a\nb')).toBe('「a⏎b」');
    expect(snippet('字'.repeat(100))).toBe(`「${'字'.repeat(39)}…」`);
    expect(snippet('')).toBe('「」');
  });
});

describe('wantsColor', () => {
  const stream = (isTTY: boolean, colors: boolean) => ({ isTTY, hasColors: () => colors }) as unknown as NodeJS.WriteStream;
  it('colours a colour terminal only, unless FORCE_COLOR says so', () => {
    const saved = process.env.FORCE_COLOR;
    delete process.env.FORCE_COLOR;
    try {
      expect(wantsColor(stream(true, true))).toBe(true);
      expect(wantsColor(stream(true, false))).toBe(false);
      expect(wantsColor(stream(false, true))).toBe(false);
      process.env.FORCE_COLOR = '1';
      expect(wantsColor(stream(false, false))).toBe(true);
      process.env.FORCE_COLOR = '0';
      expect(wantsColor(stream(false, false))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.FORCE_COLOR;
      else process.env.FORCE_COLOR = saved;
    }
  });
});
