/** Script detection and traditional→simplified conversion. */
import { describe, expect, it } from 'vitest';
import { clean } from '../index.js';
import { classify, countScript } from './script.js';

function cleaned(...lines: string[]) {
  const record = clean(lines.join('\n\n'));
  return { record, text: record.speeches.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n') };
}

describe('script detection', () => {
  it('classifies by characters that exist in one script only', () => {
    expect(classify(countScript('我們要認真學習貫徹會議精神'), 0.9)).toBe('traditional');
    expect(classify(countScript('我们要认真学习贯彻会议精神'), 0.9)).toBe('simplified');
    expect(classify(countScript('皇后 公里 干涉'), 0.9)).toBe('unknown'); // valid in both scripts
  });
  it('reports the page script before conversion', () => {
    expect(cleaned('我們要認真學習貫徹會議精神,推動各項工作落實。').record.source.script).toBe('traditional');
    expect(cleaned('我们要认真学习贯彻会议精神,推动各项工作落实。').record.source.script).toBe('simplified');
  });
});

describe('conversion (OpenCC tw→cn)', () => {
  it('turns the particle 著 into 着 and keeps 顯著/著錄', () => {
    const { text } = cleaned('隨著教育財政投入的增加,我們面臨著許多困難,也取得了顯著的效果,完成了檔案著錄工作。');
    expect(text).toBe('随着教育财政投入的增加,我们面临着许多困难,也取得了显著的效果,完成了档案著录工作。');
  });
  it('never rewrites vocabulary the way phrase presets do', () => {
    expect(cleaned('建立檔案管理制度,做好許多工作。').text).toBe('建立档案管理制度,做好许多工作。');
  });
  it('leaves simplified paragraphs untouched (tw→cn would turn 显著 into 显着)', () => {
    const { text, record } = cleaned('会议取得了显著成效,完成了著录工作。');
    expect(text).toBe('会议取得了显著成效,完成了著录工作。');
    expect(record.changes.filter((c) => c.stage === 'script')).toHaveLength(0);
  });
  it('converts only the traditional sentences of a mixed paragraph', () => {
    const { text } = cleaned('会议取得了显著成效。我們要認真學習貫徹會議精神。');
    expect(text).toBe('会议取得了显著成效。我们要认真学习贯彻会议精神。');
  });
  it('logs a verbatim paragraph as one change from its first to its last converted run, and keeps one span', () => {
    const { record } = cleaned('我們要認真學習貫徹會議精神。');
    const change = record.changes.find((c) => c.rule === 'script/tw-cn')!;
    // Converted runs: 們, 認, 學習貫徹會議 (3), from offset 1 to 11.
    expect([change.source.start, change.source.end, change.before, change.after]).toEqual([1, 11, '們要認真學習貫徹會議', '们要认真学习贯彻会议']);
    expect(change.reason).toMatch(/\(3×\)$/);
    expect(record.speeches[0]!.paragraphs[0]!.source.spans).toEqual([[0, 0, 14]]);
  });
  it('logs each converted paragraph with its source range', () => {
    const { record } = cleaned('我們要認真學習貫徹會議精神。');
    const change = record.changes.find((c) => c.rule === 'script/tw-cn')!;
    expect(change.kind).toBe('convert');
    expect(change.before).toContain('們');
    expect(change.after).toContain('们');
  });
  it('converts a traditional HTML <title> (the fallback page title), logged at its source, and leaves a simplified one', () => {
    const body = '<p>同志們：</p><p>我們要認真學習貫徹會議精神，推動各項工作落實。</p><p>謝謝大家！</p>';
    const html = `<html><head><title>在全縣教育工作會議上的講話_範文網</title></head><body>${body}</body></html>`;
    const record = clean(html, { path: 'page.html' });
    expect(record.page).toMatchObject({ title: '在全县教育工作会议上的讲话', site: '范文网' });
    const change = record.changes.find((c) => c.rule === 'script/tw-cn' && c.before.startsWith('在全縣'))!;
    expect(html.slice(change.source.start, change.source.end)).toBe('在全縣教育工作會議上的講話_範文網');
    const plain = clean(`<html><head><title>会议取得显著成效_范文网</title></head><body>${body}</body></html>`, { path: 'page.html' });
    expect(plain.changes.filter((c) => c.before.startsWith('会议取得'))).toEqual([]);
  });
});
