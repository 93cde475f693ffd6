import type { Credentials } from '../profile/credentials.ts';
import type { TargetProfile } from '../profile/profile.ts';
import { join, relative } from 'node:path';
import { MANIFEST_FILE, type RecordingManifest } from './recording-format.ts';
import { profileOfRecording, refreshHint } from './manifest.ts';
import { readRecording } from './read-recording.ts';
import { RecordingError } from './recording-error.ts';
import { replayDirOf } from './recording-paths.ts';
import { startReplayServer, type ReplayServer } from './replay-server.ts';

/** A recording being played: the server, and the profile and users to run against it. */
export interface ReplayTarget {
  dir: string;
  manifest: RecordingManifest;
  /** The recorded profile (its apiUrl the recorded target's, for curl lines in reports). */
  profile: TargetProfile;
  /** The mode the recorded run's suites saw; a replay shows them the same. */
  mode: 'sim' | 'live';
  /** Stand-in credentials: the server tells the user role by them. */
  users: { main: Credentials } & Record<string, Credentials>;
  server: ReplayServer;
  close(): Promise<void>;
}

/** What a replayed run asks for, compared with what was recorded. */
export interface ReplayRun {
  seed: number;
  runs: number;
}

/**
 * Reads and checks the recording a `replay[:DIR]` target names and starts its server.
 * @throws RecordingError for an unusable or stale recording, or a run that would ask for cases
 *   the recording does not hold (another seed or number of runs)
 */
export async function startReplayTarget(target: string, run: ReplayRun): Promise<ReplayTarget> {
  const dir = replayDirOf(target);
  const recording = readRecording(dir);
  const { manifest } = recording;
  checkSameCases(manifest, run, dir);
  const users: ReplayTarget['users'] = { main: replayUser('main') };
  for (const role of Object.keys(manifest.profile.users)) users[role] = replayUser(role);
  const byName = new Map(Object.entries(users).map(([role, c]) => [c.username, role]));
  const server = await startReplayServer(recording, byName);
  return {
    dir,
    manifest,
    profile: profileOfRecording(manifest, dir),
    mode: manifest.mode,
    users,
    server,
    close: () => server.close(),
  };
}

/**
 * Refuses a run whose cases would differ from the recorded ones.
 * @throws RecordingError RECORDING_STALE naming the manifest
 */
export function checkSameCases(manifest: RecordingManifest, run: ReplayRun, dir: string): void {
  const differs: string[] = [];
  if (run.seed !== manifest.seed) differs.push(`seed ${run.seed} (recorded: ${manifest.seed})`);
  if (run.runs !== manifest.runs) differs.push(`runs ${run.runs} (recorded: ${manifest.runs})`);
  if (differs.length === 0) return;
  const file = join(dir, MANIFEST_FILE);
  throw new RecordingError(
    'RECORDING_STALE',
    file,
    `the recording in ${relative(process.cwd(), dir) || dir} is stale for this run: it asks for ` +
      `${differs.join(' and ')}, so its cases were never recorded; replay without --seed and ` +
      `--runs to use the recorded ones, or ${refreshHint(manifest, dir)}`,
  );
}

function replayUser(role: string): Credentials {
  return { username: `replay.${role}`, password: 'replay-stand-in-credential' };
}
