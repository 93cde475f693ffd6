import type { ApiRequest } from '../client/api-request.ts';

/** Path of the compliance policy operations (release notes 10.18: "APIs affected"). */
export const POLICY_PATH = '/api/2.0/fo/compliance/policy/';

/**
 * The asset tags of one compliance policy as `action=list` reports them (NOTES.md section c:
 * `TAG_SET_INCLUDE/TAG_ID`, `TAG_SET_EXCLUDE/TAG_ID`, `TAG_INCLUDE_SELECTOR`,
 * `TAG_EXCLUDE_SELECTOR`, children of `POLICY`).
 */
export interface PolicyTags {
  /** TAG_ID values of TAG_SET_INCLUDE in document order; duplicates are kept so they show. */
  include: number[];
  /** TAG_ID values of TAG_SET_EXCLUDE in document order. */
  exclude: number[];
  /** TAG_INCLUDE_SELECTOR text; undefined when the element is absent. */
  includeSelector: string | undefined;
  /** TAG_EXCLUDE_SELECTOR text; undefined when the element is absent. */
  excludeSelector: string | undefined;
}

/** The tag ids of a set without duplicates, in first-seen order. */
export function uniqueTags(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}

/** True when two tag lists hold the same ids, ignoring order and duplicates. */
export function sameTagSet(a: readonly number[], b: readonly number[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/** True when two readings of a policy are the same: tag ids (with repeats) and selectors. */
export function samePolicyState(a: PolicyTags, b: PolicyTags): boolean {
  const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y).join(',');
  return (
    sorted(a.include) === sorted(b.include) &&
    sorted(a.exclude) === sorted(b.exclude) &&
    a.includeSelector === b.includeSelector &&
    a.excludeSelector === b.excludeSelector
  );
}

/**
 * True when `observed` holds the tags and selectors of `saved`. A selector that `saved` does
 * not know (the list did not report it) is not compared.
 */
export function holdsPolicyTags(observed: PolicyTags, saved: PolicyTags): boolean {
  const selectorHolds = (want: string | undefined, got: string | undefined) =>
    want === undefined || want === got;
  return (
    sameTagSet(observed.include, saved.include) &&
    sameTagSet(observed.exclude, saved.exclude) &&
    selectorHolds(saved.includeSelector, observed.includeSelector) &&
    selectorHolds(saved.excludeSelector, observed.excludeSelector)
  );
}

/** One line for reports: `include [1, 2] (any), exclude [] (any)`. */
export function describePolicyTags(tags: PolicyTags): string {
  const selector = (s: string | undefined) => s ?? 'not reported';
  return (
    `include [${tags.include.join(', ')}] (${selector(tags.includeSelector)}), ` +
    `exclude [${tags.exclude.join(', ')}] (${selector(tags.excludeSelector)})`
  );
}

/**
 * The list call that reads one policy's tags back: `action=list&ids=ID&details=Basic`
 * (the call Qualys's own tooling makes, NOTES.md section c).
 * @param label rule id or purpose, for recordings and debug output
 */
export function policyListRequest(policyId: number, label = 'policy list'): ApiRequest {
  return {
    method: 'GET',
    path: POLICY_PATH,
    params: [
      ['action', 'list'],
      ['ids', String(policyId)],
      ['details', 'Basic'],
    ],
    label,
  };
}

/**
 * The set_asset_tags call that puts a policy's tags back as saved: both sets by id (an empty
 * set is left out, which set_asset_tags reads as empty), and each selector the list reported.
 * @param label rule id or purpose, for recordings and debug output
 */
export function setPolicyTagsRequest(
  policyId: number,
  tags: PolicyTags,
  label = 'restore',
): ApiRequest {
  const params: [string, string][] = [
    ['id', String(policyId)],
    ['tag_set_by', 'id'],
  ];
  const include = uniqueTags(tags.include);
  const exclude = uniqueTags(tags.exclude);
  if (include.length > 0) params.push(['tag_set_include', include.join(',')]);
  if (exclude.length > 0) params.push(['tag_set_exclude', exclude.join(',')]);
  if (tags.includeSelector !== undefined) {
    params.push(['tag_include_selector', tags.includeSelector]);
  }
  if (tags.excludeSelector !== undefined) {
    params.push(['tag_exclude_selector', tags.excludeSelector]);
  }
  return {
    method: 'POST',
    path: POLICY_PATH,
    query: [['action', 'set_asset_tags']],
    params,
    label,
  };
}
