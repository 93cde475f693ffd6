import { dataAttributes, escapeHtml } from './html-escape.ts';
import { statusBadge } from './rule-status.ts';
import type { NightRef, Trend, TrendRule } from './trend-data.ts';

/**
 * Renders the rules failing on their latest night: since when (start of the current streak),
 * for how many nights, the first failure ever, and the latest failure message.
 * @param trend from `buildTrend`.
 */
export function renderFailingTable(trend: Trend): string {
  const failing = trend.rules.filter((rule) => rule.latest === 'fail');
  if (failing.length === 0) {
    return '<p class="empty">No rule is failing on its latest night.</p>';
  }
  const rows = failing.map(
    (rule) => `<tr${dataAttributes({ ruleId: rule.id })}>
<td data-label="Rule">${ruleCell(rule)}</td>
<td data-label="Failing since" class="failing-since">${night(rule.failingSince)}</td>
<td data-label="Nights in streak" class="num">${rule.streakNights}</td>
<td data-label="First failed" class="first-failed">${night(rule.firstFailed)}</td>
<td data-label="Latest failure" class="message">${escapeHtml(rule.latestMessage ?? '')}</td>
</tr>`,
  );
  return table(
    'failing-table',
    ['Rule', 'Failing since', '#Nights in streak', 'First failed', 'Latest failure'],
    rows,
  );
}

/** How many flipping rules are listed before the rest fold away behind a "show more". */
export const FLIPPING_SHOWN = 10;

/**
 * Renders the rules whose status changed between nights, most changes first; past
 * {@link FLIPPING_SHOWN} rules the rest sit in a collapsed `<details>`.
 * @param trend from `buildTrend`.
 */
export function renderFlippingTable(trend: Trend): string {
  const flipping = trend.rules.filter((rule) => rule.flips > 0).sort((a, b) => b.flips - a.flips);
  if (flipping.length === 0) {
    return '<p class="empty">No rule changed status between nights.</p>';
  }
  const rows = flipping.map(
    (rule) => `<tr${dataAttributes({ ruleId: rule.id, flips: rule.flips })}>
<td data-label="Rule">${ruleCell(rule)}</td>
<td data-label="Status changes" class="num">${rule.flips}</td>
<td data-label="Nights failed" class="num">${rule.failedNights}</td>
<td data-label="First failed" class="first-failed">${night(rule.firstFailed)}</td>
<td data-label="Latest">${statusBadge(rule.latest)}</td>
</tr>`,
  );
  const headings = ['Rule', '#Status changes', '#Nights failed', 'First failed', 'Latest'];
  const shown = table('flipping-table', headings, rows.slice(0, FLIPPING_SHOWN));
  const rest = rows.slice(FLIPPING_SHOWN);
  if (rest.length === 0) return shown;
  const noun = rest.length === 1 ? 'rule' : 'rules';
  return `${shown}
<details class="more-rows"><summary>Show ${rest.length} more ${noun} that flip</summary>
${table('flipping-table-more', headings, rest)}
</details>`;
}

// A heading starting with `#` marks a numeric column: right-aligned and narrow.
function table(id: string, headings: readonly string[], rows: readonly string[]): string {
  const head = headings
    .map((heading) =>
      heading.startsWith('#')
        ? `<th scope="col" class="num">${heading.slice(1)}</th>`
        : `<th scope="col">${heading}</th>`,
    )
    .join('');
  return `<table class="list-table" id="${id}">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function ruleCell(rule: TrendRule): string {
  const id = `<code class="rule-id">${escapeHtml(rule.id)}</code>`;
  return `${id}<span class="rule-title">${escapeHtml(rule.title)}</span>`;
}

function night(ref: NightRef | null): string {
  if (ref === null) return '<span class="muted">never</span>';
  return `<time datetime="${escapeHtml(ref.startedAt)}">${escapeHtml(ref.label)}</time>`;
}
