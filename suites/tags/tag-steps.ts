import type { ApiRequest } from '../../engine/client/api-request.ts';
import { parseSimpleReturn } from '../../engine/client/simple-return.ts';
import { ConformanceFailure, renderFailure } from '../../engine/run/conformance-failure.ts';
import type { RuleCase } from '../../engine/run/rule-test.ts';
import { tagOutcome, type TagOutcome, type TagWorld } from '../../generators/tags/policy-model.ts';
import { tagRequest } from '../../generators/tags/tag-case.ts';
import { documentedFor } from './documented.ts';
import type { FixturePolicy, SentStep } from './fixture-policy.ts';
import { judgeStep } from './judge-step.ts';

/** Comma-separated ids of fixture tags: `tag_set_include=${ids(a, b)}`. */
export function ids(...tags: { id: number }[]): string {
  return tags.map((t) => t.id).join(',');
}

/** A tag-action request for the fixture policy: `id` first, then `params`. */
export function policyRequest(
  policy: FixturePolicy,
  action: string,
  params: [string, string][],
  method: 'GET' | 'POST' = 'POST',
): ApiRequest {
  return tagRequest(action, [['id', String(policy.id)], ...params], method);
}

/**
 * What the model expects of `request`, given the policy as last read.
 * @param world the caller's world (default: the main user's)
 */
export function expectedOf(
  policy: FixturePolicy,
  request: ApiRequest,
  before: SentStep['before'],
  world: TagWorld = policy.target.world,
): TagOutcome {
  return tagOutcome(request, world, (id) => (id === policy.id ? before : undefined));
}

/**
 * Brings the fixture policy into a starting state with an accepted request, without judging
 * what it then holds (that is another rule's business); the next step starts from what the
 * policy really holds.
 * @throws ConformanceFailure when the target refuses the request
 */
export async function prepare(
  ruleCase: RuleCase,
  policy: FixturePolicy,
  action: string,
  params: [string, string][],
): Promise<void> {
  const { result } = await policy.send(policyRequest(policy, action, params));
  const answer = parseSimpleReturn(result.text);
  if (result.status !== 200 || answer === undefined || answer.code !== undefined) {
    throw new ConformanceFailure({
      message: `${ruleCase.rule.id}: the fixture policy could not be prepared: a valid ${action} was refused`,
      received:
        answer === undefined
          ? `HTTP ${result.status}`
          : `HTTP ${result.status}, CODE ${answer.code ?? '-'}: ${answer.text}`,
      documented: documentedFor(ruleCase.rule.id),
      request: result.described,
      curl: result.curl,
      responseExcerpt: result.text.slice(0, 600),
    });
  }
}

/**
 * Sends one tag action and checks it against the model: a rejection goes through
 * `expectRejection` (records the code under `RULE-ID/case`, enforces pinned codes) and must
 * leave the policy as it was; an acceptance must leave the policy holding what the model says.
 * @returns the step, for tests that look further
 * @throws ConformanceFailure for the first deviation (it fails the calling test's rule)
 */
export async function checkStep(
  ruleCase: RuleCase,
  policy: FixturePolicy,
  request: ApiRequest,
): Promise<SentStep> {
  let expected = expectedOf(policy, request, await policy.current());
  if (expected.kind === 'accepted') expected = expectedOf(policy, request, await policy.fresh());
  // A rejection is read back only where TAGS-REJECTED-UNCHANGED is the rule under test: the
  // read costs a call and other tests would only note a change.
  const readBack = expected.kind === 'accepted' || ruleCase.rule.id === 'TAGS-REJECTED-UNCHANGED';
  const step = await policy.send(request, readBack);
  if (expected.kind === 'rejected') {
    ruleCase.expectRejection(expected.key, step.result, documentedFor(expected.rule));
  } else {
    ruleCase.countCases();
  }
  const found = judgeStep({ expected, ...step });
  if (found === undefined) return step;
  // A rejection that changed the policy is TAGS-REJECTED-UNCHANGED's finding; other rules'
  // tests only note it, so one deviation fails one rule.
  if (found.rule === 'TAGS-REJECTED-UNCHANGED' && ruleCase.rule.id !== found.rule) {
    await ruleCase.note(found.failure.message, renderFailure(found.failure));
    return step;
  }
  throw new ConformanceFailure(found.failure);
}
