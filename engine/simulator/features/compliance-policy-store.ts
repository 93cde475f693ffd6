import { SIM_FIXTURES } from '../sim-fixtures.ts';

/** A tag selector: hosts match all, or any, of the tags in the set. */
export type SimSelector = 'all' | 'any';

/** A compliance policy as the simulator keeps it. */
export interface SimPolicy {
  id: number;
  title: string;
  /** The subscription that owns it; other subscriptions do not see it. */
  subscriptionId: string;
  /** TAG_SET_INCLUDE tag ids, in the order they were assigned. */
  include: number[];
  /** TAG_SET_EXCLUDE tag ids. */
  exclude: number[];
  includeSelector: SimSelector;
  excludeSelector: SimSelector;
  createdAt: string;
  lastModifiedAt: string;
  lastModifiedBy: string;
  /** Times evaluate_now=1 asked for an evaluation. */
  evaluations: number;
}

const FIXTURE_SUBSCRIPTION = 'sub-enabled';
const CREATED_AT = '2022-03-01T09:00:00Z';

/**
 * The policies a simulator starts with: SIM_FIXTURES.policyIds in the subscription with Asset
 * Tagging, the first one holding two fixture tags in TAG_SET_INCLUDE, the others none.
 */
export function initialPolicies(): Map<number, SimPolicy> {
  const policies = new Map<number, SimPolicy>();
  SIM_FIXTURES.policyIds.forEach((id, index) => {
    const tagged = index === 0;
    policies.set(id, {
      id,
      title: `Conformance fixture policy ${id}`,
      subscriptionId: FIXTURE_SUBSCRIPTION,
      include: tagged ? [SIM_FIXTURES.tags[0].id, SIM_FIXTURES.tags[1].id] : [],
      exclude: [],
      includeSelector: 'any',
      excludeSelector: 'any',
      createdAt: CREATED_AT,
      lastModifiedAt: CREATED_AT,
      lastModifiedBy: 'sim_manager',
      evaluations: 0,
    });
  });
  return policies;
}

/** The tags a subscription knows: the fixture tags, in the Asset Tagging subscription only. */
export function subscriptionTags(subscriptionId: string): readonly { id: number; name: string }[] {
  return subscriptionId === FIXTURE_SUBSCRIPTION ? SIM_FIXTURES.tags : [];
}
