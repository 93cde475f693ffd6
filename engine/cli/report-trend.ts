/**
 * `npm run report:trend -- reports/*\/results.json [--out DIR]`: builds the nightly trend page
 * `<DIR>/trend.html` and `<DIR>/trend.json` (default DIR `reports/trend/`) from many runs.
 *
 * Exit codes: 0 when the trend was written, even if some files had to be left out (each gets
 * one line on stderr naming the file); 2 when no file could be used (nothing is written) or the
 * arguments are wrong. Leaving bad files out rather than failing keeps one corrupt night from
 * hiding a year of history; the warning lines keep it visible.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeTrendReport } from '../reporting/trend-report.ts';

const USAGE = 'usage: report-trend <results.json>... [--out DIR]   (default DIR reports/trend/)';
const DEFAULT_OUT_DIR = 'reports/trend';

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`report-trend: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    process.stderr.write(`report-trend: no results.json files given\n${USAGE}\n`);
    return 2;
  }

  const outDir = parsed.values.out ?? DEFAULT_OUT_DIR;
  const report = await writeTrendReport(parsed.positionals, outDir);
  for (const problem of report.skipped) {
    process.stderr.write(`report-trend: skipped ${problem.message}\n`);
  }
  if (report.htmlPath === undefined) {
    const given = plural(parsed.positionals.length, 'file');
    process.stderr.write(
      `report-trend: none of the ${given} given could be used; nothing written\n`,
    );
    return 2;
  }

  const { nights, rules } = report.trend;
  const failing = rules.filter((rule) => rule.latest === 'fail').length;
  const summary = [plural(nights.length, 'night'), plural(rules.length, 'rule')];
  summary.push(`${failing} failing now`);
  if (report.skipped.length > 0) summary.push(`${plural(report.skipped.length, 'file')} skipped`);
  process.stdout.write(`${resolve(report.htmlPath)}\n${summary.join(', ')}\n`);
  return 0;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

process.exitCode = await main(process.argv.slice(2));
