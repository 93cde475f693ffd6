import { parseSimpleReturn } from '../../engine/client/simple-return.ts';
import {
  describePolicyTags,
  samePolicyState,
  sameTagSet,
  type PolicyTags,
} from '../../engine/journal/policy-tags.ts';
import { hasDocumentedStatus, readRejection } from '../../engine/oracles/rejection.ts';
import type { RuleFailure } from '../../engine/results/results-schema.ts';
import type { CallResult } from '../../engine/run/target.ts';
import type { TagAction, TagOutcome } from '../../generators/tags/policy-model.ts';
import { documentedFor } from './documented.ts';

/** One tag action and what came of it: the answer and the policy read back. */
export interface Step {
  expected: TagOutcome;
  result: CallResult;
  before: PolicyTags;
  after: PolicyTags;
}

/** A deviation found in a step, and the rule it breaks. */
export interface StepFinding {
  rule: string;
  failure: RuleFailure;
}

const ACTION_RULES: Record<TagAction, string> = {
  set_asset_tags: 'TAGS-SET-OVERWRITES',
  add_asset_tags: 'TAGS-ADD-MERGES',
  remove_asset_tags: 'TAGS-REMOVE-SUBTRACTS',
};

/**
 * Judges a step against the model: a request the model rejects must be refused with a
 * request error (HTTP 400) and leave the policy exactly as it was; one the model accepts must
 * succeed (HTTP 200, SIMPLE_RETURN without CODE) and leave the policy holding what the model
 * says. Success TEXT is not compared: the release notes give none for these actions.
 * @returns the first deviation and the rule it breaks, or undefined
 */
export function judgeStep(step: Step): StepFinding | undefined {
  const { expected, result, before, after } = step;
  const evidence = {
    request: result.described,
    curl: result.curl,
    responseExcerpt: result.text.slice(0, 600),
  };
  const states = `before: ${describePolicyTags(before)}\nafter:  ${describePolicyTags(after)}`;
  if (expected.kind === 'rejected') {
    const rejection = readRejection(result.status, result.text);
    const documented = documentedFor(expected.rule);
    if (rejection === undefined) {
      return finding(expected.rule, {
        ...evidence,
        message: `${expected.key}: the request was not rejected (${expected.why})`,
        received: `HTTP ${result.status}, ${result.classification.kind}\n${states}`,
        documented,
      });
    }
    if (!hasDocumentedStatus(rejection)) {
      return finding(expected.rule, {
        ...evidence,
        message: `${expected.key}: rejected with HTTP ${rejection.status}, not 400`,
        received: `HTTP ${rejection.status}, CODE ${rejection.code ?? '(none)'}`,
        documented: 'Appendix D: request errors 1901–1922 answer HTTP 400 Bad Request',
      });
    }
    if (!samePolicyState(before, after)) {
      return finding('TAGS-REJECTED-UNCHANGED', {
        ...evidence,
        message: `${expected.key}: the policy changed although the request was rejected`,
        received: `CODE ${rejection.code ?? '(none)'}: ${rejection.text}\n${states}`,
        documented: documentedFor('TAGS-REJECTED-UNCHANGED'),
      });
    }
    return undefined;
  }
  const actionRule = ACTION_RULES[expected.action];
  const answer = parseSimpleReturn(result.text);
  if (result.status !== 200 || answer === undefined || answer.code !== undefined) {
    const byName = (result.request.params ?? []).some(
      ([k, v]) => k === 'tag_set_by' && v === 'name',
    );
    const rule = byName ? 'TAGS-SET-BY' : actionRule;
    return finding(rule, {
      ...evidence,
      message: `a valid ${expected.action} request was not accepted`,
      received:
        answer === undefined
          ? `HTTP ${result.status}, ${result.classification.kind}`
          : `HTTP ${result.status}, CODE ${answer.code ?? '(none)'}: ${answer.text}`,
      documented: `${documentedFor(rule)}; success is "Compliance Policy successfully modified."`,
    });
  }
  const want = `expected: ${describePolicyTags(expected.after)}`;
  const duplicated = hasDuplicates(after.include) || hasDuplicates(after.exclude);
  if (
    duplicated ||
    !sameTagSet(after.include, expected.after.include) ||
    !sameTagSet(after.exclude, expected.after.exclude)
  ) {
    const rule = duplicated ? 'TAGS-ADD-MERGES' : actionRule;
    return finding(rule, {
      ...evidence,
      message: duplicated
        ? `after ${expected.action} the policy lists a tag twice`
        : `after ${expected.action} the policy holds other tags than documented`,
      received: `${states}\n${want}`,
      documented: documentedFor(rule),
    });
  }
  const selectorsHold = (['includeSelector', 'excludeSelector'] as const).every((key) => {
    const wanted = expected.after[key];
    const set = key === 'includeSelector' ? after.include : after.exclude;
    // A selector the list leaves out next to an empty set is not a deviation: nothing to select.
    return (
      wanted === undefined ||
      after[key] === wanted ||
      (after[key] === undefined && set.length === 0)
    );
  });
  if (!selectorsHold) {
    return finding('TAGS-SELECTORS', {
      ...evidence,
      message: `after ${expected.action} the policy reports other selectors than were set`,
      received: `${states}\n${want}`,
      documented: documentedFor('TAGS-SELECTORS'),
    });
  }
  return undefined;
}

function hasDuplicates(ids: number[]): boolean {
  return new Set(ids).size !== ids.length;
}

function finding(rule: string, failure: RuleFailure): StepFinding {
  return { rule, failure };
}
