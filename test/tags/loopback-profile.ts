import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalPath } from '../../engine/journal/journal-file.ts';
import { SIM_CREDENTIAL_ENV, SIM_FIXTURES } from '../../engine/simulator/sim-fixtures.ts';
import { writeLiveProfile } from '../helpers/live-profile.ts';
import { ROOT } from '../helpers/run-cli.ts';

/** A live-shaped profile of a loopback simulator that may change fixture policy 4201701. */
export interface LoopbackProfile {
  file: string;
  /** Environment of a CLI run: the simulator users' credentials and a state folder of its own. */
  env: NodeJS.ProcessEnv;
  /** Where a run of this profile keeps its journal. */
  journal: string;
}

const NAME = 'loopback-tags';

/**
 * Writes the profile: plain http to the simulator, the three simulator users by environment
 * variable, the first fixture policy and the fixture tags, allow.modifyPolicies.
 */
export function loopbackProfile(apiUrl: string, maxCalls = 400): LoopbackProfile {
  const env = (prefix: string, user: keyof typeof SIM_CREDENTIAL_ENV) => ({
    [`${prefix}_USERNAME`]: SIM_CREDENTIAL_ENV[user].login,
    [`${prefix}_PASSWORD`]: SIM_CREDENTIAL_ENV[user].password,
  });
  const ref = (prefix: string) => ({
    usernameEnv: `${prefix}_USERNAME`,
    passwordEnv: `${prefix}_PASSWORD`,
  });
  const file = writeLiveProfile(apiUrl, {
    name: NAME,
    credentials: ref('QC_TAGS_MAIN'),
    users: {
      noPolicyPermission: { ...ref('QC_TAGS_READER'), canModifyPolicies: false },
      taggingDisabled: { ...ref('QC_TAGS_PLAIN'), assetTagging: false },
    },
    subscription: { assetTagging: true },
    fixtures: { policyIds: [SIM_FIXTURES.policyIds[0]], tags: SIM_FIXTURES.tags },
    allow: { modifyPolicies: true },
    budget: { maxCalls, maxConcurrency: 2, maxWaitSeconds: 5, maxRetries: 1 },
  });
  const state = mkdtempSync(join(tmpdir(), 'tags-state-'));
  return {
    file,
    env: {
      ...env('QC_TAGS_MAIN', 'main'),
      ...env('QC_TAGS_READER', 'noPolicyPermission'),
      ...env('QC_TAGS_PLAIN', 'plain'),
      QUALYS_CONFORMANCE_STATE: state,
    },
    journal: journalPath(state, { name: NAME, apiUrl }, 'live'),
  };
}

/**
 * Starts `npm run conformance` (as `node --import tsx`) in a process group of its own, so a
 * test can signal the whole group: the CLI and its vitest workers.
 */
export function spawnConformance(args: string[], env: NodeJS.ProcessEnv): SpawnedRun {
  const out = mkdtempSync(join(tmpdir(), 'tags-out-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'engine', 'cli', 'conformance.ts'), ...args, '--out', out],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  child.stdout?.resume();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return { child, exited, stderr: () => stderr };
}

/** A conformance run in a process group of its own. */
export interface SpawnedRun {
  child: ChildProcess;
  /** The exit code; null when a signal ended it. */
  exited: Promise<number | null>;
  /** stderr so far. */
  stderr(): string;
}

/** Polls `condition` every 20 ms until it holds. @throws Error after `timeoutMs` */
export async function waitUntil(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
