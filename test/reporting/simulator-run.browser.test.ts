import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTrendReport } from '../../engine/reporting/trend-report.ts';
import { runCli, type CliRun } from '../helpers/run-cli.ts';
import {
  DESKTOP,
  PHONE,
  hasChromium,
  horizontalOverflow,
  readRunReport,
  screenshotPath,
  withPage,
} from './browser.ts';

let clean: CliRun;
let faulted: CliRun;
let trendUrl: string;

// Needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium); without it there is
// no browser to open the pages in.
describe.skipIf(!hasChromium)('reports of a real simulator run, in Chromium', () => {
  beforeAll(async () => {
    clean = await runCli('conformance', ['--suite', 'limits', '--seed', '7']);
    faulted = await runCli('conformance', [
      '--suite',
      'limits',
      '--seed',
      '7',
      '--fault',
      'remaining-above-limit',
    ]);
    const trend = await writeTrendReport(
      [join(clean.outDir, 'results.json'), join(faulted.outDir, 'results.json')],
      join(faulted.outDir, 'trend'),
    );
    trendUrl = pathToFileURL(trend.htmlPath ?? '').href;
  }, 120_000);

  it('the run report shows the failing rule as failed, with its evidence', async () => {
    const url = pathToFileURL(join(faulted.outDir, 'index.html')).href;

    await withPage(url, DESKTOP, async (page, blocked) => {
      const view = await readRunReport(page);
      const row = page.locator('tr.rule[data-rule-id="LIMIT-HEADERS"]');
      await row.locator('summary').first().click();

      expect(faulted.code).toBe(1);
      expect(view.embedded).toEqual(
        JSON.parse(readFileSync(join(faulted.outDir, 'results.json'), 'utf8')),
      );
      expect(view.rows.find((r) => r.id === 'LIMIT-HEADERS')?.badge).toBe('Failed');
      expect(await row.innerText()).toMatch(
        /X-RateLimit-Remaining \d+ is above X-RateLimit-Limit \d+/,
      );
      expect(await row.innerText()).toMatch(/curl -u "\$QC?_?\w*USERNAME:\$\w+PASSWORD"/);
      expect(blocked).toEqual([]);
      await page.screenshot({
        path: screenshotPath('simulator-run-report-1280.png'),
        fullPage: true,
      });
    });
  });

  it('the run report is readable at 390 px', async () => {
    const url = pathToFileURL(join(faulted.outDir, 'index.html')).href;

    await withPage(url, PHONE, async (page) => {
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(2);
      await page.screenshot({
        path: screenshotPath('simulator-run-report-390.png'),
        fullPage: true,
      });
    });
  });

  it('the trend shows the night the rule started failing', async () => {
    await withPage(trendUrl, DESKTOP, async (page) => {
      const nights = (await page.locator('#trend-matrix th.night').allInnerTexts()).map((n) =>
        n.trim(),
      );
      const cells = await page
        .locator('#trend-matrix tr[data-rule-id="LIMIT-HEADERS"] td')
        .evaluateAll((tds) => tds.map((td) => td.className));
      const since = await page
        .locator('#failing-table tr[data-rule-id="LIMIT-HEADERS"] .failing-since')
        .innerText();

      expect(cells).toEqual(['pass', 'fail']);
      expect(since.trim()).toBe(nights[1]);
      await page.screenshot({
        path: screenshotPath('simulator-run-trend-1280.png'),
        fullPage: true,
      });
    });
  });
});
