import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../engine/results/results-schema.ts';
import { parseRunResults } from '../../engine/reporting/results-document.ts';
import { buildTrend } from '../../engine/reporting/trend-data.ts';
import { writeRunReport } from '../../engine/reporting/run-report.ts';
import { writeTrendReport } from '../../engine/reporting/trend-report.ts';
import { loadResultsFixture, RESULTS_FIXTURES } from './fixtures.ts';

const run = promisify(execFile);
const REPO = join(import.meta.dirname, '../..');
const CLI = join(REPO, 'engine/cli/report-trend.ts');

let dir: string;
let good: string[];
let bad: { missing: string; notJson: string; notResults: string; aDirectory: string };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trend-report-'));
  await cp(join(RESULTS_FIXTURES, 'nightly'), join(dir, 'reports'), { recursive: true });
  const days = ['2022-04-05', '2022-04-06', '2022-04-07'];
  good = days.map((day) => join(dir, 'reports', day, 'results.json'));
  await writeRunReport(loadResultsFixture('run-mixed.json'), join(dir, 'reports', '2022-04-06'));

  bad = {
    missing: join(dir, 'reports', 'gone', 'results.json'),
    notJson: join(dir, 'reports', 'truncated.json'),
    notResults: join(dir, 'reports', 'package.json'),
    aDirectory: join(dir, 'reports', 'folder.json'),
  };
  await writeFile(bad.notJson, '{"format": 1, "rules": [', 'utf8');
  await writeFile(bad.notResults, JSON.stringify({ name: 'x', version: '1.0.0' }), 'utf8');
  await mkdir(bad.aDirectory);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeTrendReport', () => {
  it('leaves out unusable files with one error each and builds the trend from the rest', async () => {
    const out = join(dir, 'out-lib');

    const report = await writeTrendReport([...good, ...Object.values(bad)], out);

    expect(report.skipped.map((error) => [error.code, error.file])).toEqual([
      ['RESULTS_UNREADABLE', bad.missing],
      ['RESULTS_NOT_JSON', bad.notJson],
      ['RESULTS_NOT_RUN_RESULTS', bad.notResults],
      ['RESULTS_UNREADABLE', bad.aDirectory],
    ]);
    expect(report.skipped.every((error) => !error.message.includes('\n'))).toBe(true);
    expect(report.skipped[2]?.message).toBe(
      `${bad.notResults} is not a results.json of format 1 (\`format\` is undefined, not 1): pass the results.json files a run wrote`,
    );
    expect(report.trend.nights).toHaveLength(3);
  });

  it('writes trend.json with the derived data and trend.html beside it', async () => {
    const out = join(dir, 'out-json');

    const report = await writeTrendReport(good, out);

    const written = JSON.parse(await readFile(join(out, 'trend.json'), 'utf8')) as unknown;
    expect(written).toEqual(report.trend);
    expect(report.trend.rules.map((rule) => rule.id)).toEqual(
      buildTrend(good.map((file) => ({ file, results: loadNight(file) }))).rules.map((r) => r.id),
    );
    expect(await readFile(join(out, 'trend.html'), 'utf8')).toContain(
      '<h1>qualys-us1 nightly</h1>',
    );
  });

  it('links a night to the run report that sits beside its results.json', async () => {
    const report = await writeTrendReport(good, join(dir, 'out-links'));

    expect(report.trend.nights.map((night) => night.reportHref)).toEqual([
      undefined,
      '../reports/2022-04-06/index.html',
      undefined,
    ]);
  });

  it('counts a run reached through two paths once', async () => {
    const copy = join(dir, 'reports', 'latest', 'results.json');
    await cp(good[2] ?? '', copy);

    const report = await writeTrendReport([copy, ...good], join(dir, 'out-duplicate'));

    expect(report.trend.nights.map((night) => night.file)).toEqual(good);
    expect(report.skipped.map((error) => [error.code, error.file])).toEqual([
      ['RESULTS_DUPLICATE', copy],
    ]);
    expect(report.skipped[0]?.message).toBe(
      `${copy} is the same run as ${good[2]} (same startedAt, target and seed): counted once`,
    );
  });

  it('writes nothing when no file can be used', async () => {
    const out = join(dir, 'out-none');

    const report = await writeTrendReport([bad.missing, bad.notJson], out);

    expect(report.htmlPath).toBeUndefined();
    expect(report.skipped).toHaveLength(2);
    await expect(readFile(join(out, 'trend.html'))).rejects.toThrow(/ENOENT/);
  });
});

function loadNight(file: string): RunResults {
  return parseRunResults(readFileSync(file, 'utf8'), file);
}

describe('report-trend CLI', () => {
  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], {
        cwd: REPO,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('exits 0 with one stderr line a skipped file when at least one file was read', async () => {
    const out = join(dir, 'out-cli');

    const result = await cli([...good, bad.missing, bad.notJson, '--out', out]);

    expect(result.code).toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `report-trend: skipped ${bad.missing} does not exist: check the path or the glob`,
      expect.stringMatching(/^report-trend: skipped .*truncated\.json is not JSON \(.+\): pass/),
    ]);
    expect(result.stdout).toContain(join(out, 'trend.html'));
    expect(result.stdout).toContain('3 nights, 10 rules, 0 failing now, 2 files skipped');
  });

  it('exits 2 and writes nothing when no file could be read', async () => {
    const result = await cli([bad.notResults, '--out', join(dir, 'out-cli-none')]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `report-trend: skipped ${bad.notResults} is not a results.json`,
    );
    expect(result.stderr).toContain('none of the 1 file given could be used; nothing written');
  });

  it('exits 2 with usage when given no files', async () => {
    const result = await cli([]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: report-trend <results.json>... [--out DIR]');
  });
});
