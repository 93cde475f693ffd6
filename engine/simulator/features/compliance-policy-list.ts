import type { SimRequest, SimResponse } from '../sim-types.ts';
import { xmlEscape } from '../xml-escape.ts';
import { TAG_ERRORS } from './compliance-policy-errors.ts';
import type { SimPolicy } from './compliance-policy-store.ts';
import { listOutput } from '../list-output-xml.ts';

/** Parameters of action=list the simulator takes (a subset of the real operation's). */
export const POLICY_LIST_PARAMS = ['ids', 'id_min', 'id_max', 'details'];

const DETAILS = ['None', 'Basic', 'All'];

/**
 * Answers action=list as Qualys's own tooling reads it (NOTES.md section c): a
 * POLICY_LIST_OUTPUT whose POLICY elements hold ID, TITLE, CREATED, LAST_MODIFIED, STATUS and,
 * with details=Basic (the default) or All, TAG_SET_INCLUDE / TAG_SET_EXCLUDE with TAG_ID
 * children (left out when empty) and both selectors. details=None lists IDs only.
 */
export function handlePolicyList(
  request: SimRequest,
  policies: Map<number, SimPolicy>,
): SimResponse {
  const details = request.params.get('details') ?? 'Basic';
  if (!DETAILS.includes(details)) {
    return TAG_ERRORS.invalid('details', details, `allowed: ${DETAILS.join(', ')}`);
  }
  const filters: ((id: number) => boolean)[] = [];
  const ids = request.params.get('ids');
  if (ids !== null) {
    const ranges = parseIdRanges(ids);
    if (ranges === undefined) {
      return TAG_ERRORS.invalid('ids', ids, `neither a positive integer nor a range: ${ids}`);
    }
    filters.push((id) => ranges.some(([low, high]) => id >= low && id <= high));
  }
  for (const [name, keep] of [
    ['id_min', (id: number, bound: number) => id >= bound],
    ['id_max', (id: number, bound: number) => id <= bound],
  ] as const) {
    const value = request.params.get(name);
    if (value === null) continue;
    if (!/^\d+$/.test(value)) return TAG_ERRORS.invalid(name, value, 'not a positive integer');
    filters.push((id) => keep(id, Number(value)));
  }
  const visible = [...policies.values()]
    .filter((p) => p.subscriptionId === request.user.subscription.id)
    .filter((p) => filters.every((keep) => keep(p.id)))
    .sort((a, b) => a.id - b.id);
  const rows = visible.map((p) => (details === 'None' ? idOnly(p) : policyXml(p)));
  return listOutput(
    'POLICY_LIST_OUTPUT',
    'https://qualysapi.qualys.com/api/2.0/fo/compliance/policy/policy_list_output.dtd',
    rows,
  );
}

function idOnly(policy: SimPolicy): string {
  return `      <POLICY>\n        <ID>${policy.id}</ID>\n      </POLICY>`;
}

function policyXml(policy: SimPolicy): string {
  const tagSet = (name: string, ids: number[]) =>
    ids.length === 0
      ? []
      : [
          `        <${name}>`,
          ...ids.map((id) => `          <TAG_ID>${id}</TAG_ID>`),
          `        </${name}>`,
        ];
  return [
    '      <POLICY>',
    `        <ID>${policy.id}</ID>`,
    `        <TITLE><![CDATA[${policy.title}]]></TITLE>`,
    `        <CREATED><DATETIME>${policy.createdAt}</DATETIME><BY>sim_manager</BY></CREATED>`,
    '        <LAST_MODIFIED>' +
      `<DATETIME>${policy.lastModifiedAt}</DATETIME><BY>${xmlEscape(policy.lastModifiedBy)}</BY>` +
      '</LAST_MODIFIED>',
    '        <STATUS>active</STATUS>',
    ...tagSet('TAG_SET_INCLUDE', policy.include),
    ...tagSet('TAG_SET_EXCLUDE', policy.exclude),
    `        <TAG_INCLUDE_SELECTOR>${policy.includeSelector}</TAG_INCLUDE_SELECTOR>`,
    `        <TAG_EXCLUDE_SELECTOR>${policy.excludeSelector}</TAG_EXCLUDE_SELECTOR>`,
    '      </POLICY>',
  ].join('\n');
}

/** `12-15,20` → [[12, 15], [20, 20]]; undefined when any part is not an id or a range. */
function parseIdRanges(text: string): [number, number][] | undefined {
  const ranges: [number, number][] = [];
  for (const part of text.split(',')) {
    const match = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(part);
    if (match === null) return undefined;
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    if (high < low) return undefined;
    ranges.push([low, high]);
  }
  return ranges;
}
