import { dataAttributes, escapeHtml } from './html-escape.ts';
import { STATUS_ORDER } from './rule-status.ts';
import { summaryLine, type StatusCounts } from './status-counts.ts';

/**
 * Renders the summary line and a proportional bar of the statuses. The counts are written as
 * `data-*` attributes too, so a test can compare them with results.json without parsing text.
 * @param counts from `countStatuses(results.rules)`.
 * @param id the element id; default `summary`.
 */
export function renderStatusSummary(counts: StatusCounts, id = 'summary'): string {
  const tone = counts.fail > 0 ? 'fail' : counts.total === 0 ? 'skip' : 'pass';
  const segments = STATUS_ORDER.filter((status) => counts[status] > 0)
    .map((status) => {
      const width = ((counts[status] / counts.total) * 100).toFixed(3);
      return `<span class="bar-${status}" style="width:${width}%"></span>`;
    })
    .join('');
  const attributes = dataAttributes({ ...counts });
  const line = counts.total === 0 ? 'No rules in this run' : summaryLine(counts);

  return `<div class="summary summary-${tone}">
<p id="${escapeHtml(id)}" class="summary-line"${attributes}>${escapeHtml(line)}</p>
<div class="status-bar" aria-hidden="true">${segments}</div>
</div>`;
}
