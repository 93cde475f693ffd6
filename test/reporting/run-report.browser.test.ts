import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatuses } from '../../engine/reporting/status-counts.ts';
import { writeRunReport } from '../../engine/reporting/run-report.ts';
import {
  DESKTOP,
  PHONE,
  hasChromium,
  horizontalOverflow,
  readRunReport,
  screenshotPath,
  withPage,
} from './browser.ts';
import { loadResultsFixture } from './fixtures.ts';

const results = loadResultsFixture('run-mixed.json');
let dir: string;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'run-report-browser-'));
  url = pathToFileURL(await writeRunReport(results, dir)).href;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium); without it there is
// no browser to open the page in.
describe.skipIf(!hasChromium)('run report in Chromium', () => {
  it('shows the failing rule as failed, with its evidence behind a click', async () => {
    await withPage(url, DESKTOP, async (page, blocked) => {
      const row = page.locator('tr.rule[data-rule-id="TAGS-ADD-NEW-ONLY"]');
      const evidence = row.locator('details.evidence');

      expect(await row.locator('.badge').textContent()).toBe('Failed');
      expect(await evidence.locator('[data-field="request"]').isVisible()).toBe(false);
      await evidence.locator('summary').click();

      expect(await evidence.locator('summary').textContent()).toBe(
        'add_asset_tags listed tag 118766028 twice on policy 4201701 after adding a tag it already had',
      );
      expect(await evidence.locator('[data-field="received"] pre').textContent()).toBe(
        'TAG_SET_INCLUDE: 118766028, 118766028',
      );
      expect(await evidence.locator('[data-field="documented"] pre').innerText()).toContain(
        'only add the asset tags that are newly-provided',
      );
      expect(await evidence.locator('[data-field="request"]').isVisible()).toBe(true);
      expect(await evidence.locator('[data-field="curl"] pre').textContent()).toMatch(
        /^curl -u "\$QUALYS_USERNAME:\$QUALYS_PASSWORD" .*action=add_asset_tags'$/,
      );
      expect(await evidence.locator('[data-field="replay"]').innerText()).toContain(
        'seed 1712345678 · path 7:0:1',
      );
      expect(blocked).toEqual([]);
      await page.screenshot({ path: screenshotPath('run-report-1280.png'), fullPage: true });
    });
  });

  it('shows exactly what results.json holds', async () => {
    await withPage(url, DESKTOP, async (page) => {
      const view = await readRunReport(page);

      const counts = countStatuses(results.rules);
      expect(view.embedded).toEqual(results);
      expect(view.rows).toHaveLength(results.rules.length);
      for (const rule of results.rules) {
        const row = view.rows.find((candidate) => candidate.id === rule.id);
        expect(row).toMatchObject({ status: rule.status, cases: rule.cases });
      }
      expect(view.summary).toEqual({
        text: '3 failed · 5 passed · 2 skipped · 2 deferred',
        fail: counts.fail,
        pass: counts.pass,
        skip: counts.skip,
        deferred: counts.deferred,
      });
      expect(view.calls).toEqual(results.calls);
    });
  });

  it('shows a script in a response excerpt as text and never runs it', async () => {
    await withPage(url, DESKTOP, async (page) => {
      const excerpt = page.locator(
        'tr[data-rule-id="TAGS-ADD-NEW-ONLY"] [data-field="response"] pre',
      );

      expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
      expect(await excerpt.textContent()).toContain(
        `<script>window.__pwned = 'excerpt';</script><img src=x onerror="window.__pwned='img'">`,
      );
      expect(await page.locator('script').count()).toBe(2);
      expect(await page.locator('main img, main b').count()).toBe(0);
    });
  });

  it('fits 390 px without horizontal scrolling, rules stacked as cards', async () => {
    await withPage(url, PHONE, async (page) => {
      await page.locator('#toggle-evidence').click();

      expect(await page.locator('details.evidence[open]').count()).toBe(3);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(2);
      expect(
        await page.evaluate(`getComputedStyle(document.querySelector('tr.rule')).display`),
      ).toBe('block');
      await page.screenshot({ path: screenshotPath('run-report-390.png'), fullPage: true });
    });
  });
});
