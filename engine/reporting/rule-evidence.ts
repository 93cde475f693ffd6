import type { RuleFailure, RuleResult } from '../results/results-schema.ts';
import { escapeHtml } from './html-escape.ts';

/**
 * Renders what a reader needs to act on a rule: for a failed rule, the first failure's
 * evidence in a `<details>` (message as its summary; received vs documented, request, response
 * excerpt, curl, seed and path inside); for a skipped or deferred rule, its reason.
 * @param rule one entry of `results.rules`.
 */
export function renderRuleEvidence(rule: RuleResult): string {
  switch (rule.status) {
    case 'fail':
      return renderFailure(rule);
    case 'skip':
    case 'deferred':
      return renderReason(rule);
    case 'pass':
      return '';
  }
}

function renderReason(rule: RuleResult): string {
  const reason = rule.reason?.trim();
  if (reason === undefined || reason === '') {
    return '<p class="reason muted">No reason recorded.</p>';
  }
  return `<p class="reason">${escapeHtml(reason)}</p>`;
}

function renderFailure(rule: RuleResult): string {
  const [first, ...others] = rule.failures;
  if (first === undefined) {
    return '<p class="reason muted">Failed, but no failure evidence was recorded.</p>';
  }
  const noun = others.length === 1 ? 'failure' : 'failures';
  const more =
    others.length === 0
      ? ''
      : `<p class="more muted">${others.length} more ${noun} of this rule in results.json.</p>`;

  return `<details class="evidence">
<summary><span class="message">${escapeHtml(first.message)}</span></summary>
<div class="evidence-body">
${renderComparison(first)}${renderBlocks(first)}${renderReproduce(first)}${more}</div>
</details>`;
}

function renderComparison(failure: RuleFailure): string {
  if (failure.received === undefined && failure.documented === undefined) return '';
  return `<div class="compare">
${field('Received', failure.received, 'received')}
${field('Documented', failure.documented, 'documented')}
</div>
`;
}

function renderBlocks(failure: RuleFailure): string {
  return [
    field('Request', failure.request, 'request'),
    field('Response excerpt', failure.responseExcerpt, 'response'),
    field('Reproduce with curl', failure.curl, 'curl'),
  ]
    .filter((block) => block !== '')
    .map((block) => `${block}\n`)
    .join('');
}

function renderReproduce(failure: RuleFailure): string {
  const parts: string[] = [];
  if (failure.seed !== undefined)
    parts.push(`seed <code>${escapeHtml(String(failure.seed))}</code>`);
  if (failure.path !== undefined) parts.push(`path <code>${escapeHtml(failure.path)}</code>`);
  if (failure.test !== undefined) parts.push(`test <code>${escapeHtml(failure.test)}</code>`);
  if (parts.length === 0) return '';
  return `<p class="replay" data-field="replay">${parts.join(' · ')}</p>\n`;
}

function field(label: string, value: string | undefined, name: string): string {
  if (value === undefined) return '';
  const heading = `<h4>${label}</h4>`;
  return `<div class="field" data-field="${name}">${heading}<pre>${escapeHtml(value)}</pre></div>`;
}
