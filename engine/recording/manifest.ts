import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TargetProfile } from '../profile/profile.ts';
import { HARNESS_VERSION } from '../version.ts';
import { GENERATOR_VERSION } from '../../generators/version.ts';
import {
  MANIFEST_FILE,
  RECORDING_FORMAT,
  type RecordedProfile,
  type RecordingManifest,
} from './recording-format.ts';
import { RecordingError } from './recording-error.ts';

/** The file name an expectations file is copied to inside a recording. */
export const EXPECTATIONS_FILE = 'expectations.json';

/** The profile as a recording keeps it: credentials only as variable names, no scrub list. */
export function recordedProfile(profile: TargetProfile, simulator: boolean): RecordedProfile {
  const { expectations, scrub: _scrub, ...kept } = profile;
  const recorded: RecordedProfile = structuredClone(kept);
  // The embedded simulator listens on a new port each run; the port is no part of the target.
  if (simulator) recorded.apiUrl = 'http://127.0.0.1';
  if (expectations !== undefined) recorded.expectations = EXPECTATIONS_FILE;
  return recorded;
}

/** The profile a replay of `dir` runs with (its expectations file read from the recording). */
export function profileOfRecording(manifest: RecordingManifest, dir: string): TargetProfile {
  const { expectations, ...rest } = structuredClone(manifest.profile);
  const profile: TargetProfile = { ...rest, scrub: [] };
  if (expectations !== undefined) profile.expectations = join(dir, expectations);
  return profile;
}

/**
 * Reads and checks a recording's manifest.
 * @throws RecordingError RECORDING_INVALID (missing, not JSON, a field missing or wrong),
 *   RECORDING_STALE (another format, harness version or generator version)
 */
export function readManifest(dir: string): RecordingManifest {
  const file = join(dir, MANIFEST_FILE);
  const shown = relative(process.cwd(), file) || file;
  if (!existsSync(file)) {
    throw new RecordingError(
      'RECORDING_INVALID',
      file,
      `${shown} does not exist: ${relative(process.cwd(), dir) || dir} is not a recording; ` +
        'make one with npm run conformance -- --target PROFILE --record DIR',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RecordingError(
      'RECORDING_INVALID',
      file,
      `${shown} is not valid JSON (${(error as Error).message}): fix it or record again`,
    );
  }
  const m = raw as Partial<RecordingManifest>;
  const missing = (
    ['format', 'harnessVersion', 'generatorVersion', 'seed', 'runs', 'depth', 'suites'] as const
  ).filter((k) => m[k] === undefined);
  if (typeof m.profile !== 'object' || m.profile === null) missing.push('profile' as never);
  if (missing.length > 0) {
    throw new RecordingError(
      'RECORDING_INVALID',
      file,
      `${shown} lacks ${missing.join(', ')}: it is not a recording manifest; record again`,
    );
  }
  const manifest = raw as RecordingManifest;
  const again = refreshHint(manifest, dir);
  if (manifest.format === RECORDING_FORMAT && manifest.madeAgainst === 'release-notes') {
    return manifest; // transcribed by hand: no harness or generator made it
  }
  if (manifest.format !== RECORDING_FORMAT) {
    throw new RecordingError(
      'RECORDING_STALE',
      file,
      `${shown} is of recording format ${manifest.format}, this harness reads format ` +
        `${RECORDING_FORMAT}: ${again}`,
    );
  }
  if (manifest.harnessVersion !== HARNESS_VERSION) {
    throw new RecordingError(
      'RECORDING_STALE',
      file,
      `${shown} was recorded by harness ${manifest.harnessVersion}, this is ${HARNESS_VERSION}: ` +
        `the recording is stale; ${again}`,
    );
  }
  if (manifest.generatorVersion !== GENERATOR_VERSION) {
    throw new RecordingError(
      'RECORDING_STALE',
      file,
      `${shown} was recorded with generator version ${manifest.generatorVersion}, the ` +
        `generators are now version ${GENERATOR_VERSION}, so the cases differ: the recording ` +
        `is stale; ${again}`,
    );
  }
  if (manifest.complete !== true) {
    throw new RecordingError(
      'RECORDING_INVALID',
      file,
      `${shown} belongs to a recording run that did not finish: ${again}`,
    );
  }
  return manifest;
}

/** How to make the recording in `dir` again. */
export function refreshHint(manifest: Pick<RecordingManifest, 'madeAgainst'>, dir: string): string {
  const shown = relative(process.cwd(), dir) || dir;
  if (manifest.madeAgainst === 'release-notes') {
    return 'transcribe it again from the release notes (see its README.md)';
  }
  if (manifest.madeAgainst === 'simulator') {
    return `record it again with npm run recordings:refresh (or npm run conformance -- --target sim --record ${shown})`;
  }
  return `record it again with npm run conformance -- --target PROFILE --record ${shown}`;
}

export { GENERATOR_VERSION, HARNESS_VERSION };
