import fc from 'fast-check';
import type { MapCase, MapShape, MapUser, NetworkIdKind } from './map-case.ts';
import { expectedMapOutcome, type MapNetwork, type MapSubscription } from './map-model.ts';
import { networkIdValue } from './network-id-arbitrary.ts';
import {
  domainNameArbitrary,
  fixtureTarget,
  LIVE_MALFORMED_KINDS,
  malformedTargetArbitrary,
  validTargetArbitrary,
  type MalformedNetblockKind,
  type MapTargetFixture,
} from './map-target-arbitrary.ts';

/** What the map case generator may draw from, and what it knows about the target. */
export interface MapCaseOptions {
  /** Subscriptions of the users that may call; a user left out is never drawn. */
  subscriptions: Partial<Record<MapUser, MapSubscription>>;
  /** Custom networks of the network-enabled subscription: `known` ids and malformed variants. */
  networks: readonly MapNetwork[];
  /** The profile's map fixture: scanner and option profile, and on live targets the domain. */
  fixture: MapTargetFixture & { scanner?: string; optionProfile?: string };
  /**
   * true (simulator): generated domains and netblocks, one to three entries a request.
   * false (live): only the fixture's domain and netblock, one entry a request.
   */
  generatedTargets: boolean;
  /** network_id kinds to draw (default all). */
  networkIds?: readonly NetworkIdKind[];
  /** Request shapes to draw (default `targets` only). */
  shapes?: readonly MapShape[];
  /** Users to draw (default every user in `subscriptions`). */
  users?: readonly MapUser[];
  /** save_report values to draw; undefined leaves it out (default yes, no, left out). */
  saveReport?: readonly ('yes' | 'no' | undefined)[];
}

const ALL_NETWORK_IDS: readonly NetworkIdKind[] = [
  'absent',
  'zero',
  'known',
  'unknown',
  'non-numeric',
  'negative',
];

/**
 * Map-2.php cases, each with the model's expected outcome for its user's subscription.
 * @throws Error when the options leave nothing to draw (no user, or `known` without networks)
 */
export function mapCaseArbitrary(options: MapCaseOptions): fc.Arbitrary<MapCase> {
  const users = (options.users ?? (Object.keys(options.subscriptions) as MapUser[])).filter(
    (u) => options.subscriptions[u] !== undefined,
  );
  if (users.length === 0) throw new Error('mapCaseArbitrary: no user with a subscription');
  const networkIds = (options.networkIds ?? ALL_NETWORK_IDS).filter(
    (k) => k !== 'known' || options.networks.length > 0,
  );
  if (networkIds.length === 0) throw new Error('mapCaseArbitrary: no network_id kind to draw');
  const shapes = options.shapes ?? ['targets'];

  // Built once: arbitraries are costly to construct (stringMatching compiles its pattern).
  const idValues = new Map(networkIds.map((k) => [k, networkIdValue(k, options.networks)]));
  const domains = new Map(shapes.map((shape) => [shape, domainParam(shape, options)]));

  return fc
    .record({
      user: fc.constantFrom(...users),
      method: fc.constantFrom('GET' as const, 'POST' as const),
      title: fc.stringMatching(/^[a-z0-9]{1,12}$/).map((s) => `conformance map ${s}`),
      networkId: fc.constantFrom(...networkIds),
      shape: fc.constantFrom(...shapes),
      saveReport: fc.constantFrom(...(options.saveReport ?? ['yes', 'no', undefined])),
    })
    .chain((draw) =>
      fc.record({
        draw: fc.constant(draw),
        networkIdValue: idValues.get(draw.networkId) as fc.Arbitrary<string | undefined>,
        domain: domains.get(draw.shape) as fc.Arbitrary<string | undefined>,
      }),
    )
    .map(({ draw, networkIdValue: id, domain }) => {
      const params: [string, string][] = [];
      if (draw.shape !== 'missing-map_title') params.push(['map_title', draw.title]);
      if (domain !== undefined) params.push(['domain', domain]);
      if (options.fixture.scanner !== undefined) {
        params.push(['iscanner_name', options.fixture.scanner]);
      }
      if (options.fixture.optionProfile !== undefined) {
        params.push(['option', options.fixture.optionProfile]);
      }
      if (id !== undefined) params.push(['network_id', id]);
      if (draw.saveReport !== undefined) params.push(['save_report', draw.saveReport]);
      const subscription = options.subscriptions[draw.user] as MapSubscription;
      return {
        user: draw.user,
        method: draw.method,
        params,
        networkId: draw.networkId,
        shape: draw.shape,
        expected: expectedMapOutcome(params, subscription),
      };
    });
}

/** The `domain` parameter for a shape, or undefined to leave it out. */
function domainParam(shape: MapShape, options: MapCaseOptions): fc.Arbitrary<string | undefined> {
  const live = !options.generatedTargets;
  const valid = live ? fc.constant(fixtureTarget(options.fixture)) : validTargetArbitrary();
  switch (shape) {
    case 'missing-domain':
      return fc.constant(undefined);
    case 'missing-map_title':
    case 'targets':
      return live ? valid : fc.array(valid, { minLength: 1, maxLength: 3 }).map((e) => e.join(','));
    case 'malformed-netblock': {
      const name = live ? fc.constant(options.fixture.domain) : domainNameArbitrary();
      const kinds: readonly MalformedNetblockKind[] = live
        ? LIVE_MALFORMED_KINDS
        : [
            'octet-out-of-range',
            'not-an-address',
            'reversed',
            'dangling-dash',
            'too-many-dashes',
            'empty',
          ];
      const malformed = malformedTargetArbitrary(name, kinds);
      if (live) return malformed;
      return fc
        .tuple(fc.array(valid, { maxLength: 2 }), malformed, fc.nat())
        .map(([others, bad, at]) => {
          const entries = [...others];
          entries.splice(at % (others.length + 1), 0, bad);
          return entries.join(',');
        });
    }
  }
}
