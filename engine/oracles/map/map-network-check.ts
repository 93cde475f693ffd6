import { readRejection } from '../rejection.ts';
import { validateXml } from '../xml/index.ts';
import type { RuleFailure } from '../../results/results-schema.ts';
import type { CallResult } from '../../run/target.ts';
import type { MapNetwork } from './map-network.ts';
import { bodyExcerpt } from './body-excerpt.ts';
import { readMap } from './read-map.ts';

/** What a map that ran in the right network looked like, for the evidence note. */
export interface MapNetworkSummary {
  maps: number;
  ips: number;
}

/**
 * Checks that every MAP of an answer ran in `network`: HEADER KEY "NETWORK ID" equals its id
 * (release-note sample: `<KEY value="NETWORK ID">4234545</KEY>`), and every IP carries
 * `network_id` equal to it and `network` equal to its name (map-2.dtd `ATTLIST IP`). A request
 * the rule sent expecting a map fails when it was rejected or the map cannot be read.
 * @param documented what the release notes say about this request, for the failure report
 */
export function mapNetworkConformance(
  result: CallResult,
  network: MapNetwork,
  documented: string,
): RuleFailure | MapNetworkSummary {
  const evidence = { request: result.described, curl: result.curl, documented };
  const fail = (message: string, received: string, line: number | null): RuleFailure => ({
    ...evidence,
    message,
    received,
    responseExcerpt: bodyExcerpt(result.text, line),
  });
  const expected = `network_id ${network.id} (${network.name})`;

  const rejection = readRejection(result.status, result.text);
  if (rejection !== undefined) {
    return fail(
      `a map request in ${expected} was rejected`,
      `HTTP ${result.status}, ${rejection.form} ${rejection.code ?? '(no number)'}: ${rejection.text}`,
      null,
    );
  }
  const reading = readMap(result.text);
  if (reading.kind === 'malformed') {
    // The XML oracle names the first fatal error; libxmljs2's exception names the last.
    const first = validateXml(result.text, { dtd: 'map-2' }).errors[0];
    const message = first?.message ?? reading.message;
    return fail(
      `the map cannot be read, so its network cannot be checked: not well-formed XML (${message})`,
      `HTTP ${result.status}, not well-formed: ${message}`,
      first?.line ?? reading.line,
    );
  }
  if (reading.kind === 'other-root') {
    return fail(`the answer is a ${reading.root}, not a MAP_REQUEST`, `root ${reading.root}`, 1);
  }
  if (reading.maps.length === 0) {
    return fail('the MAP_REQUEST holds no MAP', `HTTP ${result.status}, no MAP element`, 1);
  }

  const problems: { text: string; line: number }[] = [];
  for (const map of reading.maps) {
    const label = `MAP ${map.ref ?? '(no value)'} (TARGET ${map.keys.get('TARGET') ?? '?'})`;
    if (map.error !== undefined)
      problems.push({ text: `${label}: ERROR ${map.error}`, line: map.line });
    const key = map.keys.get('NETWORK ID');
    if (key !== String(network.id)) {
      const seen =
        key === undefined ? 'no HEADER KEY "NETWORK ID"' : `HEADER KEY "NETWORK ID" = ${key}`;
      problems.push({ text: `${label}: ${seen}`, line: map.line });
    }
    for (const ip of map.ips) {
      if (ip.networkId === String(network.id) && ip.network === network.name) continue;
      problems.push({
        text: `${label}: IP ${ip.value} network_id=${quoted(ip.networkId)} network=${quoted(ip.network)}`,
        line: ip.line,
      });
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 12).map((p) => p.text);
    if (problems.length > 12) shown.push(`… and ${problems.length - 12} more`);
    return fail(
      `the map did not run in ${expected}: ${problems.length} deviation(s), the first: ${problems[0]?.text ?? ''}`,
      shown.join('\n'),
      problems[0]?.line ?? null,
    );
  }
  return { maps: reading.maps.length, ips: reading.maps.reduce((n, m) => n + m.ips.length, 0) };
}

function quoted(value: string | undefined): string {
  return value === undefined ? '(absent)' : `"${value}"`;
}
