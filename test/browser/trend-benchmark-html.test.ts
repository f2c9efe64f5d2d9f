import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page, type Request } from 'playwright-core';
import { runCli } from '../helpers/run-cli.js';
import { ARGS, available, chartFacts, CHROMIUM, required, screenshot } from './browser.js';

/**
 * The trend and benchmark pages in a real browser, by the report page's chart rules: no
 * request beyond the page, every chart visible with a text alternative, a table after every
 * chart, and a page that prints. Skipped, as html-report.test.ts, when Chromium is missing.
 */

/**
 * One page checked in the tab given. Both pages are static and their policy runs no script, so
 * they share a tab (a context and its first tab cost 1–1.5 s, the whole check of the trend
 * page less); the requests are the ones made while this page loads.
 */
async function check(tab: Page, page: string, shot: string): Promise<void> {
  const requests: string[] = [];
  const record = (r: Request) => requests.push(r.url());
  tab.on('request', record);
  await tab.goto(pathToFileURL(page).href);
  tab.off('request', record);
  expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  // Every chart read in one round trip (the benchmark page has 66; three locator calls a chart took seconds).
  const charts = await chartFacts(tab);
  expect(charts.length).toBeGreaterThan(5);
  for (const chart of charts) {
    expect(chart.role, chart.name).toBe('img');
    expect(chart.descs, chart.name).toHaveLength(1);
    expect(chart.descs[0]!.length, chart.name).toBeGreaterThan(20);
    // The chart's table follows it in the same section.
    expect(chart.tableFollows, chart.name).toBe(true);
  }
  // The page is loaded and runs no script, so one look decides.
  expect(charts[0]!.visible).toBe(true);
  await screenshot(tab, shot);
  expect((await tab.pdf({ format: 'A4' })).length).toBeGreaterThan(10_000);
}

describe.runIf(available || required)('trend and benchmark pages in headless Chromium', () => {
  it('show every chart with its text alternative and its table, offline, and print', async () => {
    // Chromium starts in its own process while paygap builds the pages.
    const launching = chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    launching.catch(() => undefined); // a failed launch is reported where it is awaited, not as an unhandled rejection
    try {
      const dir = mkdtempSync(join(tmpdir(), 'paygap-pages-'));
      const cli = (args: string[]) => runCli(args, { cwd: dir });
      for (const [name, seed, year] of [['a', 3, 2023], ['b', 3, 2024], ['c', 4, 2024]] as const) {
        writeFileSync(join(dir, `${name}.csv`), (await cli(['sample', '--rows', '800', '--seed', String(seed), '--year', String(year)])).stdout);
        await cli(['report', `${name}.csv`, '--snapshot-date', `${year}-03-31`, '--format', 'json', '--quiet', '--output', `${name}.json`]);
      }
      expect((await cli(['trend', 'a.json', 'b.json', '--format', 'html', '--output', 'trend.html', '--quiet'])).code).toBe(0);
      expect((await cli(['benchmark', 'a.json', 'c.json', '--format', 'html', '--output', 'benchmark.html', '--quiet'])).code).toBe(0);
      const tab = await (await (await launching).newContext({ viewport: { width: 1100, height: 900 }, offline: true })).newPage();
      await check(tab, join(dir, 'trend.html'), 'trend.png');
      await check(tab, join(dir, 'benchmark.html'), 'benchmark.png');
    } finally {
      await (await launching).close();
    }
  }, 120_000);
});
