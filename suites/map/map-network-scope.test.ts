import { describe } from 'vitest';
import { ConformanceFailure } from '../../engine/run/conformance-failure.ts';
import { ruleTest } from '../../engine/run/rule-test.ts';
import { describeMapCase, type MapCase } from '../../generators/map/map-case.ts';
import { mapCaseArbitrary } from '../../generators/map/map-case-arbitrary.ts';
import { GLOBAL_DEFAULT_NETWORK, type MapNetwork } from '../../generators/map/map-model.ts';
import { mapNetworkConformance } from '../../engine/oracles/map/map-network-check.ts';
import {
  fixtureMapCase,
  launchMap,
  LIVE_MAP_RUNS,
  mapCaseOptions,
  mapProperty,
  mapTestOptions,
  requireMapLaunches,
} from './map-suite.ts';

const SCOPED =
  'release notes 10.18: network_id "Restrict[s] the request to a certain custom network"; the ' +
  'sample answers <KEY value="NETWORK ID">4234545</KEY> and IPs network="Custom network 3" ' +
  'network_id="4234545" (map-2.dtd ATTLIST IP network, network_id)';
const DEFAULT =
  'release notes 10.18: network_id "When unspecified, we default to "0" for Global Default ' +
  'Network": HEADER KEY "NETWORK ID" 0, IPs network_id="0" network="Global Default Network"';

/** Launches a case the model expects to map in `network` and checks that it did. */
async function expectMapIn(
  mapCase: MapCase,
  network: MapNetwork,
  documented: string,
): Promise<string> {
  const result = await launchMap(mapCase);
  const verdict = mapNetworkConformance(result, network, documented);
  if ('message' in verdict) {
    throw new ConformanceFailure({
      ...verdict,
      message: `${describeMapCase(mapCase)}: ${verdict.message}`,
    });
  }
  return `${verdict.maps} map(s), ${verdict.ips} IP(s) in network ${network.id} (${network.name})`;
}

/** The network the model says a case maps in. */
function modelNetwork(mapCase: MapCase): MapNetwork {
  if (mapCase.expected.kind !== 'map' || mapCase.expected.network === undefined) {
    throw new Error(
      `the model expects no network for ${describeMapCase(mapCase)}: generator options are inconsistent`,
    );
  }
  return mapCase.expected.network;
}

describe('Launch Map: the network a map runs in', () => {
  ruleTest(
    'MAP-NETWORK-SCOPED',
    'a map launched with the network_id of a custom network runs in that network',
    async (ruleCase) => {
      const fixture = requireMapLaunches(ruleCase, { customNetwork: true });
      const options = await mapCaseOptions(fixture);
      const network = options.networks[0] as MapNetwork;
      const mapCase = fixtureMapCase(options, 'MAP-NETWORK-SCOPED', {
        kind: 'known',
        value: String(network.id),
      });

      const summary = await expectMapIn(mapCase, modelNetwork(mapCase), SCOPED);

      ruleCase.countCases();
      await ruleCase.note(summary);
    },
    mapTestOptions(1),
  );

  ruleTest(
    'MAP-NETWORK-SCOPED',
    'maps launched with generated valid network_ids (0 or a custom network) run in the network asked for',
    async (ruleCase) => {
      const fixture = requireMapLaunches(ruleCase, { networkSupport: true });
      const options = await mapCaseOptions(fixture);
      const arbitrary = mapCaseArbitrary({
        ...options,
        users: ['main'],
        networkIds: ['zero', 'known'],
      });

      await mapProperty(ruleCase, arbitrary, async (mapCase) => {
        await expectMapIn(mapCase, modelNetwork(mapCase), SCOPED);
      });
    },
    mapTestOptions(LIVE_MAP_RUNS),
  );

  ruleTest(
    'MAP-NETWORK-DEFAULT',
    'a map launched without network_id runs in network 0, the Global Default Network',
    async (ruleCase) => {
      const fixture = requireMapLaunches(ruleCase, { networkSupport: true });
      const options = await mapCaseOptions(fixture);
      const mapCase = fixtureMapCase(options, 'MAP-NETWORK-DEFAULT');

      const summary = await expectMapIn(mapCase, GLOBAL_DEFAULT_NETWORK, DEFAULT);

      ruleCase.countCases();
      await ruleCase.note(summary);
    },
    mapTestOptions(1),
  );

  ruleTest(
    'MAP-NETWORK-DEFAULT',
    'maps launched without network_id, generated domains and netblocks, run in network 0',
    async (ruleCase) => {
      const fixture = requireMapLaunches(ruleCase, { networkSupport: true });
      const options = await mapCaseOptions(fixture);
      const arbitrary = mapCaseArbitrary({ ...options, users: ['main'], networkIds: ['absent'] });

      await mapProperty(ruleCase, arbitrary, async (mapCase) => {
        await expectMapIn(mapCase, GLOBAL_DEFAULT_NETWORK, DEFAULT);
      });
    },
    mapTestOptions(LIVE_MAP_RUNS),
  );
});
