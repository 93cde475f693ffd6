import { parseSimpleReturn, type SimpleReturn } from './simple-return.ts';

/**
 * What kind of answer a response is, in the terms the governor and the rules act on:
 * - `success`: the call did what was asked;
 * - `request-error`: SIMPLE_RETURN CODE 1901–1922 (Appendix D), the request was refused;
 * - `throttled`: 409 with CODE 1960 (concurrency) or 1965 (rate);
 * - `account-error`: CODE 2000–2012 ("Bad Login/Password", expired, ...): stop the run;
 * - `server-error`: 5xx, CODE 999 (internal error) or 1999 (maintenance);
 * - `unreadable`: not XML where XML was due, or a truncated body.
 */
export type ResponseClass =
  | 'success'
  | 'request-error'
  | 'throttled'
  | 'account-error'
  | 'server-error'
  | 'unreadable';

/** A classified response. */
export interface Classification {
  kind: ResponseClass;
  /** The SIMPLE_RETURN CODE, when the body had one. */
  code?: number;
  /** A one-line reason for anything but success. */
  reason?: string;
  simpleReturn?: SimpleReturn;
}

/** What classify needs to know about a response. */
export interface ClassifyInput {
  status: number;
  contentType: string | undefined;
  /** The body when it was read (small XML bodies); undefined when it was streamed on. */
  body: string | undefined;
  /** True when the body ended before its declared length. */
  truncated?: boolean;
}

/** True for content types that carry XML. */
export function isXmlContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /[/+]xml\b/i.test(contentType);
}

/** Classifies one response. Pure: no I/O. */
export function classifyResponse(input: ClassifyInput): Classification {
  if (input.truncated === true) {
    return { kind: 'unreadable', reason: 'the body ended before its Content-Length' };
  }
  const sr = input.body === undefined ? undefined : parseSimpleReturn(input.body);
  const code = sr?.code;
  const base = (kind: ResponseClass, reason?: string): Classification => {
    const c: Classification = { kind };
    if (code !== undefined) c.code = code;
    if (reason !== undefined) c.reason = reason;
    if (sr !== undefined) c.simpleReturn = sr;
    return c;
  };
  if (code !== undefined && code >= 2000 && code <= 2012) {
    return base('account-error', `CODE ${code}: ${sr?.text ?? ''}`.trim());
  }
  if (input.status === 401) return base('account-error', 'HTTP 401: the credentials were refused');
  if (input.status === 409 && (code === 1960 || code === 1965)) {
    return base('throttled', `CODE ${code}: ${sr?.text ?? ''}`.trim());
  }
  if (input.status >= 500 || code === 999 || code === 1999) {
    return base(
      'server-error',
      code === undefined ? `HTTP ${input.status}` : `CODE ${code}: ${sr?.text}`,
    );
  }
  if (code !== undefined && code >= 1900 && code <= 1999) {
    return base('request-error', `CODE ${code}: ${sr?.text ?? ''}`.trim());
  }
  if (input.status === 409) return base('throttled', `HTTP 409 without CODE 1960 or 1965`);
  if (input.status >= 400) return base('request-error', `HTTP ${input.status}`);
  if (input.body !== undefined && isXmlContentType(input.contentType)) {
    const trimmed = input.body.trimStart();
    if (!trimmed.startsWith('<')) {
      return base('unreadable', 'an XML content type, but the body is not XML');
    }
  }
  if (input.body !== undefined && /text\/html/i.test(input.contentType ?? '')) {
    return base('unreadable', 'HTML where XML was due');
  }
  return base('success');
}
