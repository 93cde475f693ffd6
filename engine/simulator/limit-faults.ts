import type { SimFault } from './sim-types.ts';

/** Faults of the rate-limit behaviour every call shares (rules LIMIT-*). */
export const LIMIT_FAULTS: SimFault[] = [
  {
    name: 'missing-limit-headers',
    rules: ['LIMIT-HEADERS'],
    suite: 'limits',
    description:
      'X-Concurrency-Limit-Running and X-RateLimit-ToWait-Sec are left off /api/2.0 answers',
  },
  {
    name: 'remaining-above-limit',
    rules: ['LIMIT-HEADERS'],
    suite: 'limits',
    description: 'X-RateLimit-Remaining is reported 5 above X-RateLimit-Limit',
  },
  {
    name: 'blocked-without-code',
    rules: ['LIMIT-BLOCKED'],
    suite: 'limits',
    description: 'a blocked call answers 409 with a SIMPLE_RETURN that has no CODE',
  },
];
