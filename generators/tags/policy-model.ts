import type { ApiRequest } from '../../engine/client/api-request.ts';
import { uniqueTags, type PolicyTags } from '../../engine/journal/policy-tags.ts';

/**
 * The expected-outcome model of the 10.18 compliance policy tag actions (release notes
 * "Compliance Policy - Manage Asset Tags using API"): given a request and the policy's tags
 * before it, whether the target must accept it and what the policy must hold afterwards, or
 * that it must reject it and under which case key. Pure: no I/O, no clock, no randomness.
 * The generators, their unit tests and the stateful suite all judge through this one module.
 */

/** The three actions of the release notes. */
export const TAG_ACTIONS = ['set_asset_tags', 'add_asset_tags', 'remove_asset_tags'] as const;
export type TagAction = (typeof TAG_ACTIONS)[number];

/** Every input parameter the release notes give the three actions (besides `action`). */
export const TAG_ACTION_PARAMS = [
  'id',
  'evaluate_now',
  'tag_include_selector',
  'tag_exclude_selector',
  'tag_set_by',
  'tag_set_include',
  'tag_set_exclude',
] as const;

/** `tag_include_selector={all|any}`, `tag_exclude_selector={all|any}`; "any" is the default. */
export const SELECTORS = ['all', 'any'] as const;
export const DEFAULT_SELECTOR = 'any';

/** What the model knows about the target: its tags and the calling user's rights. */
export interface TagWorld {
  /** Tags of the subscription; names are case-sensitive. */
  tags: readonly { id: number; name: string }[];
  /** Asset Tagging service enabled for the caller's subscription ("Good to Know"). */
  assetTagging: boolean;
  /** The caller may modify the policy ("Good to Know"). */
  canModifyPolicies: boolean;
}

/**
 * Where the release notes are silent, the model (and the simulator, which implements the
 * defaults) had to choose. Each choice is an option so a target that behaves otherwise can be
 * modelled without touching the rules.
 */
export interface TagModelOptions {
  /** Entries of tag_set_include/exclude padded with whitespace: trimmed, or rejected. */
  paddedEntries: 'trim' | 'reject';
  /** The same tag named twice in one set: counted once, or rejected. */
  duplicateEntries: 'dedupe' | 'reject';
  /**
   * A set left out of set_asset_tags: emptied ("Any assigned asset tags not specified in the
   * request will be removed from the policy"), or kept.
   */
  setOmittedSet: 'clear' | 'keep';
  /** A selector left out of add/remove_asset_tags: kept as it was, or reset to "any". */
  addRemoveOmittedSelector: 'keep' | 'default';
}

/** The choices the simulator makes (docs/tags.md, "Where the release notes are silent"). */
export const DEFAULT_TAG_MODEL_OPTIONS: TagModelOptions = {
  paddedEntries: 'trim',
  duplicateEntries: 'dedupe',
  setOmittedSet: 'clear',
  addRemoveOmittedSelector: 'keep',
};

/** Each rejection case and the rule whose tests expect it. */
export const REJECTION_RULES = {
  'missing-action': 'TAGS-REJECTED-UNCHANGED',
  'unknown-action': 'TAGS-REJECTED-UNCHANGED',
  'get-method': 'TAGS-POST-ONLY',
  'unknown-parameter': 'TAGS-REJECTED-UNCHANGED',
  'tagging-disabled': 'TAGS-TAGGING-DISABLED',
  'missing-id': 'TAGS-ID-REQUIRED',
  'non-integer-id': 'TAGS-ID-REQUIRED',
  'unknown-id': 'TAGS-ID-REQUIRED',
  'no-permission': 'TAGS-NO-PERMISSION',
  'invalid-evaluate-now': 'TAGS-EVALUATE-NOW',
  'invalid-selector': 'TAGS-SELECTORS',
  'invalid-set-by': 'TAGS-SET-BY',
  'remove-without-tag-set': 'TAGS-REMOVE-NEEDS-SET',
  'empty-tag-list': 'TAGS-SET-BY',
  'empty-entry': 'TAGS-SET-BY',
  'padded-entry': 'TAGS-SET-BY',
  'duplicate-entry': 'TAGS-SET-BY',
  'unknown-tag': 'TAGS-SET-BY',
  'tag-id-with-set-by-name': 'TAGS-SET-BY',
  'tag-name-with-set-by-id': 'TAGS-SET-BY',
} as const;

/** A stable key naming why a request must be rejected (`expectRejection`'s case key). */
export type RejectionKey = keyof typeof REJECTION_RULES;

/** What the target must do with a request. */
export type TagOutcome =
  | { kind: 'accepted'; action: TagAction; policyId: number; after: PolicyTags }
  | { kind: 'rejected'; key: RejectionKey; rule: string; why: string };

/**
 * The model: what the target must answer to `request` (method, query then form parameters;
 * the first value of a repeated parameter counts, as for URLSearchParams.get).
 * @param stateOf the tags of a policy before the request; undefined for an unknown policy id
 * @param options choices where the release notes are silent (default DEFAULT_TAG_MODEL_OPTIONS)
 */
export function tagOutcome(
  request: ApiRequest,
  world: TagWorld,
  stateOf: (policyId: number) => PolicyTags | undefined,
  options: TagModelOptions = DEFAULT_TAG_MODEL_OPTIONS,
): TagOutcome {
  const all = [...(request.query ?? []), ...(request.params ?? [])];
  const param = (name: string) => all.find(([key]) => key === name)?.[1];
  const action = param('action');
  if (action === undefined) return reject('missing-action', 'no action parameter');
  if (!(TAG_ACTIONS as readonly string[]).includes(action)) {
    return reject('unknown-action', `action=${action} is not one of the three tag actions`);
  }
  if (request.method !== 'POST') return reject('get-method', 'the tag actions are POST only');
  const known = new Set<string>(['action', 'echo_request', ...TAG_ACTION_PARAMS]);
  const unknown = all.find(([key]) => !known.has(key));
  if (unknown !== undefined) return reject('unknown-parameter', `${unknown[0]} is not a parameter`);
  if (!world.assetTagging) return reject('tagging-disabled', 'Asset Tagging is not enabled');

  const idText = param('id');
  if (idText === undefined) return reject('missing-id', 'id is required');
  if (!/^\d+$/.test(idText)) return reject('non-integer-id', `id=${idText} is not an integer`);
  const policyId = Number(idText);
  const before = stateOf(policyId);
  if (before === undefined) return reject('unknown-id', `policy ${idText} does not exist`);
  if (!world.canModifyPolicies) return reject('no-permission', 'the user may not modify it');

  const evaluateNow = param('evaluate_now');
  if (evaluateNow !== undefined && evaluateNow !== '0' && evaluateNow !== '1') {
    return reject('invalid-evaluate-now', `evaluate_now=${evaluateNow} is not 0 or 1`);
  }
  const includeSelector = param('tag_include_selector');
  const excludeSelector = param('tag_exclude_selector');
  for (const selector of [includeSelector, excludeSelector]) {
    if (selector !== undefined && !(SELECTORS as readonly string[]).includes(selector)) {
      return reject('invalid-selector', `selector "${selector}" is not all or any`);
    }
  }
  const setBy = param('tag_set_by') ?? 'id';
  if (setBy !== 'id' && setBy !== 'name') {
    return reject('invalid-set-by', `tag_set_by=${setBy} is not id or name`);
  }
  const includeText = param('tag_set_include');
  const excludeText = param('tag_set_exclude');
  if (action === 'remove_asset_tags' && includeText === undefined && excludeText === undefined) {
    return reject('remove-without-tag-set', 'remove_asset_tags names neither tag set');
  }
  const include = resolveTagSet(includeText, setBy, world, options);
  if ('key' in include) return include;
  const exclude = resolveTagSet(excludeText, setBy, world, options);
  if ('key' in exclude) return exclude;

  const after = applyTagAction(action as TagAction, before, {
    include: include.ids,
    exclude: exclude.ids,
    includeSelector,
    excludeSelector,
    options,
  });
  return { kind: 'accepted', action: action as TagAction, policyId, after };
}

function reject(key: RejectionKey, why: string): Extract<TagOutcome, { kind: 'rejected' }> {
  return { kind: 'rejected', key, rule: REJECTION_RULES[key], why };
}

/** Resolves one tag set parameter to tag ids; undefined ids when the parameter is absent. */
function resolveTagSet(
  text: string | undefined,
  setBy: 'id' | 'name',
  world: TagWorld,
  options: TagModelOptions,
): { ids: number[] | undefined } | Extract<TagOutcome, { kind: 'rejected' }> {
  if (text === undefined) return { ids: undefined };
  if (text.trim() === '') return reject('empty-tag-list', 'a tag set names no tag');
  const ids: number[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') return reject('empty-entry', `"${text}" has an empty entry`);
    if (entry !== raw && options.paddedEntries === 'reject') {
      return reject('padded-entry', `"${raw}" is padded with whitespace`);
    }
    const byName = world.tags.find((t) => t.name === entry);
    const byId = /^\d+$/.test(entry) ? world.tags.find((t) => t.id === Number(entry)) : undefined;
    const tag = setBy === 'name' ? byName : byId;
    if (tag === undefined) {
      if (setBy === 'name' && byId !== undefined) {
        return reject('tag-id-with-set-by-name', `${entry} is a tag id, tag_set_by=name`);
      }
      if (setBy === 'id' && byName !== undefined) {
        return reject('tag-name-with-set-by-id', `"${entry}" is a tag name, tag_set_by=id`);
      }
      return reject('unknown-tag', `no tag ${setBy === 'id' ? 'with id' : 'named'} "${entry}"`);
    }
    if (ids.includes(tag.id) && options.duplicateEntries === 'reject') {
      return reject('duplicate-entry', `tag ${entry} is named twice`);
    }
    ids.push(tag.id);
  }
  return { ids: uniqueTags(ids) };
}

/** The parts of an accepted request that change the policy. */
interface TagChange {
  include: number[] | undefined;
  exclude: number[] | undefined;
  includeSelector: string | undefined;
  excludeSelector: string | undefined;
  options: TagModelOptions;
}

/**
 * The policy after an accepted action: set overwrites, add merges (only tags not yet there),
 * remove subtracts only the tags named.
 */
export function applyTagAction(
  action: TagAction,
  before: PolicyTags,
  change: TagChange,
): PolicyTags {
  const include = uniqueTags(before.include);
  const exclude = uniqueTags(before.exclude);
  if (action === 'set_asset_tags') {
    const omitted = (kept: number[]) => (change.options.setOmittedSet === 'clear' ? [] : kept);
    return {
      include: change.include ?? omitted(include),
      exclude: change.exclude ?? omitted(exclude),
      includeSelector: change.includeSelector ?? DEFAULT_SELECTOR,
      excludeSelector: change.excludeSelector ?? DEFAULT_SELECTOR,
    };
  }
  const keep = change.options.addRemoveOmittedSelector === 'keep';
  const selector = (given: string | undefined, was: string | undefined) =>
    given ?? (keep ? was : DEFAULT_SELECTOR);
  const combine = (was: number[], named: number[] | undefined) => {
    if (named === undefined) return was;
    if (action === 'add_asset_tags') return uniqueTags([...was, ...named]);
    return was.filter((id) => !named.includes(id));
  };
  return {
    include: combine(include, change.include),
    exclude: combine(exclude, change.exclude),
    includeSelector: selector(change.includeSelector, before.includeSelector),
    excludeSelector: selector(change.excludeSelector, before.excludeSelector),
  };
}
