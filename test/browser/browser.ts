import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * What the browser test files share: where Chromium is, whether they must run, the chart facts
 * they check, and the screenshots they may save. Not a test file itself (no .test.ts).
 */
/**
 * Debian's chromium-headless-shell is the same Blink and the same layout as the full browser
 * (Playwright's own default for headless runs), without the desktop browser's start-up: the
 * browser files took 12 s of CPU with it against 17.5 s with /usr/bin/chromium. The full
 * browser is used where only it is installed.
 */
const SHELL = '/usr/bin/chromium-headless-shell';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync(SHELL) ? SHELL : '/usr/bin/chromium');
export const available = existsSync(CHROMIUM);
/** CI sets this (.ci/run) so a missing Chromium fails the run instead of skipping the tests. */
export const required = process.env.PAYGAP_REQUIRE_BROWSER === '1';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// The functions given to evaluate() run in the page, where the DOM exists; tests compile without its types.
declare const document: any;
declare function getComputedStyle(element: unknown): { visibility: string };

/**
 * Screenshots are for people to look at, and no test reads them; each of the four element
 * screenshots cost about 1.3 s (the three of whole pages less). So they are saved to
 * test-output/ only when PAYGAP_SCREENSHOTS=1 (README, Testing).
 */
const SHOTS = process.env.PAYGAP_SCREENSHOTS === '1' ? resolve('test-output') : undefined;
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await target.screenshot({ path: join(SHOTS, name) });
}

/** What a test checks about one chart, read in the page. */
export interface ChartFacts {
  /** Its aria-labelledby, to name it in a failure. */
  readonly name: string;
  /** Visible as Playwright's isVisible() decides: shown by CSS, with a non-empty box. */
  readonly visible: boolean;
  readonly width: number;
  readonly role: string | null;
  /** The text of each <desc> inside it (a chart should have exactly one). */
  readonly descs: readonly string[];
  /** Whether a <table> follows it among its siblings (XPath following-sibling::table[1]). */
  readonly tableFollows: boolean;
}

/**
 * The facts of every chart matching the selector, in one round trip to the page: asking
 * through locators took three or four round trips a chart, and the benchmark page has 66
 * charts (about 5 s of a loaded machine's time, for nothing the page could change: its
 * Content-Security-Policy runs no script, so what is laid out at load stays as it is).
 */
export function chartFacts(page: Page, selector = 'svg.chart'): Promise<ChartFacts[]> {
  return page.evaluate((selector: string) => {
    return [...document.querySelectorAll(selector)].map((chart: any) => {
      const box = chart.getBoundingClientRect();
      let next = chart.nextElementSibling;
      while (next && next.localName !== 'table') next = next.nextElementSibling;
      return {
        name: chart.getAttribute('aria-labelledby') ?? '?',
        visible: chart.checkVisibility() && getComputedStyle(chart).visibility === 'visible' && box.width > 0 && box.height > 0,
        width: box.width,
        role: chart.getAttribute('role'),
        descs: [...chart.querySelectorAll('desc')].map((d: any) => d.textContent ?? ''),
        tableFollows: next !== null,
      };
    });
  }, selector);
}
