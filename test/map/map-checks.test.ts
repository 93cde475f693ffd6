import { afterEach, describe, expect, test } from 'vitest';
import { renderFailure } from '../../engine/run/conformance-failure.ts';
import { SIM_FIXTURES } from '../../engine/simulator/sim-fixtures.ts';
import type { MapCase } from '../../generators/map/map-case.ts';
import { GLOBAL_DEFAULT_NETWORK } from '../../generators/map/map-model.ts';
import { mapDtdConformance } from '../../engine/oracles/map/map-dtd-check.ts';
import { mapNetworkConformance } from '../../engine/oracles/map/map-network-check.ts';
import { startMapSimulator, type MapSimulator } from './map-simulator-client.ts';

let running: MapSimulator | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

const CUSTOM = SIM_FIXTURES.networks[0];

function mapCase(params: [string, string][]): MapCase {
  return {
    user: 'main',
    method: 'POST',
    params,
    networkId: 'known',
    shape: 'targets',
    expected: { kind: 'map', network: CUSTOM, targets: [{ domain: 'small.example.com' }] },
  };
}

// A two-host map keeps the excerpts in the snapshots short.
const SMALL: [string, string][] = [
  ['map_title', 'checks'],
  ['domain', 'small.example.com:10.0.0.1-10.0.0.3'],
  ['network_id', String(CUSTOM.id)],
];

async function answer(params: [string, string][], faults: string[] = []) {
  running = await startMapSimulator({ faults });
  return running.send(mapCase(params));
}

describe('MAP-DTD check', () => {
  test('a clean map passes, a GENERIC_RETURN counts as a rejection with its number', async () => {
    const map = await answer(SMALL);
    const refused = await running?.send(mapCase([['domain', 'small.example.com']]));

    expect(mapDtdConformance(map)).toMatchObject({ kind: 'map' });
    expect(refused && mapDtdConformance(refused)).toEqual({
      kind: 'rejection',
      form: 'GENERIC_RETURN',
      code: 1903,
    });
  });

  test('a map invalid against map-2.dtd fails with the libxml2 error, its line and the lines around it', async () => {
    const result = await answer(SMALL, ['map-dtd-violation']);

    const verdict = mapDtdConformance(result);

    if (verdict.kind !== 'failure') throw new Error(`expected a failure, got ${verdict.kind}`);
    expect(renderFailure(verdict.failure)).toMatchInlineSnapshot(`
      "the MAP_REQUEST is not valid against map-2.dtd: 1 error(s), the first Element HEADER content does not follow the DTD, expecting (KEY+ , ASSET_GROUPS? , USER_ENTERED_DOMAINS? , OPTION_PROFILE?), got (KEY KEY KEY KEY KEY KEY KEY KEY KEY KEY KEY KEY OPTION_PROFILE USER_ENTERED_DOMAINS) (line 30)

      Received:
        HTTP 200, 1561 bytes, DOCTYPE https://qualysapi.qualys.com/map-2.dtd:
        Element HEADER content does not follow the DTD, expecting (KEY+ , ASSET_GROUPS? , USER_ENTERED_DOMAINS? , OPTION_PROFILE?), got (KEY KEY KEY KEY KEY KEY KEY KEY KEY KEY KEY KEY OPTION_PROFILE USER_ENTERED_DOMAINS) (line 30)

      Documented:
        release notes 10.18, "DTD update": map-2.php answers MAP_REQUEST per <platform API server>/map-2.dtd (pinned: dtds/map-2.dtd); v1 errors answer GENERIC_RETURN with RETURN status="FAILED" and a number

      Response excerpt:
          27 |         </RANGE>
          28 |       </NETBLOCK>
          29 |     </USER_ENTERED_DOMAINS>
        > 30 |   </HEADER>
          31 | <IP value="10.0.0.1" network="Custom network 3" network_id="4234545">
          32 |   <DISCOVERY method="ICMP" />
          33 | </IP>

      Reproduce with:
        curl -u "$USER:$PASSWORD" 'https://qualysapi.qualys.com/msp/map-2.php'"
    `);
  });

  test('a map that is not well-formed fails with the parser error where it stopped', async () => {
    const result = await answer(SMALL, ['map-malformed-xml']);

    const verdict = mapDtdConformance(result);

    if (verdict.kind !== 'failure') throw new Error(`expected a failure, got ${verdict.kind}`);
    expect(verdict.failure.message).toBe(
      'the map-2.php answer is not well-formed XML: Specification mandates value for attribute ENTERED (line 18)',
    );
    expect(verdict.failure.responseExcerpt).toContain('> 18 |     <USER ENTERED DOMAINS>');
  });

  test('an answer of another root fails MAP-DTD', async () => {
    const result = await answer(SMALL);

    const verdict = mapDtdConformance({
      ...result,
      text: '<SIMPLE_RETURN><RESPONSE/></SIMPLE_RETURN>',
    });

    expect(verdict).toMatchObject({
      kind: 'failure',
      failure: {
        message:
          "the map-2.php answer's root is SIMPLE_RETURN, neither MAP_REQUEST nor GENERIC_RETURN",
      },
    });
  });
});

describe('MAP-NETWORK check', () => {
  test('a map in the network asked for passes with a count of maps and IPs', async () => {
    const result = await answer(SMALL);

    expect(mapNetworkConformance(result, CUSTOM, 'documented')).toEqual({ maps: 1, ips: 2 });
  });

  test('IPs without network_id fail, each listed with what it carries', async () => {
    const result = await answer(SMALL, ['ip-network-id-missing']);

    const verdict = mapNetworkConformance(result, CUSTOM, 'release notes 10.18: network_id');

    if (!('message' in verdict)) throw new Error('expected a failure');
    expect(renderFailure(verdict)).toMatchInlineSnapshot(`
      "the map did not run in network_id 4234545 (Custom network 3): 2 deviation(s), the first: MAP map/1647252000.00001 (TARGET small.example.com): IP 10.0.0.1 network_id=(absent) network="Custom network 3"

      Received:
        MAP map/1647252000.00001 (TARGET small.example.com): IP 10.0.0.1 network_id=(absent) network="Custom network 3"
        MAP map/1647252000.00001 (TARGET small.example.com): IP 10.0.0.3 network_id=(absent) network="Custom network 3"

      Documented:
        release notes 10.18: network_id

      Response excerpt:
          28 |       <OPTION_PROFILE_TITLE option_profile_default="1"><![CDATA[Initial Options]]></OPTION_PROFILE_TITLE>
          29 |     </OPTION_PROFILE>
          30 |   </HEADER>
        > 31 | <IP value="10.0.0.1" network="Custom network 3">
          32 |   <DISCOVERY method="ICMP" />
          33 | </IP>
          34 | <IP value="10.0.0.3" network="Custom network 3">

      Reproduce with:
        curl -u "$USER:$PASSWORD" 'https://qualysapi.qualys.com/msp/map-2.php'"
    `);
  });

  test('a map in network 0 fails when a custom network was asked for, naming the HEADER key first', async () => {
    const result = await answer(SMALL, ['network-id-ignored']);

    const verdict = mapNetworkConformance(result, CUSTOM, 'documented');

    expect(verdict).toMatchObject({
      message:
        'the map did not run in network_id 4234545 (Custom network 3): 3 deviation(s), the first: MAP map/1647252000.00001 (TARGET small.example.com): HEADER KEY "NETWORK ID" = 0',
    });
  });

  test('a rejection of a request expected to map fails with the rejection read', async () => {
    const result = await answer([...SMALL.slice(0, 2), ['network_id', '42']]);

    const verdict = mapNetworkConformance(result, GLOBAL_DEFAULT_NETWORK, 'documented');

    expect(verdict).toMatchObject({
      message: 'a map request in network_id 0 (Global Default Network) was rejected',
      received:
        'HTTP 400, GENERIC_RETURN 1905: parameter network_id has invalid value: 42 (no such network)',
    });
  });
});
