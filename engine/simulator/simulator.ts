import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { debug } from '../debug.ts';
import { listenOnLoopback } from '../loopback-server.ts';
import { DEFAULT_PCRS, type PcrsThresholds } from '../profile/profile.ts';
import { createFeatures } from './features/index.ts';
import { RateLimiter, type Admission, type LimitState } from './rate-limiter.ts';
import { DEFAULT_RATE_LIMIT, defaultUsers } from './sim-fixtures.ts';
import type { SimContext, SimRequest, SimResponse, SimRoute, SimUser } from './sim-types.ts';
import {
  genericReturnError,
  requestError,
  simpleReturnXml,
  XML_CONTENT_TYPE,
} from './simple-return-xml.ts';
import { knownFaultNames } from './fault-catalogue.ts';

/** How to start a simulator. Every field has a default. */
export interface SimulatorOptions {
  /** Faults to switch on (names from the fault catalogue). */
  faults?: string[];
  /** Limits of every subscription (default 300 calls per 3600 s, 2 at once). */
  rateLimit?: Partial<SimUser['subscription']['rateLimit']>;
  /** PCRS zip thresholds (default the release notes' 1 GB and 5 GB). */
  pcrs?: PcrsThresholds;
  /** Sizes of the fixture reports in bytes, by report id. */
  reportSizes?: Record<number, number>;
  /** Delay before each answer, in ms (to hold calls open in concurrency tests). */
  latencyMs?: number;
  /**
   * Blocks every `every`-th call with a 409 although it is within the limits, to test that
   * clients survive blocks (harness tests only).
   */
  forceBlock?: { every: number; code: 1960 | 1965 };
  /** Clock override for tests. */
  now?: () => number;
}

/** A running simulator. */
export interface Simulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  users: SimUser[];
  options: SimulatorOptions;
  /** What the simulator has seen so far, for tests of the harness itself. */
  stats(): SimulatorStats;
  close(): Promise<void>;
}

/** Counters of a simulator run. */
export interface SimulatorStats {
  /** Authenticated calls received (admitted or blocked). */
  requests: number;
  /** Calls answered 409 (CODE 1960 or 1965). */
  blocked: number;
  /** Most calls of one subscription in flight at once. */
  peakRunning: number;
  /** Calls refused for bad credentials. */
  unauthorized: number;
}

/**
 * Starts the reference simulator on loopback, port 0: a Qualys subscription with Basic auth,
 * the X-RateLimit-* / X-Concurrency-Limit-* headers, 409 blocks, SIMPLE_RETURN errors and the
 * 10.18 operations. Faults switch on deliberate deviations from the release notes.
 * @throws Error when a fault name is unknown
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const faults = new Set(options.faults ?? []);
  const known = knownFaultNames();
  for (const fault of faults) {
    if (!known.includes(fault)) {
      throw new Error(`unknown simulator fault "${fault}": known faults are ${known.join(', ')}`);
    }
  }
  const now = options.now ?? Date.now;
  const rateLimit = { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
  const users = defaultUsers(rateLimit);
  const limiter = new RateLimiter(now);
  const context: SimContext = { fault: (name) => faults.has(name), now };
  const stats: SimulatorStats = { requests: 0, blocked: 0, peakRunning: 0, unauthorized: 0 };
  const routes = createFeatures({ ...options, pcrs: options.pcrs ?? DEFAULT_PCRS }).flatMap(
    (f) => f.routes,
  );

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      debug('simulator: %s', (error as Error).stack);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', XML_CONTENT_TYPE);
        res.end(simpleReturnXml({ code: 999, text: 'Internal Error' }));
      } else {
        res.destroy();
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const path = url.pathname;
    const isV2 = path.startsWith('/api/2.0/');
    const isV1 = path.startsWith('/msp/');
    if (!isV2 && !isV1) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const form = req.method === 'POST' ? await readForm(req) : new URLSearchParams();
    const user = authenticate(req.headers.authorization, users);
    if (user === undefined) {
      stats.unauthorized += 1;
      await send(res, {
        status: 401,
        headers: { 'content-type': XML_CONTENT_TYPE },
        body: simpleReturnXml({ code: 2000, text: 'Bad Login/Password' }),
      });
      return;
    }
    stats.requests += 1;
    const forced = options.forceBlock;
    const admission =
      forced !== undefined && stats.requests % forced.every === 0
        ? forcedBlock(forced.code)
        : limiter.admit(user.subscription);
    if (!admission.admitted) {
      stats.blocked += 1;
      const blocked =
        admission.code === 1960
          ? {
              code: 1960,
              text: `This API cannot be run again until ${admission.callsToFinish} currently running API instance has finished.`,
              items: [['CALLS_TO_FINISH', [String(admission.callsToFinish)]]] as [
                string,
                string[],
              ][],
            }
          : {
              code: 1965,
              text: `This API cannot be run again for another ${admission.secondsToWait} seconds.`,
              items: [['SECONDS_TO_WAIT', [String(admission.secondsToWait)]]] as [
                string,
                string[],
              ][],
            };
      const body = context.fault('blocked-without-code')
        ? simpleReturnXml({ text: blocked.text })
        : simpleReturnXml(blocked);
      const state = limiter.state(user.subscription);
      await send(res, { status: 409, headers: { 'content-type': XML_CONTENT_TYPE }, body }, state);
      return;
    }
    res.once('close', admission.release);
    stats.peakRunning = Math.max(stats.peakRunning, limiter.state(user.subscription).running);
    if (options.latencyMs !== undefined) await sleep(options.latencyMs);
    const params = new URLSearchParams([...url.searchParams.entries(), ...form.entries()]);
    const request: SimRequest = {
      method: req.method ?? 'GET',
      path,
      params,
      queryNames: new Set(url.searchParams.keys()),
      user,
      headers: req.headers,
    };
    const response = await route(request, isV1);
    await send(res, response, limiter.state(user.subscription));
  }

  async function route(request: SimRequest, isV1: boolean): Promise<SimResponse> {
    // v2 (/api/2.0) refuses with SIMPLE_RETURN; v1 (/msp) with GENERIC_RETURN (NOTES.md a.4).
    const refuse = (code: number, text: string) =>
      isV1 ? genericReturnError(code, text) : requestError(code, text);
    if (!isV1 && request.headers['x-requested-with'] === undefined) {
      // The real error for a missing X-Requested-With is not documented; this one is ours.
      return requestError(1901, 'The X-Requested-With header is required for this API.');
    }
    const onPath = routes.filter((r) => r.path === request.path);
    if (onPath.length === 0) {
      return isV1 ? genericReturnError(404, 'Unknown function', 404) : notFound();
    }
    const actions = request.params.getAll('action');
    let match: SimRoute | undefined;
    if (onPath.some((r) => r.action !== undefined)) {
      if (actions.length === 0) return refuse(1903, 'Missing required parameter(s): action');
      match = onPath.find((r) => r.action === actions[0]);
      if (match === undefined) {
        const allowed = onPath.map((r) => r.action).join(', ');
        return refuse(
          1905,
          `parameter action has invalid value: ${actions[0]} (allowed: ${allowed})`,
        );
      }
    } else {
      match = onPath[0];
    }
    if (match === undefined) return notFound();
    if (!match.methods.includes(request.method as 'GET' | 'POST')) {
      return refuse(
        1908,
        `Request method (GET or POST) is incompatible with specified parameter(s): action=${actions[0] ?? ''}`,
      );
    }
    if (match.params !== undefined) {
      const allowed = new Set(['action', 'echo_request', ...match.params]);
      const unknown = [...new Set(request.params.keys())].filter((k) => !allowed.has(k));
      if (unknown.length > 0) {
        const list = [...allowed].filter((k) => k !== 'action').join(', ');
        return refuse(
          1901,
          `Unrecognized parameter(s): ${unknown.join(', ')} (action=${match.action ?? ''} allows: ${list})`,
        );
      }
    }
    return match.handle(request, context);
  }

  async function send(
    res: ServerResponse,
    response: SimResponse,
    limits?: LimitState,
  ): Promise<void> {
    res.statusCode = response.status;
    if (limits !== undefined) {
      for (const [name, value] of limitHeaders(limits)) res.setHeader(name, value);
    }
    for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    if (typeof response.body === 'string' || Buffer.isBuffer(response.body)) {
      res.end(response.body);
      return;
    }
    await pipeline(response.body as Readable, res);
  }

  function limitHeaders(state: LimitState): [string, string][] {
    const remaining = context.fault('remaining-above-limit') ? state.limit + 5 : state.remaining;
    const headers: [string, string][] = [
      ['X-RateLimit-Limit', String(state.limit)],
      ['X-RateLimit-Window-Sec', String(state.windowSec)],
      ['X-Concurrency-Limit-Limit', String(state.concurrencyLimit)],
      ['X-Concurrency-Limit-Running', String(state.running)],
      ['X-RateLimit-ToWait-Sec', String(state.toWaitSec)],
      ['X-RateLimit-Remaining', String(remaining)],
    ];
    if (!context.fault('missing-limit-headers')) return headers;
    return headers.filter(
      ([name]) => name !== 'X-Concurrency-Limit-Running' && name !== 'X-RateLimit-ToWait-Sec',
    );
  }

  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    users,
    options,
    stats: () => ({ ...stats }),
    async close() {
      await listener.close();
    },
  };
}

function forcedBlock(code: 1960 | 1965): Admission {
  return code === 1960
    ? { admitted: false, code, callsToFinish: 1 }
    : { admitted: false, code, secondsToWait: 1 };
}

function notFound(): SimResponse {
  return {
    status: 404,
    headers: { 'content-type': 'text/html' },
    body: '<html><body>Not Found</body></html>',
  };
}

function authenticate(header: string | undefined, users: SimUser[]): SimUser | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const login = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return users.find((u) => u.login === login && u.password === password);
}

const MAX_FORM_BYTES = 1_000_000; // 1 MB

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) break;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
