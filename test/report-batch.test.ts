import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from './cli.js';
import { page, SPEECH } from './helpers.js';

it('run --report writes a report per page and an index linking them with counts per rule', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'speechclean-report-'));
  for (const sub of ['x', 'y']) {
    mkdirSync(join(dir, 'in', sub), { recursive: true });
    writeFileSync(join(dir, 'in', sub, 'talk.txt'), page('首页 > 讲话稿 > 正文', ...SPEECH, sub === 'x' ? '相关文章' : '上一篇:关于开展安全检查的通知'));
  }
  writeFileSync(join(dir, 'in', 'empty.txt'), '');
  const out = join(dir, 'out');
  const reports = join(dir, 'reports');
  const { code, stderr } = await runCli('run', join(dir, 'in'), '--out', out, '--report', reports);
  expect(code).toBe(1); // the empty page fails; the others still get reports
  expect(stderr).toContain('empty.txt: empty file');
  const files = readdirSync(reports).sort();
  expect(files).toHaveLength(3);
  expect(files).toContain('index.html');
  const index = readFileSync(join(reports, 'index.html'), 'utf8');
  for (const f of files.filter((f) => f !== 'index.html')) {
    expect(index).toContain(`href="${encodeURIComponent(f)}"`);
    expect(readFileSync(join(reports, f), 'utf8')).toContain('<a href="index.html">');
  }
  expect(index).toMatch(/empty\.txt<\/th><td colspan="\d+">failed: empty file/);
  const explained = JSON.parse((await runCli('explain', out, '--json')).stdout) as { rules: { rule: string; changes: number }[] };
  for (const { rule, changes } of explained.rules) expect(index).toMatch(new RegExp(`<td>${rule}</td><td>[a-z]+</td><td class="n">${changes}</td>`));
});
