import fc from 'fast-check';
import { test, type TestContext } from 'vitest';
import { AccountError, CallDeferred } from '../errors.ts';
import type { RuleFailure } from '../results/results-schema.ts';
import { ruleById } from '../rules/catalogue.ts';
import type { Rule } from '../rules/rule.ts';
import { hasDocumentedStatus, readRejection, type Rejection } from '../oracles/rejection.ts';
import { ConformanceFailure, renderFailure } from './conformance-failure.ts';
import { harnessTarget, type CallLogEntry, type CallResult } from './target.ts';

/** Per-test data the results reporter reads (vitest task meta). */
export interface RuleMeta {
  id: string;
  cases: number;
  /** Why the test's calls were not made (budget, wait, stopped run). */
  deferred?: string;
  /** Why the rule does not apply to this target. */
  skipped?: string;
  /** Error codes seen, `RULE-ID/case` → CODE. */
  observedCodes?: Record<string, number>;
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
  /** True while a property runs: its runs are the cases, not each check inside. */
  #inProperty = false;

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

  /**
   * Checks that an answer is a documented rejection (SIMPLE_RETURN CODE 1901–1922 with HTTP
   * 400, or a v1 GENERIC_RETURN / ERROR), records its code under `RULE-ID/caseKey`, and, when
   * the target pins codes in an expectations file, that the code is the pinned one.
   * @throws ConformanceFailure when it is not
   */
  expectRejection(caseKey: string, result: CallResult, documented: string): Rejection {
    if (!this.#inProperty) this.countCases();
    const key = `${this.rule.id}/${caseKey}`;
    const evidence = {
      request: result.described,
      curl: result.curl,
      responseExcerpt: result.text.slice(0, 600),
      documented,
    };
    const rejection = readRejection(result.status, result.text);
    if (rejection === undefined) {
      throw new ConformanceFailure({
        ...evidence,
        message: `${caseKey}: the request was not rejected`,
        received: `HTTP ${result.status}, ${result.classification.kind}`,
      });
    }
    if (!hasDocumentedStatus(rejection)) {
      throw new ConformanceFailure({
        ...evidence,
        message: `${caseKey}: rejected with HTTP ${rejection.status}, not 400`,
        received: `HTTP ${rejection.status}, CODE ${rejection.code ?? '(none)'}`,
        documented: 'Appendix D: request errors 1901–1922 answer HTTP 400 Bad Request',
      });
    }
    if (rejection.code !== undefined) {
      this.#meta.observedCodes = { ...this.#meta.observedCodes, [key]: rejection.code };
    }
    const pinned = harnessTarget().expectations()?.errorCodes[key];
    if (pinned !== undefined && pinned !== rejection.code) {
      throw new ConformanceFailure({
        ...evidence,
        message: `${caseKey}: rejected with CODE ${rejection.code ?? '(none)'}, the expectations file pins ${pinned}`,
        received: `CODE ${rejection.code ?? '(none)'}: ${rejection.text}`,
        documented: `expectations file: ${key} = ${pinned}`,
      });
    }
    return rejection;
  }

  /** Attaches a note to the test (shown in vitest UI and the HTML reporter). */
  async note(message: string, body?: string): Promise<void> {
    await this.#context.annotate(
      message,
      'evidence',
      body === undefined ? undefined : { body, contentType: 'text/plain', bodyEncoding: 'utf-8' },
    );
  }

  /**
   * Runs a fast-check property with the run's seed and runs; a counterexample becomes a
   * ConformanceFailure carrying the seed and path. `predicate` throws ConformanceFailure (or
   * returns false) for a case that breaks the rule. Cases inside count once per run.
   * @param options.numRuns fewer runs than the run's, for properties whose runs cost calls
   * @param options.endOnFailure skip shrinking (each shrink step would cost calls too)
   */
  async property<T>(
    arbitrary: fc.Arbitrary<T>,
    predicate: (value: T) => Promise<boolean | void>,
    options: { numRuns?: number; endOnFailure?: boolean } = {},
  ): Promise<void> {
    this.#inProperty = true;
    let details: fc.RunDetails<[T]>;
    try {
      details = await fc.check(fc.asyncProperty(arbitrary, predicate), options);
    } finally {
      this.#inProperty = false;
    }
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
    const config = harnessTarget().config;
    const calls = harnessTarget().startLog(rule.id);
    await context.annotate(`${rule.id}: ${rule.source}`, 'rule');
    await context.annotate(`seed ${config.seed}, ${config.runs} runs per property`, 'seed');
    try {
      await body(new RuleCase(rule, context, meta));
    } catch (error) {
      if (error instanceof CallDeferred || error instanceof AccountError) {
        meta.deferred =
          error instanceof AccountError ? `the run stopped: ${error.message}` : error.reason;
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
    } finally {
      if (calls.length > 0) await annotateCalls(context, calls);
    }
  });
}

const MAX_LOGGED_CALLS = 20;

/** The calls a test made, as evidence: request (no secrets), status, excerpt, curl. */
async function annotateCalls(context: TestContext, calls: CallLogEntry[]): Promise<void> {
  const shown = calls
    .slice(0, MAX_LOGGED_CALLS)
    .map((call) =>
      [
        `${call.described} → HTTP ${call.status}`,
        `  ${call.curl}`,
        ...(call.excerpt ? [`  ${call.excerpt.replace(/\n/g, '\n  ')}`] : []),
      ].join('\n'),
    );
  if (calls.length > MAX_LOGGED_CALLS)
    shown.push(`… and ${calls.length - MAX_LOGGED_CALLS} more calls`);
  await context.annotate(
    `${calls.length} call${calls.length === 1 ? '' : 's'} to the target`,
    'calls',
    {
      body: shown.join('\n\n'),
      contentType: 'text/plain',
      bodyEncoding: 'utf-8',
    },
  );
}
