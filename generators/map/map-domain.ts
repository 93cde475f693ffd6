/**
 * How the expected-outcome model reads map-2.php's `domain` parameter. Written apart from the
 * simulator's reader (engine/simulator/features/map-target.ts) on purpose: the generator
 * properties compare the two.
 */

/** One entry of `domain`, as the model reads it. */
export interface ModelTarget {
  domain: string;
  /** START and END of the netblock, dotted quads; START = END for a single address. */
  netblock?: { start: string; end: string };
}

/** Why an entry of `domain` cannot be mapped. */
export type TargetDefect = 'domain-name' | 'netblock';

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
// One octet, 0-255, without leading zeros (the notes show none; the model accepts none).
const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const ADDRESS = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

/**
 * Reads `domain`: comma-separated entries `name` or `name:START[-END]`, whitespace around
 * entries ignored. Returns the targets, or the first defect found.
 */
export function readDomainParam(value: string): ModelTarget[] | TargetDefect {
  const targets: ModelTarget[] = [];
  for (const entry of value.split(',').map((e) => e.trim())) {
    const [name = '', ...rest] = entry.split(':');
    if (name.length > 253 || !DOMAIN.test(name)) return 'domain-name';
    if (rest.length === 0) {
      targets.push({ domain: name });
      continue;
    }
    const netblock = readNetblock(rest.join(':'));
    if (netblock === undefined) return 'netblock';
    targets.push({ domain: name, netblock });
  }
  return targets;
}

function readNetblock(text: string): { start: string; end: string } | undefined {
  const match = /^([^-]*)(?:-([^-]*))?$/.exec(text);
  const start = match?.[1] ?? '';
  const end = match?.[2] ?? start;
  const from = addressValue(start);
  const to = addressValue(end);
  if (from === undefined || to === undefined || to < from) return undefined;
  return { start, end };
}

/** The 32-bit value of a dotted quad, or undefined when it is not one. */
export function addressValue(text: string): number | undefined {
  const match = ADDRESS.exec(text);
  if (match === null) return undefined;
  return match.slice(1).reduce((value, octet) => value * 256 + Number(octet), 0);
}
