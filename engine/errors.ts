/**
 * Harness errors: something about the run itself went wrong (a profile, the environment, the
 * target's account). They are not conformance failures. Each has a stable `code` so reporters and
 * scripts can key on it, and a message that says what to do next.
 */
export class HarnessError extends Error {
  /** Stable, machine-readable code, e.g. `PROFILE_INVALID`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HarnessError';
    this.code = code;
  }
}

/** A target profile that cannot be used as written. */
export class ProfileError extends HarnessError {
  constructor(message: string) {
    super('PROFILE_INVALID', message);
    this.name = 'ProfileError';
  }
}

/** The account refused us (CODE 2000-2012): the run stops at once and never retries. */
export class AccountError extends HarnessError {
  readonly qualysCode: number | undefined;

  constructor(message: string, qualysCode?: number) {
    super('ACCOUNT_ERROR', message);
    this.name = 'AccountError';
    this.qualysCode = qualysCode;
  }
}

/** A call the governor did not make: budget spent or wait allowance used up. */
export class CallDeferred extends HarnessError {
  readonly reason: string;

  constructor(reason: string) {
    super('CALL_DEFERRED', `call deferred: ${reason}`);
    this.name = 'CallDeferred';
    this.reason = reason;
  }
}

/** The target could not be reached or did not answer in time. */
export class TransportError extends HarnessError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('TRANSPORT_ERROR', message, options);
    this.name = 'TransportError';
  }
}
