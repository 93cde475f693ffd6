import type { Readable } from 'node:stream';

/** A subscription the simulator plays: its features and its API limits. */
export interface SimSubscription {
  id: string;
  company: string;
  /** Network Support feature (release notes: Launch Map network_id). */
  networkSupport: boolean;
  /** Asset Tagging service (release notes: compliance policy asset tags). */
  assetTagging: boolean;
  /** Calls allowed per sliding window, window length, calls allowed at once. */
  rateLimit: { limit: number; windowSec: number; concurrency: number };
}

/** A test user of the simulator. */
export interface SimUser {
  login: string;
  password: string;
  subscription: SimSubscription;
  /** False for a user without permission to modify compliance policies. */
  canModifyPolicies: boolean;
}

/** A request after authentication, as handlers see it. */
export interface SimRequest {
  method: string;
  path: string;
  /** Query and form parameters together, in the order received (query first). */
  params: URLSearchParams;
  /** Names of parameters that came in the query string. */
  queryNames: Set<string>;
  user: SimUser;
  headers: Record<string, string | string[] | undefined>;
}

/** What a handler answers. The simulator adds the rate-limit headers. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  /** A string, a buffer, or a stream for large bodies (never buffered whole). */
  body: string | Buffer | Readable;
}

/** Everything about the current simulator run a handler may consult. */
export interface SimContext {
  /** True when the named fault is switched on for this run. */
  fault(name: string): boolean;
  /** Clock, in ms; tests may pin it. */
  now(): number;
}

/** One operation: a path, optionally an action value, and the methods it accepts. */
export interface SimRoute {
  path: string;
  /** The `action` parameter value; undefined for v1 (/msp) endpoints without actions. */
  action?: string;
  methods: ('GET' | 'POST')[];
  /**
   * Parameters the operation accepts besides `action` and `echo_request`; any other one is
   * refused with CODE 1901 before the handler runs. Undefined: the handler checks.
   */
  params?: string[];
  handle(request: SimRequest, context: SimContext): SimResponse | Promise<SimResponse>;
}

/** A deliberate deviation from the release notes, and the rule it must make fail. */
export interface SimFault {
  name: string;
  /** Rule ids this fault must make fail. */
  rules: string[];
  description: string;
  /** `--suite` to run when proving it (the suite of its rules). */
  suite: string;
}

/** A group of operations with its own state (policies, maps, reports...). */
export interface SimFeature {
  name: string;
  routes: SimRoute[];
}
