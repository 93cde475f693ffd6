import { mkdirSync } from 'node:fs';
import { HarnessError } from '../errors.ts';
import { startGovernorProxy, type GovernorProxy } from '../governor/governor-proxy.ts';
import { readCredentials, type Credentials } from '../profile/credentials.ts';
import { loadProfile } from '../profile/parse-profile.ts';
import type { TargetProfile } from '../profile/profile.ts';
import type { RunMode } from '../results/results-schema.ts';
import { registerCredentials } from '../secrets.ts';
import {
  provideSimulatorCredentials,
  SIM_REPORT_SIZES,
  simulatorProfile,
} from '../simulator/sim-profile.ts';
import { startSimulator, type Simulator } from '../simulator/simulator.ts';
import { LimitObserver } from './limit-observer.ts';
import type { RunConfig } from './run-config.ts';
import type { RunOptions } from './run-options.ts';

/** A started run: the target, the governor in front of it, and what the reporter needs. */
export interface RunHandle {
  config: RunConfig;
  proxy: GovernorProxy;
  limits: LimitObserver;
  startedAt: string;
  simulator: Simulator | undefined;
  close(): Promise<void>;
}

/**
 * Starts what a run needs: the simulator (for `--target sim`), the credentials from the
 * environment, and the governor proxy every worker calls through.
 * @throws HarnessError (profile, environment) before any call is made
 */
export async function startRun(options: RunOptions): Promise<RunHandle> {
  const startedAt = new Date().toISOString();
  let simulator: Simulator | undefined;
  let profile: TargetProfile;
  let mode: RunMode;
  if (options.target === 'sim') {
    simulator = await startSimulator({
      faults: options.faults,
      pcrs: simulatorProfile('http://127.0.0.1').subscription.pcrs,
      reportSizes: SIM_REPORT_SIZES,
    });
    profile = simulatorProfile(simulator.url);
    provideSimulatorCredentials();
    mode = 'sim';
  } else if (options.target.startsWith('replay')) {
    throw new HarnessError('TARGET_UNSUPPORTED', 'replay targets are not available yet');
  } else {
    if (options.faults.length > 0) {
      throw new HarnessError(
        'OPTION_INVALID',
        '--fault works only with --target sim: faults are simulator behaviours',
      );
    }
    profile = loadProfile(options.target);
    mode = 'live';
  }
  try {
    const users: Record<string, Credentials> & { main: Credentials } = {
      main: readCredentials(profile.credentials),
    };
    for (const [role, ref] of Object.entries(profile.users)) users[role] = readCredentials(ref);
    for (const c of Object.values(users)) registerCredentials(c.username, c.password);

    const limits = new LimitObserver();
    const proxy = await startGovernorProxy({
      apiUrl: profile.apiUrl,
      users,
      budget: profile.budget,
      timeouts: profile.timeouts,
      observers: [limits.observe],
    });
    mkdirSync(options.stateDir, { recursive: true });
    const config: RunConfig = {
      proxyUrl: proxy.url,
      mode,
      seed: options.seed,
      runs: options.runs,
      depth: options.depth,
      faults: options.faults,
      suites: options.suites,
      profile,
      stateDir: options.stateDir,
      outDir: options.outDir,
    };
    return {
      config,
      proxy,
      limits,
      startedAt,
      simulator,
      async close() {
        await proxy.close();
        await simulator?.close();
      },
    };
  } catch (error) {
    await simulator?.close();
    throw error;
  }
}
