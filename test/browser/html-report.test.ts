import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';
import { ARGS, available, chartFacts, CHROMIUM, required, screenshot } from './browser.js';

/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core. CI
 * installs Chromium (.ci/run) and sets PAYGAP_REQUIRE_BROWSER so this cannot be skipped
 * there; elsewhere it is skipped when Chromium is not installed.
 */
// The functions given to evaluate() run in the page, where the DOM exists; tests compile without its types.
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: unknown): { borderBottomColor: string };

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

/** Made once, when first asked for, and shared by the tests that ask. */
const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
};

/** One Chromium for the whole file (launching a browser per test cost more than the tests themselves); closed after them. */
let launched: Promise<Browser> | undefined;
const browser = (): Promise<Browser> => (launched ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS }));

/**
 * The paygap reports the tests read are static pages whose policy runs no script, so they
 * cannot change each other through a shared context's cookies, storage or cache: they share
 * one offline context, each in a tab of its own (a new context and its first tab cost 0.7–1.1 s
 * here, a tab in an open context about 0.4 s). The hostile-text test, which checks what
 * scripts can do, makes its own contexts.
 */
const reportsContext = once((): Promise<BrowserContext> => browser().then((b) => b.newContext({ viewport: { width: 1100, height: 900 }, offline: true })));
/** A tab of its own in the shared context, watched from before its first byte, at the page given (and the width given). */
async function open(file: string, width?: number): Promise<{ tab: Page; requests: string[]; seen: Awaited<ReturnType<typeof watch>> }> {
  const tab = await (await reportsContext()).newPage();
  if (width !== undefined) await tab.setViewportSize({ width, height: 900 });
  const requests: string[] = [];
  tab.on('request', (r) => requests.push(r.url()));
  const seen = await watch(tab);
  await tab.goto(pathToFileURL(file).href);
  return { tab, requests, seen };
}
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
  // Chromium starts, and opens the shared context, in its own process while paygap builds the
  // first report; a failure is reported by the first test that awaits it.
  beforeAll(() => {
    reportsContext().catch(() => undefined);
  });
  afterAll(async () => {
    if (launched) await (await launched).close();
  });

  it('shows every chart and table, with text alternatives, offline, and prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygap-html-'));
    const page = join(dir, 'report.html');
    const result = await runCli(['report', 'fixtures/esr-sample.csv', '--format', 'html', '--output', page, '--previous', await lastYear(), '--quiet', '--snapshot-date', '2025-03-31']);
    expect(result.code).toBe(0);

    const { tab, requests, seen } = await open(page);
    // Self-contained: the only request is the page itself.
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    // The Content-Security-Policy allows the page's own style sheet (so it applies) and nothing else is tried.
    expect(await seen.violations()).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(await tab.locator('h2').first().evaluate((h) => getComputedStyle(h).borderBottomColor)).toBe('rgb(0, 114, 178)');

    // Six views (sex, four ethnicity views, disability), each with a quarters chart and a gaps chart; year-on-year where both years have a median gap.
    expect(await tab.locator('svg.chart[aria-labelledby^="quarters-"]').count()).toBe(6);
    expect(await tab.locator('svg.chart[aria-labelledby^="gaps-"]').count()).toBe(6);
    expect(await tab.locator('svg.chart[aria-labelledby^="years-"]').count()).toBeGreaterThanOrEqual(1);
    for (const chart of await chartFacts(tab)) {
      expect(chart.visible, chart.name).toBe(true);
      expect(chart.width, chart.name).toBeGreaterThan(300);
      // Text alternative: a title and a description, referenced by aria-labelledby.
      expect(chart.role, chart.name).toBe('img');
      expect(chart.descs, chart.name).toHaveLength(1);
      expect(chart.descs[0]!.length, chart.name).toBeGreaterThan(20);
    }
    expect(await tab.locator('table').count()).toBeGreaterThanOrEqual(6 * 2 + 1);
    // Loaded and never changed by a script, so one look decides (as for the charts above).
    expect(await tab.locator('#govuk table').isVisible()).toBe(true);
    expect(await tab.locator('h2').first().textContent()).toBe('Sex');
    expect(await tab.locator('text=for every £1 men earn, women earn 97p').count()).toBe(1);
    // Bars are drawn: the sex quarters chart has a bar per group and quarter.
    expect(await tab.locator('#view-0 svg.chart rect[fill]').count()).toBeGreaterThan(8);

    await screenshot(tab, 'html-report.png');
    const pdf = await tab.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
  }, 60_000);

  /**
   * One tab on the year-on-year report for both widths: it is loaded at 800 px and then
   * resized, as a reader's window is (a tab costs more than the checks). The page runs no
   * script, so the browser lays it out again from its CSS alone, as for a page opened at that
   * width; each test checks the width the page sees.
   */
  const yearOnYearTab = once(async () => (await open(await yearOnYearPage(), 800)).tab);
  it.each([800, 1280])("lays out every chart at %i px: texts inside their chart, none overlapping; the detailed ethnicity view's 18 groups in rows, not colours", async (width) => {
    const tab = await yearOnYearTab();
    await tab.setViewportSize({ width, height: 900 });
    expect(await tab.evaluate(() => window.innerWidth)).toBe(width);
    const detailed = tab.locator('section.view', { has: tab.locator('h2', { hasText: 'Ethnicity (detailed NHS categories)' }) });
    // 18 groups: a chart for the gaps, one for the quarters and one year on year.
    expect(await detailed.locator('svg.chart').count()).toBe(3);
    expect(await detailed.locator('svg.chart').first().locator('text').count()).toBeGreaterThan(20);
    expect(await layoutProblems(tab)).toEqual([]);
    // The quarter chart of 18 groups repeats no colour: it gives each group its own row instead.
    const fills = await detailed.locator('svg.chart[aria-labelledby^="quarters-"] rect[fill]').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
    expect(new Set(fills).size).toBeLessThanOrEqual(3);
    await screenshot(detailed, `ethnicity-detailed-${width}.png`);
  }, 60_000);

  /** The --explain report, likewise loaded once at 800 px (it is 860 KB) and resized for 1280. */
  const explainTab = once(async () => open(await explainPage(), 800));
  it.each([800, 1280])('--explain: a chart of the parts for every decomposed view at %i px, texts inside and none overlapping, each with its tables', async (width) => {
    const { tab, seen } = await explainTab();
    await tab.setViewportSize({ width, height: 900 });
    expect(await tab.evaluate(() => window.innerWidth)).toBe(width);
    // Six headline views and one intersection, each with a section and its tables; a chart where a gap is split
    // (the intersection's reference group is withheld to protect other cells, so none of its gaps is).
    expect(await tab.locator('section[id^="explain-"]').count()).toBe(7);
    const charts = await chartFacts(tab, 'svg.chart[aria-labelledby^="explain-chart-"]');
    expect(charts).toHaveLength(6);
    expect(await tab.locator('#explain-6').textContent()).toContain('No mean gap of this view can be split');
    for (const chart of charts) {
      expect(chart.role, chart.name).toBe('img');
      expect(chart.descs, chart.name).toHaveLength(1);
      expect(chart.descs[0]!.length, chart.name).toBeGreaterThan(20);
    }
    expect(await layoutProblems(tab)).toEqual([]);
    expect(await seen.violations()).toEqual([]);
    const sex = tab.locator('#explain-0');
    expect(await sex.locator('p').first().textContent()).toContain('Of the 17.0% mean gap between men and women');
    expect(await sex.locator('table').count()).toBe(2);
    await screenshot(tab.locator('#explain-1'), `explain-detailed-${width}.png`);
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
    // Each page in a context of its own, shared with no other test: what a script could do is the question here.
    const contexts = await Promise.all([1, 2].map(async () => (await browser()).newContext({ offline: true })));
    try {
      const tab = await contexts[0]!.newPage();
      const seen = await watch(tab);
      await tab.goto(pathToFileURL(page).href);
      expect(await tab.title()).not.toContain('PWNED');
      expect(await seen.violations()).toEqual([]);
      expect(await tab.locator('img, script').count()).toBe(0);
      // Each hostile value is in the figures table as the text it is.
      const cells = await tab.locator('section.view', { has: tab.locator('h2', { hasText: 'religion' }) }).locator('tbody th').allTextContents();
      for (const text of hostile) expect(cells.some((c) => c.startsWith(text))).toBe(true);

      const second = await contexts[1]!.newPage();
      const blocked = await watch(second);
      await second.goto(pathToFileURL(planted).href);
      expect(await second.title()).not.toContain('PWNED');
      expect((await blocked.violations()).some((v) => v.startsWith('script-src'))).toBe(true);
    } finally {
      await Promise.all(contexts.map((context) => context.close()));
    }
  }, 60_000);
});
