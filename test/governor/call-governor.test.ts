import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { startGovernorProxy, type GovernorProxy } from '../../engine/governor/governor-proxy.ts';
import { SIM_CREDENTIAL_ENV } from '../../engine/simulator/sim-fixtures.ts';
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../engine/simulator/simulator.ts';

const run = promisify(execFile);
const FIRE = new URL('./fire-calls.ts', import.meta.url).pathname;
const main = {
  username: SIM_CREDENTIAL_ENV.main.login,
  password: SIM_CREDENTIAL_ENV.main.password,
};
let sim: Simulator | undefined;
let proxy: GovernorProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  await sim?.close();
  proxy = undefined;
  sim = undefined;
});

async function start(
  simOptions: SimulatorOptions,
  budget: { maxCalls: number; maxConcurrency: number; maxWaitSeconds?: number },
) {
  sim = await startSimulator(simOptions);
  proxy = await startGovernorProxy({
    apiUrl: sim.url,
    users: { main },
    budget: { maxWaitSeconds: 30, ...budget, maxRetries: 3 },
    timeouts: { connectMs: 5_000, headersMs: 30_000, bodyMs: 30_000 },
  });
  return { sim, proxy };
}

/** Four processes, each firing `perWorker` calls at once, as four vitest workers would. */
async function fireFromFourWorkers(
  url: string,
  perWorker: number,
): Promise<Record<string, number>> {
  const outputs = await Promise.all(
    [1, 2, 3, 4].map(() =>
      run(process.execPath, ['--import', 'tsx', FIRE, url, String(perWorker)]),
    ),
  );
  const total: Record<string, number> = {};
  for (const { stdout } of outputs) {
    for (const [k, v] of Object.entries(JSON.parse(stdout) as Record<string, number>))
      total[k] = (total[k] ?? 0) + v;
  }
  return total;
}

describe('call governor', () => {
  test('4 workers × 50 concurrent calls never exceed the concurrency limit or the budget', async () => {
    const { sim, proxy } = await start(
      { rateLimit: { concurrency: 2 }, latencyMs: 15 },
      { maxCalls: 150, maxConcurrency: 5 },
    );

    const outcomes = await fireFromFourWorkers(proxy.url, 50);

    expect(sim.stats().peakRunning).toBeLessThanOrEqual(2);
    expect(proxy.governor.peakConcurrency).toBeLessThanOrEqual(2);
    expect(sim.stats().requests).toBe(150);
    expect(sim.stats().blocked).toBe(0);
    expect(proxy.governor.stats().made).toBe(150);
    expect(outcomes).toEqual({ ok: 150, deferred: 50 });
  });

  test('forced 409 blocks are waited out and retried within the budget', async () => {
    const { sim, proxy } = await start(
      { rateLimit: { concurrency: 2 }, forceBlock: { every: 7, code: 1965 } },
      { maxCalls: 400, maxConcurrency: 2 },
    );

    const outcomes = await fireFromFourWorkers(proxy.url, 10);

    const stats = proxy.governor.stats();
    expect(outcomes).toEqual({ ok: 40 });
    expect(stats.throttled).toBeGreaterThan(0);
    expect(stats.made).toBe(sim.stats().requests);
    expect(stats.made).toBe(40 + stats.throttled);
    expect(stats.waitedSeconds).toBeGreaterThan(0);
  });

  test('X-RateLimit-Remaining 0 makes the governor wait X-RateLimit-ToWait-Sec, not get blocked', async () => {
    const { sim, proxy } = await start(
      { rateLimit: { limit: 3, windowSec: 2 } },
      { maxCalls: 50, maxConcurrency: 1 },
    );

    const outcomes = await fireFromFourWorkers(proxy.url, 2);

    expect(outcomes).toEqual({ ok: 8 });
    expect(sim.stats().blocked).toBe(0);
    expect(proxy.governor.stats().waitedSeconds).toBeGreaterThan(0);
  });

  test('a wait beyond budget.maxWaitSeconds defers the remaining calls instead', async () => {
    const { sim, proxy } = await start(
      { rateLimit: { limit: 3, windowSec: 60 } },
      { maxCalls: 50, maxConcurrency: 1, maxWaitSeconds: 5 },
    );

    const outcomes = await fireFromFourWorkers(proxy.url, 2);

    expect(outcomes).toEqual({ ok: 3, deferred: 5 });
    expect(sim.stats().blocked).toBe(0);
    expect(proxy.governor.stats().waitedSeconds).toBe(0);
  });

  test('the concurrency limit the server announces lowers the budget’s', async () => {
    const { sim, proxy } = await start(
      { rateLimit: { concurrency: 1 }, latencyMs: 10 },
      { maxCalls: 100, maxConcurrency: 4 },
    );

    await fireFromFourWorkers(proxy.url, 5);

    expect(sim.stats().peakRunning).toBe(1);
    expect(sim.stats().blocked).toBe(0);
    expect(proxy.governor.concurrencyLimit()).toBe(1);
  });

  test('a wrong password stops the run at once: one call, no retry, every later call refused', async () => {
    sim = await startSimulator({});
    const wrong = await startGovernorProxy({
      apiUrl: sim.url,
      users: { main: { username: 'sim_manager', password: 'wrong-password' } },
      budget: { maxCalls: 100, maxConcurrency: 2, maxWaitSeconds: 30, maxRetries: 3 },
      timeouts: { connectMs: 5_000, headersMs: 30_000, bodyMs: 30_000 },
    });
    try {
      const outcomes = await fireFromFourWorkers(wrong.url, 5);

      expect(sim.stats().unauthorized).toBe(1);
      expect(sim.stats().requests).toBe(0);
      expect(wrong.governor.stoppedReason()).toMatch(/HTTP 401|CODE 2000/);
      const refused = Object.keys(outcomes).filter((k) => k !== 'deferred');
      expect(refused).toEqual([expect.stringMatching(/^error: the target refused the account/)]);
      expect(outcomes.deferred).toBe(19);
    } finally {
      await wrong.close();
    }
  });
});
