import { SECTIONS, type Rule } from './rule.ts';

const tagRule = (id: string, title: string): Rule => ({
  id,
  title,
  source: SECTIONS.tags,
  suite: 'tags',
});

/**
 * Rules of the 10.18 compliance policy tag actions (release notes "Compliance Policy - Manage
 * Asset Tags using API": "Good to Know", "Input Parameters" and the remove_asset_tags note).
 */
export const TAG_RULES: Rule[] = [
  tagRule(
    'TAGS-SET-OVERWRITES',
    'after set_asset_tags the policy holds exactly the tag_set_include and tag_set_exclude sent',
  ),
  tagRule(
    'TAGS-ADD-MERGES',
    'add_asset_tags adds only tags not yet on the policy, never twice; adding tags already ' +
      'there succeeds and changes nothing',
  ),
  tagRule('TAGS-REMOVE-SUBTRACTS', 'remove_asset_tags removes the tags named and nothing else'),
  tagRule(
    'TAGS-REMOVE-NEEDS-SET',
    'remove_asset_tags with neither tag_set_include nor tag_set_exclude is rejected',
  ),
  tagRule(
    'TAGS-ID-REQUIRED',
    'a tag action without id, or with a non-integer or unknown id, is rejected',
  ),
  tagRule(
    'TAGS-SELECTORS',
    'tag_include_selector and tag_exclude_selector accept only all and any, default to any, ' +
      'and the policy reports the selector that was set',
  ),
  tagRule(
    'TAGS-SET-BY',
    'tag_set_by accepts id and name and defaults to id; with name, tags resolve by their ' +
      '(case-sensitive) names',
  ),
  tagRule('TAGS-EVALUATE-NOW', 'evaluate_now accepts 0 and 1 only'),
  tagRule('TAGS-REJECTED-UNCHANGED', 'a rejected tag action leaves the policy exactly as it was'),
  tagRule('TAGS-POST-ONLY', 'set_asset_tags, add_asset_tags and remove_asset_tags refuse GET'),
  tagRule(
    'TAGS-TAGGING-DISABLED',
    'without the Asset Tagging service in the subscription the tag actions are rejected',
  ),
  tagRule(
    'TAGS-NO-PERMISSION',
    'a user without permission to modify the policy cannot change its tags',
  ),
];
