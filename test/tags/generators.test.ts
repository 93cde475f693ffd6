import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { invalidTagCase } from '../../generators/tags/invalid-tag-case.ts';
import {
  DEFAULT_TAG_MODEL_OPTIONS,
  type TagModelOptions,
} from '../../generators/tags/policy-model.ts';
import { expectedOutcome, type TagCase } from '../../generators/tags/tag-case.ts';
import { validTagCase } from '../../generators/tags/valid-tag-case.ts';
import { SIM_INITIAL_TAGS, SIM_TAG_TARGET } from './tag-fixtures.ts';

const STRICT: TagModelOptions = {
  ...DEFAULT_TAG_MODEL_OPTIONS,
  paddedEntries: 'reject',
  duplicateEntries: 'reject',
};
const anyCase = fc.oneof(validTagCase(SIM_TAG_TARGET), invalidTagCase(SIM_TAG_TARGET));

function sample(arbitrary: fc.Arbitrary<TagCase>, seed: number): TagCase[] {
  return fc.sample(arbitrary, { seed, numRuns: 20 });
}

describe('tag case generators', () => {
  test.prop([fc.integer()])('the same seed gives the same cases', (seed) => {
    expect(sample(anyCase, seed)).toEqual(sample(anyCase, seed));
  });

  test.prop([validTagCase(SIM_TAG_TARGET)], { numRuns: 300 })(
    'the model accepts every valid case',
    (tagCase) => {
      expect(expectedOutcome(tagCase, SIM_TAG_TARGET, SIM_INITIAL_TAGS).kind).toBe('accepted');
    },
  );

  test.prop([invalidTagCase(SIM_TAG_TARGET)], { numRuns: 300 })(
    'the model rejects every invalid case under its case key',
    (tagCase) => {
      const outcome = expectedOutcome(tagCase, SIM_TAG_TARGET, SIM_INITIAL_TAGS);

      expect(tagCase.kind).toBe('invalid');
      expect(outcome).toMatchObject({
        kind: 'rejected',
        key: tagCase.kind === 'invalid' ? tagCase.caseKey : '',
      });
    },
  );

  test.prop([validTagCase(SIM_TAG_TARGET, STRICT), invalidTagCase(SIM_TAG_TARGET, STRICT)])(
    'a model that rejects padded and duplicate entries gets cases that agree with it',
    (valid, invalid) => {
      expect(expectedOutcome(valid, SIM_TAG_TARGET, SIM_INITIAL_TAGS, STRICT).kind).toBe(
        'accepted',
      );
      expect(expectedOutcome(invalid, SIM_TAG_TARGET, SIM_INITIAL_TAGS, STRICT).kind).toBe(
        'rejected',
      );
    },
  );

  test.prop([validTagCase(SIM_TAG_TARGET)])(
    'valid cases never put one tag in both sets',
    (tagCase) => {
      const outcome = expectedOutcome(tagCase, SIM_TAG_TARGET, {
        ...SIM_INITIAL_TAGS,
        include: [],
      });

      expect(
        outcome.kind === 'accepted' &&
          outcome.after.include.some((id) => outcome.after.exclude.includes(id)),
      ).toBe(false);
    },
  );

  test('every defect the brief names is generated', () => {
    const keys = new Set(
      fc
        .sample(invalidTagCase(SIM_TAG_TARGET), { seed: 42, numRuns: 2_000 })
        .map((c) => (c.kind === 'invalid' ? c.caseKey : '')),
    );

    expect([...keys].sort()).toEqual([
      'empty-tag-list',
      'get-method',
      'invalid-evaluate-now',
      'invalid-selector',
      'invalid-set-by',
      'missing-id',
      'non-integer-id',
      'remove-without-tag-set',
      'tag-id-with-set-by-name',
      'tag-name-with-set-by-id',
      'unknown-action',
      'unknown-id',
      'unknown-parameter',
      'unknown-tag',
    ]);
  });
});
