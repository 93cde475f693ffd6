import { describe, expect, test } from 'vitest';
import type { PolicyTags } from '../../engine/journal/policy-tags.ts';
import { DEFAULT_TAG_MODEL_OPTIONS, tagOutcome } from '../../generators/tags/policy-model.ts';
import { tagRequest } from '../../generators/tags/tag-case.ts';
import { SIM_TAG_TARGET } from './tag-fixtures.ts';

const P = SIM_TAG_TARGET.policyId;
const [A, B, C] = [118766028, 118766029, 118766030];
const BEFORE: PolicyTags = {
  include: [A],
  exclude: [B],
  includeSelector: 'all',
  excludeSelector: 'all',
};

function outcome(action: string, params: [string, string][], options = DEFAULT_TAG_MODEL_OPTIONS) {
  const stateOf = (id: number) => (id === P ? BEFORE : undefined);
  return tagOutcome(
    tagRequest(action, [['id', String(P)], ...params]),
    SIM_TAG_TARGET.world,
    stateOf,
    options,
  );
}

describe('the tag action model', () => {
  test('set_asset_tags replaces both sets and resets omitted selectors to any', () => {
    expect(outcome('set_asset_tags', [['tag_set_include', `${B},${C}`]])).toMatchObject({
      kind: 'accepted',
      after: { include: [B, C], exclude: [], includeSelector: 'any', excludeSelector: 'any' },
    });
  });

  test('set_asset_tags keeps an omitted set when the model is told to', () => {
    const keep = { ...DEFAULT_TAG_MODEL_OPTIONS, setOmittedSet: 'keep' as const };

    expect(outcome('set_asset_tags', [['tag_set_include', `${C}`]], keep)).toMatchObject({
      after: { include: [C], exclude: [B] },
    });
  });

  test('add_asset_tags merges without duplicates and keeps omitted selectors', () => {
    expect(outcome('add_asset_tags', [['tag_set_include', `${A},${C},${C}`]])).toMatchObject({
      kind: 'accepted',
      after: { include: [A, C], exclude: [B], includeSelector: 'all', excludeSelector: 'all' },
    });
  });

  test('remove_asset_tags subtracts only the named tags from each set', () => {
    expect(
      outcome('remove_asset_tags', [
        ['tag_set_exclude', `${B},${C}`],
        ['tag_include_selector', 'any'],
      ]),
    ).toMatchObject({
      kind: 'accepted',
      after: { include: [A], exclude: [], includeSelector: 'any', excludeSelector: 'all' },
    });
  });

  test('tag_set_by=name resolves names case-sensitively, trimming padded entries', () => {
    expect(
      outcome('set_asset_tags', [
        ['tag_set_by', 'name'],
        ['tag_set_include', ' conformance d , Conformance-C'],
      ]),
    ).toMatchObject({
      after: { include: [118766031, C] },
    });
    expect(
      outcome('set_asset_tags', [
        ['tag_set_by', 'name'],
        ['tag_set_include', 'conformance-c'],
      ]),
    ).toMatchObject({
      kind: 'rejected',
      key: 'unknown-tag',
    });
  });

  test.each([
    ['remove_asset_tags', [], 'remove-without-tag-set', 'TAGS-REMOVE-NEEDS-SET'],
    ['set_asset_tags', [['tag_set_include', '']], 'empty-tag-list', 'TAGS-SET-BY'],
    ['set_asset_tags', [['tag_set_include', `${A},,${B}`]], 'empty-entry', 'TAGS-SET-BY'],
    [
      'set_asset_tags',
      [
        ['tag_set_by', 'name'],
        ['tag_set_include', `${A}`],
      ],
      'tag-id-with-set-by-name',
      'TAGS-SET-BY',
    ],
    [
      'set_asset_tags',
      [['tag_set_include', 'conformance-a']],
      'tag-name-with-set-by-id',
      'TAGS-SET-BY',
    ],
    ['add_asset_tags', [['tag_include_selector', 'ALL']], 'invalid-selector', 'TAGS-SELECTORS'],
    ['add_asset_tags', [['evaluate_now', '2']], 'invalid-evaluate-now', 'TAGS-EVALUATE-NOW'],
    ['add_asset_tags', [['tag_set', '1']], 'unknown-parameter', 'TAGS-REJECTED-UNCHANGED'],
    ['clear_asset_tags', [], 'unknown-action', 'TAGS-REJECTED-UNCHANGED'],
  ] as [string, [string, string][], string, string][])(
    '%s %j is rejected as %s under %s',
    (action, params, key, rule) => {
      expect(outcome(action, params)).toMatchObject({ kind: 'rejected', key, rule });
    },
  );

  test('ids are checked before the policy, and the user before the values', () => {
    const request = tagRequest('add_asset_tags', [
      ['id', `${P}`],
      ['evaluate_now', '9'],
    ]);
    const reader = { ...SIM_TAG_TARGET.world, canModifyPolicies: false };

    expect(
      tagOutcome(tagRequest('add_asset_tags', []), SIM_TAG_TARGET.world, () => BEFORE),
    ).toMatchObject({ key: 'missing-id' });
    expect(tagOutcome(request, SIM_TAG_TARGET.world, () => undefined)).toMatchObject({
      key: 'unknown-id',
    });
    expect(tagOutcome(request, reader, () => BEFORE)).toMatchObject({ key: 'no-permission' });
    expect(
      tagOutcome({ ...request, method: 'GET' }, SIM_TAG_TARGET.world, () => BEFORE),
    ).toMatchObject({ key: 'get-method' });
  });
});
