import type { Exchange } from '../governor/exchange.ts';
import {
  blockedConformance,
  limitHeadersApply,
  limitHeadersConformance,
  type LimitExchange,
} from '../oracles/limits/limit-headers-conformance.ts';
import type { ExtraChecks } from '../results/build-results.ts';
import type { RuleFailure } from '../results/results-schema.ts';

const MAX_KEPT = 10; // failures kept per rule; the count says how many there were

/** LIMIT-* checks applied to every call the governor makes, whatever suite made it. */
export class LimitObserver {
  readonly tallies = {
    'LIMIT-HEADERS': { checked: 0, failed: 0, failures: [] as RuleFailure[] },
    'LIMIT-BLOCKED': { checked: 0, failed: 0, failures: [] as RuleFailure[] },
  };

  /** The tallies with their notes, as results.json's extra checks. */
  checks(): ExtraChecks {
    const notes = this.notes();
    const out: ExtraChecks = {};
    for (const [rule, tally] of Object.entries(this.tallies)) {
      out[rule] = notes[rule] === undefined ? tally : { ...tally, notes: notes[rule] };
    }
    return out;
  }

  /** v1 (/msp) answers seen, and how many carried all six headers. */
  readonly msp = { seen: 0, withHeaders: 0 };

  /** Notes per rule for results.json: what was seen where nothing is documented. */
  notes(): Record<string, string[]> {
    if (this.msp.seen === 0) return {};
    return {
      'LIMIT-HEADERS': [
        `/msp answers seen: ${this.msp.seen}, with all six limit headers: ${this.msp.withHeaders} ` +
          '(not documented for the v1 API, so reported, not judged)',
      ],
    };
  }

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
    if (
      limitExchange.path.startsWith('/msp/') &&
      exchange.classification.kind !== 'account-error'
    ) {
      this.msp.seen += 1;
      if (limitHeadersConformance({ ...limitExchange, path: '/api/2.0/fo/' }) === undefined) {
        this.msp.withHeaders += 1;
      }
    }
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
