import libxml from 'libxmljs2';
import type { Document, Element } from 'libxmljs2';
import { parseSimpleReturn } from '../client/simple-return.ts';
import type { PolicyTags } from './policy-tags.ts';

/** What a policy list answer says about one policy. */
export type PolicyListReading =
  | { kind: 'found'; tags: PolicyTags }
  | { kind: 'absent' }
  | { kind: 'unreadable'; reason: string };

const MAX_LIST_BYTES = 32_000_000; // 32 MB: a list of one policy is a few hundred bytes

/**
 * Reads one policy's tags from a `POLICY_LIST_OUTPUT` body (NOTES.md section c). A missing
 * TAG_SET_INCLUDE or TAG_SET_EXCLUDE reads as an empty set, as Qualys's own parser reads it.
 * Never loads the DOCTYPE's DTD, expands no entity, uses no network.
 * @returns `absent` when the list has no POLICY with that ID; `unreadable` with the reason for
 *   anything that is not a policy list (a SIMPLE_RETURN error, HTML, malformed XML)
 */
export function readPolicyTags(body: string, policyId: number): PolicyListReading {
  if (body.length > MAX_LIST_BYTES) {
    return { kind: 'unreadable', reason: `the body is ${body.length} bytes long` };
  }
  const error = parseSimpleReturn(body);
  if (error !== undefined) {
    return {
      kind: 'unreadable',
      reason: `a SIMPLE_RETURN, CODE ${error.code ?? '(none)'}: ${error.text}`,
    };
  }
  let doc: Document;
  try {
    doc = libxml.parseXml(body, { nonet: true, noent: false, dtdload: false, dtdvalid: false });
  } catch (cause) {
    return { kind: 'unreadable', reason: `not well-formed XML: ${(cause as Error).message}` };
  }
  const root = doc.root();
  if (root === null || root.name() !== 'POLICY_LIST_OUTPUT') {
    return { kind: 'unreadable', reason: `root element is ${root?.name() ?? '(none)'}` };
  }
  const policy = root
    .find<Element>('RESPONSE/POLICY_LIST/POLICY')
    .find((p) => p.get<Element>('ID')?.text().trim() === String(policyId));
  if (policy === undefined) return { kind: 'absent' };
  const ids = (set: string) =>
    policy.find<Element>(`${set}/TAG_ID`).map((t) => Number(t.text().trim()));
  const text = (name: string) => policy.get<Element>(name)?.text().trim();
  return {
    kind: 'found',
    tags: {
      include: ids('TAG_SET_INCLUDE'),
      exclude: ids('TAG_SET_EXCLUDE'),
      includeSelector: text('TAG_INCLUDE_SELECTOR'),
      excludeSelector: text('TAG_EXCLUDE_SELECTOR'),
    },
  };
}
