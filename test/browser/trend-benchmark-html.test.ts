import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { runCli } from '../helpers/run-cli.js';

/**
 * The trend and benchmark pages in a real browser, by the report page's chart rules: no
 * request beyond the page, every chart visible with a text alternative, a table after every
 * chart, and a page that prints. Skipped, as html-report.test.ts, when Chromium is missing.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env.PAYGAP_REQUIRE_BROWSER === '1';
const shots = resolve('test-output');

/** Each page in a context of its own, in one browser launched once for both (a launch costs more than a check). */
async function check(browser: Browser, page: string, shot: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, offline: true });
  try {
    const tab = await context.newPage();
    const requests: string[] = [];
    tab.on('request', (r) => requests.push(r.url()));
    await tab.goto(pathToFileURL(page).href);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    const charts = tab.locator('svg.chart');
    expect(await charts.count()).toBeGreaterThan(5);
    for (let i = 0; i < (await charts.count()); i++) {
      const chart = charts.nth(i);
      expect(await chart.getAttribute('role')).toBe('img');
      expect((await chart.locator('desc').textContent())!.length).toBeGreaterThan(20);
      // The chart's table follows it in the same section.
      expect(await chart.locator('xpath=following-sibling::table[1]').count()).toBe(1);
    }
    await expect.poll(() => charts.first().isVisible()).toBe(true);
    mkdirSync(shots, { recursive: true });
    await tab.screenshot({ path: join(shots, shot) });
    expect((await tab.pdf({ format: 'A4' })).length).toBeGreaterThan(10_000);
  } finally {
    await context.close();
  }
}

describe.runIf(available || required)('trend and benchmark pages in headless Chromium', () => {
  it('show every chart with its text alternative and its table, offline, and print', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygap-pages-'));
    const cli = (args: string[]) => runCli(args, { cwd: dir });
    for (const [name, seed, year] of [['a', 3, 2023], ['b', 3, 2024], ['c', 4, 2024]] as const) {
      writeFileSync(join(dir, `${name}.csv`), (await cli(['sample', '--rows', '800', '--seed', String(seed), '--year', String(year)])).stdout);
      await cli(['report', `${name}.csv`, '--snapshot-date', `${year}-03-31`, '--format', 'json', '--quiet', '--output', `${name}.json`]);
    }
    expect((await cli(['trend', 'a.json', 'b.json', '--format', 'html', '--output', 'trend.html', '--quiet'])).code).toBe(0);
    expect((await cli(['benchmark', 'a.json', 'c.json', '--format', 'html', '--output', 'benchmark.html', '--quiet'])).code).toBe(0);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      await check(browser, join(dir, 'trend.html'), 'trend.png');
      await check(browser, join(dir, 'benchmark.html'), 'benchmark.png');
    } finally {
      await browser.close();
    }
  }, 120_000);
});
