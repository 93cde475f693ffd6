import type { SimSubscription, SimUser } from './sim-types.ts';

/**
 * The data the simulator starts with. The embedded simulator profile
 * (`sim-profile.ts`) lists the same ids as its fixtures, so both always agree.
 */
export const SIM_FIXTURES = {
  /** Compliance policies the conformance suites may modify. */
  policyIds: [4201701, 4201702],
  /** Asset tags known to the subscription; names are case-sensitive. */
  tags: [
    { id: 118766028, name: 'conformance-a' },
    { id: 118766029, name: 'conformance-b' },
    { id: 118766030, name: 'Conformance-C' },
    { id: 118766031, name: 'conformance d' },
  ],
  /** Custom networks of the network-enabled subscription (ID 0 is the Global Default Network). */
  networks: [
    { id: 4234545, name: 'Custom network 3' },
    { id: 4234546, name: 'Custom network 4' },
  ],
  map: {
    domain: 'mydomain.com',
    netblock: '10.10.10.10-10.10.10.20',
    scanner: 'my_scanner',
    optionProfile: 'Initial Options',
  },
  /** Compliance policy reports: one below the zip threshold, one within it. */
  reports: [123456, 654321],
} as const;

/** Default limits: the Standard service level's 300 calls per hour, 2 at once. */
export const DEFAULT_RATE_LIMIT = { limit: 300, windowSec: 3600, concurrency: 2 } as const;

/** Builds the simulator's subscriptions and test users. */
export function defaultUsers(rateLimit: SimSubscription['rateLimit']): SimUser[] {
  const enabled: SimSubscription = {
    id: 'sub-enabled',
    company: 'Simulated Company',
    networkSupport: true,
    assetTagging: true,
    rateLimit,
  };
  const plain: SimSubscription = {
    id: 'sub-plain',
    company: 'Simulated Plain Company',
    networkSupport: false,
    assetTagging: false,
    rateLimit,
  };
  const { main, noPolicyPermission, plain: plainUser } = SIM_CREDENTIAL_ENV;
  return [
    { ...credentials(main), subscription: enabled, canModifyPolicies: true },
    { ...credentials(noPolicyPermission), subscription: enabled, canModifyPolicies: false },
    { ...credentials(plainUser), subscription: plain, canModifyPolicies: true },
  ];
}

function credentials(user: { login: string; password: string }): {
  login: string;
  password: string;
} {
  return { login: user.login, password: user.password };
}

/**
 * The simulator's test users: their logins, their (published, harmless) passwords, and the
 * environment variables the embedded simulator profile reads them from.
 */
export const SIM_CREDENTIAL_ENV = {
  main: {
    usernameEnv: 'QUALYS_SIM_USERNAME',
    passwordEnv: 'QUALYS_SIM_PASSWORD',
    login: 'sim_manager',
    password: 'sim-manager-pass',
  },
  noPolicyPermission: {
    usernameEnv: 'QUALYS_SIM_READER_USERNAME',
    passwordEnv: 'QUALYS_SIM_READER_PASSWORD',
    login: 'sim_reader',
    password: 'sim-reader-pass',
  },
  plain: {
    usernameEnv: 'QUALYS_SIM_PLAIN_USERNAME',
    passwordEnv: 'QUALYS_SIM_PLAIN_PASSWORD',
    login: 'sim_plain',
    password: 'sim-plain-pass',
  },
} as const;
