import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../errors.ts';
import { startGovernorProxy, type GovernorProxy } from '../governor/governor-proxy.ts';
import { journalPath } from '../journal/journal-file.ts';
import { restoreReserve } from '../journal/restore-reserve.ts';
import { RunJournal } from '../journal/run-journal.ts';
import { readCredentials, type Credentials } from '../profile/credentials.ts';
import { loadProfile } from '../profile/parse-profile.ts';
import type { TargetProfile } from '../profile/profile.ts';
import { Recorder } from '../recording/recorder.ts';
import { defaultRecordDir, isReplayTarget } from '../recording/recording-paths.ts';
import { startReplayTarget, type ReplayTarget } from '../recording/replay-target.ts';
import { Scrubber } from '../recording/scrubber.ts';
import type { RunMode } from '../results/results-schema.ts';
import { registerCredentials } from '../secrets.ts';
import {
  provideSimulatorCredentials,
  SIM_RATE_LIMIT,
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
  /** The restore journal of the fixture policies the run changes (engine/journal/). */
  journal: RunJournal;
  /** The recording being played, for `--target replay[:DIR]` (engine/recording/). */
  replay: ReplayTarget | undefined;
  /** The recorder writing this run's exchanges, for `--record`. */
  recorder: Recorder | undefined;
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
  let replay: ReplayTarget | undefined;
  let recorder: Recorder | undefined;
  if (options.target === 'sim') {
    simulator = await startSimulator({
      faults: options.faults,
      pcrs: simulatorProfile('http://127.0.0.1').subscription.pcrs,
      reportSizes: SIM_REPORT_SIZES,
      rateLimit: SIM_RATE_LIMIT,
    });
    profile = simulatorProfile(simulator.url);
    provideSimulatorCredentials();
    mode = 'sim';
  } else if (isReplayTarget(options.target)) {
    // The suites see the recorded mode, so they ask exactly what was recorded.
    replay = await startReplayTarget(options.target, options);
    profile = replay.profile;
    mode = replay.mode;
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
    const users: Record<string, Credentials> & { main: Credentials } = replay?.users ?? {
      main: readCredentials(profile.credentials),
    };
    if (replay === undefined) {
      for (const [role, ref] of Object.entries(profile.users)) users[role] = readCredentials(ref);
    }
    for (const c of Object.values(users)) registerCredentials(c.username, c.password);

    const limits = new LimitObserver();
    // The governor's own copy: the journal keeps its restore reserve back by lowering maxCalls.
    const budget = { ...profile.budget };
    if (options.record !== undefined) {
      if (replay !== undefined) {
        throw new HarnessError('OPTION_INVALID', '--record records a live or simulator target');
      }
      recorder = new Recorder({
        dir: options.record === '' ? defaultRecordDir(profile.name) : options.record,
        profile,
        mode: mode === 'sim' ? 'sim' : 'live',
        run: {
          seed: options.seed,
          runs: options.runs,
          depth: options.depth,
          suites: [...options.suites],
          faults: [...options.faults],
        },
        scrubber: new Scrubber({ users: Object.values(users), patterns: profile.scrub }),
      });
    }
    const proxy = await startGovernorProxy({
      apiUrl: replay?.server.url ?? profile.apiUrl,
      users,
      budget,
      timeouts: profile.timeouts,
      observers: [limits.observe],
      ...(recorder === undefined ? {} : { tap: recorder.tap }),
      forwardLabel: replay !== undefined,
    });
    // A replay keeps its journal apart: it must never touch a live run's leftover journal.
    const stateDir =
      replay === undefined ? options.stateDir : join(options.stateDir, 'replay', `${process.pid}`);
    mkdirSync(stateDir, { recursive: true });
    const config: RunConfig = {
      proxyUrl: proxy.url,
      mode,
      seed: options.seed,
      runs: options.runs,
      depth: options.depth,
      faults: options.faults,
      suites: options.suites,
      profile,
      stateDir,
      outDir: options.outDir,
    };
    const journal = new RunJournal({
      file: journalPath(stateDir, profile, mode),
      profile,
      mode,
      faults: options.faults,
      proxyUrl: proxy.url,
      budget,
      reserve: restoreReserve(profile, options.suites),
    });
    return {
      config,
      proxy,
      limits,
      startedAt,
      simulator,
      journal,
      replay,
      recorder,
      async close() {
        await proxy.close();
        await recorder?.close();
        await replay?.close();
        if (replay !== undefined) rmSync(stateDir, { recursive: true, force: true });
        await simulator?.close();
      },
    };
  } catch (error) {
    await replay?.close();
    await simulator?.close();
    throw error;
  }
}
