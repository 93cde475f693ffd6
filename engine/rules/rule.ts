/** Release-note sections of 10.18 (and the API-limits document every call is under). */
export const SECTIONS = {
  limits: 'API limits (X-RateLimit / X-Concurrency-Limit headers)',
  tags: 'Compliance Policy - Manage Asset Tags using API',
  map: 'New Parameter in Launch Map API for Network-enabled Subscription',
  csvHeaders: 'CSV Header Text Updated in Compliance Policy Reports',
  pcrs: 'Support for Compressed Reports with PCRS',
} as const;

/** A suite name, as `--suite` takes it. */
export type SuiteName = 'limits' | 'tags' | 'map' | 'reports';

/** One documented behaviour, with an id that never changes. */
export interface Rule {
  /** Stable id; every test of the rule starts its name with it. */
  id: string;
  /** One line: the behaviour as a fact. */
  title: string;
  /** The release-note section (or vendor document) it comes from. */
  source: string;
  /** The suite that checks it. */
  suite: SuiteName;
}
