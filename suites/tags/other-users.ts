import type { ExtraUser } from '../../engine/profile/profile.ts';
import type { RuleCase } from '../../engine/run/rule-test.ts';
import { harnessTarget } from '../../engine/run/target.ts';
import { describePolicyTags, samePolicyState } from '../../engine/journal/policy-tags.ts';
import { tagTargetOfProfile } from '../../generators/tags/tag-world.ts';
import { documentedFor } from './documented.ts';
import { fixturePolicy } from './fixture-policy.ts';
import { expectedOf, ids, policyRequest, prepare } from './tag-steps.ts';

/**
 * Sends, as the profile user with `role`, a request that would change nothing if it were
 * accepted (adding a tag the policy already has), and checks it is rejected and the policy
 * stays as it was.
 */
async function rejectedForUser(ruleCase: RuleCase, role: string): Promise<void> {
  const policy = fixturePolicy(ruleCase);
  const [a] = policy.pair;
  if (!(await policy.fresh()).include.includes(a.id)) {
    await prepare(ruleCase, policy, 'set_asset_tags', [['tag_set_include', ids(a)]]);
  }
  const request = {
    ...policyRequest(policy, 'add_asset_tags', [['tag_set_include', ids(a)]]),
    user: role,
  };
  const world = tagTargetOfProfile(harnessTarget().config.profile, role).world;
  const expected = expectedOf(policy, request, await policy.current(), world);
  if (expected.kind !== 'rejected')
    throw new Error(`the model accepts ${role}'s request: check users.${role}`);

  const { result, before, after } = await policy.send(request);

  ruleCase.expectRejection(expected.key, result, documentedFor(ruleCase.rule.id));
  if (!samePolicyState(before, after)) {
    // Whether the policy changed for the rejected request is TAGS-REJECTED-UNCHANGED's
    // business: noted here, so one deviation fails one rule.
    await ruleCase.note(
      `the policy changed although ${role}'s request was rejected`,
      `before: ${describePolicyTags(before)}\nafter:  ${describePolicyTags(after)}`,
    );
  }
}

/** The first profile user role matching `want`, or a skip naming the profile field. */
function roleWith(ruleCase: RuleCase, want: (user: ExtraUser) => boolean, field: string): string {
  const users = Object.entries(harnessTarget().config.profile.users);
  const found = users.find(([, user]) => want(user));
  if (found === undefined) {
    return ruleCase.skip(
      `the profile has no user with ${field}: add one under users.<role> to check this rule`,
    );
  }
  return found[0];
}

/** TAGS-TAGGING-DISABLED: as the profile user whose subscription lacks Asset Tagging. */
export async function taggingDisabled(ruleCase: RuleCase): Promise<void> {
  const role = roleWith(ruleCase, (u) => u.assetTagging === false, 'assetTagging: false');

  await rejectedForUser(ruleCase, role);
}

/** TAGS-NO-PERMISSION: as the profile user without permission to modify the policy. */
export async function noPermission(ruleCase: RuleCase): Promise<void> {
  const role = roleWith(ruleCase, (u) => u.canModifyPolicies === false, 'canModifyPolicies: false');

  await rejectedForUser(ruleCase, role);
}
