import type { TargetProfile } from '../profile/profile.ts';
import { RESTORE_CALLS_PER_POLICY } from './restore-policies.ts';

/**
 * Calls kept back from the suites so the end-of-run restore is never refused for budget:
 * 2 per fixture policy (set_asset_tags and a list to confirm), when the run may modify
 * policies and runs the tags suite; 0 otherwise.
 */
export function restoreReserve(profile: TargetProfile, suites: readonly string[]): number {
  if (!profile.allow.modifyPolicies || !suites.includes('tags')) return 0;
  return RESTORE_CALLS_PER_POLICY * profile.fixtures.policyIds.length;
}

/** Calls the suites may spend: budget.maxCalls less the restore reserve (never below 0). */
export function suitesCallShare(profile: TargetProfile, suites: readonly string[]): number {
  return Math.max(0, profile.budget.maxCalls - restoreReserve(profile, suites));
}
