import type { TargetProfile } from '../../engine/profile/profile.ts';
import type { TagWorld } from './policy-model.ts';

/**
 * A policy id no target is expected to hold (2^31 - 1): the "unknown id" cases use it.
 * Policy ids are assigned in sequence and are far below it.
 */
export const UNKNOWN_POLICY_ID = 2_147_483_647;

/** Where the generated requests point: the policy they modify and the world they assume. */
export interface TagTarget {
  /** The fixture policy every valid request names. */
  policyId: number;
  world: TagWorld;
}

/**
 * The generator target of a profile: its first fixture policy and its fixture tags, as seen
 * by the main user (or by `users[role]`, whose flags override the subscription's).
 * @throws Error when the profile lists no policy or fewer than two tags (callers skip first)
 */
export function tagTargetOfProfile(profile: TargetProfile, role?: string): TagTarget {
  const policyId = profile.fixtures.policyIds[0];
  if (policyId === undefined || profile.fixtures.tags.length < 2) {
    throw new Error('the profile needs fixtures.policyIds and at least two fixtures.tags');
  }
  const user = role === undefined ? undefined : profile.users[role];
  return {
    policyId,
    world: {
      tags: profile.fixtures.tags,
      assetTagging: user?.assetTagging ?? profile.subscription.assetTagging,
      canModifyPolicies: user?.canModifyPolicies ?? true,
    },
  };
}
