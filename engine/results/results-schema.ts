/**
 * The shape of `results.json`, the one file every report (run report, trend page, JUnit, CI
 * summaries) is built from. Field names are part of the public format: change them only with a
 * CHANGELOG entry.
 */

/** How the run reached its target. */
export type RunMode = 'live' | 'sim' | 'replay';

/** The verdict for one rule over all of its cases. */
export type RuleStatus = 'pass' | 'fail' | 'skip' | 'deferred';

/** One observed deviation from the release notes, with what is needed to reproduce it. */
export interface RuleFailure {
  /** One line: what was observed. */
  message: string;
  /** What the target answered (trimmed). */
  received?: string;
  /** What the release notes or DTD document. */
  documented?: string;
  /** fast-check seed of the property run, when the case came from a generator. */
  seed?: number;
  /** fast-check path of the shrunk counterexample. */
  path?: string;
  /** The request, secrets scrubbed: `POST /api/2.0/fo/compliance/policy/ action=...`. */
  request?: string;
  /** The first bytes of the response body, trimmed. */
  responseExcerpt?: string;
  /** A curl line that reproduces the call; credentials come from the environment. */
  curl?: string;
  /** The vitest test name the failure came from. */
  test?: string;
}

/** The verdict for one rule of the catalogue. */
export interface RuleResult {
  id: string;
  title: string;
  /** Release-note section the rule comes from. */
  source: string;
  status: RuleStatus;
  /** Generated or fixed cases that were executed for this rule. */
  cases: number;
  /** Why the rule was skipped or deferred, when it was. */
  reason?: string;
  /** What was observed where the documentation sets no rule (reported, not judged). */
  notes?: string[];
  /** Error codes seen per case (`RULE-ID/case` → CODE), for pinning in an expectations file. */
  observedCodes?: Record<string, number>;
  failures: RuleFailure[];
}

/** Calls spent against the target, as counted by the call governor. */
export interface CallStats {
  made: number;
  budget: number;
  throttled: number;
  waitedSeconds: number;
}

/** The whole `results.json` document. */
export interface RunResults {
  /** Format version of this document. */
  format: 1;
  harnessVersion: string;
  target: { name: string; apiUrl: string };
  mode: RunMode;
  seed: number;
  /** `quick` or `full`; how deep report bodies were read. */
  depth: 'quick' | 'full';
  /** Suites selected with `--suite`, or every suite. */
  suites: string[];
  /** Simulator faults switched on for this run (simulator targets only). */
  faults: string[];
  startedAt: string;
  finishedAt: string;
  calls: CallStats;
  rules: RuleResult[];
}
