import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';

/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core. CI
 * installs Chromium (.ci/run) and sets PAYGAP_REQUIRE_BROWSER so this cannot be skipped
 * there; elsewhere it is skipped when Chromium is not installed.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env.PAYGAP_REQUIRE_BROWSER === '1';
const shots = resolve('test-output');
// The functions given to evaluate() run in the page, where the DOM exists; tests compile without its types.
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: unknown): { borderBottomColor: string };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Content-Security-Policy violations and console errors, recorded from before the page's first byte. */
async function watch(page: Page): Promise<{ errors: string[]; violations: () => Promise<string[]> }> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e: { effectiveDirective: string; blockedURI: string }) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return { errors, violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations) };
}

/**
 * Every chart's texts, as the browser lays them out: each must lie inside its SVG, and no two
 * may overlap. Returns the problems found, in words.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const svg of document.querySelectorAll('svg.chart')) {
      const frame = svg.getBoundingClientRect();
      const name = svg.getAttribute('aria-labelledby')?.split(' ')[0] ?? '?';
      const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }));
      for (const { text, box } of texts) {
        if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5) {
          problems.push(`${name}: "${text}" outside its chart`);
        }
      }
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i]!.box;
          const b = texts[j]!.box;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 0.5 && h > 0.5) problems.push(`${name}: "${texts[i]!.text}" overlaps "${texts[j]!.text}"`);
        }
      }
    }
    return problems;
  });
}

/**
 * One Chromium for the whole file: each test opens its own context (its own cookies, cache
 * and scripts), so the tests do not see each other; launching a browser per test cost more
 * than the tests themselves.
 */
let shared: Promise<Browser> | undefined;
async function withBrowser(run: (browser: Browser) => Promise<void>): Promise<void> {
  shared ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const browser = await shared;
  try {
    await run(browser);
  } finally {
    await Promise.all(browser.contexts().map((context) => context.close()));
  }
}

/** Reports built once and read by several tests (each test still checks the page it reads). */
const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
};
const reportsDir = once(async () => mkdtempSync(join(tmpdir(), 'paygap-html-')));
/** Last year's report, as JSON, to give as --previous. */
const lastYear = once(async () => {
  const path = join(await reportsDir(), 'last-year.json');
  writeFileSync(path, (await runCli(['report', 'fixtures/esr-sample.csv', '--format', 'json', '--quiet', '--unit', 'assignment'])).stdout);
  return path;
});
/** The sample's HTML report with last year's, without a snapshot date. */
const yearOnYearPage = once(async () => {
  const page = join(await reportsDir(), 'report.html');
  expect((await runCli(['report', 'fixtures/esr-sample.csv', '--format', 'html', '--output', page, '--previous', await lastYear(), '--quiet'])).code).toBe(0);
  return page;
});
/** The sample's HTML report with --explain band and an intersection. */
const explainPage = once(async () => {
  const page = join(await reportsDir(), 'explain.html');
  const args = ['report', 'fixtures/esr-sample.csv', '--format', 'html', '--output', page, '--explain', 'band', '--intersect', 'sex,ethnicity/broad', '--quiet'];
  expect((await runCli(args)).code).toBe(0);
  return page;
});

describe.runIf(available || required)('HTML report in headless Chromium', () => {
  afterAll(async () => {
    if (shared) await (await shared).close();
  });

  it('shows every chart and table, with text alternatives, offline, and prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygap-html-'));
    const page = join(dir, 'report.html');
    const result = await runCli(['report', 'fixtures/esr-sample.csv', '--format', 'html', '--output', page, '--previous', await lastYear(), '--quiet', '--snapshot-date', '2025-03-31']);
    expect(result.code).toBe(0);

    await withBrowser(async (browser) => {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, offline: true });
      const tab = await context.newPage();
      const requests: string[] = [];
      tab.on('request', (r) => requests.push(r.url()));
      const seen = await watch(tab);
      await tab.goto(pathToFileURL(page).href);
      // Self-contained: the only request is the page itself.
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
      // The Content-Security-Policy allows the page's own style sheet (so it applies) and nothing else is tried.
      expect(await seen.violations()).toEqual([]);
      expect(seen.errors).toEqual([]);
      expect(await tab.locator('h2').first().evaluate((h) => getComputedStyle(h).borderBottomColor)).toBe('rgb(0, 114, 178)');

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
    });
  }, 60_000);

  it.each([800, 1280])('lays out every chart at %i px: texts inside their chart, none overlapping; screenshots of the detailed ethnicity view', async (width) => {
    const page = await yearOnYearPage();
    await withBrowser(async (browser) => {
      const tab = await (await browser.newContext({ viewport: { width, height: 900 }, offline: true })).newPage();
      await tab.goto(pathToFileURL(page).href);
      const detailed = tab.locator('section.view', { has: tab.locator('h2', { hasText: 'Ethnicity (detailed NHS categories)' }) });
      // 18 groups: a chart for the gaps, one for the quarters and one year on year.
      expect(await detailed.locator('svg.chart').count()).toBe(3);
      expect(await detailed.locator('svg.chart').first().locator('text').count()).toBeGreaterThan(20);
      expect(await layoutProblems(tab)).toEqual([]);
      // The quarter chart of 18 groups repeats no colour: it gives each group its own row instead.
      const fills = await detailed.locator('svg.chart[aria-labelledby^="quarters-"] rect[fill]').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
      expect(new Set(fills).size).toBeLessThanOrEqual(3);
      mkdirSync(shots, { recursive: true });
      await detailed.screenshot({ path: join(shots, `ethnicity-detailed-${width}.png`) });
    });
  }, 60_000);

  it.each([800, 1280])('--explain: a chart of the parts for every decomposed view at %i px, texts inside and none overlapping, each with its tables', async (width) => {
    const page = await explainPage();
    await withBrowser(async (browser) => {
      const tab = await (await browser.newContext({ viewport: { width, height: 900 }, offline: true })).newPage();
      const seen = await watch(tab);
      await tab.goto(pathToFileURL(page).href);
      // Six headline views and one intersection, each with a section and its tables; a chart where a gap is split
      // (the intersection's reference group is withheld to protect other cells, so none of its gaps is).
      expect(await tab.locator('section[id^="explain-"]').count()).toBe(7);
      const charts = tab.locator('svg.chart[aria-labelledby^="explain-chart-"]');
      expect(await charts.count()).toBe(6);
      expect(await tab.locator('#explain-6').textContent()).toContain('No mean gap of this view can be split');
      for (let i = 0; i < 6; i++) {
        expect(await charts.nth(i).getAttribute('role')).toBe('img');
        expect((await charts.nth(i).locator('desc').textContent())!.length).toBeGreaterThan(20);
      }
      expect(await layoutProblems(tab)).toEqual([]);
      expect(await seen.violations()).toEqual([]);
      const sex = tab.locator('#explain-0');
      expect(await sex.locator('p').first().textContent()).toContain('Of the 17.0% mean gap between men and women');
      expect(await sex.locator('table').count()).toBe(2);
      mkdirSync(shots, { recursive: true });
      await tab.locator('#explain-1').screenshot({ path: join(shots, `explain-detailed-${width}.png`) });
    });
  }, 60_000);

  it('runs nothing from the data: hostile groups are shown as text, and the policy blocks an injected script', async () => {
    const hostile = ['<script>document.title="PWNED"</script>', '"><img src=x onerror="document.title=\'PWNED\'">', '[click](javascript:alert(5))'];
    const rows = [...Array(30)].map((_, i) => [i % 2 ? 'Male' : 'Female', String(10 + (i % 7)), hostile[i % 3] as string]);
    const result = await runCli(['report', '-', '--format', 'html', '--characteristic', 'religion=Religion', '--explain', 'Religion', '--min-group-size', '0', '--quiet'], { stdin: csv(['Gender', 'Hourly Rate', 'Religion'], rows) });
    expect(result.code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'paygap-html-'));
    const page = join(dir, 'hostile.html');
    writeFileSync(page, result.stdout);
    // The same page with a script and an inline handler planted in it, as a missed escape would.
    const planted = join(dir, 'planted.html');
    writeFileSync(planted, readFileSync(page, 'utf8').replace('</body>', '<script>document.title="PWNED"</script><img src="data:," onerror="document.title=\'PWNED\'"></body>'));
    await withBrowser(async (browser) => {
      const tab = await (await browser.newContext({ offline: true })).newPage();
      const seen = await watch(tab);
      await tab.goto(pathToFileURL(page).href);
      expect(await tab.title()).not.toContain('PWNED');
      expect(await seen.violations()).toEqual([]);
      expect(await tab.locator('img, script').count()).toBe(0);
      // Each hostile value is in the figures table as the text it is.
      const cells = await tab.locator('section.view', { has: tab.locator('h2', { hasText: 'religion' }) }).locator('tbody th').allTextContents();
      for (const text of hostile) expect(cells.some((c) => c.startsWith(text))).toBe(true);

      const second = await (await browser.newContext({ offline: true })).newPage();
      const blocked = await watch(second);
      await second.goto(pathToFileURL(planted).href);
      expect(await second.title()).not.toContain('PWNED');
      expect((await blocked.violations()).some((v) => v.startsWith('script-src'))).toBe(true);
    });
  }, 60_000);
});
