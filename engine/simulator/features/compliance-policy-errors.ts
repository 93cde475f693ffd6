import type { SimResponse } from '../sim-types.ts';
import { requestError } from '../simple-return-xml.ts';

/**
 * The simulator's answers to refused tag actions. The release notes give no error code or text
 * for the three actions, so each choice below is the closest Appendix D request error (HTTP
 * 400, CODE 1901–1922; NOTES.md sections b and c). The suites accept any such request error as
 * a rejection and record the code seen; only a target's expectations file pins codes.
 *
 * Asset Tagging disabled and missing permission are request errors too, not account errors
 * (2000–2012): an account error would stop the whole run, while the release notes describe
 * both as conditions of one action ("Good to Know").
 */
export const TAG_ERRORS = {
  /** 1907: the action is not supported in this subscription (our choice; not documented). */
  taggingDisabled: (action: string) =>
    requestError(
      1907,
      `The following combination of key=value pairs is not supported: action=${action} ` +
        '(the Asset Tagging service is not enabled for this subscription)',
    ),
  /** 1903, Appendix D "Missing required parameter(s)". */
  missing: (name: string) => requestError(1903, `Missing required parameter(s): ${name}`),
  /** 1905, Appendix D "parameter ... has invalid value", worded like the recorded 1905s. */
  invalid: (name: string, value: string, why: string) =>
    requestError(1905, `parameter ${name} has invalid value: ${value} (${why})`),
  /** 1905 on id: the policy is not one this user may modify (our choice; not documented). */
  noPermission: (id: string) =>
    requestError(
      1905,
      `parameter id has invalid value: ${id} (you do not have permission to modify this policy)`,
    ),
  /**
   * 1922, Appendix D "Please specify at least one of the following parameters": the release
   * notes' "you must set either tag_set_include or tag_set_exclude parameter, or both"
   * (NOTES.md section c names 1922 the best fit, unverified).
   */
  removeNeedsSet: () =>
    requestError(
      1922,
      'Please specify at least one of the following parameters: tag_set_include, tag_set_exclude',
    ),
} as const satisfies Record<string, (...args: string[]) => SimResponse>;
