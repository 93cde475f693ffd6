import { join } from 'node:path';
import { HarnessError } from '../errors.ts';
import { readRecording } from './read-recording.ts';
import { RecordingError } from './recording-error.ts';
import { MANIFEST_FILE } from './recording-format.ts';
import { isReplayTarget, replayDirOf } from './recording-paths.ts';
import { checkSameCases } from './replay-target.ts';

/** The CLI arguments a replay fills in from its recording. */
export interface RecordingArgs {
  target: string;
  record: string | undefined;
  seed: number | undefined;
  runs: number | undefined;
  depth: 'quick' | 'full';
  suites: string[];
  faults: string[];
  help: boolean;
  restore: boolean;
}

/**
 * For a `replay[:DIR]` target: reads and checks the whole recording (before vitest starts, so
 * a bad file is one clear error) and fills in the recorded seed, runs, depth, suites and
 * faults, so `--target replay` alone asks exactly what was recorded.
 * @param argv the raw arguments (to tell an explicit --depth from the default)
 * @throws RecordingError for an unusable or stale recording; HarnessError USAGE for --record
 *   or --fault with a replay
 */
export function withRecordingDefaults<T extends RecordingArgs>(args: T, argv: string[]): T {
  if (args.help || args.restore || !isReplayTarget(args.target)) return args;
  if (args.record !== undefined) {
    throw new HarnessError('USAGE', '--record records a live or simulator target, not a replay');
  }
  const dir = replayDirOf(args.target);
  const { manifest } = readRecording(dir);
  if (args.faults.length > 0) {
    throw new HarnessError(
      'USAGE',
      `--fault does not apply to a replay: it replays the recorded faults (${manifest.faults.join(', ') || 'none'})`,
    );
  }
  const seed = args.seed ?? manifest.seed;
  const runs = args.runs ?? manifest.runs;
  checkSameCases(manifest, { seed, runs }, dir);
  const depthGiven = argv.some((a) => a === '--depth' || a.startsWith('--depth='));
  if (depthGiven && args.depth !== manifest.depth) {
    throw new RecordingError(
      'RECORDING_STALE',
      join(dir, MANIFEST_FILE),
      `the recording was made at --depth ${manifest.depth}: its report summaries hold what that ` +
        `depth read; replay without --depth, or record again at --depth ${args.depth}`,
    );
  }
  const missing = args.suites.filter((s) => !manifest.suites.includes(s));
  if (missing.length > 0) {
    throw new RecordingError(
      'RECORDING_STALE',
      join(dir, MANIFEST_FILE),
      `the recording holds the suites ${manifest.suites.join(', ')}, not ${missing.join(', ')}: ` +
        'record them first (npm run recordings:refresh records every suite)',
    );
  }
  return {
    ...args,
    seed,
    runs,
    depth: manifest.depth,
    suites: args.suites.length > 0 ? args.suites : [...manifest.suites],
    faults: [...manifest.faults],
  };
}
