import type { RuleCase } from '../../engine/run/rule-test.ts';
import { fixturePolicy } from './fixture-policy.ts';
import { checkStep, ids, policyRequest, prepare } from './tag-steps.ts';

// Selectors are sent explicitly wherever a test is not about them, so a selector deviation
// fails TAGS-SELECTORS alone.
const ANY: [string, string][] = [
  ['tag_include_selector', 'any'],
  ['tag_exclude_selector', 'any'],
];

/** TAGS-SET-OVERWRITES: two sets in a row, the second disjoint from the first, then one set. */
export async function setOverwrites(ruleCase: RuleCase): Promise<void> {
  const policy = fixturePolicy(ruleCase);
  const [a, b] = policy.pair;
  await prepare(ruleCase, policy, 'set_asset_tags', [
    ['tag_set_include', ids(a)],
    ['tag_set_exclude', ids(b)],
    ...ANY,
  ]);

  const swap: [string, string][] = [
    ['tag_set_include', ids(b)],
    ['tag_set_exclude', ids(a)],
  ];
  await checkStep(ruleCase, policy, policyRequest(policy, 'set_asset_tags', [...swap, ...ANY]));
  const includeOnly: [string, string][] = [['tag_set_include', ids(a, b)], ...ANY];
  await checkStep(ruleCase, policy, policyRequest(policy, 'set_asset_tags', includeOnly));
}

/** TAGS-ADD-MERGES: add a new and a present tag, then a present tag alone. */
export async function addMerges(ruleCase: RuleCase): Promise<void> {
  const policy = fixturePolicy(ruleCase);
  const [a, b] = policy.pair;
  await prepare(ruleCase, policy, 'set_asset_tags', [['tag_set_include', ids(a)], ...ANY]);

  await checkStep(
    ruleCase,
    policy,
    policyRequest(policy, 'add_asset_tags', [['tag_set_include', ids(a, b)]]),
  );
  await checkStep(
    ruleCase,
    policy,
    policyRequest(policy, 'add_asset_tags', [['tag_set_include', ids(a)]]),
  );
}

/** TAGS-REMOVE-SUBTRACTS: remove from the exclude set, then from the include set. */
export async function removeSubtracts(ruleCase: RuleCase): Promise<void> {
  const policy = fixturePolicy(ruleCase);
  const [a, b] = policy.pair;
  await prepare(ruleCase, policy, 'set_asset_tags', [
    ['tag_set_include', ids(a)],
    ['tag_set_exclude', ids(b)],
    ...ANY,
  ]);

  await checkStep(
    ruleCase,
    policy,
    policyRequest(policy, 'remove_asset_tags', [['tag_set_exclude', ids(b)]]),
  );
  await checkStep(
    ruleCase,
    policy,
    policyRequest(policy, 'remove_asset_tags', [['tag_set_include', ids(a)]]),
  );
}

/** TAGS-REMOVE-NEEDS-SET: remove with the id alone, and with a selector but no tag set. */
export async function removeNeedsSet(ruleCase: RuleCase): Promise<void> {
  const policy = fixturePolicy(ruleCase);

  await checkStep(ruleCase, policy, policyRequest(policy, 'remove_asset_tags', []));
  await checkStep(
    ruleCase,
    policy,
    policyRequest(policy, 'remove_asset_tags', [['tag_include_selector', 'all']]),
  );
}
