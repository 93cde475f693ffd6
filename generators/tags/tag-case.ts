import type { ApiRequest } from '../../engine/client/api-request.ts';
import { describeRequest } from '../../engine/client/api-request.ts';
import { POLICY_PATH, type PolicyTags } from '../../engine/journal/policy-tags.ts';
import {
  tagOutcome,
  type RejectionKey,
  type TagModelOptions,
  type TagOutcome,
} from './policy-model.ts';
import type { TagTarget } from './tag-world.ts';

/** A generated tag-action request and what the generator meant it to be. */
export type TagCase =
  | { kind: 'valid'; request: ApiRequest }
  | { kind: 'invalid'; request: ApiRequest; caseKey: RejectionKey; rule: string };

/**
 * The case's expected outcome given the fixture policy's tags before it: accepted with the
 * tags the policy must then hold, or rejected with the case key for `expectRejection`.
 * @param options the model's choices where the release notes are silent (model default)
 */
export function expectedOutcome(
  tagCase: TagCase,
  target: TagTarget,
  before: PolicyTags,
  options?: TagModelOptions,
): TagOutcome {
  const stateOf = (id: number) => (id === target.policyId ? before : undefined);
  return tagOutcome(tagCase.request, target.world, stateOf, options);
}

/** One line for reports and counterexamples: `invalid(missing-id): POST ... id=...`. */
export function describeTagCase(tagCase: TagCase): string {
  const kind = tagCase.kind === 'valid' ? 'valid' : `invalid(${tagCase.caseKey})`;
  return `${kind}: ${describeRequest(tagCase.request)}`;
}

/** Builds a tag-action request: action in the query, as the release-note samples send it. */
export function tagRequest(
  action: string,
  params: [string, string][],
  method: 'GET' | 'POST' = 'POST',
): ApiRequest {
  return {
    method,
    path: POLICY_PATH,
    query: [['action', action]],
    params,
    label: `tags ${action}`,
  };
}
