import type { RuleResult } from '../results/results-schema.ts';
import { formatCount } from './display-format.ts';
import { dataAttributes, escapeHtml } from './html-escape.ts';
import { renderRuleEvidence } from './rule-evidence.ts';
import type { RuleSection } from './rule-sections.ts';
import { statusBadge } from './rule-status.ts';
import { summaryLine } from './status-counts.ts';

const COLUMNS = [
  '<colgroup>',
  '<col class="col-status"><col class="col-rule"><col class="col-cases"><col class="col-evidence">',
  '</colgroup>',
  '<thead><tr>',
  '<th scope="col">Status</th><th scope="col">Rule</th>',
  '<th scope="col" class="num">Cases</th><th scope="col">Evidence</th>',
  '</tr></thead>',
].join('');

/**
 * Renders the rule matrix: one table a release-note section, one row a rule (status, id and
 * title, cases, evidence or reason). On narrow screens the CSS turns rows into stacked cards.
 * @param sections from `groupBySection(results.rules)`, already in reading order.
 */
export function renderRuleMatrix(sections: readonly RuleSection[]): string {
  if (sections.length === 0) {
    return '<p class="empty">This run has no rules: nothing was checked.</p>';
  }
  return sections.map(renderSection).join('\n');
}

function renderSection(section: RuleSection, index: number): string {
  const id = `section-${index}`;
  const name = `<span class="section-name">${escapeHtml(section.source)}</span>`;
  const counts = `<span class="section-counts">${escapeHtml(summaryLine(section.counts))}</span>`;
  const source = dataAttributes({ source: section.source });

  return `<section class="rule-section" aria-labelledby="${id}"${source}>
<h2 id="${id}">${name} ${counts}</h2>
<table class="matrix">
${COLUMNS}
<tbody>
${section.rules.map(renderRow).join('\n')}
</tbody>
</table>
</section>`;
}

function renderRow(rule: RuleResult): string {
  const attributes = dataAttributes({ ruleId: rule.id, status: rule.status, cases: rule.cases });
  const evidence = renderRuleEvidence(rule);
  const evidenceCell =
    evidence === ''
      ? '<td class="evidence-cell empty-cell"></td>'
      : `<td class="evidence-cell">${evidence}</td>`;
  const id = `<code class="rule-id">${escapeHtml(rule.id)}</code>`;
  const title = `<span class="rule-title">${escapeHtml(rule.title)}</span>`;

  return `<tr class="rule row-${rule.status}"${attributes}>
<td class="status-cell">${statusBadge(rule.status)}</td>
<td class="rule-cell">${id}${title}</td>
<td class="num cases-cell" data-label="Cases">${formatCount(rule.cases)}</td>
${evidenceCell}
</tr>`;
}
