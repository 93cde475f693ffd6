// The tags suite is one file: every test changes the same fixture policy, and vitest runs the
// tests of one file one after another (files run in parallel). The test bodies live in the
// modules named after their concern.
import { describe } from 'vitest';
import { ruleTest } from '../../engine/run/rule-test.ts';
import { noPermission, taggingDisabled } from './other-users.ts';
import { generatedRejectionsUnchanged, rejectedSelectorUnchanged } from './rejected-unchanged.ts';
import { evaluateNow, idRequired, postOnly, selectors, setBy } from './request-parameters.ts';
import { SEQUENCE_TITLE, sequenceCheck } from './sequences.ts';
import { addMerges, removeNeedsSet, removeSubtracts, setOverwrites } from './set-add-remove.ts';

describe('set_asset_tags, add_asset_tags and remove_asset_tags', () => {
  ruleTest(
    'TAGS-SET-OVERWRITES',
    'set_asset_tags replaces both tag sets with exactly the ones sent',
    setOverwrites,
  );
  ruleTest(
    'TAGS-ADD-MERGES',
    'add_asset_tags adds only new tags, and adding tags already there changes nothing',
    addMerges,
  );
  ruleTest(
    'TAGS-REMOVE-SUBTRACTS',
    'remove_asset_tags removes the named tags from either set and nothing else',
    removeSubtracts,
  );
  ruleTest(
    'TAGS-REMOVE-NEEDS-SET',
    'remove_asset_tags without tag_set_include and tag_set_exclude is rejected',
    removeNeedsSet,
  );
});

describe('tag action parameters', () => {
  ruleTest(
    'TAGS-ID-REQUIRED',
    'a tag action without id, with a non-integer id or an unknown id is rejected',
    idRequired,
  );
  ruleTest(
    'TAGS-SELECTORS',
    'selectors default to any, accept all and any only, and the policy reports the one set',
    selectors,
  );
  ruleTest(
    'TAGS-SET-BY',
    'tag_set_by=name resolves tag names, id is the default, and names and ids are not mixed up',
    setBy,
  );
  ruleTest(
    'TAGS-EVALUATE-NOW',
    'evaluate_now accepts 0 and 1 and rejects any other value',
    evaluateNow,
  );
  ruleTest(
    'TAGS-POST-ONLY',
    'set_asset_tags, add_asset_tags and remove_asset_tags refuse GET',
    postOnly,
  );
});

describe('rejected tag actions', () => {
  ruleTest(
    'TAGS-REJECTED-UNCHANGED',
    'a tag action rejected for an invalid selector leaves the policy as it was',
    rejectedSelectorUnchanged,
  );
  ruleTest(
    'TAGS-REJECTED-UNCHANGED',
    'generated invalid tag actions that are rejected leave the policy as it was',
    generatedRejectionsUnchanged,
  );
});

describe('tag actions by other users', () => {
  ruleTest(
    'TAGS-TAGGING-DISABLED',
    'a user whose subscription lacks Asset Tagging cannot use the tag actions',
    taggingDisabled,
  );
  ruleTest(
    'TAGS-NO-PERMISSION',
    'a user without permission to modify the policy cannot change its tags',
    noPermission,
  );
});

describe('random sequences of tag actions', () => {
  ruleTest('TAGS-SET-OVERWRITES', SEQUENCE_TITLE, sequenceCheck);
  ruleTest('TAGS-ADD-MERGES', SEQUENCE_TITLE, sequenceCheck);
  ruleTest('TAGS-REMOVE-SUBTRACTS', SEQUENCE_TITLE, sequenceCheck);
  ruleTest('TAGS-REMOVE-NEEDS-SET', SEQUENCE_TITLE, sequenceCheck);
  ruleTest('TAGS-ID-REQUIRED', SEQUENCE_TITLE, sequenceCheck);
  ruleTest('TAGS-SELECTORS', SEQUENCE_TITLE, sequenceCheck);
  ruleTest('TAGS-SET-BY', SEQUENCE_TITLE, sequenceCheck);
  ruleTest('TAGS-EVALUATE-NOW', SEQUENCE_TITLE, sequenceCheck);
  ruleTest('TAGS-REJECTED-UNCHANGED', SEQUENCE_TITLE, sequenceCheck);
  ruleTest('TAGS-POST-ONLY', SEQUENCE_TITLE, sequenceCheck);
});
