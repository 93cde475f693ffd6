import type { RunResults } from '../results/results-schema.ts';
import { formatCount, formatDuration, formatPercent, formatTimestamp } from './display-format.ts';
import { dataAttributes, escapeHtml } from './html-escape.ts';

/**
 * Renders what was run, against what, and what it cost: target, mode, seed, depth, suites,
 * faults, times and calls spent of the budget.
 * @param results the run's results.json.
 */
export function renderRunFacts(results: RunResults): string {
  const duration = formatDuration(results.startedAt, results.finishedAt);
  const facts: [string, string][] = [
    ['Target', escapeHtml(results.target.name)],
    ['API URL', `<code>${escapeHtml(results.target.apiUrl)}</code>`],
    ['Mode', escapeHtml(results.mode)],
    ['Seed', `<code>${escapeHtml(String(results.seed))}</code>`],
    ['Depth', escapeHtml(results.depth)],
    ['Suites', list(results.suites)],
    ['Faults', list(results.faults)],
    ['Started', time(results.startedAt)],
    ['Finished', time(results.finishedAt) + (duration === undefined ? '' : ` (${duration})`)],
    ['Harness', escapeHtml(results.harnessVersion)],
  ];

  return `<section class="facts" aria-label="Run">
<dl>
${facts.map(([name, value]) => `<div><dt>${name}</dt><dd>${value}</dd></div>`).join('\n')}
</dl>
${renderCalls(results)}
</section>`;
}

function renderCalls({ calls }: RunResults): string {
  const share = calls.budget > 0 ? Math.min(calls.made / calls.budget, 1) : 0;
  const percent = (share * 100).toFixed(2);
  const over = calls.budget > 0 && calls.made > calls.budget ? ' meter-over' : '';
  const spent = `<strong>${formatCount(calls.made)}</strong> of ${formatCount(calls.budget)}`;
  const parts = [
    `${spent} calls spent (${formatPercent(calls.made, calls.budget)})`,
    `<strong>${formatCount(calls.throttled)}</strong> throttled`,
    `waited <strong>${formatCount(calls.waitedSeconds)} s</strong>`,
  ];

  return `<div class="calls" id="calls"${dataAttributes({ ...calls })}>
<h2 class="calls-title">Calls</h2>
<p>${parts.join(' · ')}</p>
<div class="meter${over}" aria-hidden="true"><span style="width:${percent}%"></span></div>
</div>`;
}

function list(items: readonly string[]): string {
  if (items.length === 0) return '<span class="muted">none</span>';
  return items.map((item) => `<code>${escapeHtml(item)}</code>`).join(' ');
}

function time(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatTimestamp(iso))}</time>`;
}
