import { describe } from 'vitest';
import { ConformanceFailure } from '../../engine/run/conformance-failure.ts';
import { ruleTest, type RuleCase } from '../../engine/run/rule-test.ts';
import type { MapCase, NetworkIdKind } from '../../generators/map/map-case.ts';
import { describeMapCase } from '../../generators/map/map-case.ts';
import { mapCaseArbitrary } from '../../generators/map/map-case-arbitrary.ts';
import {
  INVALID_NETWORK_ID_KINDS,
  UNKNOWN_NETWORK_IDS,
} from '../../generators/map/network-id-arbitrary.ts';
import {
  fixtureMapCase,
  launchMap,
  LIVE_MAP_RUNS,
  mapCaseOptions,
  mapProperty,
  mapTestOptions,
  requireMapLaunches,
} from './map-suite.ts';

const NOT_ENABLED =
  'release notes 10.18: network_id is "(Optional, and valid only when the Network Support ' +
  'feature is enabled for the user\'s account)": a v1 rejection (GENERIC_RETURN or ERROR)';
const INVALID =
  'release notes 10.18: network_id restricts the map "to a certain custom network by specifying ' +
  'the network ID"; a value that is no network ID of the subscription cannot: a v1 rejection';

/**
 * Sends a case that must be rejected and records its number under `network-id-KIND`
 * (expectRejection counts the case).
 */
async function expectRejected(
  ruleCase: RuleCase,
  mapCase: MapCase,
  documented: string,
): Promise<string> {
  const result = await launchMap(mapCase);
  let rejection;
  try {
    rejection = ruleCase.expectRejection(`network-id-${mapCase.networkId}`, result, documented);
  } catch (error) {
    if (!(error instanceof ConformanceFailure)) throw error;
    const message = `${describeMapCase(mapCase)}: ${error.failure.message}`;
    throw new ConformanceFailure({ ...error.failure, message });
  }
  return `${describeMapCase(mapCase)}: ${rejection.form} ${rejection.code ?? '(no number)'} ${rejection.text}`;
}

describe('Launch Map: network_id refused', () => {
  ruleTest(
    'MAP-NETWORK-NOT-ENABLED',
    'a subscription without Network Support rejects the network_id of a custom network',
    async (ruleCase) => {
      const fixture = requireMapLaunches(ruleCase, { plainUser: true });
      const options = await mapCaseOptions(fixture);
      const custom = options.networks[0];
      const networkId: { kind: NetworkIdKind; value: string } =
        custom === undefined
          ? { kind: 'zero', value: '0' }
          : { kind: 'known', value: String(custom.id) };
      const mapCase = fixtureMapCase(
        options,
        'MAP-NETWORK-NOT-ENABLED',
        networkId,
        'networkDisabled',
      );

      await ruleCase.note(await expectRejected(ruleCase, mapCase, NOT_ENABLED));
    },
    mapTestOptions(1),
  );

  ruleTest(
    'MAP-NETWORK-NOT-ENABLED',
    'a subscription without Network Support rejects every generated network_id, 0 included',
    async (ruleCase) => {
      const fixture = requireMapLaunches(ruleCase, { plainUser: true });
      const options = await mapCaseOptions(fixture);
      const arbitrary = mapCaseArbitrary({
        ...options,
        users: ['networkDisabled'],
        networkIds: ['zero', 'known', ...INVALID_NETWORK_ID_KINDS],
      });

      await mapProperty(ruleCase, arbitrary, async (mapCase) => {
        await expectRejected(ruleCase, mapCase, NOT_ENABLED);
      });
    },
    mapTestOptions(LIVE_MAP_RUNS),
  );

  ruleTest(
    'MAP-NETWORK-INVALID',
    'an unknown, a non-numeric and a negative network_id are each rejected',
    async (ruleCase) => {
      const fixture = requireMapLaunches(ruleCase, { networkSupport: true });
      const options = await mapCaseOptions(fixture);
      const known = options.subscriptions.main?.networks.map((n) => n.id) ?? [];
      let unknown: number = UNKNOWN_NETWORK_IDS.max;
      while (known.includes(unknown)) unknown -= 1;
      const base = options.networks[0]?.id ?? 1;
      const values: [NetworkIdKind, string][] = [
        ['unknown', String(unknown)],
        ['non-numeric', `${base}abc`],
        ['negative', `-${base}`],
      ];

      const seen: string[] = [];
      for (const [kind, value] of values) {
        const mapCase = fixtureMapCase(options, 'MAP-NETWORK-INVALID', { kind, value });
        seen.push(await expectRejected(ruleCase, mapCase, INVALID));
      }

      await ruleCase.note(seen.join('\n'));
    },
    mapTestOptions(3),
  );

  ruleTest(
    'MAP-NETWORK-INVALID',
    'generated unknown, non-numeric and negative network_ids are rejected',
    async (ruleCase) => {
      const fixture = requireMapLaunches(ruleCase, { networkSupport: true });
      const options = await mapCaseOptions(fixture);
      const arbitrary = mapCaseArbitrary({
        ...options,
        users: ['main'],
        networkIds: INVALID_NETWORK_ID_KINDS,
      }).filter((c) => c.expected.kind === 'rejected');

      await mapProperty(ruleCase, arbitrary, async (mapCase) => {
        await expectRejected(ruleCase, mapCase, INVALID);
      });
    },
    mapTestOptions(LIVE_MAP_RUNS),
  );
});
