/**
 * Helpers for the report pages' browser tests, shared with the end-to-end test that builds a
 * report from a real simulator run: open a page in headless Chromium, read what a run report
 * shows, and keep screenshots in reports/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RuleStatus, RunResults } from '../../engine/results/results-schema.ts';
import { CHROMIUM_PATH } from '../../engine/reporting/browser-page.ts';

export {
  CHROMIUM_PATH,
  DESKTOP,
  PHONE,
  withPage,
  type Viewport,
} from '../../engine/reporting/browser-page.ts';

/** Whether Chromium is installed where the browser tests expect it. */
export const hasChromium = existsSync(CHROMIUM_PATH);

/** Where browser tests keep their screenshots (gitignored with the rest of reports/). */
export const SCREENSHOT_DIR = join(import.meta.dirname, '../../reports/screenshots');

/**
 * Path for a screenshot artifact, creating reports/screenshots/ when needed.
 * @param name file name, e.g. `run-report-390.png`.
 */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, name);
}

/** What a run report page shows, read from its DOM. */
export interface RunReportView {
  /** The results.json embedded in the page. */
  embedded: RunResults;
  /** Rule rows in page order. */
  rows: { id: string; status: RuleStatus; cases: number; badge: string }[];
  /** The summary line's text and its counts. */
  summary: { text: string; fail: number; pass: number; skip: number; deferred: number };
  /** Calls as shown (data attributes of the calls block). */
  calls: { made: number; budget: number; throttled: number; waitedSeconds: number };
}

/**
 * Reads the run report open in `page`: embedded results, rule rows, summary and calls.
 * @param page a page showing a run report.
 */
export async function readRunReport(page: Page): Promise<RunReportView> {
  const embedded = JSON.parse(
    (await page.locator('script#results').textContent()) ?? 'null',
  ) as RunResults;

  const rows = await page.locator('tr.rule').evaluateAll((elements) =>
    elements.map((element) => ({
      id: element.getAttribute('data-rule-id') ?? '',
      status: (element.getAttribute('data-status') ?? '') as RuleStatus,
      cases: Number(element.getAttribute('data-cases')),
      badge: element.querySelector('.badge')?.textContent ?? '',
    })),
  );

  const summary = page.locator('#summary');
  const count = async (name: string): Promise<number> =>
    Number(await summary.getAttribute(`data-${name}`));
  const calls = page.locator('#calls');
  const call = async (name: string): Promise<number> =>
    Number(await calls.getAttribute(`data-${name}`));

  return {
    embedded,
    rows,
    summary: {
      text: (await summary.textContent()) ?? '',
      fail: await count('fail'),
      pass: await count('pass'),
      skip: await count('skip'),
      deferred: await count('deferred'),
    },
    calls: {
      made: await call('made'),
      budget: await call('budget'),
      throttled: await call('throttled'),
      waitedSeconds: await call('waited-seconds'),
    },
  };
}

/**
 * Horizontal overflow of the document: how many CSS pixels wider than the viewport it is
 * (0 when it fits).
 * @param page any open page.
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  // A string expression: the project compiles without the DOM library.
  const { scrollWidth, viewport } = await page.evaluate<{ scrollWidth: number; viewport: number }>(
    '({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth })',
  );
  return Math.max(0, scrollWidth - viewport);
}
