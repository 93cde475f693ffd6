import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readRejection } from '../../engine/oracles/rejection.ts';
import { validateXml } from '../../engine/oracles/xml/index.ts';
import type { CallResult } from '../../engine/run/target.ts';
import { describeMapCase, type MapCase } from '../../generators/map/map-case.ts';
import { mapCaseArbitrary } from '../../generators/map/map-case-arbitrary.ts';
import { readMap } from '../../engine/oracles/map/read-map.ts';
import { SIM_MAP_OPTIONS, startMapSimulator, type MapSimulator } from './map-simulator-client.ts';

// Fixed so a failure replays; fast-check's report repeats it with the counterexample's path.
const SEED = 20_220_314;
const RUNS = 300;

let sim: MapSimulator;

beforeAll(async () => {
  sim = await startMapSimulator();
});

afterAll(async () => {
  await sim.close();
});

const everything = mapCaseArbitrary({
  ...SIM_MAP_OPTIONS,
  shapes: ['targets', 'malformed-netblock', 'missing-map_title', 'missing-domain'],
});

/** Throws unless the answer is what the model expects of the case. */
function expectModelOutcome(mapCase: MapCase, result: CallResult): void {
  const label = `${describeMapCase(mapCase)}: ${result.text.slice(0, 300)}`;
  if (mapCase.expected.kind === 'rejected') {
    const rejection = readRejection(result.status, result.text);
    const form = mapCase.expected.key === 'domain-malformed' ? 'ERROR' : 'GENERIC_RETURN';
    expect({ form: rejection?.form, numbered: rejection?.code !== undefined }, label).toEqual({
      form,
      numbered: true,
    });
    return;
  }
  const reading = readMap(result.text);
  if (reading.kind !== 'map-request') throw new Error(`${label}: not a map (${reading.kind})`);
  expect(result.status, label).toBe(200);
  expect(validateXml(result.text, { dtd: 'map-2' }).status, label).toBe('valid');
  const { network, targets } = mapCase.expected;
  const id = network === undefined ? undefined : String(network.id);
  // One comparison per case: vitest's expect is too slow to call per IP.
  const seen = reading.maps.map((m) => ({
    target: m.keys.get('TARGET'),
    networkIdKey: m.keys.get('NETWORK ID'),
    hosts: m.ips.length > 0,
    ips: [...new Set(m.ips.map((ip) => `${ip.networkId} ${ip.network}`))],
  }));
  const wanted = targets.map((t) => ({
    target: t.domain,
    networkIdKey: id,
    hosts: true,
    ips: [`${id} ${network?.name}`],
  }));
  expect(seen, label).toEqual(wanted);
}

describe('map cases against the simulator', () => {
  test(`every case the model calls valid is mapped as the model says (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        everything.filter((c) => c.expected.kind === 'map'),
        async (mapCase) => expectModelOutcome(mapCase, await sim.send(mapCase)),
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test(`every case the model calls invalid is rejected in the v1 form for its reason (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        everything.filter((c) => c.expected.kind === 'rejected'),
        async (mapCase) => expectModelOutcome(mapCase, await sim.send(mapCase)),
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test.each(['network-id-ignored', 'network-id-on-disabled-accepted', 'default-network-not-zero'])(
    `the model finds the deviation of fault %s (seed ${SEED})`,
    async (fault) => {
      const faulty = await startMapSimulator({ faults: [fault] });
      try {
        const details = await fc.check(
          fc.asyncProperty(everything, async (c) => expectModelOutcome(c, await faulty.send(c))),
          { seed: SEED, numRuns: RUNS },
        );

        expect(details.failed).toBe(true);
      } finally {
        await faulty.close();
      }
    },
  );
});
