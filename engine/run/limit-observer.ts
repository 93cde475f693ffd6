import type { Exchange } from '../governor/exchange.ts';
import {
  blockedConformance,
  limitHeadersApply,
  limitHeadersConformance,
  type LimitExchange,
} from '../oracles/limits/limit-headers-conformance.ts';
import type { RuleFailure } from '../results/results-schema.ts';

const MAX_KEPT = 10; // failures kept per rule; the count says how many there were

/** LIMIT-* checks applied to every call the governor makes, whatever suite made it. */
export class LimitObserver {
  readonly tallies = {
    'LIMIT-HEADERS': { checked: 0, failed: 0, failures: [] as RuleFailure[] },
    'LIMIT-BLOCKED': { checked: 0, failed: 0, failures: [] as RuleFailure[] },
  };

  /** An ExchangeObserver for the governor proxy. */
  readonly observe = (exchange: Exchange): void => {
    const limitExchange: LimitExchange = {
      request: `${exchange.method} ${exchange.url}`,
      path: exchange.url.split('?')[0] ?? exchange.url,
      status: exchange.status,
      headers: exchange.headers,
      kind: exchange.classification.kind,
      code: exchange.classification.code,
      body: exchange.body,
    };
    if (limitHeadersApply(limitExchange)) {
      this.#tally('LIMIT-HEADERS', limitHeadersConformance(limitExchange));
    }
    if (exchange.status === 409) this.#tally('LIMIT-BLOCKED', blockedConformance(limitExchange));
  };

  #tally(rule: keyof LimitObserver['tallies'], failure: RuleFailure | undefined): void {
    const tally = this.tallies[rule];
    tally.checked += 1;
    if (failure === undefined) return;
    tally.failed += 1;
    if (tally.failures.length < MAX_KEPT) tally.failures.push({ ...failure, test: 'governor' });
  }
}
