import { BASE_STYLES } from './base-styles.ts';
import { escapeHtml } from './html-escape.ts';
import { renderPage } from './page-shell.ts';
import { renderStatusSummary } from './status-summary.ts';
import { renderCallsChart } from './trend-chart.ts';
import type { Trend } from './trend-data.ts';
import { renderTrendMatrix } from './trend-matrix.ts';
import { TREND_STYLES } from './trend-styles.ts';
import { renderFailingTable, renderFlippingTable } from './trend-tables.ts';

// Opens the matrix scrolled to the right edge, where the latest nights are. The chart stays at
// its left edge on narrow screens so its axis labels are in view.
const SCROLL_TO_LATEST_SCRIPT = `(function () {
  var scroller = document.getElementById('trend-scroll');
  if (scroller) scroller.scrollLeft = scroller.scrollWidth;
})();`;

const FAILING_NOTE =
  'Failing since: first night of the current failing streak. ' +
  'Nights that did not run a rule are skipped over.';
const MATRIX_NOTE =
  'Most recent night on the right. ' +
  "Hover a cell for its night; click a date for that night's run report, where there is one.";
const CHART_LEGEND = [
  '<ul class="chart-legend">',
  '<li class="made">Calls made</li>',
  '<li class="budget">Budget</li>',
  '<li class="throttled">Throttled responses</li>',
  '</ul>',
].join('');

/**
 * Renders the nightly trend page: one self-contained HTML file (inline CSS, SVG and script, no
 * URL loaded) with the latest night's summary, the rules failing now and since when, the rules
 * that flip, the rule × night matrix, and calls spent and throttles per night.
 * @param trend from `buildTrend`.
 */
export function renderTrendPage(trend: Trend): string {
  const { nights } = trend;
  const first = nights[0];
  const latest = nights[nights.length - 1];
  const targets = [...new Set(nights.map((night) => night.target))];
  const heading = targets.length === 0 ? 'No runs' : targets.join(', ');
  const span =
    first === undefined || latest === undefined
      ? 'No results files were given.'
      : `${plural(nights.length, 'night')}, ${first.label} to ${latest.label} · ` +
        plural(trend.rules.length, 'rule');
  const latestSummary =
    latest === undefined
      ? ''
      : `<p class="eyebrow latest-label">Latest night · ${escapeHtml(latest.label)}</p>
${renderStatusSummary(latest.counts, 'latest-summary')}`;

  const body = `<main>
<header>
<p class="eyebrow">Nightly conformance trend</p>
<h1>${escapeHtml(heading)}</h1>
<p class="run-span">${escapeHtml(span)}</p>
${latestSummary}
</header>
<section class="trend-section" id="failing" aria-labelledby="failing-title">
<h2 id="failing-title">Failing now</h2>
<p class="note">${FAILING_NOTE}</p>
${renderFailingTable(trend)}
</section>
<section class="trend-section" id="matrix" aria-labelledby="matrix-title">
<h2 id="matrix-title">Rule × night</h2>
<p class="note">${MATRIX_NOTE}</p>
${renderTrendMatrix(trend)}
</section>
<section class="trend-section" id="flipping" aria-labelledby="flipping-title">
<h2 id="flipping-title">Rules that flip</h2>
${renderFlippingTable(trend)}
</section>
<section class="trend-section" id="calls" aria-labelledby="calls-title">
<h2 id="calls-title">Calls spent and throttles per night</h2>
${CHART_LEGEND}
<div class="chart-scroll">${renderCallsChart(nights)}</div>
</section>
</main>`;

  return renderPage({
    title: `Nightly trend · ${heading}`,
    css: BASE_STYLES + TREND_STYLES,
    body,
    script: SCROLL_TO_LATEST_SCRIPT,
  });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
