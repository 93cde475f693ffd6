/**
 * Headers between the suites' client and the governor proxy. They never reach the target:
 * the proxy reads the request ones and adds the response ones.
 */
export const HARNESS_HEADERS = {
  /** Request: call as the profile's extra user with this role. */
  user: 'x-harness-user',
  /** Request: return a 409 as received instead of waiting and retrying. */
  noRetry: 'x-harness-no-retry',
  /** Request: whole-call timeout in ms. */
  timeoutMs: 'x-harness-timeout-ms',
  /** Request: rule id or case label for recordings. */
  label: 'x-harness-label',
  /** Response: 1-based call number in the run. */
  call: 'x-harness-call',
  /** Response: the call was not made; the body says why. */
  deferred: 'x-harness-deferred',
  /** Response: the run stopped (account error). */
  stopped: 'x-harness-stopped',
  /** Response: the proxy could not make the call (transport error, unknown user). */
  error: 'x-harness-error',
} as const;
