import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SIM_CREDENTIAL_ENV } from '../../engine/simulator/sim-fixtures.ts';
import { startSimulator, type Simulator } from '../../engine/simulator/simulator.ts';
import { writeLiveProfile } from '../helpers/live-profile.ts';
import { runCli, type CliRun } from '../helpers/run-cli.ts';

const { login, password } = SIM_CREDENTIAL_ENV.main;
const SECRETS = [password, login, Buffer.from(`${login}:${password}`).toString('base64')];
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator();
});

afterAll(async () => {
  await sim.close();
});

function everythingWritten(run: CliRun): string {
  const files = readdirSync(run.outDir).map((f) => readFileSync(join(run.outDir, f), 'utf8'));
  return [run.stdout, run.stderr, ...files].join('\n');
}

describe('a live-shaped run (http on loopback, credentials from the environment)', () => {
  test('passes the limit rules, in live mode, and writes no secret anywhere', async () => {
    const profile = writeLiveProfile(sim.url);

    const run = await runCli('conformance', ['--target', profile, '--suite', 'limits'], {
      env: {
        QC_LIVE_USERNAME: login,
        QC_LIVE_PASSWORD: password,
        NODE_DEBUG: 'qualys-conformance',
      },
    });

    expect(run.code, run.stderr).toBe(0);
    expect(run.results?.mode).toBe('live');
    expect(run.results?.calls.made).toBeGreaterThan(0);
    const written = everythingWritten(run);
    for (const secret of SECRETS) expect(written).not.toContain(secret);
  });

  test('says nothing on stderr by default', async () => {
    const run = await runCli(
      'conformance',
      ['--target', writeLiveProfile(sim.url), '--suite', 'limits'],
      {
        env: { QC_LIVE_USERNAME: login, QC_LIVE_PASSWORD: password },
      },
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  test('a wrong password stops the run at once with exit 2 and no retry', async () => {
    const before = sim.stats().unauthorized;

    const run = await runCli(
      'conformance',
      ['--target', writeLiveProfile(sim.url), '--suite', 'limits'],
      {
        env: { QC_LIVE_USERNAME: login, QC_LIVE_PASSWORD: 'not-the-password' },
      },
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the run stopped at once');
    expect(sim.stats().unauthorized - before).toBe(1);
    expect(run.results?.rules.every((r) => r.status === 'deferred' || r.status === 'skip')).toBe(
      true,
    );
    expect(everythingWritten(run)).not.toContain('not-the-password');
  });
});
