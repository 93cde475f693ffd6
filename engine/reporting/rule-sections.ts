import type { RuleResult } from '../results/results-schema.ts';
import { statusRank } from './rule-status.ts';
import { countStatuses, type StatusCounts } from './status-counts.ts';

/** The rules of one release-note section, in reading order, with their counts. */
export interface RuleSection {
  /** The release-note section (`RuleResult.source`). */
  source: string;
  rules: RuleResult[];
  counts: StatusCounts;
}

/** Heading used for rules whose `source` is empty. */
export const NO_SECTION = '(no release-note section)';

/**
 * Groups rules by release-note section, failures first: sections whose worst rule is worse come
 * first, and within a section rules go fail, deferred, skip, pass. Ties keep the order of
 * `results.rules` (the catalogue order), so the page is stable from run to run.
 * @param rules `results.rules`.
 */
export function groupBySection(rules: readonly RuleResult[]): RuleSection[] {
  const bySource = new Map<string, RuleResult[]>();
  for (const rule of rules) {
    const source = rule.source.trim() === '' ? NO_SECTION : rule.source;
    const members = bySource.get(source) ?? [];
    members.push(rule);
    bySource.set(source, members);
  }

  const sections = [...bySource].map(([source, members]) => ({
    source,
    rules: members
      .map((rule, index) => ({ rule, index }))
      .sort((a, b) => statusRank(a.rule.status) - statusRank(b.rule.status) || a.index - b.index)
      .map(({ rule }) => rule),
    counts: countStatuses(members),
  }));

  return sections
    .map((section, index) => ({ section, index, worst: worstRank(section.rules) }))
    .sort((a, b) => a.worst - b.worst || a.index - b.index)
    .map(({ section }) => section);
}

function worstRank(sortedRules: readonly RuleResult[]): number {
  const first = sortedRules[0];
  return first === undefined ? Number.MAX_SAFE_INTEGER : statusRank(first.status);
}
