import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QualysClient } from '../../engine/client/qualys-client.ts';
import { startGovernorProxy, type GovernorProxy } from '../../engine/governor/governor-proxy.ts';
import type { Credentials } from '../../engine/profile/credentials.ts';
import type { TargetProfile } from '../../engine/profile/profile.ts';
import { readRecording } from '../../engine/recording/read-recording.ts';
import { Recorder } from '../../engine/recording/recorder.ts';
import { startReplayServer, type ReplayServer } from '../../engine/recording/replay-server.ts';
import { Scrubber } from '../../engine/recording/scrubber.ts';
import { simulatorProfile } from '../../engine/simulator/sim-profile.ts';
import { SIM_CREDENTIAL_ENV } from '../../engine/simulator/sim-fixtures.ts';

/** The simulator's main user. */
export const SIM_MAIN: Credentials = {
  username: SIM_CREDENTIAL_ENV.main.login,
  password: SIM_CREDENTIAL_ENV.main.password,
};

const BUDGET = { maxCalls: 100, maxConcurrency: 2, maxWaitSeconds: 5, maxRetries: 1 };
const TIMEOUTS = { connectMs: 5_000, headersMs: 60_000, bodyMs: 60_000 };

/** A governor in front of `apiUrl` whose exchanges a real Recorder writes to a temp dir. */
export interface RecordingRig {
  proxy: GovernorProxy;
  recorder: Recorder;
  /** A client of the proxy (no credentials: the governor adds them). */
  client: QualysClient;
  close(): Promise<void>;
}

/** Starts a governor proxy with a recorder tap, as `--record` does. */
export async function startRecordingRig(
  apiUrl: string,
  options: { profile?: TargetProfile; depth?: 'quick' | 'full'; users?: Credentials[] } = {},
): Promise<RecordingRig> {
  const users = options.users ?? [SIM_MAIN];
  const profile = options.profile ?? simulatorProfile(apiUrl);
  const recorder = new Recorder({
    dir: join(mkdtempSync(join(tmpdir(), 'recording-')), 'rec'),
    profile,
    mode: 'live',
    run: { seed: 7, runs: 1, depth: options.depth ?? 'full', suites: ['reports'], faults: [] },
    scrubber: new Scrubber({ users, patterns: profile.scrub }),
  });
  const proxy = await startGovernorProxy({
    apiUrl,
    users: { main: users[0] ?? SIM_MAIN },
    budget: { ...BUDGET },
    timeouts: TIMEOUTS,
    tap: recorder.tap,
  });
  const client = new QualysClient({ baseUrl: proxy.url, timeouts: TIMEOUTS });
  return {
    proxy,
    recorder,
    client,
    async close() {
      await client.close();
      await proxy.close();
    },
  };
}

/** A governor in front of a replay server playing `dir`, as `--target replay:DIR` does. */
export async function startReplayRig(dir: string): Promise<{
  server: ReplayServer;
  proxy: GovernorProxy;
  client: QualysClient;
  close(): Promise<void>;
}> {
  const main = { username: 'replay.main', password: 'stand-in' };
  const server = await startReplayServer(readRecording(dir), new Map([[main.username, 'main']]));
  const proxy = await startGovernorProxy({
    apiUrl: server.url,
    users: { main },
    budget: { ...BUDGET },
    timeouts: TIMEOUTS,
    forwardLabel: true,
  });
  const client = new QualysClient({ baseUrl: proxy.url, timeouts: TIMEOUTS });
  return {
    server,
    proxy,
    client,
    async close() {
      await client.close();
      await proxy.close();
      await server.close();
    },
  };
}
