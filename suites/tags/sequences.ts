import { ConformanceFailure } from '../../engine/run/conformance-failure.ts';
import type { RuleCase } from '../../engine/run/rule-test.ts';
import { fixturePolicy } from './fixture-policy.ts';
import { sequenceOutcome } from './sequence-run.ts';

/** Title of the sequence test of each rule the random sequences check. */
export const SEQUENCE_TITLE =
  'random set/add/remove sequences leave the policy as the model predicts after every step';

/**
 * A rule's share of the random sequences: the sequences run once per worker (the first test
 * to get here starts them); each rule's test reports the steps that checked its rule, and
 * fails when the run's shrunk deviation breaks its rule.
 */
export async function sequenceCheck(ruleCase: RuleCase): Promise<void> {
  const rule = ruleCase.rule.id;
  const policy = fixturePolicy(ruleCase);

  const outcome = await sequenceOutcome(policy);

  if (outcome.kind !== 'done') throw outcome.error;
  const spent = `random sequences: ${outcome.runs} runs, ${outcome.calls} of ${outcome.allowance} calls allowed`;
  await ruleCase.note(spent);
  const checked = outcome.checked.get(rule) ?? 0;
  ruleCase.countCases(checked);
  if (outcome.deviation?.rule === rule) throw new ConformanceFailure(outcome.deviation.failure);
  if (checked === 0 && outcome.deviation === undefined) {
    const why = `no generated step checked ${rule} within the allowance of ${outcome.allowance} calls`;
    ruleCase.skip(why);
  }
}
