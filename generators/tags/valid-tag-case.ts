import fc from 'fast-check';
import {
  DEFAULT_TAG_MODEL_OPTIONS,
  SELECTORS,
  TAG_ACTIONS,
  type TagAction,
  type TagModelOptions,
} from './policy-model.ts';
import { tagRequest, type TagCase } from './tag-case.ts';
import type { TagTarget } from './tag-world.ts';

/** Where one fixture tag goes in a generated request. */
export type TagPlacement = 'none' | 'include' | 'exclude';

/** The parts of a valid request before it is written out; each shrinks on its own. */
export interface ValidTagParts {
  action: TagAction;
  /** undefined: tag_set_by left out (the default, id). */
  setBy: 'id' | 'name' | undefined;
  /** One placement per fixture tag, so include and exclude never share a tag. */
  placements: TagPlacement[];
  includeSelector: 'all' | 'any' | undefined;
  excludeSelector: 'all' | 'any' | undefined;
  evaluateNow: '0' | '1' | undefined;
  /** The first entry of each set is padded with spaces (valid when the model trims). */
  padded: boolean;
  /** The first entry of each set is named twice (valid when the model dedupes). */
  duplicated: boolean;
}

/**
 * The parts of valid set/add/remove requests for the target's fixture policy: any subset of
 * the fixture tags in either set (never both), by id or by name, with or without selectors
 * and evaluate_now. remove_asset_tags always names at least one tag.
 * @param options the model's choices; padding and duplicates are generated only where valid
 */
export function validTagParts(
  target: TagTarget,
  options: TagModelOptions = DEFAULT_TAG_MODEL_OPTIONS,
): fc.Arbitrary<ValidTagParts> {
  const count = target.world.tags.length;
  const optional = <T>(values: readonly T[]) =>
    fc.option(fc.constantFrom(...values), { nil: undefined });
  return fc
    .record({
      action: fc.constantFrom(...TAG_ACTIONS),
      setBy: optional(['id', 'name'] as const),
      placements: fc.array(fc.constantFrom<TagPlacement>('none', 'include', 'exclude'), {
        minLength: count,
        maxLength: count,
      }),
      includeSelector: optional(SELECTORS),
      excludeSelector: optional(SELECTORS),
      evaluateNow: optional(['0', '1'] as const),
      padded: options.paddedEntries === 'trim' ? fc.boolean() : fc.constant(false),
      duplicated: options.duplicateEntries === 'dedupe' ? fc.boolean() : fc.constant(false),
    })
    .map((parts) => {
      if (parts.action !== 'remove_asset_tags' || parts.placements.some((p) => p !== 'none')) {
        return parts;
      }
      return { ...parts, placements: ['include' as const, ...parts.placements.slice(1)] };
    });
}

/**
 * Writes the parameters of a request from its parts (id first, action in the query).
 * @returns the action and the form parameters
 */
export function validTagParams(target: TagTarget, parts: ValidTagParts): [string, string][] {
  const params: [string, string][] = [['id', String(target.policyId)]];
  if (parts.setBy !== undefined) params.push(['tag_set_by', parts.setBy]);
  for (const set of ['include', 'exclude'] as const) {
    const entries = target.world.tags
      .filter((_, i) => parts.placements[i] === set)
      .map((tag) => (parts.setBy === 'name' ? tag.name : String(tag.id)));
    const first = entries[0];
    if (first === undefined) continue;
    if (parts.duplicated) entries.push(first);
    if (parts.padded) entries[0] = ` ${first}  `;
    params.push([`tag_set_${set}`, entries.join(',')]);
  }
  if (parts.includeSelector !== undefined) {
    params.push(['tag_include_selector', parts.includeSelector]);
  }
  if (parts.excludeSelector !== undefined) {
    params.push(['tag_exclude_selector', parts.excludeSelector]);
  }
  if (parts.evaluateNow !== undefined) params.push(['evaluate_now', parts.evaluateNow]);
  return params;
}

/**
 * Valid tag-action cases for the target's fixture policy (see validTagParts). Each one the
 * target must accept; the model gives the tags the policy must then hold.
 * @param options the model's choices where the release notes are silent (model default)
 */
export function validTagCase(
  target: TagTarget,
  options: TagModelOptions = DEFAULT_TAG_MODEL_OPTIONS,
): fc.Arbitrary<TagCase> {
  return validTagParts(target, options).map((parts) => ({
    kind: 'valid' as const,
    request: tagRequest(parts.action, validTagParams(target, parts)),
  }));
}
