import type { RuleCase } from '../../engine/run/rule-test.ts';
import { tagRequest } from '../../generators/tags/tag-case.ts';
import { UNKNOWN_POLICY_ID } from '../../generators/tags/tag-world.ts';
import { fixturePolicy } from './fixture-policy.ts';
import { checkStep, ids, policyRequest, prepare } from './tag-steps.ts';

/** TAGS-ID-REQUIRED: no id, a non-integer id, an unknown id. */
export async function idRequired(ruleCase: RuleCase): Promise<void> {
  const policy = fixturePolicy(ruleCase);
  const [a] = policy.pair;
  const tags: [string, string] = ['tag_set_include', ids(a)];

  await checkStep(ruleCase, policy, tagRequest('add_asset_tags', [tags]));
  // Built from the fixture id, so a target that parsed it leniently touches the fixture only.
  await checkStep(
    ruleCase,
    policy,
    tagRequest('add_asset_tags', [['id', `${policy.id}abc`], tags]),
  );
  // remove is the least harmful action, should the unknown id exist after all.
  const unknown: [string, string] = ['id', String(UNKNOWN_POLICY_ID)];
  await checkStep(ruleCase, policy, tagRequest('remove_asset_tags', [unknown, tags]));
}

/** TAGS-SELECTORS: the default, both values, a selector on remove, an invalid value. */
export async function selectors(ruleCase: RuleCase): Promise<void> {
  const policy = fixturePolicy(ruleCase);
  const [a, b] = policy.pair;
  const sets: [string, string][] = [
    ['tag_set_include', ids(a)],
    ['tag_set_exclude', ids(b)],
  ];
  const selected = (include: string, exclude: string): [string, string][] => [
    ['tag_include_selector', include],
    ['tag_exclude_selector', exclude],
  ];
  await prepare(ruleCase, policy, 'set_asset_tags', [...sets, ...selected('all', 'all')]);

  await checkStep(ruleCase, policy, policyRequest(policy, 'set_asset_tags', sets));
  await checkStep(
    ruleCase,
    policy,
    policyRequest(policy, 'set_asset_tags', [...sets, ...selected('all', 'any')]),
  );
  // Removing a tag the policy does not hold changes no tag: only the selector is at stake.
  const absent: [string, string] = ['tag_set_include', ids(b)];
  await checkStep(
    ruleCase,
    policy,
    policyRequest(policy, 'remove_asset_tags', [absent, ['tag_exclude_selector', 'all']]),
  );
  await checkStep(
    ruleCase,
    policy,
    policyRequest(policy, 'set_asset_tags', [...sets, ['tag_include_selector', 'none']]),
  );
}

/** TAGS-SET-BY: names resolve, id is the default, ids and names are not mixed up, case counts. */
export async function setBy(ruleCase: RuleCase): Promise<void> {
  const policy = fixturePolicy(ruleCase);
  const [a, b] = policy.pair;
  const any: [string, string][] = [
    ['tag_include_selector', 'any'],
    ['tag_exclude_selector', 'any'],
  ];
  const byName: [string, string] = ['tag_set_by', 'name'];
  await prepare(ruleCase, policy, 'set_asset_tags', [['tag_set_include', ids(b)], ...any]);

  const names: [string, string][] = [
    ['tag_set_include', a.name],
    ['tag_set_exclude', b.name],
  ];
  await checkStep(
    ruleCase,
    policy,
    policyRequest(policy, 'set_asset_tags', [byName, ...names, ...any]),
  );
  await checkStep(
    ruleCase,
    policy,
    policyRequest(policy, 'set_asset_tags', [['tag_set_include', ids(b)], ...any]),
  );
  await checkStep(
    ruleCase,
    policy,
    policyRequest(policy, 'add_asset_tags', [byName, ['tag_set_include', ids(a)]]),
  );
  const nameById: [string, string][] = [
    ['tag_set_by', 'id'],
    ['tag_set_include', a.name],
  ];
  await checkStep(ruleCase, policy, policyRequest(policy, 'add_asset_tags', nameById));
  const swapped = swapCase(a.name);
  if (swapped !== a.name && !policy.tags.some((t) => t.name === swapped)) {
    const wrongCase: [string, string] = ['tag_set_include', swapped];
    await checkStep(ruleCase, policy, policyRequest(policy, 'add_asset_tags', [byName, wrongCase]));
  }
}

/** TAGS-EVALUATE-NOW: 0 and 1 accepted, 2 and yes rejected. */
export async function evaluateNow(ruleCase: RuleCase): Promise<void> {
  const policy = fixturePolicy(ruleCase);
  const [a, b] = policy.pair;
  const any: [string, string][] = [
    ['tag_include_selector', 'any'],
    ['tag_exclude_selector', 'any'],
  ];
  await prepare(ruleCase, policy, 'set_asset_tags', [['tag_set_include', ids(a)], ...any]);

  // Removing a tag the policy does not hold changes nothing: only evaluate_now is at stake.
  for (const value of ['0', '1', '2', 'yes']) {
    const params: [string, string][] = [
      ['tag_set_include', ids(b)],
      ['evaluate_now', value],
    ];
    await checkStep(ruleCase, policy, policyRequest(policy, 'remove_asset_tags', params));
  }
}

/** TAGS-POST-ONLY: each action by GET. */
export async function postOnly(ruleCase: RuleCase): Promise<void> {
  const policy = fixturePolicy(ruleCase);
  const [a] = policy.pair;

  for (const action of ['set_asset_tags', 'add_asset_tags', 'remove_asset_tags']) {
    const request = policyRequest(policy, action, [['tag_set_include', ids(a)]], 'GET');
    await checkStep(ruleCase, policy, request);
  }
}

function swapCase(text: string): string {
  const swap = (c: string) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase());
  return [...text].map(swap).join('');
}
