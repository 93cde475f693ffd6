import { SECTIONS, type Rule } from './rule.ts';

/** Rules every call is under: the API-limits headers and blocked answers. */
export const LIMIT_RULES: Rule[] = [
  {
    id: 'LIMIT-HEADERS',
    title:
      'every /api/2.0/fo answer that is not an account error carries the six X-RateLimit / ' +
      'X-Concurrency-Limit headers, consistent with each other',
    source: SECTIONS.limits,
    suite: 'limits',
  },
  {
    id: 'LIMIT-BLOCKED',
    title:
      'a blocked call is a 409 whose SIMPLE_RETURN holds CODE 1965 with SECONDS_TO_WAIT or ' +
      'CODE 1960 with CALLS_TO_FINISH, and its headers agree',
    source: SECTIONS.limits,
    suite: 'limits',
  },
];
