import { LIMIT_HEADER_NAMES, readLimitHeaders } from '../../client/rate-limit-headers.ts';
import type { RuleFailure } from '../../results/results-schema.ts';

/** What a limit check needs to know about one answer. */
export interface LimitExchange {
  /** `GET /api/2.0/fo/report/?action=list` */
  request: string;
  path: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Classification kind of the answer (see classify.ts). */
  kind: string;
  code?: number | undefined;
  body?: string | undefined;
}

const DOCUMENTED =
  'API limits: X-RateLimit-Limit, X-RateLimit-Window-Sec, X-RateLimit-Remaining, ' +
  'X-RateLimit-ToWait-Sec, X-Concurrency-Limit-Limit and X-Concurrency-Limit-Running, ' +
  'non-negative integers; Remaining ≤ Limit; Running ≤ Concurrency-Limit on a call that was not ' +
  'blocked; ToWait-Sec 0 while Remaining > 0';

/** True when LIMIT-HEADERS applies to this answer: /api/2.0/fo, not an account error. */
export function limitHeadersApply(exchange: LimitExchange): boolean {
  return exchange.path.startsWith('/api/2.0/fo/') && exchange.kind !== 'account-error';
}

/**
 * LIMIT-HEADERS: the six headers are present, integers, and consistent.
 * @returns the failure, or undefined when the answer conforms
 */
export function limitHeadersConformance(exchange: LimitExchange): RuleFailure | undefined {
  const raw = readLimitHeaders(exchange.headers);
  const problems: string[] = [];
  const values = new Map<string, number>();
  for (const name of LIMIT_HEADER_NAMES) {
    const value = raw[name];
    if (value === undefined) problems.push(`${name} is missing`);
    else if (!/^\s*\d+\s*$/.test(value)) problems.push(`${name} is "${value}", not an integer`);
    else values.set(name, Number(value));
  }
  const limit = values.get('X-RateLimit-Limit');
  const remaining = values.get('X-RateLimit-Remaining');
  const toWait = values.get('X-RateLimit-ToWait-Sec');
  const concurrency = values.get('X-Concurrency-Limit-Limit');
  const running = values.get('X-Concurrency-Limit-Running');
  if (limit !== undefined && remaining !== undefined && remaining > limit) {
    problems.push(`X-RateLimit-Remaining ${remaining} is above X-RateLimit-Limit ${limit}`);
  }
  const blocked = exchange.status === 409;
  if (!blocked && concurrency !== undefined && running !== undefined && running > concurrency) {
    problems.push(
      `X-Concurrency-Limit-Running ${running} is above X-Concurrency-Limit-Limit ${concurrency}`,
    );
  }
  if (remaining !== undefined && remaining > 0 && toWait !== undefined && toWait !== 0) {
    problems.push(
      `X-RateLimit-ToWait-Sec is ${toWait} while X-RateLimit-Remaining is ${remaining}`,
    );
  }
  if (problems.length === 0) return undefined;
  return {
    message: `${exchange.request}: ${problems.join('; ')}`,
    received: LIMIT_HEADER_NAMES.map((n) => `${n}: ${raw[n] ?? '(absent)'}`).join('\n'),
    documented: DOCUMENTED,
    request: exchange.request,
  };
}

/**
 * LIMIT-BLOCKED: a 409 answer holds CODE 1965 + SECONDS_TO_WAIT or CODE 1960 + CALLS_TO_FINISH,
 * and its headers agree (1965: Remaining 0 and ToWait-Sec > 0; 1960: Running ≥ Limit).
 * @returns the failure, or undefined when the answer conforms or is not a 409
 */
export function blockedConformance(exchange: LimitExchange): RuleFailure | undefined {
  if (exchange.status !== 409) return undefined;
  const body = exchange.body ?? '';
  const code = /<CODE>\s*(\d+)\s*<\/CODE>/.exec(body)?.[1];
  const item = (key: string) =>
    new RegExp(`<KEY>\\s*${key}\\s*</KEY>\\s*<VALUE>\\s*(\\d+)\\s*</VALUE>`).exec(body)?.[1];
  const raw = readLimitHeaders(exchange.headers);
  const problems: string[] = [];
  if (code === '1965') {
    if (item('SECONDS_TO_WAIT') === undefined)
      problems.push('CODE 1965 without ITEM SECONDS_TO_WAIT');
    if (raw['X-RateLimit-Remaining']?.trim() !== '0') {
      problems.push(
        `X-RateLimit-Remaining is ${raw['X-RateLimit-Remaining'] ?? '(absent)'}, not 0`,
      );
    }
    if (!(Number(raw['X-RateLimit-ToWait-Sec']) > 0)) {
      problems.push(
        `X-RateLimit-ToWait-Sec is ${raw['X-RateLimit-ToWait-Sec'] ?? '(absent)'}, not > 0`,
      );
    }
  } else if (code === '1960') {
    if (item('CALLS_TO_FINISH') === undefined)
      problems.push('CODE 1960 without ITEM CALLS_TO_FINISH');
    const running = Number(raw['X-Concurrency-Limit-Running']);
    const limit = Number(raw['X-Concurrency-Limit-Limit']);
    if (!(running >= limit)) {
      problems.push(
        `X-Concurrency-Limit-Running ${raw['X-Concurrency-Limit-Running'] ?? '(absent)'} is below ` +
          `X-Concurrency-Limit-Limit ${raw['X-Concurrency-Limit-Limit'] ?? '(absent)'}`,
      );
    }
  } else {
    problems.push(
      code === undefined
        ? 'the 409 body has no SIMPLE_RETURN CODE'
        : `CODE ${code}, not 1960 or 1965`,
    );
  }
  if (problems.length === 0) return undefined;
  return {
    message: `${exchange.request}: blocked call ${problems.join('; ')}`,
    received: `HTTP 409, CODE ${code ?? '(none)'}`,
    documented:
      'API limits: a blocked call answers 409 Conflict with CODE 1965 and SECONDS_TO_WAIT (rate) ' +
      'or CODE 1960 and CALLS_TO_FINISH (concurrency)',
    request: exchange.request,
    responseExcerpt: body.slice(0, 600),
  };
}
