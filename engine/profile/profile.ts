/**
 * A target profile: which Qualys subscription a run talks to, what it may touch there and how
 * much it may spend. Credentials never live in a profile, only the names of the environment
 * variables that hold them.
 */

/** Names of the environment variables holding one user's credentials. */
export interface CredentialRef {
  usernameEnv: string;
  passwordEnv: string;
}

/** A user other than the main one, for rules that need another subscription or permission. */
export interface ExtraUser extends CredentialRef {
  /** Subscription features of this user's account, where they differ from the main one. */
  networkSupport?: boolean;
  assetTagging?: boolean;
  /** False for a user without permission to modify the fixture policies. */
  canModifyPolicies?: boolean;
}

/** Thresholds that decide whether a policy report comes as CSV or as ZIP (release notes: PCRS). */
export interface PcrsThresholds {
  zipMinBytes: number;
  zipMaxBytes: number;
}

/** The map fixture a Launch Map call may use. */
export interface MapFixture {
  domain: string;
  netblock?: string;
  scanner?: string;
  optionProfile?: string;
}

/** A profile after validation, with every default filled in. */
export interface TargetProfile {
  name: string;
  apiUrl: string;
  credentials: CredentialRef;
  /** Extra users by role name (`networkDisabled`, `taggingDisabled`, `noPolicyPermission`). */
  users: Record<string, ExtraUser>;
  subscription: {
    networkSupport: boolean;
    assetTagging: boolean;
    pcrs: PcrsThresholds;
  };
  fixtures: {
    policyIds: number[];
    tags: { id: number; name: string }[];
    networks: { id: number; name: string }[];
    map?: MapFixture;
    reports: number[];
  };
  allow: { modifyPolicies: boolean; launchMaps: boolean; fetchReports: boolean };
  budget: {
    maxCalls: number;
    maxConcurrency: number;
    /** Total seconds the run may wait for rate-limit windows before deferring cases. */
    maxWaitSeconds: number;
    /** How often one call blocked with 409 (CODE 1960/1965) is retried. */
    maxRetries: number;
  };
  timeouts: { connectMs: number; headersMs: number; bodyMs: number; mapMs: number };
  /** Path of an expectations file pinning error codes seen on this target, if any. */
  expectations?: string;
  /** Regular expressions of further values to scrub from recordings and reports. */
  scrub: string[];
}

/** Release-note thresholds: "between 1 GB and 5 GB". Decimal gigabytes; see rules for 2^30. */
export const DEFAULT_PCRS: PcrsThresholds = {
  zipMinBytes: 1_000_000_000,
  zipMaxBytes: 5_000_000_000,
};

export const DEFAULT_TIMEOUTS = {
  connectMs: 10_000, // 10 s
  headersMs: 120_000, // 2 min: report fetches can take long to start
  bodyMs: 120_000, // 2 min between body chunks
  mapMs: 15 * 60_000, // 15 min: a map launch is a real network discovery
} as const;
