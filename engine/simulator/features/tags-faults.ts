import type { SimFault } from '../sim-types.ts';

/** Faults of the compliance policy tag actions (rules TAGS-*; suite tags). */
export const TAGS_FAULTS: SimFault[] = [
  {
    name: 'remove-without-tag-set-accepted',
    rules: ['TAGS-REMOVE-NEEDS-SET'],
    suite: 'tags',
    description: 'remove_asset_tags without tag_set_include or tag_set_exclude succeeds',
  },
  {
    name: 'set-merges',
    rules: ['TAGS-SET-OVERWRITES'],
    suite: 'tags',
    description:
      'set_asset_tags adds the sent tags to the ones the policy has instead of replacing them',
  },
  {
    name: 'add-duplicates',
    rules: ['TAGS-ADD-MERGES'],
    suite: 'tags',
    description: 'add_asset_tags appends every tag sent, so a tag already there is listed twice',
  },
  {
    name: 'remove-ignores-exclude',
    rules: ['TAGS-REMOVE-SUBTRACTS'],
    suite: 'tags',
    description:
      'remove_asset_tags ignores tag_set_exclude and removes tags from TAG_SET_INCLUDE only',
  },
  {
    name: 'selector-default-all',
    rules: ['TAGS-SELECTORS'],
    suite: 'tags',
    description: 'a selector left out of set_asset_tags becomes "all" instead of "any"',
  },
  {
    name: 'rejected-request-changes-state',
    rules: ['TAGS-REJECTED-UNCHANGED'],
    suite: 'tags',
    description: 'a refused tag action on an existing policy still flips its TAG_INCLUDE_SELECTOR',
  },
  {
    name: 'tag-set-by-name-ignored',
    rules: ['TAGS-SET-BY'],
    suite: 'tags',
    description: 'tag_set_by=name is ignored: tag names are looked up as tag ids and refused',
  },
];
