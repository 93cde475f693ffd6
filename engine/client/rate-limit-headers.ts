/**
 * The six usage headers Qualys puts on VM/PC API responses ("API limits", HTTP response headers
 * table). Names as Qualys spells them; Node lowercases header names.
 */
export const LIMIT_HEADER_NAMES = [
  'X-RateLimit-Limit',
  'X-RateLimit-Window-Sec',
  'X-RateLimit-Remaining',
  'X-RateLimit-ToWait-Sec',
  'X-Concurrency-Limit-Limit',
  'X-Concurrency-Limit-Running',
] as const;

export type LimitHeaderName = (typeof LIMIT_HEADER_NAMES)[number];

/** Raw header values as received; a missing header is undefined. */
export type RawLimitHeaders = Record<LimitHeaderName, string | undefined>;

/** Parsed values; a header that is missing or not a non-negative integer is undefined. */
export interface LimitHeaders {
  limit: number | undefined;
  windowSec: number | undefined;
  remaining: number | undefined;
  toWaitSec: number | undefined;
  concurrencyLimit: number | undefined;
  concurrencyRunning: number | undefined;
}

type HeaderBag = Record<string, string | string[] | undefined>;

/** Reads the six headers; repeated headers (seen in a vendor sample) keep the last value. */
export function readLimitHeaders(headers: HeaderBag): RawLimitHeaders {
  const raw = {} as RawLimitHeaders;
  for (const name of LIMIT_HEADER_NAMES) {
    const value = headers[name.toLowerCase()];
    raw[name] = Array.isArray(value) ? value[value.length - 1] : value;
  }
  return raw;
}

/** Parses the six headers into numbers. */
export function parseLimitHeaders(headers: HeaderBag): LimitHeaders {
  const raw = readLimitHeaders(headers);
  const n = (name: LimitHeaderName) => toInt(raw[name]);
  return {
    limit: n('X-RateLimit-Limit'),
    windowSec: n('X-RateLimit-Window-Sec'),
    remaining: n('X-RateLimit-Remaining'),
    toWaitSec: n('X-RateLimit-ToWait-Sec'),
    concurrencyLimit: n('X-Concurrency-Limit-Limit'),
    concurrencyRunning: n('X-Concurrency-Limit-Running'),
  };
}

function toInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}
