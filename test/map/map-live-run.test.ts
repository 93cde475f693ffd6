import { afterEach, describe, expect, test } from 'vitest';
import { SIM_CREDENTIAL_ENV, SIM_FIXTURES } from '../../engine/simulator/sim-fixtures.ts';
import { startSimulator, type Simulator } from '../../engine/simulator/simulator.ts';
import { writeLiveProfile } from '../helpers/live-profile.ts';
import { runCli } from '../helpers/run-cli.ts';

// A live-shaped run: the map suite against a simulator through a profile file, so the suite
// takes its live paths (fixture domain only, capped property runs, no shrinking, save_report=no).
let sim: Simulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const ENV = {
  QC_LIVE_USERNAME: SIM_CREDENTIAL_ENV.main.login,
  QC_LIVE_PASSWORD: SIM_CREDENTIAL_ENV.main.password,
  QC_LIVE_PLAIN_USERNAME: SIM_CREDENTIAL_ENV.plain.login,
  QC_LIVE_PLAIN_PASSWORD: SIM_CREDENTIAL_ENV.plain.password,
};

const MAP_PROFILE = {
  users: {
    networkDisabled: {
      usernameEnv: 'QC_LIVE_PLAIN_USERNAME',
      passwordEnv: 'QC_LIVE_PLAIN_PASSWORD',
      networkSupport: false,
    },
  },
  subscription: { networkSupport: true },
  fixtures: { networks: SIM_FIXTURES.networks, map: SIM_FIXTURES.map },
  budget: { maxCalls: 100, maxConcurrency: 2, maxWaitSeconds: 5 },
  timeouts: { connectMs: 2_000, headersMs: 10_000, bodyMs: 10_000, mapMs: 10_000 },
};

const MAP_RULES = [
  'MAP-DTD',
  'MAP-NETWORK-SCOPED',
  'MAP-NETWORK-DEFAULT',
  'MAP-NETWORK-NOT-ENABLED',
  'MAP-NETWORK-INVALID',
];

describe('map suite on a live-shaped target', () => {
  test('with allow.launchMaps every MAP rule passes within 30 calls', async () => {
    sim = await startSimulator();
    const profile = writeLiveProfile(sim.url, { ...MAP_PROFILE, allow: { launchMaps: true } });

    const run = await runCli(
      'conformance',
      ['--target', profile, '--suite', 'map', '--seed', '7'],
      {
        env: ENV,
      },
    );

    expect(run.code, run.stderr).toBe(0);
    const rules = run.results?.rules.filter((r) => r.id.startsWith('MAP-'));
    expect(rules?.map((r) => [r.id, r.status])).toEqual(MAP_RULES.map((id) => [id, 'pass']));
    // 3 network lists, MAP-DTD 2 + 3, SCOPED 1 + 3, DEFAULT 1 + 3, NOT-ENABLED 1 + 3, INVALID 3 + 3
    expect(run.results?.calls.made).toBeLessThanOrEqual(29);
    expect(sim.stats().requests).toBe(run.results?.calls.made);
  });

  test('without allow.launchMaps every MAP rule is skipped with the reason and no map call is made', async () => {
    sim = await startSimulator();
    const profile = writeLiveProfile(sim.url, MAP_PROFILE);

    const run = await runCli(
      'conformance',
      ['--target', profile, '--suite', 'map', '--seed', '7'],
      {
        env: ENV,
      },
    );

    expect(run.code, run.stderr).toBe(0);
    const rules = run.results?.rules.filter((r) => r.id.startsWith('MAP-'));
    for (const rule of rules ?? []) {
      expect(rule.status).toBe('skip');
      expect(rule.reason).toMatch(
        /^profile allow\.launchMaps is false: a map launch is a real network discovery/,
      );
    }
    expect(sim.stats().requests).toBe(0);
  });
});
