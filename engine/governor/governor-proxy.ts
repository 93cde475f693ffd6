import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { classifyResponse, isXmlContentType, type Classification } from '../client/classify.ts';
import { QualysClient, type ApiResponse } from '../client/qualys-client.ts';
import { parseLimitHeaders } from '../client/rate-limit-headers.ts';
import { itemInt } from '../client/simple-return.ts';
import { debug } from '../debug.ts';
import { listenOnLoopback } from '../loopback-server.ts';
import { CallDeferred, HarnessError } from '../errors.ts';
import type { Credentials } from '../profile/credentials.ts';
import { pumpWithTap, type ExchangeTap } from './body-tap.ts';
import { CallGovernor, type GovernorBudget } from './call-governor.ts';
import type { ExchangeObserver } from './exchange.ts';
import { HARNESS_HEADERS } from './harness-headers.ts';
import { peekBody } from './peek-body.ts';
import { firstHeader, readRequestText } from '../http-values.ts';

/** What the proxy needs to reach the target. */
export interface GovernorProxyOptions {
  apiUrl: string;
  /** The main user and any extra users by role. */
  users: { main: Credentials } & Record<string, Credentials>;
  budget: GovernorBudget;
  timeouts: { connectMs: number; headersMs: number; bodyMs: number };
  observers?: ExchangeObserver[];
  /** Copies answers' bodies as they stream (the recorder); absent, bodies are not copied. */
  tap?: ExchangeTap;
  /** Sends each call's label on to the target (a replay server matches calls by label). */
  forwardLabel?: boolean;
}

/** A running governor proxy. */
export interface GovernorProxy {
  /** `http://127.0.0.1:PORT`: where workers send their calls. */
  url: string;
  governor: CallGovernor;
  close(): Promise<void>;
}

const CLASSIFY_LIMIT = 1_000_000; // 1 MB: SIMPLE_RETURN answers are tiny; larger bodies stream on

/**
 * Starts the call governor as a loopback HTTP proxy. Every vitest worker sends its calls here;
 * the proxy adds the credentials (workers never see them), paces and counts the calls, retries
 * blocked ones within the budget, stops the run on an account error, and streams bodies back.
 */
export async function startGovernorProxy(options: GovernorProxyOptions): Promise<GovernorProxy> {
  const governor = new CallGovernor(options.budget);
  const clients = new Map<string, QualysClient>();
  for (const [role, credentials] of Object.entries(options.users)) {
    clients.set(
      role,
      new QualysClient({ baseUrl: options.apiUrl, credentials, timeouts: options.timeouts }),
    );
  }
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      debug('governor proxy: %s', (error as Error).message);
      if (!res.headersSent) answerHarness(res, 502, 'transport-error', (error as Error).message);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const role = header(req, HARNESS_HEADERS.user) ?? 'main';
    const client = clients.get(role);
    if (client === undefined) {
      answerHarness(res, 400, 'unknown-user', `no user "${role}" in the profile's users`);
      return;
    }
    const form = req.method === 'POST' ? await readRequestText(req) : undefined;
    const url = new URL(req.url ?? '/', 'http://proxy');
    const noRetry = header(req, HARNESS_HEADERS.noRetry) === '1';
    const timeout = Number(header(req, HARNESS_HEADERS.timeoutMs) ?? NaN);
    const label = header(req, HARNESS_HEADERS.label);
    const request = {
      method: req.method === 'POST' ? ('POST' as const) : ('GET' as const),
      path: url.pathname,
      query: [...url.searchParams.entries()],
      params: form === undefined ? [] : [...new URLSearchParams(form).entries()],
      ...(Number.isFinite(timeout) ? { timeoutMs: timeout } : {}),
    };

    for (let attempt = 0; ; attempt += 1) {
      let slot;
      try {
        slot = await governor.acquire();
      } catch (error) {
        if (error instanceof CallDeferred) {
          answerHarness(res, 503, 'deferred', error.reason);
          return;
        }
        throw error;
      }
      try {
        if (!(await relay(slot.number, attempt))) continue;
        return;
      } finally {
        slot.release();
      }
    }

    /** Makes one attempt; false when the governor wants it retried. */
    async function relay(number: number, attempt: number): Promise<boolean> {
      let response: ApiResponse;
      try {
        const forwarded =
          options.forwardLabel === true && label !== undefined
            ? { [HARNESS_HEADERS.label]: label }
            : {};
        response = await (client as QualysClient).send(request, forwarded);
      } catch (error) {
        answerHarness(res, 502, 'transport-error', (error as HarnessError).message);
        return true;
      }
      if (firstHeader(response.headers[HARNESS_HEADERS.error]) !== undefined) {
        // A harness error from the upstream (the replay server: no recording of the call) is
        // not an answer of the target: relayed as it is, unclassified, unobserved, unrecorded.
        res.statusCode = response.status;
        for (const name of ['content-type', HARNESS_HEADERS.error]) {
          const value = response.headers[name];
          if (value !== undefined) res.setHeader(name, value);
        }
        await pipeline(response.body, res);
        return true;
      }
      const contentType = firstHeader(response.headers['content-type']);
      const wantsBody =
        response.status >= 400 || isXmlContentType(contentType) || contentType === undefined;
      const peeked = wantsBody ? await peekBody(response.body, CLASSIFY_LIMIT) : undefined;
      const classification: Classification = classifyResponse({
        status: response.status,
        contentType,
        body: peeked?.complete === true ? peeked.text : undefined,
      });
      const limits = parseLimitHeaders(response.headers);
      governor.observe(limits);

      let retry = false;
      if (classification.kind === 'throttled') {
        if (noRetry) governor.countThrottle();
        else retry = governor.blocked(attempt, blockWait(classification, limits.toWaitSec));
      }
      if (classification.kind === 'account-error')
        governor.stop(classification.reason ?? 'account error');
      const exchange = {
        number,
        method: request.method,
        url: `${url.pathname}${url.search}`,
        form,
        user: role === 'main' ? undefined : role,
        label,
        status: response.status,
        headers: response.headers,
        classification,
        body: peeked?.complete === true ? peeked.text : undefined,
        retried: retry,
      };
      for (const observe of options.observers ?? []) observe(exchange);
      const tap = options.tap?.(exchange);
      if (retry) {
        // A retried answer is a 409 (status >= 400, so peeked): its body is short and whole.
        tap?.stream.end(peeked?.head ?? Buffer.alloc(0));
        peeked?.rest.destroy();
        return false;
      }
      res.statusCode = response.status;
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) res.setHeader(name, value);
      }
      res.setHeader(HARNESS_HEADERS.call, String(number));
      if (classification.kind === 'account-error')
        res.setHeader(HARNESS_HEADERS.stopped, 'account-error');
      if (tap !== undefined) {
        await pumpWithTap(peeked?.head ?? Buffer.alloc(0), peeked?.rest ?? response.body, res, tap);
      } else if (peeked !== undefined) {
        res.write(peeked.head);
        await pipeline(peeked.rest, res);
      } else {
        await pipeline(response.body, res);
      }
      return true;
    }
  }

  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    governor,
    async close() {
      await listener.close();
      await Promise.all([...clients.values()].map((c) => c.close()));
    },
  };
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

/** Seconds to wait before retrying a blocked call: SECONDS_TO_WAIT, ToWait-Sec, or 1 s. */
function blockWait(c: Classification, toWaitSec: number | undefined): number {
  const fromBody =
    c.simpleReturn === undefined ? undefined : itemInt(c.simpleReturn, 'SECONDS_TO_WAIT');
  if (c.code === 1965) return fromBody ?? toWaitSec ?? 1;
  return 1; // 1960: a running call has to finish; a short pause lets it
}

function answerHarness(res: ServerResponse, status: number, kind: string, reason: string): void {
  res.statusCode = status;
  res.setHeader(kind === 'deferred' ? HARNESS_HEADERS.deferred : HARNESS_HEADERS.error, kind);
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ harness: kind, reason }));
}

function header(req: IncomingMessage, name: string): string | undefined {
  return firstHeader(req.headers[name]);
}
