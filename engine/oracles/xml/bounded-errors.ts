/** What {@link withBoundedErrors} kept track of while the parse ran. */
export interface ErrorBound<T> {
  /** What the parse returned, or undefined when it threw. */
  result: T | undefined;
  /** What the parse threw, when it did. */
  thrown: unknown;
  /** Errors (level 2 and 3) pushed past the limit and not kept. */
  dropped: number;
  /** Warnings (level 1) pushed past the limit and not kept. */
  droppedWarnings: number;
  /** The first dropped error of level 3 (fatal), kept so that a late fatal error is not lost. */
  droppedFatal: unknown;
}

// libxml2's xmlErrorLevel.
const WARNING_LEVEL = 1;
const FATAL_LEVEL = 3;

/**
 * Runs a synchronous libxmljs2 call with its error collection bounded. libxmljs2 turns every
 * libxml2 error into a JS Error, stack trace included, and pushes it onto an array with no
 * limit: a body with an error every few bytes would need gigabytes. For the duration of the
 * call only, stack traces are off and `Array.prototype.push` keeps the first `maxErrors` items
 * of any array and counts the rest (nothing but libxmljs2's error collector runs meanwhile).
 * @param maxErrors items an array may hold before further pushes are counted, not kept.
 */
export function withBoundedErrors<T>(maxErrors: number, call: () => T): ErrorBound<T> {
  const bound: ErrorBound<T> = {
    result: undefined,
    thrown: undefined,
    dropped: 0,
    droppedWarnings: 0,
    droppedFatal: undefined,
  };
  const push = Array.prototype.push;
  const stackTraceLimit = Error.stackTraceLimit;
  function boundedPush(this: unknown[], ...items: unknown[]): number {
    if (this.length + items.length <= maxErrors) return push.apply(this, items);
    for (const item of items) {
      const level = (item as { level?: unknown } | null)?.level;
      if (level === WARNING_LEVEL) bound.droppedWarnings += 1;
      else bound.dropped += 1;
      if (level === FATAL_LEVEL && bound.droppedFatal === undefined) bound.droppedFatal = item;
    }
    return this.length;
  }

  Error.stackTraceLimit = 0;
  Array.prototype.push = boundedPush as typeof push;
  try {
    bound.result = call();
  } catch (error) {
    bound.thrown = error;
  } finally {
    Array.prototype.push = push;
    Error.stackTraceLimit = stackTraceLimit;
  }
  return bound;
}
