import fc from 'fast-check';

/** A map fixture: the one domain (and netblock) a live target may map. */
export interface MapTargetFixture {
  domain: string;
  netblock?: string;
}

/** Ways a netblock can be malformed. */
export type MalformedNetblockKind =
  | 'octet-out-of-range'
  | 'not-an-address'
  | 'reversed'
  | 'dangling-dash'
  | 'too-many-dashes'
  | 'empty';

/**
 * Kinds safe on a live target: no lenient reading of them names an address range, so a target
 * that accepted them anyway could not launch a discovery of hosts the profile did not name.
 */
export const LIVE_MALFORMED_KINDS: readonly MalformedNetblockKind[] = [
  'octet-out-of-range',
  'not-an-address',
];

const MAX_NETBLOCK_HOSTS = 40; // small maps: a generated case stays a few kilobytes

const address = (octets: [number, number, number, number]) => octets.join('.');

/** A domain name: one label under a reserved-looking second level (never a real company's). */
export function domainNameArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/),
      fc.constantFrom('example.com', 'example.net', 'example.org', 'test'),
    )
    .map(([label, parent]) => `${label}.${parent}`);
}

/** A netblock of 1 to 41 addresses in 10.0.0.0/8: `10.1.2.3` or `10.1.2.3-10.1.2.9`. */
export function netblockArbitrary(): fc.Arbitrary<string> {
  return fc
    .record({
      start: fc.integer({ min: 10 * 2 ** 24, max: 11 * 2 ** 24 - 1 - MAX_NETBLOCK_HOSTS }),
      size: fc.integer({ min: 0, max: MAX_NETBLOCK_HOSTS }),
      single: fc.boolean(),
    })
    .map(({ start, size, single }) =>
      size === 0 && single ? quad(start) : `${quad(start)}-${quad(start + size)}`,
    );
}

/** A mappable `domain` entry: a generated domain, with a netblock or without. */
export function validTargetArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(domainNameArbitrary(), fc.option(netblockArbitrary(), { nil: undefined }))
    .map(([domain, netblock]) => (netblock === undefined ? domain : `${domain}:${netblock}`));
}

/** The fixture as a `domain` entry. */
export function fixtureTarget(fixture: MapTargetFixture): string {
  return fixture.netblock === undefined ? fixture.domain : `${fixture.domain}:${fixture.netblock}`;
}

/**
 * A `domain` entry whose netblock is malformed, for `domain`.
 * @param kinds the kinds to draw from (LIVE_MALFORMED_KINDS on live targets)
 */
export function malformedTargetArbitrary(
  domain: fc.Arbitrary<string>,
  kinds: readonly MalformedNetblockKind[],
): fc.Arbitrary<string> {
  const octet = () => fc.integer({ min: 0, max: 255 });
  const quadArb = fc.tuple(octet(), octet(), octet(), octet()).map(address);
  const netblocks: Record<MalformedNetblockKind, fc.Arbitrary<string>> = {
    'octet-out-of-range': fc
      .tuple(quadArb, fc.integer({ min: 256, max: 999 }))
      .map(([a, bad]) => `${a.split('.').slice(0, 3).join('.')}.${bad}`),
    'not-an-address': fc.constantFrom('abc', '10.0.0', '10.0.0.0.1', '10.0.0.x', 'localhost'),
    reversed: fc
      .tuple(
        fc.integer({ min: 10 * 2 ** 24 + 1, max: 11 * 2 ** 24 - 1 }),
        fc.integer({ min: 1, max: 40 }),
      )
      .map(([end, back]) => `${quad(end)}-${quad(end - back)}`),
    'dangling-dash': quadArb.map((a) => `${a}-`),
    'too-many-dashes': quadArb.map((a) => `${a}-${a}-${a}`),
    empty: fc.constant(''),
  };
  return fc
    .tuple(
      domain,
      fc.constantFrom(...kinds).chain((kind) => netblocks[kind]),
    )
    .map(([name, netblock]) => `${name}:${netblock}`);
}

function quad(n: number): string {
  return address([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}
