import type { RuleStatus } from '../results/results-schema.ts';
import { escapeHtml } from './html-escape.ts';

/** Statuses in reading order: what broke, what waits, what was not run, what held. */
export const STATUS_ORDER: readonly RuleStatus[] = ['fail', 'deferred', 'skip', 'pass'];

/** The word shown on a status badge; the colour only repeats it. */
export const STATUS_LABEL: Readonly<Record<RuleStatus, string>> = {
  fail: 'Failed',
  deferred: 'Deferred',
  skip: 'Skipped',
  pass: 'Passed',
};

/** A one-character mark for dense grids (the trend matrix), read alongside the legend. */
export const STATUS_MARK: Readonly<Record<RuleStatus, string>> = {
  fail: '✕',
  deferred: '…',
  skip: '–',
  pass: '✓',
};

/**
 * Rank of a status in {@link STATUS_ORDER}: 0 for `fail`, 3 for `pass`.
 * @param status a rule status.
 */
export function statusRank(status: RuleStatus): number {
  return STATUS_ORDER.indexOf(status);
}

/**
 * Renders a status badge: coloured, with its label as text so colour is never the only cue.
 * @param status a rule status.
 */
export function statusBadge(status: RuleStatus): string {
  return `<span class="badge badge-${status}">${escapeHtml(STATUS_LABEL[status])}</span>`;
}
