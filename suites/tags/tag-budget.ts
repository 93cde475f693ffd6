import { suitesCallShare } from '../../engine/journal/restore-reserve.ts';
import type { RunConfig } from '../../engine/run/run-config.ts';

/**
 * How many calls the tags suite's generated cases may spend. Two limits apply, and the lower
 * wins: the profile's budget (the suites' share is budget.maxCalls less the restore reserve of
 * 2 calls per fixture policy) and the target's rate limit (X-RateLimit-Remaining when the
 * generated cases start, which every suite of the run and the end-of-run restore share).
 * A step costs 2 calls: the action, then action=list to read the policy back.
 */
export const SEQUENCE_SHARE = { budget: 0.25, remaining: 0.25 } as const;
export const REJECTED_PROPERTY_SHARE = { budget: 0.05, remaining: 0.1 } as const;
/** Calls one checked step costs: the tag action and the read-back. */
export const CALLS_PER_STEP = 2;
/** Commands in one generated sequence at most. */
export const MAX_COMMANDS = 6;

/**
 * Calls a share of the run may spend.
 * @param remaining X-RateLimit-Remaining last seen, when the target sends it
 */
export function callAllowance(
  config: RunConfig,
  share: { budget: number; remaining: number },
  remaining: number | undefined,
): number {
  const byBudget = Math.floor(share.budget * suitesCallShare(config.profile, config.suites));
  const byRate = remaining === undefined ? byBudget : Math.floor(share.remaining * remaining);
  return Math.min(byBudget, byRate);
}

/**
 * Runs of the random sequences: the run's `runs`, as far as half the allowance pays for at
 * MAX_COMMANDS / 2 steps a run; the other half is left for shrinking a counterexample.
 */
export function sequenceRuns(config: RunConfig, allowance: number): number {
  const perRun = (CALLS_PER_STEP * MAX_COMMANDS) / 2;
  return Math.max(1, Math.min(config.runs, Math.floor(allowance / 2 / perRun)));
}

/** Runs of a property whose runs cost CALLS_PER_STEP each, within `allowance` calls. */
export function boundedRuns(config: RunConfig, allowance: number): number {
  return Math.max(1, Math.min(config.runs, Math.floor(allowance / CALLS_PER_STEP)));
}
