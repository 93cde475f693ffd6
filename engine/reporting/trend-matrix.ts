import { dataAttributes, element, escapeHtml } from './html-escape.ts';
import { STATUS_LABEL, STATUS_MARK, STATUS_ORDER } from './rule-status.ts';
import type { Trend, TrendNight, TrendRule } from './trend-data.ts';

/**
 * Renders the rule × night matrix: rules as rows, nights as columns with the most recent on
 * the right. The container scrolls horizontally and the rule id column stays in place. Each
 * cell carries a mark and a title, so status is readable without colour.
 * @param trend from `buildTrend`.
 */
export function renderTrendMatrix(trend: Trend): string {
  if (trend.nights.length === 0 || trend.rules.length === 0) {
    return '<p class="empty">No rule results in these runs.</p>';
  }
  const head = trend.nights.map(renderNightHeader).join('');
  const rows = trend.rules.map((rule) => renderRuleRow(rule, trend.nights)).join('\n');
  const scroller = {
    class: 'matrix-scroll',
    id: 'trend-scroll',
    tabindex: 0,
    role: 'region',
    'aria-label': 'Rule by night matrix, scrolls horizontally',
  };

  return `${renderLegend()}
${element(
  'div',
  scroller,
  `<table class="trend-matrix" id="trend-matrix">
<thead><tr><th scope="col" class="rule-col">Rule</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
)}`;
}

function renderLegend(): string {
  const swatch = (status: string, mark: string): string =>
    `<span class="cell-swatch ${status}">${mark}</span>`;
  const items = STATUS_ORDER.map(
    (status) => `<li>${swatch(status, STATUS_MARK[status])} ${STATUS_LABEL[status]}</li>`,
  );
  items.push(`<li>${swatch('absent', '')} Not in that run</li>`);
  return `<ul class="legend">${items.join('')}</ul>`;
}

function renderNightHeader(night: TrendNight): string {
  const label = `<span>${escapeHtml(night.label)}</span>`;
  const content =
    night.reportHref === undefined ? label : element('a', { href: night.reportHref }, label);
  const attributes = {
    scope: 'col',
    class: 'night',
    title: `${night.startedAt} · ${night.target} · ${night.file}`,
    'data-night': night.index,
  };
  return element('th', attributes, content);
}

function renderRuleRow(rule: TrendRule, nights: readonly TrendNight[]): string {
  const cells = rule.statuses
    .map((status, index) => {
      const label = nights[index]?.label ?? '';
      if (status === null)
        return element('td', { class: 'absent', title: `${label}: not run` }, '');
      const title = `${label}: ${STATUS_LABEL[status]}`;
      return element('td', { class: status, title }, STATUS_MARK[status]);
    })
    .join('');
  const heading = element(
    'th',
    { scope: 'row', class: 'rule-col', title: `${rule.title} — ${rule.source}` },
    `<code>${escapeHtml(rule.id)}</code>`,
  );

  return `<tr${dataAttributes({ ruleId: rule.id, latest: rule.latest })}>${heading}${cells}</tr>`;
}
