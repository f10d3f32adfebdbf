/**
 * The HTML report in a real browser: Debian's Chromium, headless, driven by playwright-core (which never downloads
 * a browser). CI installs Chromium (.ci/run); elsewhere the test is skipped when it is missing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageRecord } from '../src/record/schema.js';
import { runCli } from './cli.js';
import { page as pageText, SPEECH } from './helpers.js';
import { uncoveredLines } from './lines.js';

const CHROMIUM = '/usr/bin/chromium';
const SEED = 'seeds/000_5194895f052b927d.txt';
const ARTIFACTS = new URL('../test-artifacts/', import.meta.url);

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('HTML report in Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let record: PageRecord;
  let dropped: number[];
  const problems: string[] = [];

  /** Writes the report of `path` (from the record a run wrote) and opens it. */
  async function openReport(path: string, name: string): Promise<Page> {
    const out = join(dir, `out-${name}`);
    expect((await runCli('run', path, '--out', out)).code).toBe(0);
    const html = join(dir, `${name}.html`);
    expect((await runCli('diff', path, '--out', out, '--html', html)).code).toBe(0);
    const tab = await context.newPage();
    tab.on('pageerror', (err) => problems.push(`${name}: ${err.message}`));
    tab.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`${name}: ${msg.text()}`);
    });
    await tab.goto(pathToFileURL(html).href);
    return tab;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'speechclean-browser-'));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const text = readFileSync(SEED, 'utf8');
    await runCli('run', SEED, '--out', join(dir, 'out-seed'));
    record = JSON.parse(readFileSync(join(dir, 'out-seed', '000_5194895f052b927d.json'), 'utf8')) as PageRecord;
    dropped = uncoveredLines(record, text);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('shows every dropped line of a seed as dropped, lets a change be selected, and filters with CSS alone', async () => {
    expect(dropped.length).toBeGreaterThan(0);
    const tab = await openReport(SEED, 'seed');
    const shown = await tab.$$eval('.line.dropped', (els) => els.map((e) => Number(e.id.slice(1))));
    expect(shown).toEqual(dropped);
    for (const n of dropped) {
      const line = tab.locator(`#L${n}`);
      await expect(line.isVisible()).resolves.toBe(true);
      const look = await line.evaluate((el) => {
        const t = getComputedStyle(el.querySelector('.t')!);
        return { decoration: t.textDecorationLine, mark: el.querySelector('.mk')!.textContent, background: getComputedStyle(el).backgroundColor };
      });
      expect(look.decoration).toContain('line-through');
      expect(look.mark).toBe('-');
      expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
    }

    // Selecting a change on the first dropped line reveals its rule, stage and reason.
    const mark = tab.locator(`#L${dropped[0]} a.chg`).first();
    const id = Number((await mark.getAttribute('href'))!.slice(2));
    const change = record.changes[id]!;
    await expect(tab.locator('#detail').isVisible()).resolves.toBe(false);
    await mark.click();
    const detail = tab.locator('#detail');
    await expect(detail.isVisible()).resolves.toBe(true);
    const shownDetail = await detail.innerText();
    for (const value of [change.rule, change.stage, change.reason]) expect(shownDetail).toContain(value);
    await expect(mark.evaluate((el) => el.classList.contains('sel'))).resolves.toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    await tab.screenshot({ path: new URL('report-seed-000.png', ARTIFACTS).pathname });

    // The 'dropped' filter leaves exactly the dropped lines visible.
    await tab.locator('#f-dropped').check();
    const visible = await tab.$$eval('.line', (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => Number(e.id.slice(1))));
    expect(visible).toEqual(dropped);
    // A rule filter hides the lines no change of that rule touched.
    await tab.locator('#f-all').check();
    const ruleRadio = await tab.$$eval('fieldset input[name="rule"]', (els) => els.map((e) => e.id).filter((i) => i !== 'f-r-all'));
    await tab.locator(`#${ruleRadio[0]}`).check();
    const ruleVisible = await tab.$$eval('.line', (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    expect(ruleVisible).toBeGreaterThan(0);
    expect(ruleVisible).toBeLessThan(await tab.locator('.line').count());
    await tab.close();
    expect(problems).toEqual([]);
  });

  it('reads without JavaScript: every line shown, a change link leads to its full row', async () => {
    const tab = await openReport(SEED, 'nojs');
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await tab.reload();
    await expect(tab.locator('.line').count()).resolves.toBe(readFileSync(SEED, 'utf8').replace(/\n$/, '').split('\n').length);
    const mark = tab.locator(`#L${dropped[0]} a.chg`).first();
    const href = (await mark.getAttribute('href'))!;
    await mark.click();
    expect(new URL(tab.url()).hash).toBe(href);
    const row = tab.locator(href);
    await expect(row.isVisible()).resolves.toBe(true);
    await expect(row.innerText()).resolves.toContain(record.changes[Number(href.slice(2))]!.rule);
    await expect(tab.locator('#detail').isVisible()).resolves.toBe(false);
    await tab.close();
  });

  it('renders page text that contains markup as text', async () => {
    const hostile = join(dir, 'hostile.txt');
    const script = '<script>window.pwned = 1</script>';
    const img = '<img src="x" onerror="window.pwned = 2">讲话正文';
    writeFileSync(hostile, pageText(script, img, ...SPEECH));
    const tab = await openReport(hostile, 'hostile');
    const lines = await tab.$$eval('.line .t', (els) => els.map((e) => e.textContent));
    expect(lines).toContain(script);
    expect(lines).toContain(img);
    await expect(tab.evaluate(() => (window as unknown as { pwned?: number }).pwned)).resolves.toBeUndefined();
    await expect(tab.evaluate(() => [document.scripts.length, document.images.length])).resolves.toEqual([1, 0]);
    await tab.close();
    expect(problems).toEqual([]);
  });
});
