import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../engine/results/results-schema.ts';
import { buildTrend, type TrendInput } from '../../engine/reporting/trend-data.ts';
import { renderTrendPage } from '../../engine/reporting/trend-page.ts';
import { loadResultsFixture, nightlyFixtureFiles } from './fixtures.ts';

function nightlyInputs(): TrendInput[] {
  return nightlyFixtureFiles().map((file) => ({
    file,
    results: JSON.parse(readFileSync(file, 'utf8')) as RunResults,
  }));
}

function night(startedAt: string, statuses: Record<string, RunResults['rules'][number]['status']>) {
  const base = loadResultsFixture('run-mixed.json');
  const results: RunResults = {
    ...base,
    startedAt,
    rules: Object.entries(statuses).map(([id, status]) => ({
      id,
      title: id,
      source: 's',
      status,
      cases: 1,
      failures: status === 'fail' ? [{ message: `${id} failed at ${startedAt}` }] : [],
    })),
  };
  return { file: `${startedAt}.json`, results };
}

describe('buildTrend', () => {
  it('orders nights by startedAt whatever the input order', () => {
    const trend = buildTrend(nightlyInputs().reverse());

    expect(trend.nights.map((n) => n.label)).toEqual([
      '2022-04-05',
      '2022-04-06',
      '2022-04-07',
      '2022-04-08',
      '2022-04-09',
      '2022-04-10',
      '2022-04-11',
      '2022-04-12',
    ]);
  });

  it('finds the night a rule started failing and the night it first failed', () => {
    const rules = new Map(buildTrend(nightlyInputs()).rules.map((rule) => [rule.id, rule]));

    const tagsAdd = rules.get('TAGS-ADD-NEW-ONLY');
    const pcrsZip = rules.get('PCRS-ZIP-CONTENT-TYPE');

    expect(tagsAdd?.failingSince?.label).toBe('2022-04-09');
    expect(tagsAdd?.firstFailed?.label).toBe('2022-04-09');
    expect(tagsAdd?.streakNights).toBe(4);
    expect(tagsAdd?.flips).toBe(1);
    expect(pcrsZip?.failingSince?.label).toBe('2022-04-10');
    expect(pcrsZip?.firstFailed?.label).toBe('2022-04-06');
    expect(pcrsZip?.latestMessage).toMatch(/application\/octet-stream/);
  });

  it('counts status changes and leaves nights without the rule out of them', () => {
    const rules = new Map(buildTrend(nightlyInputs()).rules.map((rule) => [rule.id, rule]));

    expect(rules.get('MAP-NETWORK-ID-ACCEPTED')?.flips).toBe(6);
    expect(rules.get('MAP-NETWORK-ID-ACCEPTED')?.failingSince).toBeNull();
    expect(rules.get('ISSUE-HOST-NETWORK-MISMATCH')?.statuses[3]).toBeNull();
    expect(rules.get('ISSUE-HOST-NETWORK-MISMATCH')?.flips).toBe(0);
    expect(rules.get('CSV-HEADER-CONTROL-STATISTICS')?.statuses.slice(0, 3)).toEqual([
      null,
      null,
      'pass',
    ]);
  });

  it('keeps a failing streak across a night that did not run the rule', () => {
    const trend = buildTrend([
      night('2024-01-01T02:00:00Z', { A: 'pass' }),
      night('2024-01-02T02:00:00Z', { A: 'fail' }),
      night('2024-01-03T02:00:00Z', {}),
      night('2024-01-04T02:00:00Z', { A: 'fail' }),
    ]);

    expect(trend.rules[0]?.failingSince?.label).toBe('2024-01-02');
    expect(trend.rules[0]?.streakNights).toBe(2);
    expect(trend.rules[0]?.latestMessage).toBe('A failed at 2024-01-04T02:00:00Z');
  });

  it('lists failing rules first, the newest breakage on top', () => {
    const ids = buildTrend(nightlyInputs()).rules.map((rule) => rule.id);

    expect(ids.slice(0, 4)).toEqual([
      'PCRS-ZIP-CONTENT-TYPE',
      'TAGS-ADD-NEW-ONLY',
      'MAP-NETWORK-ID-DTD',
      'TAGS-SELECTOR-DEFAULT-ANY',
    ]);
    expect(ids[4]).toBe('MAP-NETWORK-ID-ACCEPTED');
  });

  it('labels two runs of the same day with their start times', () => {
    const trend = buildTrend([
      night('2024-01-01T02:00:00Z', { A: 'pass' }),
      night('2024-01-01T14:30:00Z', { A: 'pass' }),
      night('2024-01-02T02:00:00Z', { A: 'pass' }),
    ]);

    expect(trend.nights.map((n) => n.label)).toEqual([
      '2024-01-01 02:00',
      '2024-01-01 14:30',
      '2024-01-02',
    ]);
  });

  it('builds an empty trend from no runs, and the page renders it', () => {
    const trend = buildTrend([]);

    expect(trend).toEqual({ format: 1, nights: [], rules: [] });
    expect(renderTrendPage(trend)).toContain('No results files were given.');
  });

  it('renders a run without rules', () => {
    const trend = buildTrend([night('2024-01-01T02:00:00Z', {})]);

    expect(renderTrendPage(trend)).toContain('No rule results in these runs.');
  });
});
