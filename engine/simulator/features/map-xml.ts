import { xmlEscape } from '../xml-escape.ts';
import type { DiscoveredHost } from './map-hosts.ts';
import { formatIpv4, type MapTarget } from './map-target.ts';
import type { SimNetwork } from './network-catalogue.ts';

/** Everything a MAP_REQUEST answer says. */
export interface MapAnswer {
  login: string;
  company: string;
  /** DATE key, ISO 8601 to the second. */
  date: string;
  title: string;
  scanner: string | undefined;
  optionProfile: string | undefined;
  /** The network mapped in; undefined on subscriptions without Network Support. */
  network: SimNetwork | undefined;
  /** One MAP per entry of `domain`, in request order. */
  maps: { ref: string; target: MapTarget; hosts: DiscoveredHost[] }[];
}

/** Deliberate deviations of the written document (see map-faults.ts). */
export interface MapXmlDeviations {
  /** IP elements without their network_id attribute. */
  omitIpNetworkId: boolean;
  /** OPTION_PROFILE before USER_ENTERED_DOMAINS: well-formed, invalid against map-2.dtd. */
  optionProfileFirst: boolean;
  /** Element names with spaces, as the release notes print them: not well-formed. */
  printedNames: boolean;
}

const NO_DEVIATIONS: MapXmlDeviations = {
  omitIpNetworkId: false,
  optionProfileFirst: false,
  printedNames: false,
};

/** The DOCTYPE of map answers (release notes: "DTD: <platform API server>/map-2.dtd"). */
export const MAP_DOCTYPE = '<!DOCTYPE MAP_REQUEST SYSTEM "https://qualysapi.qualys.com/map-2.dtd">';

/** Name of the default option profile, used when `option` is not given. */
export const DEFAULT_OPTION_PROFILE = 'Initial Options';

/**
 * Writes a MAP_REQUEST with one MAP per target, shaped like the release-note sample: a keep-alive
 * comment, HEADER KEYs in the sample's order (NETWORK ID only with a network),
 * USER_ENTERED_DOMAINS, OPTION_PROFILE, then the IPs with `network` and `network_id`.
 */
export function mapRequestXml(answer: MapAnswer, deviations = NO_DEVIATIONS): string {
  const lines = ['<!-- keep-alive -->', MAP_DOCTYPE, '<MAP_REQUEST>'];
  for (const map of answer.maps) {
    lines.push(`<MAP value="${text(map.ref)}">`, '  <HEADER>');
    for (const [key, value] of headerKeys(answer, map.target, map.hosts.length)) {
      lines.push(`    <KEY value="${key}">${value}</KEY>`);
    }
    const domains = userEnteredDomains(map.target);
    const profile = optionProfile(answer.optionProfile);
    lines.push(
      ...(deviations.optionProfileFirst ? [...profile, ...domains] : [...domains, ...profile]),
    );
    lines.push('  </HEADER>');
    for (const host of map.hosts) lines.push(...ip(host, answer.network, deviations));
    lines.push('</MAP>');
  }
  lines.push('</MAP_REQUEST>', '');
  const xml = lines.join('\n');
  return deviations.printedNames ? asPrinted(xml) : xml;
}

/** The release notes' printed spelling: underscores of names turned into spaces. */
function asPrinted(xml: string): string {
  const names = 'USER_ENTERED_DOMAINS|OPTION_PROFILE(?:_TITLE)?|option_profile_default|network_id';
  return xml.replace(
    new RegExp(`(<\\/?|\\s)(${names})\\b`, 'g'),
    (_m, lead: string, n: string) => `${lead}${n.replace(/_/g, ' ')}`,
  );
}

/** A MAP_REQUEST holding only ERRORs (map-2.dtd: `MAP_REQUEST (MAP*|ERROR*)`). */
export function mapErrorsXml(errors: { number: number; text: string }[]): string {
  return [
    MAP_DOCTYPE,
    '<MAP_REQUEST>',
    ...errors.map((e) => `  <ERROR number="${e.number}">${text(e.text)}</ERROR>`),
    '</MAP_REQUEST>',
    '',
  ].join('\n');
}

function headerKeys(answer: MapAnswer, target: MapTarget, hostCount: number): [string, string][] {
  const netblock = target.range === undefined ? '' : `Netblock: ${rangeText(target)}, `;
  const options =
    'Information gathering: All Hosts, Perform live host sweep, Standard TCP port list, ' +
    `Standard UDP port list, Disable DNS traffic, ${netblock}ICMP Host Discovery`;
  const scanner = answer.scanner ?? 'External Scanners';
  const keys: [string, string][] = [
    ['USERNAME', text(answer.login)],
    ['COMPANY', cdata(answer.company)],
    ['DATE', answer.date],
    ['TITLE', cdata(answer.title)],
    ['TARGET', text(target.domain)],
    ['NBHOST TOTAL', String(hostCount)],
    ['DURATION', duration(20 + hostCount * 3)],
    ['SCAN HOST', `${text(scanner)}(Scanner 12.10.24-1, Vulnerability Signatures 2.5.402-2)`],
    ['REPORT TYPE', 'API'],
    ['STATUS', 'FINISHED'],
  ];
  if (answer.network !== undefined) keys.push(['NETWORK ID', String(answer.network.id)]);
  keys.push(['OPTIONS', cdata(options)]);
  return keys;
}

function userEnteredDomains(target: MapTarget): string[] {
  const lines = ['    <USER_ENTERED_DOMAINS>', `      <DOMAIN>${cdata(target.domain)}</DOMAIN>`];
  if (target.range !== undefined) {
    lines.push(
      '      <NETBLOCK>',
      '        <RANGE>',
      `          <START>${formatIpv4(target.range.start)}</START>`,
      `          <END>${formatIpv4(target.range.end)}</END>`,
      '        </RANGE>',
      '      </NETBLOCK>',
    );
  }
  lines.push('    </USER_ENTERED_DOMAINS>');
  return lines;
}

function optionProfile(title: string | undefined): string[] {
  const isDefault = title === undefined ? '1' : '0';
  return [
    '    <OPTION_PROFILE>',
    `      <OPTION_PROFILE_TITLE option_profile_default="${isDefault}">` +
      `${cdata(title ?? DEFAULT_OPTION_PROFILE)}</OPTION_PROFILE_TITLE>`,
    '    </OPTION_PROFILE>',
  ];
}

function ip(
  host: DiscoveredHost,
  network: SimNetwork | undefined,
  deviations: MapXmlDeviations,
): string[] {
  const attributes = [`value="${host.ip}"`];
  if (host.name !== undefined) attributes.push(`name="${text(host.name)}"`);
  if (network !== undefined) {
    attributes.push(`network="${text(network.name)}"`);
    if (!deviations.omitIpNetworkId) attributes.push(`network_id="${network.id}"`);
  }
  return [`<IP ${attributes.join(' ')}>`, `  <DISCOVERY method="${text(host.method)}" />`, '</IP>'];
}

function rangeText(target: MapTarget): string {
  const { start, end } = target.range ?? { start: 0, end: 0 };
  return start === end ? formatIpv4(start) : `${formatIpv4(start)}-${formatIpv4(end)}`;
}

function duration(seconds: number): string {
  const parts = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  return parts.map((p) => String(p).padStart(2, '0')).join(':');
}

/** The text with characters XML 1.0 does not allow (a request may carry them) replaced. */
function xmlSafe(value: string): string {
  let safe = '';
  for (const char of value) {
    const c = char.codePointAt(0) ?? 0;
    const allowed =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000;
    safe += allowed ? char : '\uFFFD';
  }
  return safe;
}

function text(value: string): string {
  return xmlEscape(xmlSafe(value));
}

function cdata(value: string): string {
  return `<![CDATA[${xmlSafe(value).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
