import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportingError } from './reporting-error.ts';
import { buildTrend, type Trend } from './trend-data.ts';
import { readTrendInputs } from './trend-inputs.ts';
import { renderTrendPage } from './trend-page.ts';

/** File names the trend writes into its output directory. */
export const TREND_HTML_FILE = 'trend.html';
export const TREND_JSON_FILE = 'trend.json';

/** What {@link writeTrendReport} wrote, and the inputs it had to leave out. */
export interface TrendReport {
  /** Path of trend.html; undefined when no input could be read (nothing is written then). */
  htmlPath?: string;
  jsonPath?: string;
  trend: Trend;
  /** One error a file that could not be used. */
  skipped: ReportingError[];
}

/**
 * Builds the nightly trend from results.json files and writes `<outDir>/trend.html` and
 * `<outDir>/trend.json`. Files that cannot be used are returned in `skipped`; when none can
 * be used, nothing is written.
 * @param files paths of results.json files, in any order.
 * @param outDir output directory, created when needed.
 * @throws the file-system error when the output cannot be written.
 */
export async function writeTrendReport(
  files: readonly string[],
  outDir: string,
): Promise<TrendReport> {
  const { inputs, skipped } = await readTrendInputs(files, outDir);
  const trend = buildTrend(inputs);
  if (inputs.length === 0) return { trend, skipped };

  const htmlPath = join(outDir, TREND_HTML_FILE);
  const jsonPath = join(outDir, TREND_JSON_FILE);
  await mkdir(outDir, { recursive: true });
  await writeFile(htmlPath, renderTrendPage(trend), 'utf8');
  await writeFile(jsonPath, `${JSON.stringify(trend, null, 2)}\n`, 'utf8');
  return { htmlPath, jsonPath, trend, skipped };
}
