import type fc from 'fast-check';
import type { PolicyTags } from '../../engine/journal/policy-tags.ts';
import type { TagOutcome } from '../../generators/tags/policy-model.ts';
import { describeTagCase, expectedOutcome, type TagCase } from '../../generators/tags/tag-case.ts';
import type { TagTarget } from '../../generators/tags/tag-world.ts';
import type { FixturePolicy } from './fixture-policy.ts';
import { judgeStep, type StepFinding } from './judge-step.ts';
import { CALLS_PER_STEP } from './tag-budget.ts';

/** The model side of a sequence: the policy's tags and the calls still allowed (shared). */
export interface SequenceModel {
  state: PolicyTags;
  allowance: { calls: number };
}

/** The real side: the fixture policy, and the steps checked per rule. */
export interface SequenceReal {
  policy: FixturePolicy;
  checked: Map<string, number>;
}

/** A deviation found by a sequence step, thrown to stop the run (and shrink the sequence). */
export class SequenceDeviation extends Error {
  readonly finding: StepFinding;

  constructor(finding: StepFinding) {
    super(finding.failure.message);
    this.name = 'SequenceDeviation';
    this.finding = finding;
  }
}

/**
 * One generated tag action as a fast-check command: it runs only while the call allowance
 * lasts and never when it would put a tag in both sets (the release notes are silent on
 * that); it sends the action, reads the policy back and judges the step against the model.
 */
export class TagCommand implements fc.AsyncCommand<SequenceModel, SequenceReal> {
  readonly tagCase: TagCase;
  readonly #target: TagTarget;

  constructor(tagCase: TagCase, target: TagTarget) {
    this.tagCase = tagCase;
    this.#target = target;
  }

  check(model: Readonly<SequenceModel>): boolean {
    if (model.allowance.calls < CALLS_PER_STEP) return false;
    const expected = expectedOutcome(this.tagCase, this.#target, model.state);
    if (expected.kind === 'rejected') return true;
    return !expected.after.include.some((id) => expected.after.exclude.includes(id));
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const expected = expectedOutcome(this.tagCase, this.#target, model.state);
    model.allowance.calls -= CALLS_PER_STEP;
    const step = await real.policy.send(this.tagCase.request);
    for (const rule of rulesChecked(expected, this.tagCase)) {
      real.checked.set(rule, (real.checked.get(rule) ?? 0) + 1);
    }
    const found = judgeStep({ expected, ...step });
    if (found !== undefined) throw new SequenceDeviation(found);
    model.state = step.after;
  }

  toString(): string {
    return describeTagCase(this.tagCase);
  }
}

const ACTION_RULES: Record<string, string> = {
  set_asset_tags: 'TAGS-SET-OVERWRITES',
  add_asset_tags: 'TAGS-ADD-MERGES',
  remove_asset_tags: 'TAGS-REMOVE-SUBTRACTS',
};

/** The rules a step checks: a rejection's rule and TAGS-REJECTED-UNCHANGED, or an action's. */
function rulesChecked(expected: TagOutcome, tagCase: TagCase): string[] {
  if (expected.kind === 'rejected') return [...new Set([expected.rule, 'TAGS-REJECTED-UNCHANGED'])];
  const names = new Set([...(tagCase.request.params ?? [])].map(([key]) => key));
  const rules = [ACTION_RULES[expected.action] ?? expected.action, 'TAGS-SELECTORS'];
  if (names.has('tag_set_include') || names.has('tag_set_exclude')) rules.push('TAGS-SET-BY');
  if (names.has('evaluate_now')) rules.push('TAGS-EVALUATE-NOW');
  return rules;
}
