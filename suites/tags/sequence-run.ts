import fc from 'fast-check';
import { AccountError, CallDeferred } from '../../engine/errors.ts';
import type { RuleFailure } from '../../engine/results/results-schema.ts';
import { harnessTarget } from '../../engine/run/target.ts';
import { invalidTagCase } from '../../generators/tags/invalid-tag-case.ts';
import { validTagCase } from '../../generators/tags/valid-tag-case.ts';
import type { FixturePolicy } from './fixture-policy.ts';
import {
  SequenceDeviation,
  TagCommand,
  type SequenceModel,
  type SequenceReal,
} from './tag-command.ts';
import { callAllowance, MAX_COMMANDS, SEQUENCE_SHARE, sequenceRuns } from './tag-budget.ts';

/** What the random sequences of one run found, shared by the rule tests that report it. */
export type SequenceOutcome =
  | {
      kind: 'done';
      /** Steps checked per rule. */
      checked: Map<string, number>;
      /** The first deviation, shrunk, and the rule it breaks. */
      deviation?: { rule: string; failure: RuleFailure };
      runs: number;
      /** Calls the sequences spent and were allowed. */
      calls: number;
      allowance: number;
    }
  | { kind: 'deferred'; error: CallDeferred | AccountError }
  | { kind: 'error'; error: unknown };

let shared: Promise<SequenceOutcome> | undefined;

/**
 * Runs random sequences of valid and invalid set/add/remove calls on the fixture policy once
 * per worker (fc.commands with fc.asyncModelRun), reading the policy back after every step and
 * comparing it with the model. Valid commands come twice as often as invalid ones. The run's
 * seed applies; the number of runs is the run's `runs`; the calls spent never pass the
 * sequence allowance (a step that would is not run).
 */
export function sequenceOutcome(policy: FixturePolicy): Promise<SequenceOutcome> {
  shared ??= runSequences(policy);
  return shared;
}

async function runSequences(policy: FixturePolicy): Promise<SequenceOutcome> {
  const config = harnessTarget().config;
  await policy.fresh();
  const allowance = { calls: callAllowance(config, SEQUENCE_SHARE, policy.lastRemaining) };
  const granted = allowance.calls;
  const checked = new Map<string, number>();
  const command = (arbitrary: ReturnType<typeof validTagCase>) =>
    arbitrary.map((tagCase) => new TagCommand(tagCase, policy.target));
  const commands = fc.commands(
    [
      command(validTagCase(policy.target)),
      command(validTagCase(policy.target)),
      command(invalidTagCase(policy.target)),
    ],
    { maxCommands: MAX_COMMANDS },
  );
  const property = fc.asyncProperty(commands, async (sequence) => {
    const setup = async () => {
      const model: SequenceModel = { state: await policy.fresh(), allowance };
      const real: SequenceReal = { policy, checked };
      return { model, real };
    };
    await fc.asyncModelRun(setup, sequence);
  });
  let details;
  try {
    details = await fc.check(property, { numRuns: sequenceRuns(config, granted) });
  } catch (error) {
    return { kind: 'error', error };
  }
  const calls = granted - allowance.calls;
  const done = { kind: 'done' as const, checked, runs: details.numRuns, calls, allowance: granted };
  if (!details.failed) return done;
  const inner = details.errorInstance;
  if (inner instanceof CallDeferred || inner instanceof AccountError)
    return { kind: 'deferred', error: inner };
  if (!(inner instanceof SequenceDeviation)) return { kind: 'error', error: inner };
  const { rule, failure } = inner.finding;
  const sequence = fc.stringify(details.counterexample?.[0]);
  return {
    ...done,
    deviation: {
      rule,
      failure: {
        ...failure,
        message: `${failure.message} (step of a generated sequence)`,
        received: `${failure.received ?? ''}\nsequence: ${sequence}`,
        seed: details.seed,
        path: details.counterexamplePath ?? '',
      },
    },
  };
}
