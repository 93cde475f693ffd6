import { describe, expect, it } from 'vitest';
import type { RuleStatus, RunResults } from '../../engine/results/results-schema.ts';
import { buildTrend, type TrendInput } from '../../engine/reporting/trend-data.ts';
import { renderCallsChart } from '../../engine/reporting/trend-chart.ts';
import { renderTrendPage } from '../../engine/reporting/trend-page.ts';
import { FLIPPING_SHOWN } from '../../engine/reporting/trend-tables.ts';
import { loadResultsFixture } from './fixtures.ts';

const base = loadResultsFixture('run-mixed.json');

function nightWith(day: number, rules: { id: string; status: RuleStatus; text?: string }[]) {
  const startedAt = new Date(Date.UTC(2024, 0, day, 2)).toISOString();
  const results: RunResults = {
    ...base,
    startedAt,
    calls: { made: 100 + day, budget: 300, throttled: day % 3, waitedSeconds: day },
    rules: rules.map(({ id, status, text }) => ({
      id,
      title: text ?? id,
      source: text ?? 's',
      status,
      cases: 1,
      failures: status === 'fail' ? [{ message: text ?? 'failed' }] : [],
    })),
  };
  return { file: `night-${day}.json`, results } satisfies TrendInput;
}

describe('renderTrendPage', () => {
  it('escapes rule ids, titles and failure messages', () => {
    const hostile = '<img src=x onerror=alert(1)></script>';
    const trend = buildTrend([
      nightWith(1, [{ id: hostile, status: 'fail', text: hostile }]),
      nightWith(2, [{ id: hostile, status: 'fail', text: hostile }]),
    ]);

    const html = renderTrendPage(trend);

    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;');
    expect(html.match(/<script[\s>]/g)).toHaveLength(1);
  });

  it(`lists ${FLIPPING_SHOWN} flipping rules and folds the rest away`, () => {
    const ids = Array.from({ length: FLIPPING_SHOWN + 3 }, (_, i) => `FLIP-${i}`);
    const trend = buildTrend([
      nightWith(
        1,
        ids.map((id) => ({ id, status: 'pass' })),
      ),
      nightWith(
        2,
        ids.map((id) => ({ id, status: 'fail' })),
      ),
    ]);

    const html = renderTrendPage(trend);

    const shown = /<table class="list-table" id="flipping-table">([\s\S]*?)<\/table>/.exec(html);
    expect(shown?.[1]?.match(/<tr data-rule-id=/g)).toHaveLength(FLIPPING_SHOWN);
    expect(html).toContain('<summary>Show 3 more rules that flip</summary>');
  });
});

describe('renderCallsChart', () => {
  it('draws one calls bar and one throttle bar a night, each with its numbers', () => {
    const trend = buildTrend([nightWith(1, []), nightWith(2, []), nightWith(3, [])]);

    const svg = renderCallsChart(trend.nights);

    expect(svg.match(/<rect class="made"/g)).toHaveLength(3);
    expect(svg.match(/<rect class="throttled"/g)).toHaveLength(3);
    expect(svg).toContain('<title>2024-01-02: 102 of 300 calls, 2 throttled, waited 2 s</title>');
    expect(svg).toContain('<path class="budget" d="M56.0 ');
  });

  it('says there is nothing to chart without runs', () => {
    expect(renderCallsChart([])).toBe('<p class="empty">No runs, so no calls to chart.</p>');
  });
});
