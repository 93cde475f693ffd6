import type { RuleMeta } from '../run/rule-test.ts';
import { RULES, ruleIdOfTestName } from '../rules/catalogue.ts';
import type { Rule } from '../rules/rule.ts';
import type { RuleFailure, RuleResult, RuleStatus, RunResults } from './results-schema.ts';

/** One finished vitest test, reduced to what results.json needs. */
export interface TestOutcome {
  name: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  meta: RuleMeta | undefined;
  /** Error messages of a failed test (for failures that were not ConformanceFailures). */
  errors: string[];
  /** vitest's skip note. */
  note: string | undefined;
}

/** Checks made outside tests (by the governor on every call), by rule id. */
export type ExtraChecks = Record<
  string,
  { checked: number; failed: number; failures: RuleFailure[]; notes?: string[] }
>;

/** The run's facts that do not come from tests. */
export type RunFacts = Omit<RunResults, 'rules'>;

/**
 * Builds results.json from test outcomes: one entry per catalogued rule, in catalogue order.
 * A rule fails when any of its tests or extra checks failed; passes when any passed; is
 * deferred when its cases were not run for budget reasons; else is skipped, with the reason.
 */
export function buildResults(
  facts: RunFacts,
  outcomes: TestOutcome[],
  extra: ExtraChecks = {},
): RunResults {
  const byRule = new Map<string, TestOutcome[]>();
  for (const outcome of outcomes) {
    const id = outcome.meta?.id ?? ruleIdOfTestName(outcome.name);
    if (id === undefined) continue;
    byRule.set(id, [...(byRule.get(id) ?? []), outcome]);
  }
  return {
    ...facts,
    rules: RULES.map((rule) => ruleResult(rule, byRule.get(rule.id) ?? [], extra[rule.id], facts)),
  };
}

function ruleResult(
  rule: Rule,
  tests: TestOutcome[],
  extra: ExtraChecks[string] | undefined,
  facts: RunFacts,
): RuleResult {
  const failures: RuleFailure[] = [];
  let cases = extra?.checked ?? 0;
  const observedCodes: Record<string, number> = {};
  for (const test of tests) {
    cases += test.meta?.cases ?? 0;
    Object.assign(observedCodes, test.meta?.observedCodes);
    if (test.state !== 'failed') continue;
    const recorded = test.meta?.failures ?? [];
    if (recorded.length > 0) failures.push(...recorded);
    else
      failures.push({
        message: test.errors[0] ?? 'the test failed without a message',
        test: test.name,
      });
  }
  failures.push(...(extra?.failures ?? []));
  const failedExtra = (extra?.failed ?? 0) > 0;
  const deferred = tests.filter((t) => t.meta?.deferred !== undefined);
  const skipped = tests.filter((t) => t.state === 'skipped' && t.meta?.deferred === undefined);
  let status: RuleStatus;
  let reason: string | undefined;
  if (tests.some((t) => t.state === 'failed') || failedExtra) status = 'fail';
  else if (tests.some((t) => t.state === 'passed') || (extra?.checked ?? 0) > 0) status = 'pass';
  else if (deferred.length > 0) {
    status = 'deferred';
    reason = deferred[0]?.meta?.deferred;
  } else {
    status = 'skip';
    reason =
      skipped[0]?.meta?.skipped ??
      skipped[0]?.note ??
      (facts.suites.includes(rule.suite)
        ? 'no test of this rule ran'
        : `suite ${rule.suite} was not selected`);
  }
  const result: RuleResult = {
    id: rule.id,
    title: rule.title,
    source: rule.source,
    status,
    cases,
    failures,
  };
  if (reason !== undefined) result.reason = reason;
  if (Object.keys(observedCodes).length > 0) result.observedCodes = observedCodes;
  if (extra?.notes !== undefined && extra.notes.length > 0) result.notes = extra.notes;
  return result;
}
