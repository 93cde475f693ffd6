import { setTimeout as sleep } from 'node:timers/promises';
import { debug } from '../debug.ts';
import { CallDeferred } from '../errors.ts';
import type { CallStats } from '../results/results-schema.ts';
import type { LimitHeaders } from '../client/rate-limit-headers.ts';

/** The limits one run must stay within, from the profile's `budget`. */
export interface GovernorBudget {
  maxCalls: number;
  maxConcurrency: number;
  maxWaitSeconds: number;
  maxRetries: number;
}

/** A reserved call: release it when the response body has been fully read. */
export interface CallSlot {
  /** 1-based number of this call in the run. */
  readonly number: number;
  release(): void;
}

/**
 * The one place a run's calls are counted and paced. It never lets more calls run at once than
 * min(budget.maxConcurrency, X-Concurrency-Limit-Limit), never starts more calls than
 * budget.maxCalls, waits out X-RateLimit-ToWait-Sec within budget.maxWaitSeconds, and refuses
 * every call after an account error.
 */
export class CallGovernor {
  readonly budget: GovernorBudget;
  #made = 0;
  #throttled = 0;
  #waitedMs = 0;
  #running = 0;
  #serverConcurrency: number | undefined;
  #notBefore = 0;
  #deferUntil = 0;
  #stopped: string | undefined;
  readonly #queue: (() => void)[] = [];
  /** Highest number of calls seen in flight at once; for tests and the summary. */
  peakConcurrency = 0;

  constructor(budget: GovernorBudget) {
    this.budget = budget;
  }

  /** Calls made, throttles met and seconds waited so far. */
  stats(): CallStats {
    return {
      made: this.#made,
      budget: this.budget.maxCalls,
      throttled: this.#throttled,
      waitedSeconds: Math.round(this.#waitedMs / 100) / 10,
    };
  }

  /**
   * The concurrency in force: the budget's, lowered by what the server announced. Until the
   * first answer tells the server's limit, one call at a time.
   */
  concurrencyLimit(): number {
    if (this.#serverConcurrency === undefined) return 1;
    return Math.max(1, Math.min(this.budget.maxConcurrency, this.#serverConcurrency));
  }

  /** Why the run stopped, when an account error stopped it. */
  stoppedReason(): string | undefined {
    return this.#stopped;
  }

  /** Stops the run: every later call is refused. */
  stop(reason: string): void {
    this.#stopped ??= reason;
    for (const wake of this.#queue.splice(0)) wake();
  }

  /**
   * Waits for a free slot and the rate window, then reserves one call of the budget.
   * @throws CallDeferred when the budget or the wait allowance is spent, or the run stopped.
   */
  async acquire(): Promise<CallSlot> {
    for (;;) {
      try {
        this.#refuseIfDone();
        await this.#waitForWindow();
        this.#refuseIfDone();
      } catch (error) {
        this.#queue.shift()?.(); // pass the turn on, so no waiter sleeps forever
        throw error;
      }
      // From this check to the increment below nothing awaits, so no two callers pass at once.
      if (this.#running < this.concurrencyLimit()) break;
      await new Promise<void>((resolve) => this.#queue.push(resolve));
    }
    this.#made += 1;
    this.#running += 1;
    this.peakConcurrency = Math.max(this.peakConcurrency, this.#running);
    const number = this.#made;
    let released = false;
    return {
      number,
      release: () => {
        if (released) return;
        released = true;
        this.#running -= 1;
        this.#queue.shift()?.();
      },
    };
  }

  /** Learns the server's limits from a response's X-RateLimit-* / X-Concurrency-* headers. */
  observe(headers: LimitHeaders): void {
    if (headers.concurrencyLimit !== undefined && headers.concurrencyLimit > 0) {
      this.#serverConcurrency = headers.concurrencyLimit;
    }
    if (headers.remaining === 0 && headers.toWaitSec !== undefined && headers.toWaitSec > 0) {
      this.#pauseFor(headers.toWaitSec);
    }
  }

  /**
   * Records a blocked call (409 CODE 1960/1965) and decides whether to retry it.
   * @param secondsToWait SECONDS_TO_WAIT of a 1965, or a short pause for a 1960
   * @returns true when the caller should retry after `acquire` again
   */
  blocked(attempt: number, secondsToWait: number): boolean {
    this.#throttled += 1;
    if (attempt >= this.budget.maxRetries) return false;
    return this.#pauseFor(secondsToWait);
  }

  /** Counts a 409 that was passed through without retrying. */
  countThrottle(): void {
    this.#throttled += 1;
  }

  /**
   * Closes the gate for `seconds`; only the time it adds counts as waited. A wait that would
   * pass budget.maxWaitSeconds is not taken: calls until then are deferred instead.
   */
  #pauseFor(seconds: number): boolean {
    const now = Date.now();
    const until = now + seconds * 1000;
    if (until <= this.#notBefore) return true;
    const added = until - Math.max(this.#notBefore, now);
    if ((this.#waitedMs + added) / 1000 > this.budget.maxWaitSeconds) {
      this.#deferUntil = Math.max(this.#deferUntil, until);
      return false;
    }
    this.#waitedMs += added;
    this.#notBefore = until;
    return true;
  }

  async #waitForWindow(): Promise<void> {
    if (Date.now() < this.#deferUntil) {
      throw new CallDeferred(
        `waiting out the rate limit would pass budget.maxWaitSeconds (${this.budget.maxWaitSeconds} s)`,
      );
    }
    const waitMs = this.#notBefore - Date.now();
    if (waitMs <= 0) return;
    debug('governor: waiting %d ms for the rate-limit window', waitMs);
    await sleep(waitMs);
  }

  #refuseIfDone(): void {
    if (this.#stopped !== undefined) throw new CallDeferred(`the run stopped: ${this.#stopped}`);
    if (this.#made >= this.budget.maxCalls) {
      throw new CallDeferred(`budget.maxCalls (${this.budget.maxCalls}) is spent`);
    }
  }
}
