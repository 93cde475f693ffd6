import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { QualysClient } from '../../engine/client/qualys-client.ts';
import { samePolicyState, type PolicyTags } from '../../engine/journal/policy-tags.ts';
import { startSimulator, type Simulator } from '../../engine/simulator/simulator.ts';
import { runCli } from '../helpers/run-cli.ts';
import {
  loopbackProfile,
  spawnConformance,
  waitUntil,
  type LoopbackProfile,
  type SpawnedRun,
} from './loopback-profile.ts';
import { readSimPolicy, SIM_TAG_TARGET, simClient } from './tag-fixtures.ts';

const P = SIM_TAG_TARGET.policyId;
// The test reads the policy while the run works, so the limit is far above 300 an hour; a
// little latency keeps the run in its sequence long enough to be interrupted.
const SIM_OPTIONS = {
  rateLimit: { limit: 1_000_000, windowSec: 3600, concurrency: 2 },
  latencyMs: 15,
};

let sim: Simulator;
let direct: QualysClient;
let profile: LoopbackProfile;
let before: PolicyTags;

beforeEach(async () => {
  sim = await startSimulator(SIM_OPTIONS);
  direct = simClient(sim);
  profile = loopbackProfile(sim.url);
  before = await readSimPolicy(direct, P);
});

afterEach(async () => {
  await direct.close();
  await sim.close();
});

/** Starts a tags run and waits until it has journalled the policy and changed it. */
async function startAndWaitForChange(): Promise<SpawnedRun> {
  const run = spawnConformance(
    ['--target', profile.file, '--suite', 'tags', '--seed', '11'],
    profile.env,
  );
  await waitUntil(() => existsSync(profile.journal), 60_000);
  await waitUntil(async () => !samePolicyState(await readSimPolicy(direct, P), before), 30_000);
  return run;
}

/** SIGKILL to the run's whole process group (the CLI and its vitest workers). */
function killGroup(run: SpawnedRun): void {
  try {
    process.kill(-(run.child.pid ?? 0), 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

describe('an interrupted tags run', () => {
  test('killed with SIGKILL, it leaves its journal, and the next run restores the policy exactly', async () => {
    const run = await startAndWaitForChange();

    killGroup(run);
    await run.exited;
    const left = await readSimPolicy(direct, P);
    const next = await runCli('conformance', ['--target', profile.file, '--suite', 'limits'], {
      env: profile.env,
    });

    expect(samePolicyState(left, before)).toBe(false);
    expect(next.code, next.stderr).toBe(0);
    expect(existsSync(profile.journal)).toBe(false);
    expect(await readSimPolicy(direct, P)).toEqual(before);
  });

  test('killed with SIGKILL, --restore alone puts the policy back and exits 0, then finds nothing', async () => {
    const run = await startAndWaitForChange();

    killGroup(run);
    await run.exited;
    const restore = await runCli('conformance', ['--restore', '--target', profile.file], {
      env: profile.env,
    });
    const again = await runCli('conformance', ['--restore', '--target', profile.file], {
      env: profile.env,
    });

    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(
      'restored the tags of policy 4201701 as they were before the run',
    );
    expect(await readSimPolicy(direct, P)).toEqual(before);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to restore');
  });

  test('stopped with SIGTERM, it restores the policy before it exits', async () => {
    const run = await startAndWaitForChange();

    process.kill(run.child.pid ?? 0, 'SIGTERM');
    const code = await run.exited;

    expect(code).toBe(143);
    expect(run.stderr()).toContain('interrupted by SIGTERM');
    expect(run.stderr()).toContain('restored the tags of policy 4201701');
    expect(existsSync(profile.journal)).toBe(false);
    expect(await readSimPolicy(direct, P)).toEqual(before);
    killGroup(run); // vitest workers of the group, should any linger
  });
});
