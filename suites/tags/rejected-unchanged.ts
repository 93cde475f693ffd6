import type { RuleCase } from '../../engine/run/rule-test.ts';
import { ConformanceFailure } from '../../engine/run/conformance-failure.ts';
import { harnessTarget } from '../../engine/run/target.ts';
import { expectedOutcome } from '../../generators/tags/tag-case.ts';
import { invalidTagCase } from '../../generators/tags/invalid-tag-case.ts';
import { fixturePolicy } from './fixture-policy.ts';
import { judgeStep } from './judge-step.ts';
import { boundedRuns, callAllowance, REJECTED_PROPERTY_SHARE } from './tag-budget.ts';
import { checkStep, ids, policyRequest, prepare } from './tag-steps.ts';

/** TAGS-REJECTED-UNCHANGED: an invalid selector on add, against a prepared policy. */
export async function rejectedSelectorUnchanged(ruleCase: RuleCase): Promise<void> {
  const policy = fixturePolicy(ruleCase);
  const [a, b] = policy.pair;
  await prepare(ruleCase, policy, 'set_asset_tags', [
    ['tag_set_include', ids(a)],
    ['tag_set_exclude', ids(b)],
    ['tag_include_selector', 'any'],
  ]);

  const params: [string, string][] = [
    ['tag_set_include', ids(b)],
    ['tag_include_selector', 'some'],
  ];
  await checkStep(ruleCase, policy, policyRequest(policy, 'add_asset_tags', params));
}

/**
 * TAGS-REJECTED-UNCHANGED: generated invalid requests; every one the target rejects must
 * leave the policy as it was. Runs: the run's `runs`, within REJECTED_PROPERTY_SHARE.
 */
export async function generatedRejectionsUnchanged(ruleCase: RuleCase): Promise<void> {
  const policy = fixturePolicy(ruleCase);
  const config = harnessTarget().config;
  await policy.fresh();
  const allowance = callAllowance(config, REJECTED_PROPERTY_SHARE, policy.lastRemaining);

  await ruleCase.property(
    invalidTagCase(policy.target),
    async (tagCase) => {
      const expected = expectedOutcome(tagCase, policy.target, await policy.fresh());
      const step = await policy.send(tagCase.request);
      // Whether it was rejected at all is the case's own rule's business (sequence tests).
      const found = judgeStep({ expected, ...step });
      if (found?.rule === 'TAGS-REJECTED-UNCHANGED') throw new ConformanceFailure(found.failure);
    },
    { numRuns: boundedRuns(config, allowance) },
  );
}
