/**
 * What the release notes ("Compliance Policy - Manage Asset Tags using API") say, quoted for
 * failure reports, by rule id.
 */
export const DOCUMENTED: Record<string, string> = {
  'TAGS-SET-OVERWRITES':
    'set_asset_tags: "overwrite the asset tags for a policy. Any assigned asset tags not ' +
    'specified in the request will be removed from the policy."',
  'TAGS-ADD-MERGES':
    'add_asset_tags: "we will check whether the asset tags specified in the request are ' +
    'already associated with the policy and only add the asset tags that are new to the policy."',
  'TAGS-REMOVE-SUBTRACTS':
    'remove_asset_tags: "Specify this action to remove asset tags from the policy."',
  'TAGS-REMOVE-NEEDS-SET':
    '"With the remove_asset_tags action, you must set either tag_set_include or ' +
    'tag_set_exclude parameter, or both the parameters."',
  'TAGS-ID-REQUIRED':
    'id={value} (Required) "Policy ID for the policy you want to update." (Integer)',
  'TAGS-SELECTORS':
    'tag_include_selector={all|any}, tag_exclude_selector={all|any} (Optional): "Select any ' +
    '(the default) ... Select all ..."',
  'TAGS-SET-BY':
    'tag_set_by={id|name} (Optional): "Specify id (the default) to select a tag set by ' +
    'providing tag IDs. Specify name to select a tag set by providing tag names."',
  'TAGS-EVALUATE-NOW': 'evaluate_now={0|1} (Optional)',
  'TAGS-REJECTED-UNCHANGED':
    'a request refused with a SIMPLE_RETURN request error (Appendix D, CODE 1901–1922) is not ' +
    'carried out: the policy stays as it was',
  'TAGS-POST-ONLY': 'action={value} (Required) "Specify one of the following actions (using POST)"',
  'TAGS-TAGGING-DISABLED':
    'Good to Know: "Asset Tagging service must be enabled for your subscription."',
  'TAGS-NO-PERMISSION':
    'Good to Know: "You must have permission to modify the policy you want to update."',
};

/** The quote for a rule id (the rule's own title when none is recorded). */
export function documentedFor(ruleId: string): string {
  return DOCUMENTED[ruleId] ?? ruleId;
}
