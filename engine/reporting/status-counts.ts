import type { RuleStatus } from '../results/results-schema.ts';

/** How many rules ended in each status. The one place report counts are computed. */
export interface StatusCounts {
  fail: number;
  pass: number;
  skip: number;
  deferred: number;
  total: number;
}

/**
 * Counts rules by status.
 * @param rules the rules of one run, or of one release-note section.
 */
export function countStatuses(rules: readonly { status: RuleStatus }[]): StatusCounts {
  const counts: StatusCounts = { fail: 0, pass: 0, skip: 0, deferred: 0, total: rules.length };
  for (const rule of rules) counts[rule.status] += 1;
  return counts;
}

/**
 * The summary line: `3 failed · 12 passed · 2 skipped · 1 deferred`. Every status is listed,
 * zeros included, so the line reads the same from one run to the next.
 * @param counts from {@link countStatuses}.
 */
export function summaryLine(counts: StatusCounts): string {
  return [
    `${counts.fail} failed`,
    `${counts.pass} passed`,
    `${counts.skip} skipped`,
    `${counts.deferred} deferred`,
  ].join(' · ');
}
