import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTrendReport } from '../../engine/reporting/trend-report.ts';
import { writeSyntheticNights } from './synthetic-nights.ts';

// A deliberately large test: a year of nightly runs. The target is under 5 s (measure it with
// `npx tsx bench/trend.ts`); the bound here only guards against a gross regression on a busy
// machine, so it cannot flake.
const NIGHTS = 365;
const RULES = 40;
const GUARD_MS = 20_000; // 20 s

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trend-scale-'));
  files = await writeSyntheticNights(join(dir, 'reports'), NIGHTS, RULES);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('trend over a year of nights', () => {
  it(`builds the trend from ${NIGHTS} results files of ${RULES} rules`, async () => {
    const started = performance.now();
    const report = await writeTrendReport(files, join(dir, 'trend'));
    const elapsed = performance.now() - started;

    const html = await stat(join(dir, 'trend', 'trend.html'));
    console.log(
      `trend: ${NIGHTS} nights × ${RULES} rules in ${elapsed.toFixed(0)} ms, trend.html ${(html.size / 1024).toFixed(0)} KiB`,
    );
    expect(report.skipped).toEqual([]);
    expect(report.trend.nights).toHaveLength(NIGHTS);
    expect(report.trend.rules).toHaveLength(RULES);
    expect(report.trend.rules.every((rule) => rule.statuses.length === NIGHTS)).toBe(true);
    expect(elapsed).toBeLessThan(GUARD_MS);
  });
});
