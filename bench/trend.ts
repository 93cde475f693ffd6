/**
 * `npx tsx bench/trend.ts [nights] [rules]`: times building the nightly trend (read, derive,
 * render, write) from a year of synthetic results files (default 365 nights × 40 rules). Prints
 * the time; compares against nothing. The target is under 5 s.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTrendReport } from '../engine/reporting/trend-report.ts';
import { writeSyntheticNights } from '../test/reporting/synthetic-nights.ts';

const nights = Number(process.argv[2] ?? 365);
const rules = Number(process.argv[3] ?? 40);
const dir = await mkdtemp(join(tmpdir(), 'bench-trend-'));

try {
  const files = await writeSyntheticNights(join(dir, 'reports'), nights, rules);
  const started = performance.now();
  const report = await writeTrendReport(files, join(dir, 'trend'));
  const elapsed = performance.now() - started;

  const html = report.htmlPath === undefined ? 0 : (await stat(report.htmlPath)).size;
  console.log(
    `trend: ${nights} nights × ${rules} rules: ${elapsed.toFixed(0)} ms ` +
      `(trend.html ${(html / 1024).toFixed(0)} KiB, ${report.skipped.length} files skipped)`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
