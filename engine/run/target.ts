import { inject } from 'vitest';
import { describeRequest, type ApiRequest } from '../client/api-request.ts';
import { classifyResponse, type Classification } from '../client/classify.ts';
import { toCurl } from '../client/curl.ts';
import { QualysClient, readBody, type ApiResponse } from '../client/qualys-client.ts';
import { AccountError, CallDeferred, HarnessError } from '../errors.ts';
import { HARNESS_HEADERS } from '../governor/harness-headers.ts';
import { loadExpectations, type Expectations } from '../expectations/expectations.ts';
import { readRecordedSummary, type RecordedSummary } from '../recording/recorded-summary.ts';
import { RECORDED_SUMMARY_HEADER } from '../recording/recording-format.ts';
import type { RunConfig } from './run-config.ts';
import { firstHeader } from '../http-values.ts';

/** A call's answer with its body read (up to the cap) and classified. */
export interface CallResult {
  request: ApiRequest;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** True when the body was longer than the cap and was cut. */
  capped: boolean;
  classification: Classification;
  /** A curl line reproducing the call against the real target, secrets from the environment. */
  curl: string;
  /** `POST /api/2.0/... action=...` */
  described: string;
  /** On replay, for a body too large to record: its summary (`text` is only its head). */
  recordedSummary?: RecordedSummary;
}

/** An answer with its body unread; on replay of a large body, with the recorded summary. */
export interface TargetResponse extends ApiResponse {
  /** Set on replay when the body was too large to record: `body` is then its head only. */
  recordedSummary?: RecordedSummary;
}

/** One call in a test's call log (its evidence). */
export interface CallLogEntry {
  described: string;
  status: number;
  curl: string;
  excerpt?: string;
}

const DEFAULT_TEXT_CAP = 32_000_000; // 32 MB: list and map answers; reports are streamed

/**
 * The run's target as a suite sees it: calls go through the call governor, which adds the
 * credentials, paces the calls and counts them.
 */
export class HarnessTarget {
  readonly config: RunConfig;
  readonly #client: QualysClient;

  constructor(config: RunConfig) {
    this.config = config;
    this.#client = new QualysClient({
      baseUrl: config.proxyUrl,
      timeouts: {
        headersMs: config.profile.timeouts.mapMs,
        bodyMs: config.profile.timeouts.bodyMs,
      },
    });
  }

  /**
   * Makes a call and reads its body whole (up to `textCap` bytes).
   * @throws CallDeferred when the governor did not make the call (budget, wait, stopped run)
   * @throws AccountError when the target refused the account (the run stops)
   */
  async call(request: ApiRequest, textCap = DEFAULT_TEXT_CAP): Promise<CallResult> {
    const response = await this.open(request);
    this.#log?.push({
      described: describeRequest(request),
      status: response.status,
      curl: this.curl(request),
    });
    const body = await readBody(response.body, textCap);
    const contentType = firstHeader(response.headers['content-type']);
    const classification = classifyResponse({
      status: response.status,
      contentType,
      body: body.text,
    });
    const logged = this.#log?.at(-1);
    if (logged !== undefined && logged.described === describeRequest(request)) {
      logged.excerpt = body.text.slice(0, 300);
    }
    if (firstHeader(response.headers[HARNESS_HEADERS.stopped]) !== undefined) {
      throw new AccountError(
        `the target refused the account: ${classification.reason ?? ''}`,
        classification.code,
      );
    }
    return {
      request,
      status: response.status,
      headers: response.headers,
      text: body.text,
      capped: body.capped,
      classification,
      curl: this.curl(request),
      described: describeRequest(request),
      ...(response.recordedSummary === undefined
        ? {}
        : { recordedSummary: response.recordedSummary }),
    };
  }

  /**
   * Makes a call and hands back the body unread, as a stream (for reports of any size).
   * @throws CallDeferred, AccountError as `call` does; HarnessError when the proxy failed
   */
  async open(request: ApiRequest): Promise<TargetResponse> {
    const headers: Record<string, string> = {};
    if (request.user !== undefined) headers[HARNESS_HEADERS.user] = request.user;
    if (request.noRetry === true) headers[HARNESS_HEADERS.noRetry] = '1';
    if (request.timeoutMs !== undefined)
      headers[HARNESS_HEADERS.timeoutMs] = String(request.timeoutMs);
    const label = request.label ?? this.#label;
    if (label !== undefined) headers[HARNESS_HEADERS.label] = label;
    const response = await this.#client.send(request, headers);
    const deferred = firstHeader(response.headers[HARNESS_HEADERS.deferred]);
    const error = firstHeader(response.headers[HARNESS_HEADERS.error]);
    if (deferred !== undefined || error !== undefined) {
      const text = (await readBody(response.body, 64_000)).text;
      const reason = (JSON.parse(text) as { reason: string }).reason;
      if (deferred !== undefined) throw new CallDeferred(reason);
      throw new HarnessError('GOVERNOR_ERROR', `${describeRequest(request)}: ${reason}`);
    }
    const summaryFile = firstHeader(response.headers[RECORDED_SUMMARY_HEADER]);
    if (summaryFile !== undefined) {
      return { ...response, recordedSummary: readRecordedSummary(summaryFile) };
    }
    return response;
  }

  /** The target's pinned error codes, when its profile names an expectations file. */
  expectations(): Expectations | undefined {
    const file = this.config.profile.expectations;
    if (file === undefined) return undefined;
    this.#expectations ??= loadExpectations(file);
    return this.#expectations;
  }

  #expectations: Expectations | undefined;
  #log: CallLogEntry[] | undefined;
  /** Label of the test now running (its rule id), sent with every call for recordings. */
  #label: string | undefined;

  /** Starts a fresh log of the calls made from now on (one test's calls); returns it. */
  startLog(label?: string): CallLogEntry[] {
    this.#label = label;
    this.#log = [];
    return this.#log;
  }

  /** A curl line for a request against the real target. */
  curl(request: ApiRequest): string {
    const user = request.user === undefined ? undefined : this.config.profile.users[request.user];
    return toCurl(this.config.profile.apiUrl, request, user ?? this.config.profile.credentials);
  }
}

let shared: HarnessTarget | undefined;

/** The run's target, for use inside conformance tests. */
export function harnessTarget(): HarnessTarget {
  shared ??= new HarnessTarget(inject('harness'));
  return shared;
}
