import type { Reporter, TestModule } from 'vitest/node';
import { activeRun } from '../run/active-run.ts';
import { buildResults, type TestOutcome } from './build-results.ts';
import type { RunResults } from './results-schema.ts';
import { HARNESS_VERSION } from '../version.ts';
import '../run/rule-test.ts';

/**
 * A vitest reporter that turns the conformance project's tests into results.json (one entry
 * per catalogued rule). The CLI reads `results` after the run and writes the files.
 */
export class ResultsReporter implements Reporter {
  results: RunResults | undefined;
  readonly unhandled: string[] = [];

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
  ): void {
    for (const error of unhandledErrors)
      this.unhandled.push(String((error as Error).message ?? error));
    const run = activeRun();
    if (run === undefined) return;
    const outcomes: TestOutcome[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        const meta = test.meta().rule;
        outcomes.push({
          name: test.name,
          state: result.state,
          meta,
          errors: (result.errors ?? []).map((e) => e.message),
          note: result.state === 'skipped' ? result.note : undefined,
        });
      }
      for (const error of module.errors())
        this.unhandled.push(`${module.moduleId}: ${error.message}`);
    }
    const { config } = run;
    this.results = buildResults(
      {
        format: 1,
        harnessVersion: HARNESS_VERSION,
        target: { name: config.profile.name, apiUrl: config.profile.apiUrl },
        mode: config.mode,
        seed: config.seed,
        depth: config.depth,
        suites: config.suites,
        faults: config.faults,
        startedAt: run.startedAt,
        finishedAt: new Date().toISOString(),
        calls: run.proxy.governor.stats(),
      },
      outcomes,
      // The governor checks every call, but reports under LIMIT-* only when `limits` was
      // selected, so `--suite reports` reports the report rules alone.
      config.suites.includes('limits') ? run.limits.checks() : {},
    );
    this.stoppedReason = run.proxy.governor.stoppedReason();
  }

  /** Why the governor stopped the run (account error), if it did. */
  stoppedReason: string | undefined;
}
