import type { SimContext, SimRequest, SimResponse } from '../sim-types.ts';
import { simpleReturnXml, XML_CONTENT_TYPE } from '../simple-return-xml.ts';
import { TAG_ERRORS } from './compliance-policy-errors.ts';
import { subscriptionTags, type SimPolicy, type SimSelector } from './compliance-policy-store.ts';
import { qualysDatetime } from '../qualys-datetime.ts';

/** The three 10.18 actions on /api/2.0/fo/compliance/policy/. */
export type SimTagAction = 'set_asset_tags' | 'add_asset_tags' | 'remove_asset_tags';

/** Parameters of the three actions besides `action` (release notes, "Input Parameters"). */
export const TAG_ACTION_PARAMS = [
  'id',
  'evaluate_now',
  'tag_include_selector',
  'tag_exclude_selector',
  'tag_set_by',
  'tag_set_include',
  'tag_set_exclude',
];

const SUCCESS_TEXT = 'Compliance Policy successfully modified.';
const SUCCESS_DTD = 'https://qualysapi.qualys.com/api/2.0/fo/compliance/policy/simple_return.dtd';

/**
 * Handles set/add/remove_asset_tags. Checks run in a fixed order (tagging, id, permission,
 * evaluate_now, selectors, tag_set_by, remove's tag set, tag entries), the first failure
 * answers, and a refused request changes nothing. Choices where the release notes are silent:
 * tag entries are trimmed and deduplicated; an empty list or entry is refused; a set left out
 * of set_asset_tags becomes empty; a selector left out of set becomes "any", left out of
 * add/remove stays as it was. Repeated parameters: the first value counts.
 */
export function handleTagAction(
  action: SimTagAction,
  request: SimRequest,
  policies: Map<number, SimPolicy>,
  context: SimContext,
): SimResponse {
  const param = (name: string) => request.params.get(name) ?? undefined;
  const subscription = request.user.subscription;
  if (!subscription.assetTagging) return TAG_ERRORS.taggingDisabled(action);
  const idText = param('id');
  if (idText === undefined) return TAG_ERRORS.missing('id');
  if (!/^\d+$/.test(idText)) return TAG_ERRORS.invalid('id', idText, 'not an integer');
  const policy = policies.get(Number(idText));
  if (policy === undefined || policy.subscriptionId !== subscription.id) {
    return TAG_ERRORS.invalid('id', idText, 'no compliance policy with this ID');
  }
  const refuse = (response: SimResponse): SimResponse => {
    if (context.fault('rejected-request-changes-state')) {
      policy.includeSelector = policy.includeSelector === 'any' ? 'all' : 'any';
    }
    return response;
  };
  if (!request.user.canModifyPolicies) return refuse(TAG_ERRORS.noPermission(idText));

  const evaluateNow = param('evaluate_now');
  if (evaluateNow !== undefined && evaluateNow !== '0' && evaluateNow !== '1') {
    return refuse(TAG_ERRORS.invalid('evaluate_now', evaluateNow, 'allowed: 0, 1'));
  }
  const selectors: Partial<Record<'include' | 'exclude', SimSelector>> = {};
  for (const set of ['include', 'exclude'] as const) {
    const value = param(`tag_${set}_selector`);
    if (value === undefined) continue;
    if (value !== 'all' && value !== 'any') {
      return refuse(TAG_ERRORS.invalid(`tag_${set}_selector`, value, 'allowed: all, any'));
    }
    selectors[set] = value;
  }
  const setBy = param('tag_set_by') ?? 'id';
  if (setBy !== 'id' && setBy !== 'name') {
    return refuse(TAG_ERRORS.invalid('tag_set_by', setBy, 'allowed: id, name'));
  }
  const includeText = param('tag_set_include');
  const excludeText = param('tag_set_exclude');
  if (
    action === 'remove_asset_tags' &&
    includeText === undefined &&
    excludeText === undefined &&
    !context.fault('remove-without-tag-set-accepted')
  ) {
    return refuse(TAG_ERRORS.removeNeedsSet());
  }
  const byName = setBy === 'name' && !context.fault('tag-set-by-name-ignored');
  const tags = subscriptionTags(subscription.id);
  const named: Partial<Record<'include' | 'exclude', number[]>> = {};
  for (const [set, text] of [
    ['include', includeText],
    ['exclude', excludeText],
  ] as const) {
    if (text === undefined) continue;
    const resolved = resolveTags(`tag_set_${set}`, text, byName, tags);
    if ('status' in resolved) return refuse(resolved);
    named[set] = resolved.ids;
  }

  apply(action, policy, named, selectors, context);
  if (evaluateNow === '1') policy.evaluations += 1;
  policy.lastModifiedAt = qualysDatetime(context.now());
  policy.lastModifiedBy = request.user.login;
  return {
    status: 200,
    headers: { 'content-type': XML_CONTENT_TYPE },
    body: simpleReturnXml({
      text: SUCCESS_TEXT,
      items: [['ID', [String(policy.id)]]],
      dtdUrl: SUCCESS_DTD,
    }),
  };
}

/** Tag ids of one comma-separated tag set, or the request error refusing it. */
function resolveTags(
  name: string,
  text: string,
  byName: boolean,
  tags: readonly { id: number; name: string }[],
): { ids: number[] } | SimResponse {
  if (text.trim() === '') return TAG_ERRORS.invalid(name, text, 'no tag given');
  const ids: number[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') return TAG_ERRORS.invalid(name, text, 'empty entry');
    const tag = byName
      ? tags.find((t) => t.name === entry)
      : tags.find((t) => /^\d+$/.test(entry) && t.id === Number(entry));
    if (tag === undefined) {
      return TAG_ERRORS.invalid(
        name,
        entry,
        byName ? 'no tag with this name' : 'no tag with this ID',
      );
    }
    if (!ids.includes(tag.id)) ids.push(tag.id);
  }
  return { ids };
}

function apply(
  action: SimTagAction,
  policy: SimPolicy,
  named: Partial<Record<'include' | 'exclude', number[]>>,
  selectors: Partial<Record<'include' | 'exclude', SimSelector>>,
  context: SimContext,
): void {
  const union = (was: number[], add: number[]) => [
    ...was,
    ...add.filter((id) => !was.includes(id)),
  ];
  for (const set of ['include', 'exclude'] as const) {
    const given = named[set];
    if (action === 'set_asset_tags') {
      policy[set] = context.fault('set-merges') ? union(policy[set], given ?? []) : (given ?? []);
    } else if (given === undefined) {
      continue;
    } else if (action === 'add_asset_tags') {
      policy[set] = context.fault('add-duplicates')
        ? [...policy[set], ...given]
        : union(policy[set], given);
    } else if (set === 'include' || !context.fault('remove-ignores-exclude')) {
      policy[set] = policy[set].filter((id) => !given.includes(id));
    }
  }
  const omitted: SimSelector = context.fault('selector-default-all') ? 'all' : 'any';
  if (action === 'set_asset_tags') {
    policy.includeSelector = selectors.include ?? omitted;
    policy.excludeSelector = selectors.exclude ?? omitted;
  } else {
    policy.includeSelector = selectors.include ?? policy.includeSelector;
    policy.excludeSelector = selectors.exclude ?? policy.excludeSelector;
  }
}
