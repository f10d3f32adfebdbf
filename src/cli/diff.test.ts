import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';
import { page, SPEECH } from '../../test/helpers.js';

let dir: string;
let pagePath: string;
const TEXT = page('首页 > 讲话稿 > 正文', ...SPEECH.slice(0, 2), '我们要抓好队伍建设。。抓好质量提升。', ...SPEECH.slice(2), '相关文章');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'speechclean-diff-'));
  pagePath = join(dir, 'talk.txt');
  writeFileSync(pagePath, TEXT);
});

describe('speechclean diff', () => {
  it('prints every raw line, marked, plain when not on a terminal', async () => {
    const { code, stdout, stderr } = await runCli('diff', pagePath);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).not.toContain('\x1b[');
    expect(stdout).toMatch(/^ *1 - 首页 > 讲话稿 > 正文$/m);
    expect(stdout).toMatch(/^ *\d+ ~ 我们要抓好队伍建设。。抓好质量提升。$/m);
    expect(stdout).toContain('→ 我们要抓好队伍建设。抓好质量提升。');
    expect(stdout).toMatch(new RegExp(`^ *\\d+   ${SPEECH[1]}$`, 'm'));
    const numbered = stdout.split('\n').filter((l) => /^ *\d+( |$)/.test(l));
    expect(numbered).toHaveLength(TEXT.split('\n').length);
  });

  it('filters by status and by rule', async () => {
    const dropped = await runCli('diff', pagePath, '--only', 'dropped');
    const rows = dropped.stdout.split('\n').filter((l) => /^ *\d+ /.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => / - /.test(r))).toBe(true);
    const rule = await runCli('diff', pagePath, '--rule', 'normalize/doubled-mark');
    expect(rule.stdout.split('\n').filter((l) => /^ *\d+ /.test(l))).toEqual([expect.stringContaining('~ 我们要抓好队伍建设')]);
  });

  it('reads the record a run wrote and shows the same diff as cleaning in memory', async () => {
    const out = join(dir, 'out');
    expect((await runCli('run', pagePath, '--out', out)).code).toBe(0);
    const fromRecord = await runCli('diff', pagePath, '--out', out);
    expect(fromRecord.code).toBe(0);
    expect(fromRecord.stdout).toBe((await runCli('diff', pagePath)).stdout);
  });

  it('refuses a record whose page changed since, and a folder without one', async () => {
    const other = join(dir, 'other.txt');
    const out = join(dir, 'out-stale');
    writeFileSync(other, TEXT);
    await runCli('run', other, '--out', out);
    writeFileSync(other, `${TEXT}\n\n今天的会就开到这里。`);
    const stale = await runCli('diff', other, '--out', out);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('changed since its record was written');
    mkdirSync(join(dir, 'empty-out'));
    const missing = await runCli('diff', pagePath, '--out', join(dir, 'empty-out'));
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('no record for it')]);
  });

  it('writes a self-contained HTML report with --html', async () => {
    const file = join(dir, 'report.html');
    const { code, stdout, stderr } = await runCli('diff', pagePath, '--html', file);
    expect([code, stdout]).toEqual([0, '']);
    expect(stderr).toContain(file);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('class="line dropped');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('reports usage errors with exit 2 and unreadable pages with exit 1', async () => {
    expect((await runCli('diff')).code).toBe(2);
    expect((await runCli('diff', pagePath, pagePath)).code).toBe(2);
    const only = await runCli('diff', pagePath, '--only', 'kept');
    expect([only.code, only.stderr]).toEqual([2, expect.stringContaining('--only must be one of: dropped, edited')]);
    const missing = await runCli('diff', join(dir, 'nope.txt'));
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('no such file')]);
  });
});
