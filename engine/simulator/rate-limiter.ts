import type { SimSubscription } from './sim-types.ts';

/** The verdict for one incoming call. */
export type Admission =
  | { admitted: true; release: () => void }
  | { admitted: false; code: 1960; callsToFinish: number }
  | { admitted: false; code: 1965; secondsToWait: number };

/** Values for the six X-RateLimit-* / X-Concurrency-Limit-* headers. */
export interface LimitState {
  limit: number;
  windowSec: number;
  remaining: number;
  toWaitSec: number;
  concurrencyLimit: number;
  running: number;
}

/**
 * A sliding-window rate limit and a concurrency limit per subscription, as the Qualys "API
 * limits" document describes them: the window extends backwards from now; the concurrency
 * error takes precedence; blocked calls do not count against the window (the document is
 * silent; this is the simulator's choice).
 */
export class RateLimiter {
  readonly #calls = new Map<string, number[]>();
  readonly #running = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Admits or blocks one call of a subscription. */
  admit(subscription: SimSubscription): Admission {
    const { limit, concurrency } = subscription.rateLimit;
    const running = this.#running.get(subscription.id) ?? 0;
    if (running >= concurrency) {
      return { admitted: false, code: 1960, callsToFinish: running - concurrency + 1 };
    }
    const calls = this.#window(subscription);
    if (calls.length >= limit) {
      return { admitted: false, code: 1965, secondsToWait: this.#secondsToWait(subscription) };
    }
    calls.push(this.#now());
    this.#running.set(subscription.id, running + 1);
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.#running.set(subscription.id, (this.#running.get(subscription.id) ?? 1) - 1);
      },
    };
  }

  /** Header values for a subscription right now. */
  state(subscription: SimSubscription): LimitState {
    const { limit, windowSec, concurrency } = subscription.rateLimit;
    const remaining = Math.max(0, limit - this.#window(subscription).length);
    return {
      limit,
      windowSec,
      remaining,
      toWaitSec: remaining > 0 ? 0 : this.#secondsToWait(subscription),
      concurrencyLimit: concurrency,
      running: this.#running.get(subscription.id) ?? 0,
    };
  }

  #window(subscription: SimSubscription): number[] {
    const since = this.#now() - subscription.rateLimit.windowSec * 1000;
    const calls = (this.#calls.get(subscription.id) ?? []).filter((t) => t > since);
    this.#calls.set(subscription.id, calls);
    return calls;
  }

  #secondsToWait(subscription: SimSubscription): number {
    const oldest = this.#window(subscription)[0];
    if (oldest === undefined) return 0;
    const freeAt = oldest + subscription.rateLimit.windowSec * 1000;
    return Math.max(1, Math.ceil((freeAt - this.#now()) / 1000));
  }
}
