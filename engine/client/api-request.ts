/** One call to the Qualys API, as the suites describe it. */
export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Path under the API server, e.g. `/api/2.0/fo/compliance/policy/` or `/msp/map-2.php`. */
  path: string;
  /** Parameters: form-encoded body for POST, query string for GET. Order is kept. */
  params?: [string, string][];
  /** Parameters that go in the query string even on POST (as in the release-note samples). */
  query?: [string, string][];
  /** Role of an extra profile user to call as (`users.<role>`); the main user when absent. */
  user?: string;
  /** Whole-call timeout in ms, for calls known to be slow (a map launch). */
  timeoutMs?: number;
  /** Return a 409 as received instead of letting the governor wait and retry. */
  noRetry?: boolean;
  /** Rule id or case label, for recordings and debug output. */
  label?: string;
}

/** Builds the `?a=b` part for a request's query parameters. */
export function queryString(request: ApiRequest): string {
  const query = new URLSearchParams(request.query ?? []);
  if (request.method === 'GET') for (const [k, v] of request.params ?? []) query.append(k, v);
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/** The form body of a POST, or undefined for GET. */
export function formBody(request: ApiRequest): string | undefined {
  if (request.method !== 'POST') return undefined;
  return new URLSearchParams(request.params ?? []).toString();
}

/** A one-line description: `POST /api/2.0/fo/report/ action=fetch&id=1`. */
export function describeRequest(request: ApiRequest): string {
  const query = queryString(request);
  const body = formBody(request);
  return `${request.method} ${request.path}${query}${body ? ` ${body}` : ''}`;
}
