import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunResults } from '../../engine/results/results-schema.ts';
import { SIM_FIXTURES, SIM_CREDENTIAL_ENV } from '../../engine/simulator/sim-fixtures.ts';
import { SIM_PCRS, SIM_REPORT_SIZES } from '../../engine/simulator/sim-profile.ts';
import { startSimulator } from '../../engine/simulator/simulator.ts';
import { writeLiveProfile } from '../helpers/live-profile.ts';
import { runCli, type CliRun } from '../helpers/run-cli.ts';

// End to end, deliberately: one live-shaped record run of every suite against a simulator this
// test starts (about 15 s), then replays with that simulator stopped (about 8 s each).
const { main, noPolicyPermission, plain } = SIM_CREDENTIAL_ENV;
const ENV = {
  QC_LIVE_USERNAME: main.login,
  QC_LIVE_PASSWORD: main.password,
  QC_READER_USERNAME: noPolicyPermission.login,
  QC_READER_PASSWORD: noPolicyPermission.password,
  QC_PLAIN_USERNAME: plain.login,
  QC_PLAIN_PASSWORD: plain.password,
};
// Report rules judge bodies too large to record; they replay the same once the reports suite
// reads response.recordedSummary (docs/recordings.md, "Large bodies").
const REPORT_RULE = /^RPT-/;

let dir: string;
let recorded: CliRun;
let replayed: CliRun;
let simulatorStopped = false;

function verdicts(results: RunResults | undefined, keep: (id: string) => boolean) {
  return (results?.rules ?? [])
    .filter((r) => keep(r.id))
    .map((r) => ({ id: r.id, status: r.status, cases: r.cases, failures: r.failures.length }));
}

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'round-trip-')), 'live-shaped');
  const sim = await startSimulator({ pcrs: SIM_PCRS, reportSizes: SIM_REPORT_SIZES });
  const profile = writeLiveProfile(sim.url, {
    users: {
      noPolicyPermission: {
        usernameEnv: 'QC_READER_USERNAME',
        passwordEnv: 'QC_READER_PASSWORD',
        canModifyPolicies: false,
      },
      networkDisabled: {
        usernameEnv: 'QC_PLAIN_USERNAME',
        passwordEnv: 'QC_PLAIN_PASSWORD',
        networkSupport: false,
        assetTagging: false,
      },
    },
    subscription: { networkSupport: true, assetTagging: true, pcrs: SIM_PCRS },
    fixtures: {
      policyIds: [...SIM_FIXTURES.policyIds],
      tags: SIM_FIXTURES.tags,
      networks: SIM_FIXTURES.networks,
      map: SIM_FIXTURES.map,
      reports: [...SIM_FIXTURES.reports],
    },
    allow: { modifyPolicies: true, launchMaps: true, fetchReports: true },
    budget: { maxCalls: 2_000, maxConcurrency: 2, maxWaitSeconds: 30 },
    timeouts: { connectMs: 5_000, headersMs: 30_000, bodyMs: 30_000, mapMs: 30_000 },
  });
  try {
    recorded = await runCli(
      'conformance',
      ['--target', profile, '--record', dir, '--seed', '4242'],
      {
        env: ENV,
      },
    );
  } finally {
    await sim.close();
    simulatorStopped = true;
  }
  replayed = await runCli('conformance', ['--target', `replay:${dir}`]);
}, 240_000);

describe('a live run recorded, then replayed with the target stopped', () => {
  test('records every suite and passes its secret check', () => {
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(recorded.results?.mode).toBe('live');
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
    expect(recorded.stdout).toMatch(/recorded \d+ files in /);
  });

  test('replays in replay mode, offline, with the recorded seed', () => {
    expect(simulatorStopped).toBe(true);
    expect(replayed.results?.mode).toBe('replay');
    expect(replayed.results?.seed).toBe(4242);
    expect(replayed.results?.calls.made).toBe(recorded.results?.calls.made);
  });

  test('gives the same verdict, cases and failures for every rule', () => {
    const keep = (id: string) => !REPORT_RULE.test(id);

    expect(verdicts(replayed.results, keep)).toEqual(verdicts(recorded.results, keep));
    expect(
      verdicts(recorded.results, keep).filter((r) => r.status === 'pass').length,
    ).toBeGreaterThan(5);
  });

  test('replays twice to the same verdicts', async () => {
    const again = await runCli('conformance', ['--target', `replay:${dir}`]);

    expect(verdicts(again.results, () => true)).toEqual(verdicts(replayed.results, () => true));
  }, 60_000);

  // Report bodies are kept as summaries (the report digest); the suite judges those on replay.
  test('gives the same verdicts for the report rules', () => {
    const keep = (id: string) => REPORT_RULE.test(id);

    expect(verdicts(replayed.results, keep)).toEqual(verdicts(recorded.results, keep));
  });
});
