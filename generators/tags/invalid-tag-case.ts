import fc from 'fast-check';
import {
  DEFAULT_TAG_MODEL_OPTIONS,
  REJECTION_RULES,
  type RejectionKey,
  type TagModelOptions,
} from './policy-model.ts';
import { tagRequest, type TagCase } from './tag-case.ts';
import { UNKNOWN_POLICY_ID, type TagTarget } from './tag-world.ts';
import { validTagParams, validTagParts, type ValidTagParts } from './valid-tag-case.ts';

/** Defects that carry the invalid value they put in. */
type ValuedDefectKey =
  | 'non-integer-id'
  | 'unknown-action'
  | 'invalid-set-by'
  | 'invalid-evaluate-now'
  | 'unknown-parameter';

/** One defect put into an otherwise valid request. */
export type TagDefect =
  | { key: 'missing-id' | 'unknown-id' | 'remove-without-tag-set' | 'get-method' }
  | { key: 'tag-id-with-set-by-name' | 'padded-entry' | 'duplicate-entry' }
  | { key: ValuedDefectKey; value: string }
  | { key: 'empty-tag-list'; set: 'tag_set_include' | 'tag_set_exclude'; value: string }
  | {
      key: 'invalid-selector';
      param: 'tag_include_selector' | 'tag_exclude_selector';
      value: string;
    }
  | { key: 'tag-name-with-set-by-id'; explicit: boolean }
  | { key: 'unknown-tag'; variant: 'unknown' | 'case'; n: number };

// Invalid values stay clearly outside what the release notes allow; case variants of valid
// values ("ALL", "Name") are left out: the notes do not say whether values are case-sensitive.
const NON_INTEGER_IDS = (policyId: number) => [
  'abc',
  `${policyId}abc`,
  `${policyId}.5`,
  `-${policyId}`,
  '',
];
const UNKNOWN_ACTIONS = ['add_asset_tag', 'replace_asset_tags', 'clear_asset_tags'];
const BAD_SELECTORS = ['none', 'some', 'both', '', '0', '1', 'all,any', 'alll'];
const BAD_SET_BY = ['tag', 'ids', 'names', '', 'id,name'];
const BAD_EVALUATE_NOW = ['2', '-1', 'yes', 'true', ''];
const UNKNOWN_PARAMETERS = ['tag_set_includes', 'tags', 'conformance_unknown_parameter'];
const UNKNOWN_TAG_ID_BASE = 9_000_000_000; // far above real tag ids, still all digits

/**
 * Defects the generator can put into a request. Non-integer ids are built from the fixture
 * policy id, so a target that parsed them leniently would touch only the fixture policy.
 * @param options padded and duplicate entries are defects only where the model rejects them
 */
export function tagDefect(
  target: TagTarget,
  options: TagModelOptions = DEFAULT_TAG_MODEL_OPTIONS,
): fc.Arbitrary<TagDefect> {
  const plain = (key: 'missing-id' | 'unknown-id' | 'remove-without-tag-set' | 'get-method') =>
    fc.constant({ key });
  const valued = (key: ValuedDefectKey, values: string[]) =>
    fc.constantFrom(...values).map((value) => ({ key, value }));
  const defects: fc.Arbitrary<TagDefect>[] = [
    plain('missing-id'),
    valued('non-integer-id', NON_INTEGER_IDS(target.policyId)),
    plain('unknown-id'),
    valued('unknown-action', UNKNOWN_ACTIONS),
    plain('remove-without-tag-set'),
    fc.record({
      key: fc.constant('empty-tag-list' as const),
      set: fc.constantFrom('tag_set_include' as const, 'tag_set_exclude' as const),
      value: fc.constantFrom('', ' '),
    }),
    fc.record({
      key: fc.constant('invalid-selector' as const),
      param: fc.constantFrom('tag_include_selector' as const, 'tag_exclude_selector' as const),
      value: fc.constantFrom(...BAD_SELECTORS),
    }),
    valued('invalid-set-by', BAD_SET_BY),
    fc.constant({ key: 'tag-id-with-set-by-name' as const }),
    fc.record({ key: fc.constant('tag-name-with-set-by-id' as const), explicit: fc.boolean() }),
    fc.record({
      key: fc.constant('unknown-tag' as const),
      variant: fc.constantFrom('unknown' as const, 'case' as const),
      n: fc.nat({ max: 999 }),
    }),
    valued('invalid-evaluate-now', BAD_EVALUATE_NOW),
    plain('get-method'),
    valued('unknown-parameter', UNKNOWN_PARAMETERS),
  ];
  if (options.paddedEntries === 'reject')
    defects.push(fc.constant({ key: 'padded-entry' as const }));
  if (options.duplicateEntries === 'reject') {
    defects.push(fc.constant({ key: 'duplicate-entry' as const }));
  }
  return fc.oneof(...defects);
}

/**
 * Invalid tag-action cases: a valid request for the fixture policy with exactly one defect.
 * Each carries the case key the model rejects it under and the rule that expects it.
 * @param options the model's choices where the release notes are silent (model default)
 */
export function invalidTagCase(
  target: TagTarget,
  options: TagModelOptions = DEFAULT_TAG_MODEL_OPTIONS,
): fc.Arbitrary<TagCase> {
  const base = validTagParts(target, {
    ...options,
    paddedEntries: 'reject',
    duplicateEntries: 'reject',
  });
  return fc
    .tuple(base, tagDefect(target, options))
    .map(([parts, defect]) => withDefect(target, parts, defect));
}

/** Writes `parts` as a request and puts `defect` into it. */
export function withDefect(target: TagTarget, parts: ValidTagParts, defect: TagDefect): TagCase {
  let action: string = parts.action;
  let method: 'GET' | 'POST' = 'POST';
  let params = validTagParams(target, parts);
  const set = (name: string, value: string | undefined) => {
    params = params.filter(([key]) => key !== name);
    if (value !== undefined) params.push([name, value]);
  };
  const [first] = target.world.tags;
  const firstTag = first ?? { id: 0, name: '' };
  const names = new Set(target.world.tags.map((t) => t.name));
  switch (defect.key) {
    case 'missing-id':
      set('id', undefined);
      break;
    case 'non-integer-id':
      params[0] = ['id', defect.value];
      break;
    case 'unknown-id':
      params[0] = ['id', String(UNKNOWN_POLICY_ID)];
      break;
    case 'unknown-action':
      action = defect.value;
      break;
    case 'remove-without-tag-set':
      action = 'remove_asset_tags';
      set('tag_set_include', undefined);
      set('tag_set_exclude', undefined);
      break;
    case 'empty-tag-list':
      set(defect.set, defect.value);
      break;
    case 'invalid-selector':
      set(defect.param, defect.value);
      break;
    case 'invalid-set-by':
      set('tag_set_by', defect.value);
      break;
    case 'tag-id-with-set-by-name':
      set('tag_set_by', 'name');
      set('tag_set_include', String(firstTag.id));
      set('tag_set_exclude', undefined);
      break;
    case 'tag-name-with-set-by-id':
      set('tag_set_by', defect.explicit ? 'id' : undefined);
      set('tag_set_include', firstTag.name);
      set('tag_set_exclude', undefined);
      break;
    case 'unknown-tag': {
      const byName = params.some(([key, value]) => key === 'tag_set_by' && value === 'name');
      const swapped = swapCase(firstTag.name);
      const unknownName =
        defect.variant === 'case' && !names.has(swapped)
          ? swapped
          : `conformance-unknown-${defect.n}`;
      set('tag_set_include', byName ? unknownName : String(UNKNOWN_TAG_ID_BASE + defect.n));
      break;
    }
    case 'invalid-evaluate-now':
      set('evaluate_now', defect.value);
      break;
    case 'get-method':
      method = 'GET';
      break;
    case 'unknown-parameter':
      params.push([defect.value, '1']);
      break;
    case 'padded-entry':
      set('tag_set_include', ` ${entryOf(firstTag, params)} `);
      break;
    case 'duplicate-entry': {
      const entry = entryOf(firstTag, params);
      set('tag_set_include', `${entry},${entry}`);
      break;
    }
  }
  const caseKey: RejectionKey = defect.key;
  return {
    kind: 'invalid',
    request: tagRequest(action, params, method),
    caseKey,
    rule: REJECTION_RULES[caseKey],
  };
}

function entryOf(tag: { id: number; name: string }, params: [string, string][]): string {
  const byName = params.some(([key, value]) => key === 'tag_set_by' && value === 'name');
  return byName ? tag.name : String(tag.id);
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}
