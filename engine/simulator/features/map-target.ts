/** An IPv4 range of a netblock, as 32-bit unsigned numbers, `start <= end`. */
export interface Ipv4Range {
  start: number;
  end: number;
}

/** One entry of map-2.php's `domain`: `mydomain.com` or `mydomain.com:10.0.0.1-10.0.0.9`. */
export interface MapTarget {
  domain: string;
  /** The netblock after the colon, when one was given. */
  range?: Ipv4Range;
}

/** The `domain` parameter read: every entry a target, or the entries that could not be read. */
export type MapTargets =
  | { ok: true; targets: MapTarget[] }
  | { ok: false; errors: { entry: string; reason: string }[] };

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`);
const OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * Reads map-2.php's `domain` parameter: comma-separated entries, each a domain name optionally
 * followed by `:` and a netblock, either one IPv4 address or `START-END` (launch_map.htm:
 * "comma separated; netblocks allowed"; release-note sample
 * `mydomain.com:10.10.10.10-10.10.10.20`).
 * Whitespace around entries is ignored. Octets with leading zeros, reversed ranges and empty
 * entries are errors: the vendor documents no leniency, so the simulator allows none.
 */
export function parseMapTargets(domainParam: string): MapTargets {
  const targets: MapTarget[] = [];
  const errors: { entry: string; reason: string }[] = [];
  for (const raw of domainParam.split(',')) {
    const entry = raw.trim();
    const colon = entry.indexOf(':');
    const domain = colon === -1 ? entry : entry.slice(0, colon);
    if (!HOSTNAME.test(domain)) {
      errors.push({ entry, reason: `"${domain}" is not a domain name` });
      continue;
    }
    if (colon === -1) {
      targets.push({ domain });
      continue;
    }
    const range = parseNetblock(entry.slice(colon + 1));
    if (typeof range === 'string') errors.push({ entry, reason: range });
    else targets.push({ domain, range });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, targets };
}

/** Reads `10.0.0.1` or `10.0.0.1-10.0.0.9`; a string says why it could not. */
export function parseNetblock(text: string): Ipv4Range | string {
  const parts = text.split('-');
  if (parts.length > 2) return `netblock "${text}" has more than one "-"`;
  const [startText = '', endText = startText] = parts;
  const start = parseIpv4(startText);
  const end = parseIpv4(endText);
  if (start === undefined) return `netblock start "${startText}" is not an IPv4 address`;
  if (end === undefined) return `netblock end "${endText}" is not an IPv4 address`;
  if (end < start) return `netblock "${text}" ends before it starts`;
  return { start, end };
}

/** Parses a dotted-quad IPv4 address to a 32-bit unsigned number, or undefined. */
export function parseIpv4(text: string): number | undefined {
  const octets = text.split('.');
  if (octets.length !== 4 || !octets.every((o) => OCTET.test(o))) return undefined;
  return octets.reduce((n, o) => n * 256 + Number(o), 0);
}

/** Formats a 32-bit unsigned number as a dotted-quad IPv4 address. */
export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
