/**
 * How a replayed request is matched to a recorded one: method, path, user, and the query and
 * form parameters together as a set (order does not matter), volatile parameters left out.
 */

/** Parameters sorted by name, then value: the order recordings store them in. */
export function canonicalParams(params: readonly [string, string][]): [string, string][] {
  return [...params]
    .map(([k, v]): [string, string] => [k, v])
    .sort(([ak, av], [bk, bv]) => (ak === bk ? compare(av, bv) : compare(ak, bk)));
}

/** The match key of a request. */
export function requestKey(request: {
  method: string;
  path: string;
  user: string;
  query: readonly [string, string][];
  form: readonly [string, string][];
  volatile: readonly string[];
}): string {
  const params = canonicalParams(
    [...request.query, ...request.form].filter(([name]) => !request.volatile.includes(name)),
  );
  return `${request.method} ${request.path} as ${request.user} ${new URLSearchParams(params)}`;
}

/** `action=list, id=1` for messages. */
export function describeParams(params: readonly [string, string][]): string {
  return params.length === 0 ? 'no parameters' : params.map(([k, v]) => `${k}=${v}`).join(', ');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
