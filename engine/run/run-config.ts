import type { TargetProfile } from '../profile/profile.ts';
import type { RunMode } from '../results/results-schema.ts';
import type {} from 'vitest';

/**
 * What every vitest worker knows about the run. It holds no secret: credentials stay in the
 * main process, where the governor proxy adds them to each call.
 */
export interface RunConfig {
  /** Where workers send calls: the governor proxy on loopback. */
  proxyUrl: string;
  mode: RunMode;
  seed: number;
  /** fast-check runs per property. */
  runs: number;
  depth: 'quick' | 'full';
  faults: string[];
  suites: string[];
  profile: TargetProfile;
  /** Directory for run state that must survive a crash (journals). */
  stateDir: string;
  outDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    harness: RunConfig;
  }
}
