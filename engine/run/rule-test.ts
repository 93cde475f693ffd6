import fc from 'fast-check';
import { test, type TestContext } from 'vitest';
import { AccountError, CallDeferred } from '../errors.ts';
import type { RuleFailure } from '../results/results-schema.ts';
import { ruleById } from '../rules/catalogue.ts';
import type { Rule } from '../rules/rule.ts';
import { ConformanceFailure, renderFailure } from './conformance-failure.ts';

/** Per-test data the results reporter reads (vitest task meta). */
export interface RuleMeta {
  id: string;
  cases: number;
  /** Why the test's calls were not made (budget, wait, stopped run). */
  deferred?: string;
  /** Why the rule does not apply to this target. */
  skipped?: string;
  failures: RuleFailure[];
}

declare module 'vitest' {
  interface TaskMeta {
    rule?: RuleMeta;
  }
}

/** What a rule's test body gets: its rule, a case counter, evidence and skipping. */
export class RuleCase {
  readonly rule: Rule;
  readonly #context: TestContext;
  readonly #meta: RuleMeta;

  constructor(rule: Rule, context: TestContext, meta: RuleMeta) {
    this.rule = rule;
    this.#context = context;
    this.#meta = meta;
  }

  /** Counts executed cases (one call checked, one generated case run). */
  countCases(n = 1): void {
    this.#meta.cases += n;
  }

  /** Skips this test: the rule does not apply to the target, for `reason`. */
  skip(reason: string): never {
    this.#meta.skipped = reason;
    return this.#context.skip(reason);
  }

  /** Attaches a note to the test (shown in vitest UI and the HTML reporter). */
  async note(message: string, body?: string): Promise<void> {
    await this.#context.annotate(message, 'evidence', body === undefined ? undefined : { body, contentType: 'text/plain', bodyEncoding: 'utf-8' });
  }

  /**
   * Runs a fast-check property with the run's seed and runs; a counterexample becomes a
   * ConformanceFailure carrying the seed and path. `predicate` throws ConformanceFailure (or
   * returns false) for a case that breaks the rule.
   */
  async property<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<boolean | void>): Promise<void> {
    const details = await fc.check(fc.asyncProperty(arbitrary, predicate));
    this.countCases(details.numRuns);
    if (!details.failed) return;
    const inner = details.errorInstance;
    if (inner instanceof CallDeferred || inner instanceof AccountError) throw inner;
    const base: RuleFailure =
      inner instanceof ConformanceFailure
        ? inner.failure
        : { message: inner instanceof Error ? inner.message : 'the property returned false' };
    throw new ConformanceFailure({
      ...base,
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      received: base.received ?? fc.stringify(details.counterexample?.[0]),
    });
  }
}

/**
 * Declares a test of one rule: `ruleTest('TAGS-SET-OVERWRITES', 'set_asset_tags ...', fn)`
 * registers `TAGS-SET-OVERWRITES set_asset_tags ...`. Deferred calls mark the test deferred
 * rather than failed; ConformanceFailures attach their evidence to the test.
 * @throws Error at collection time when the rule id is not in the catalogue
 */
export function ruleTest(
  ruleId: string,
  title: string,
  body: (ruleCase: RuleCase) => Promise<void>,
  options: { timeout?: number } = {},
): void {
  const rule = ruleById(ruleId);
  test(`${rule.id} ${title}`, options, async (context) => {
    const meta: RuleMeta = { id: rule.id, cases: 0, failures: [] };
    context.task.meta.rule = meta;
    try {
      await body(new RuleCase(rule, context, meta));
    } catch (error) {
      if (error instanceof CallDeferred || error instanceof AccountError) {
        meta.deferred = error instanceof AccountError ? `the run stopped: ${error.message}` : error.reason;
        context.skip(`deferred: ${meta.deferred}`);
      }
      if (error instanceof ConformanceFailure) {
        const failure = { ...error.failure, test: context.task.name };
        meta.failures.push(failure);
        await context.annotate(failure.message, 'failure', {
          body: renderFailure(failure),
          contentType: 'text/plain',
          bodyEncoding: 'utf-8',
        });
      }
      throw error;
    }
  });
}
