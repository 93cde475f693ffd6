import type { TargetProfile } from '../profile/profile.ts';
import { SIM_CREDENTIAL_ENV, SIM_FIXTURES } from './sim-fixtures.ts';

/**
 * PCRS thresholds of the embedded simulator, scaled down from the release notes' 1 GB and
 * 5 GB so a default run fetches both kinds of report in seconds.
 */
export const SIM_PCRS = { zipMinBytes: 1_000_000, zipMaxBytes: 5_000_000 } as const;

/**
 * Limits of the embedded target's subscription. The simulator's default is the Standard
 * service level (300 calls per hour); a full run of every suite makes about 500 calls, so the
 * embedded target plays a larger subscription (Premium-like) and stays within its window.
 */
export const SIM_RATE_LIMIT = { limit: 3_000, windowSec: 3_600, concurrency: 2 } as const;

/** Report sizes of the simulator's fixture reports: one CSV, one ZIP under SIM_PCRS. */
export const SIM_REPORT_SIZES: Record<number, number> = {
  [SIM_FIXTURES.reports[0]]: 300_000,
  [SIM_FIXTURES.reports[1]]: 2_500_000,
};

/** The profile of the embedded simulator at `apiUrl`: everything allowed, every user present. */
export function simulatorProfile(apiUrl: string): TargetProfile {
  const { main, noPolicyPermission, plain } = SIM_CREDENTIAL_ENV;
  return {
    name: 'simulator',
    apiUrl,
    credentials: { usernameEnv: main.usernameEnv, passwordEnv: main.passwordEnv },
    users: {
      noPolicyPermission: {
        usernameEnv: noPolicyPermission.usernameEnv,
        passwordEnv: noPolicyPermission.passwordEnv,
        canModifyPolicies: false,
      },
      networkDisabled: {
        usernameEnv: plain.usernameEnv,
        passwordEnv: plain.passwordEnv,
        networkSupport: false,
        assetTagging: false,
      },
    },
    subscription: { networkSupport: true, assetTagging: true, pcrs: { ...SIM_PCRS } },
    fixtures: {
      policyIds: [...SIM_FIXTURES.policyIds],
      tags: SIM_FIXTURES.tags.map((t) => ({ ...t })),
      networks: SIM_FIXTURES.networks.map((n) => ({ ...n })),
      map: { ...SIM_FIXTURES.map },
      reports: [...SIM_FIXTURES.reports],
    },
    allow: { modifyPolicies: true, launchMaps: true, fetchReports: true },
    budget: { maxCalls: 5_000, maxConcurrency: 2, maxWaitSeconds: 60, maxRetries: 3 },
    timeouts: { connectMs: 5_000, headersMs: 60_000, bodyMs: 60_000, mapMs: 60_000 },
    scrub: [],
  };
}

/** Fills the simulator users' credential variables in `env` where they are unset. */
export function provideSimulatorCredentials(env: NodeJS.ProcessEnv = process.env): void {
  for (const user of Object.values(SIM_CREDENTIAL_ENV)) {
    env[user.usernameEnv] ??= user.login;
    env[user.passwordEnv] ??= user.password;
  }
}
