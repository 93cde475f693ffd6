/**
 * `tsx engine/cli/screenshots.ts [--out DIR] [--run results.json] [nights/results.json ...]`:
 * renders the run report (of `--run`) and the trend page (of the nights given) and writes
 * `run-report.png` and `trend.png` (1280 px wide, full page) for the README into DIR (default
 * `docs/screenshots/`). Without arguments it uses the fixtures in test/fixtures/results/. Needs
 * Chromium at /usr/bin/chromium. The first failure's evidence is opened so the picture shows it.
 */
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DESKTOP, withPage } from '../reporting/browser-page.ts';
import { parseRunResults } from '../reporting/results-document.ts';
import { writeRunReport } from '../reporting/run-report.ts';
import { writeTrendReport } from '../reporting/trend-report.ts';

const FIXTURES = 'test/fixtures/results';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string' }, run: { type: 'string' } },
    allowPositionals: true,
  });
  const outDir = values.out ?? 'docs/screenshots';
  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'report-screenshots-'));

  try {
    const runFile = values.run ?? join(FIXTURES, 'run-mixed.json');
    const results = parseRunResults(await readFile(runFile, 'utf8'), runFile);
    const runPage = await writeRunReport(results, join(work, 'run'));
    await withPage(pathToFileURL(runPage).href, DESKTOP, async (page) => {
      await page.locator('details.evidence > summary').first().click();
      await page.screenshot({ path: join(outDir, 'run-report.png'), fullPage: true });
    });

    const nights = await readdir(join(FIXTURES, 'nightly'));
    const files =
      positionals.length > 0
        ? positionals
        : nights.sort().map((night) => join(FIXTURES, 'nightly', night, 'results.json'));
    const trend = await writeTrendReport(files, join(work, 'trend'));
    if (trend.htmlPath === undefined) throw new Error(`no usable fixture in ${FIXTURES}/nightly`);
    await withPage(pathToFileURL(trend.htmlPath).href, DESKTOP, async (page) => {
      await page.screenshot({ path: join(outDir, 'trend.png'), fullPage: true });
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  process.stdout.write(`${join(outDir, 'run-report.png')}\n${join(outDir, 'trend.png')}\n`);
}

await main();
