import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';
import { page, SPEECH } from '../../test/helpers.js';
import { formatTable } from './explain.js';

let dir: string;
let out: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'speechclean-explain-'));
  writeFileSync(join(dir, 'a.txt'), page('首页 > 讲话稿 > 正文', ...SPEECH, '相关文章'));
  writeFileSync(join(dir, 'b.txt'), page(SPEECH[0]!, '我们要抓好队伍建设。。抓好质量提升，，确保平安。', ...SPEECH.slice(2)));
  out = join(dir, 'out');
  await runCli('run', join(dir, 'a.txt'), join(dir, 'b.txt'), '--out', out);
});

describe('speechclean explain', () => {
  it('counts the same from pages cleaned in memory as from the records a run wrote', async () => {
    const pages = await runCli('explain', join(dir, 'a.txt'), join(dir, 'b.txt'), '--json');
    const records = await runCli('explain', out, '--json');
    expect([pages.code, records.code]).toEqual([0, 0]);
    const fromPages = JSON.parse(pages.stdout);
    expect(fromPages.pages).toBe(2);
    expect(fromPages.rules.find((r: { rule: string }) => r.rule === 'normalize/doubled-mark')).toMatchObject({ stage: 'normalize', changes: 2, pages: 1 });
    expect(fromPages.stages.map((s: { stage: string }) => s.stage)).toContain('boilerplate');
    expect(JSON.parse(records.stdout)).toEqual(fromPages);
  });

  it('prints tables of rules and stages', async () => {
    const { code, stdout } = await runCli('explain', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2 pages, \d+ changes, \d+ warnings$/m);
    expect(stdout).toMatch(/^rule +stage +changes +pages +chars removed +kinds$/m);
    expect(stdout).toMatch(/^normalize\/doubled-mark +normalize +2 +1 +2 +replace 2$/m);
    expect(stdout).toMatch(/^boilerplate +\d+ +\d+ +\d+ +drop \d+/m);
  });

  it('counts what it can read and fails on the rest', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"not": "a record"}');
    const { code, stdout, stderr } = await runCli('explain', join(dir, 'a.txt'), join(dir, 'bad.json'), join(dir, 'missing.txt'), '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).pages).toBe(1);
    expect(stderr).toContain('bad.json: not a page record');
    expect(stderr).toContain('missing.txt: no such file');
  });
});

describe('formatTable', () => {
  it('pads columns and right-aligns numeric ones', () => {
    expect(formatTable(['rule', 'n'], [['a/b', 5], ['a/long', 12]])).toBe('rule     n\na/b      5\na/long  12');
  });
});
