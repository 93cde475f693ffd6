import { afterEach, describe, expect, test } from 'vitest';
import { QualysClient, readBody } from '../../engine/client/qualys-client.ts';
import { readRejection } from '../../engine/oracles/rejection.ts';
import { validateXml } from '../../engine/oracles/xml/index.ts';
import { MAX_HOSTS_PER_MAP } from '../../engine/simulator/features/map-hosts.ts';
import { SIM_CREDENTIAL_ENV, SIM_FIXTURES } from '../../engine/simulator/sim-fixtures.ts';
import type { MapCase } from '../../generators/map/map-case.ts';
import { readMap } from '../../engine/oracles/map/read-map.ts';
import { readNetworkList } from '../../engine/oracles/map/read-network-list.ts';
import { startMapSimulator, type MapSimulator } from './map-simulator-client.ts';

let running: MapSimulator | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(faults: string[] = []): Promise<MapSimulator> {
  running = await startMapSimulator({ faults });
  return running;
}

/** A case with these parameters; the expected outcome is not used by these tests. */
function mapCase(params: [string, string][], user: MapCase['user'] = 'main'): MapCase {
  return {
    user,
    method: 'POST',
    params,
    networkId: 'absent',
    shape: 'targets',
    expected: { kind: 'rejected', key: 'missing-domain' },
  };
}

const SAMPLE: [string, string][] = [
  ['map_title', 'my_map'],
  ['domain', `${SIM_FIXTURES.map.domain}:${SIM_FIXTURES.map.netblock}`],
  ['iscanner_name', SIM_FIXTURES.map.scanner],
  ['option', SIM_FIXTURES.map.optionProfile],
  ['network_id', String(SIM_FIXTURES.networks[0].id)],
  ['save_report', 'yes'],
];

async function networkList(sim: MapSimulator, user: 'main' | 'plain') {
  const { login, password } = SIM_CREDENTIAL_ENV[user];
  const client = new QualysClient({
    baseUrl: sim.sim.url,
    credentials: { username: login, password },
  });
  try {
    const response = await client.send({
      method: 'GET',
      path: '/api/2.0/fo/network/',
      params: [['action', 'list']],
    });
    return { status: response.status, text: (await readBody(response.body, 100_000)).text };
  } finally {
    await client.close();
  }
}

describe('simulator: /msp/map-2.php', () => {
  test('the release-note sample request answers a MAP_REQUEST shaped like the sample', async () => {
    const sim = await start();

    const result = await sim.send(mapCase(SAMPLE));

    expect(result.status).toBe(200);
    expect(validateXml(result.text, { dtd: 'map-2' }).status).toBe('valid');
    expect(result.text.split('\n').slice(0, 16).join('\n')).toMatchInlineSnapshot(`
      "<!-- keep-alive -->
      <!DOCTYPE MAP_REQUEST SYSTEM "https://qualysapi.qualys.com/map-2.dtd">
      <MAP_REQUEST>
      <MAP value="map/1647252000.00001">
        <HEADER>
          <KEY value="USERNAME">sim_manager</KEY>
          <KEY value="COMPANY"><![CDATA[Simulated Company]]></KEY>
          <KEY value="DATE">2022-03-14T10:00:00Z</KEY>
          <KEY value="TITLE"><![CDATA[my_map]]></KEY>
          <KEY value="TARGET">mydomain.com</KEY>
          <KEY value="NBHOST TOTAL">9</KEY>
          <KEY value="DURATION">00:00:47</KEY>
          <KEY value="SCAN HOST">my_scanner(Scanner 12.10.24-1, Vulnerability Signatures 2.5.402-2)</KEY>
          <KEY value="REPORT TYPE">API</KEY>
          <KEY value="STATUS">FINISHED</KEY>
          <KEY value="NETWORK ID">4234545</KEY>"
    `);
    const reading = readMap(result.text);
    if (reading.kind !== 'map-request') throw new Error(reading.kind);
    expect(reading.maps[0]?.ips[0]).toEqual({
      value: '10.10.10.10',
      network: 'Custom network 3',
      networkId: '4234545',
      line: 31,
    });
  });

  test('the same request maps the same hosts; only the map reference changes', async () => {
    const sim = await start();

    const first = await sim.send(mapCase(SAMPLE));
    const second = await sim.send(mapCase(SAMPLE));

    expect(second.text).not.toBe(first.text);
    expect(second.text.replace(/map\/\d+\.\d+/g, 'REF')).toBe(
      first.text.replace(/map\/\d+\.\d+/g, 'REF'),
    );
  });

  test('a map of a subscription without Network Support has no NETWORK ID key and no IP network attributes', async () => {
    const sim = await start();

    const result = await sim.send(
      mapCase(
        SAMPLE.filter(([n]) => n !== 'network_id'),
        'networkDisabled',
      ),
    );

    const reading = readMap(result.text);
    if (reading.kind !== 'map-request') throw new Error(reading.kind);
    expect(reading.maps[0]?.keys.has('NETWORK ID')).toBe(false);
    expect(
      reading.maps[0]?.ips.every((ip) => ip.network === undefined && ip.networkId === undefined),
    ).toBe(true);
  });

  test(`a netblock of 2^24 addresses maps ${MAX_HOSTS_PER_MAP} hosts, valid against map-2.dtd`, async () => {
    const sim = await start();

    const result = await sim.send(
      mapCase([
        ['map_title', 'big'],
        ['domain', 'big.example.com:10.0.0.0-10.255.255.255'],
      ]),
    );

    const reading = readMap(result.text);
    if (reading.kind !== 'map-request') throw new Error(reading.kind);
    expect(reading.maps[0]?.ips).toHaveLength(MAX_HOSTS_PER_MAP);
    expect(reading.maps[0]?.keys.get('NBHOST TOTAL')).toBe(String(MAX_HOSTS_PER_MAP));
    expect(validateXml(result.text, { dtd: 'map-2' }).status).toBe('valid');
  });

  test('a title carrying "]]>" and control characters still answers well-formed, valid XML', async () => {
    const sim = await start();

    const result = await sim.send(
      mapCase([
        ['map_title', 'a]]>b\u0001c\uD800'],
        ['domain', 'x.example.com'],
      ]),
    );

    expect(validateXml(result.text, { dtd: 'map-2' }).status).toBe('valid');
    const reading = readMap(result.text);
    if (reading.kind !== 'map-request') throw new Error(reading.kind);
    expect(reading.maps[0]?.keys.get('TITLE')).toBe('a]]>b\uFFFDc\uFFFD');
  });

  test('an unknown parameter is refused in the v1 form: GENERIC_RETURN number 1901', async () => {
    const sim = await start();

    const result = await sim.send(mapCase([...SAMPLE, ['action', 'launch']]));

    expect(readRejection(result.status, result.text)).toEqual({
      form: 'GENERIC_RETURN',
      status: 400,
      code: 1901,
      text: 'Unrecognized parameter(s): action',
    });
    expect(validateXml(result.text, { dtd: 'generic_return' }).status).toBe('valid');
  });

  test('fault map-dtd-violation answers maps that are invalid against map-2.dtd', async () => {
    const sim = await start(['map-dtd-violation']);

    const result = await sim.send(mapCase(SAMPLE));

    const verdict = validateXml(result.text, { dtd: 'map-2' });
    expect(verdict.status).toBe('invalid');
    expect(verdict.errors[0]?.message).toContain('Element HEADER content does not follow the DTD');
  });

  test('fault map-malformed-xml answers maps that are not well-formed', async () => {
    const sim = await start(['map-malformed-xml']);

    const result = await sim.send(mapCase(SAMPLE));

    expect(validateXml(result.text, { dtd: 'map-2' }).status).toBe('malformed');
    expect(result.text).toContain('<USER ENTERED DOMAINS>');
  });

  test('fault ip-network-id-missing leaves network_id off every IP and keeps network', async () => {
    const sim = await start(['ip-network-id-missing']);

    const result = await sim.send(mapCase(SAMPLE));

    const reading = readMap(result.text);
    if (reading.kind !== 'map-request') throw new Error(reading.kind);
    const ips = reading.maps.flatMap((m) => m.ips);
    expect(ips.length).toBeGreaterThan(0);
    expect(ips.every((ip) => ip.networkId === undefined && ip.network === 'Custom network 3')).toBe(
      true,
    );
  });
});

describe('simulator: /api/2.0/fo/network/?action=list', () => {
  test('lists network 0, the Global Default Network, then the custom networks, valid against network_list_output.dtd', async () => {
    const sim = await start();

    const answer = await networkList(sim, 'main');

    expect(answer.status).toBe(200);
    expect(validateXml(answer.text, { dtd: 'network_list_output' }).status).toBe('valid');
    expect(readNetworkList(answer.text)).toEqual([
      { id: 0, name: 'Global Default Network' },
      ...SIM_FIXTURES.networks,
    ]);
  });

  test('a subscription without Network Support is refused with HTTP 400 and CODE 1905', async () => {
    const sim = await start();

    const answer = await networkList(sim, 'plain');

    expect(answer.status).toBe(400);
    expect(readRejection(answer.status, answer.text)).toMatchObject({
      form: 'SIMPLE_RETURN',
      code: 1905,
    });
  });
});
