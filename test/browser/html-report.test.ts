import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { runCli } from '../helpers/run-cli.js';

/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core. CI
 * installs Chromium (.ci/run) and sets PAYGAP_REQUIRE_BROWSER so this cannot be skipped
 * there; elsewhere it is skipped when Chromium is not installed.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env.PAYGAP_REQUIRE_BROWSER === '1';
const shots = resolve('test-output');

describe.runIf(available || required)('HTML report in headless Chromium', () => {
  it('shows every chart and table, with text alternatives, offline, and prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygap-html-'));
    const lastYear = join(dir, 'last-year.json');
    writeFileSync(lastYear, (await runCli(['report', 'fixtures/esr-sample.csv', '--format', 'json', '--quiet', '--unit', 'assignment'])).stdout);
    const page = join(dir, 'report.html');
    const result = await runCli(['report', 'fixtures/esr-sample.csv', '--format', 'html', '--output', page, '--previous', lastYear, '--quiet', '--snapshot-date', '2025-03-31']);
    expect(result.code).toBe(0);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, offline: true });
      const tab = await context.newPage();
      const requests: string[] = [];
      tab.on('request', (r) => requests.push(r.url()));
      await tab.goto(pathToFileURL(page).href);
      // Self-contained: the only request is the page itself.
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);

      const charts = tab.locator('svg.chart');
      // Six views (sex, four ethnicity views, disability), each with a quarters chart and a gaps chart; year-on-year where both years have a median gap.
      expect(await tab.locator('svg.chart[aria-labelledby^="quarters-"]').count()).toBe(6);
      expect(await tab.locator('svg.chart[aria-labelledby^="gaps-"]').count()).toBe(6);
      expect(await tab.locator('svg.chart[aria-labelledby^="years-"]').count()).toBeGreaterThanOrEqual(1);
      for (let i = 0; i < (await charts.count()); i++) {
        const chart = charts.nth(i);
        await expect.poll(() => chart.isVisible()).toBe(true);
        const box = await chart.boundingBox();
        expect(box!.width).toBeGreaterThan(300);
        // Text alternative: a title and a description, referenced by aria-labelledby.
        expect(await chart.getAttribute('role')).toBe('img');
        expect((await chart.locator('desc').textContent())!.length).toBeGreaterThan(20);
      }
      expect(await tab.locator('table').count()).toBeGreaterThanOrEqual(6 * 2 + 1);
      await expect.poll(() => tab.locator('#govuk table').isVisible()).toBe(true);
      expect(await tab.locator('h2').first().textContent()).toBe('Sex');
      expect(await tab.locator('text=for every £1 men earn, women earn 97p').count()).toBe(1);
      // Bars are drawn: the sex quarters chart has a bar per group and quarter.
      expect(await tab.locator('#view-0 svg.chart rect[fill]').count()).toBeGreaterThan(8);

      mkdirSync(shots, { recursive: true });
      await tab.screenshot({ path: join(shots, 'html-report.png'), fullPage: false });
      const pdf = await tab.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
