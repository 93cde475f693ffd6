import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTrendReport } from '../../engine/reporting/trend-report.ts';
import {
  DESKTOP,
  PHONE,
  hasChromium,
  horizontalOverflow,
  screenshotPath,
  withPage,
} from './browser.ts';
import { nightlyFixtureFiles } from './fixtures.ts';
import { writeSyntheticNights } from './synthetic-nights.ts';

let dir: string;
let nightlyUrl: string;
let yearUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trend-browser-'));
  const nightly = await writeTrendReport(nightlyFixtureFiles(), join(dir, 'nightly'));
  const files = await writeSyntheticNights(join(dir, 'reports'), 120, 12);
  const year = await writeTrendReport(files, join(dir, 'year'));
  nightlyUrl = pathToFileURL(nightly.htmlPath ?? '').href;
  yearUrl = pathToFileURL(year.htmlPath ?? '').href;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium); without it there is
// no browser to open the page in.
describe.skipIf(!hasChromium)('trend page in Chromium', () => {
  it('shows the night a rule started failing', async () => {
    await withPage(nightlyUrl, DESKTOP, async (page, blocked) => {
      const failing = page.locator('#failing-table tr[data-rule-id="TAGS-ADD-NEW-ONLY"]');
      const row = page.locator('#trend-matrix tr[data-rule-id="TAGS-ADD-NEW-ONLY"]');
      const nights = await page.locator('#trend-matrix th.night').allInnerTexts();
      const cells = await row.locator('td').evaluateAll((tds) => tds.map((td) => td.className));

      expect(await failing.locator('.failing-since').innerText()).toBe('2022-04-09');
      expect(await failing.locator('.first-failed').innerText()).toBe('2022-04-09');
      expect(nights.map((night) => night.trim())).toHaveLength(8);
      expect(nights.at(-1)?.trim()).toBe('2022-04-12');
      expect(cells).toEqual(['pass', 'pass', 'pass', 'pass', 'fail', 'fail', 'fail', 'fail']);
      expect(nights[cells.indexOf('fail')]?.trim()).toBe('2022-04-09');
      expect(blocked).toEqual([]);
      await page.screenshot({ path: screenshotPath('trend-1280.png'), fullPage: true });
    });
  });

  it('shows a rule that failed before its current streak with both nights', async () => {
    await withPage(nightlyUrl, DESKTOP, async (page) => {
      const failing = page.locator('#failing-table tr[data-rule-id="PCRS-ZIP-CONTENT-TYPE"]');

      expect(await failing.locator('.failing-since').innerText()).toBe('2022-04-10');
      expect(await failing.locator('.first-failed').innerText()).toBe('2022-04-06');
      const flipping = page.locator('#flipping-table tr[data-rule-id="MAP-NETWORK-ID-ACCEPTED"]');
      expect(await flipping.getAttribute('data-flips')).toBe('6');
      expect(await flipping.locator('.first-failed').innerText()).toBe('2022-04-06');
    });
  });

  it('opens scrolled to the latest night with the rule column pinned', async () => {
    await withPage(yearUrl, DESKTOP, async (page) => {
      const scroller = page.locator('#trend-scroll');
      const state = await page.evaluate<{ left: number; max: number }>(
        `(() => { const s = document.getElementById('trend-scroll');
          return { left: s.scrollLeft, max: s.scrollWidth - s.clientWidth }; })()`,
      );
      const box = await scroller.boundingBox();
      const ruleCell = await page.locator('#trend-matrix tbody .rule-col').first().boundingBox();
      const latest = await page.locator('#trend-matrix th.night').last().boundingBox();

      expect(state.max).toBeGreaterThan(0);
      expect(state.left).toBeGreaterThanOrEqual(state.max - 1);
      expect(Math.abs((ruleCell?.x ?? -1) - (box?.x ?? 0))).toBeLessThanOrEqual(2);
      expect((latest?.x ?? 0) + (latest?.width ?? 0)).toBeLessThanOrEqual(
        (box?.x ?? 0) + (box?.width ?? 0) + 1,
      );
    });
  });

  it('fits 390 px without horizontal scrolling of the page', async () => {
    await withPage(nightlyUrl, PHONE, async (page) => {
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(2);
      await page.screenshot({ path: screenshotPath('trend-390.png'), fullPage: true });
    });
    await withPage(yearUrl, PHONE, async (page) => {
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(2);
    });
  });
});
