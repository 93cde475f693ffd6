import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startVitest } from 'vitest/node';
import { HarnessError } from '../errors.ts';
import { loadExpectations, writeExpectations } from '../expectations/expectations.ts';
import type { RunResults } from '../results/results-schema.ts';
import { restoreLeftoverJournal } from '../journal/restore-only.ts';
import { describeRestore, restoreComplete } from '../journal/restore-policies.ts';
import { readCredentials } from '../profile/credentials.ts';
import { loadProfile } from '../profile/parse-profile.ts';
import { recordingProblems } from '../recording/recording-check.ts';
import { withRecordingDefaults } from '../recording/replay-args.ts';
import { ResultsReporter } from '../results/results-reporter.ts';
import {
  linkLatest,
  finishJunit,
  redactResults,
  writeResultsJson,
} from '../results/write-results.ts';
import { SUITES } from '../rules/catalogue.ts';
import { writeRunReport } from '../reporting/run-report.ts';
import { activeRun } from '../run/active-run.ts';
import { applyRunEnv, RUN_ENV } from '../run/run-options.ts';
import { knownFaultNames } from '../simulator/fault-catalogue.ts';
import { parseConformanceArgs, USAGE, type ConformanceArgs } from './conformance-args.ts';
import { printSummary } from './summary.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Runs the conformance suites against a target and writes the results. Returns the exit code. */
async function main(argv: string[]): Promise<number> {
  const args = withRecordingDefaults(parseConformanceArgs(argv), argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  checkBeforeStart(args);
  if (args.restore) return restoreOnly(args);
  const seed = args.seed ?? Date.now() % 2 ** 31;
  const outDir = resolve(
    args.out ?? join(ROOT, 'reports', new Date().toISOString().replace(/[:.]/g, '-')),
  );
  mkdirSync(outDir, { recursive: true });
  const suites = args.suites.length > 0 ? args.suites : [...SUITES];

  applyRunEnv(args, { seed, outDir, suites, stateDir: join(ROOT, '.harness') });
  process.stdout.write(
    `conformance: target ${args.target}, seed ${seed} (replay with --seed ${seed})\n`,
  );

  const reporter = new ResultsReporter();
  const suiteFiles = suites
    .map((suite) => join(ROOT, 'suites', suite))
    .filter((dir) => existsSync(dir))
    .map((dir) => `${dir}/`);
  const vitest = await startVitest('test', suiteFiles, {
    root: ROOT,
    config: join(ROOT, 'vitest.config.ts'),
    project: 'conformance',
    watch: false,
    passWithNoTests: true,
    reporters: [
      reporter,
      ['junit', { outputFile: join(outDir, 'junit.xml'), suiteName: 'qualys-vmpc-conformance' }],
      ...(args.verbose ? (['default'] as const) : []),
    ],
  });
  await vitest.close();

  const results = reporter.results;
  if (results === undefined) {
    const why = reporter.unhandled.join('\n') || 'the run did not start (see the error above)';
    process.stderr.write(`conformance: no results: ${why}\n`);
    return 2;
  }
  const run = activeRun();
  // Read again after vitest.close(): the end-of-run restore's calls count too.
  if (run !== undefined) results.calls = run.proxy.governor.stats();
  if (run?.replay !== undefined) results.mode = 'replay';
  const safe = redactResults(results);
  const file = writeResultsJson(safe, outDir);
  finishJunit(join(outDir, 'junit.xml'));
  await writeRunReport(safe, outDir);
  if (args.out === undefined) linkLatest(outDir);
  printSummary(safe, file);
  if (args.pinExpectations !== undefined) pinExpectations(args.pinExpectations, safe);
  if (run?.recorder !== undefined) {
    const problems = recordingProblems(run.recorder, outDir);
    if (problems.length > 0) {
      process.stderr.write(`conformance: secret check failed:\n${problems.join('\n')}\n`);
      return 2;
    }
    process.stdout.write(
      `conformance: recorded ${run.recorder.files.length} files in ${run.recorder.dir}\n`,
    );
  }
  const restore = run?.journal.lastReport;
  if (run !== undefined && restore !== undefined) {
    const text = describeRestore(restore, run.journal.file);
    const complete = restoreComplete(restore);
    if (text !== '') (complete ? process.stdout : process.stderr).write(`conformance: ${text}\n`);
    if (!complete && run.journal.strict) return 2;
  }
  if (reporter.stoppedReason !== undefined) {
    process.stderr.write(`conformance: the run stopped at once: ${reporter.stoppedReason}\n`);
    return 2;
  }
  if (reporter.unhandled.length > 0) {
    process.stderr.write(`conformance: harness errors:\n${reporter.unhandled.join('\n')}\n`);
    return 2;
  }
  return safe.rules.some((r) => r.status === 'fail') ? 1 : 0;
}

/** `--pin-expectations FILE`: writes the error codes the run saw as an expectations file. */
function pinExpectations(file: string, results: RunResults): void {
  const observed = Object.assign({}, ...results.rules.map((r) => r.observedCodes ?? {})) as Record<
    string,
    number
  >;
  const comment = `seen on ${results.target.name} (${results.mode}), seed ${results.seed}, ${results.finishedAt}`;
  writeExpectations(resolve(file), observed, comment);
  process.stdout.write(
    `conformance: pinned ${Object.keys(observed).length} error codes in ${resolve(file)}\n`,
  );
}

/** `--restore`: puts back what a killed run of the profile left changed; 0 or 2 (thrown). */
async function restoreOnly(args: ConformanceArgs): Promise<number> {
  if (args.target === 'sim' || args.target.startsWith('replay')) {
    process.stdout.write(
      'conformance: the embedded simulator keeps no state: nothing to restore\n',
    );
    return 0;
  }
  const stateDir = resolve(process.env[RUN_ENV.stateDir] ?? join(ROOT, '.harness'));
  process.stdout.write(
    `conformance: ${await restoreLeftoverJournal(resolve(args.target), stateDir)}\n`,
  );
  return 0;
}

/** Fails fast, before vitest starts, on what a user can fix: profile, credentials, faults. */
function checkBeforeStart(args: ConformanceArgs): void {
  for (const suite of args.suites) {
    if (!(SUITES as readonly string[]).includes(suite)) {
      throw new HarnessError(
        'USAGE',
        `--suite ${suite} is unknown: give one of ${SUITES.join(', ')}`,
      );
    }
  }
  const known = knownFaultNames();
  for (const fault of args.faults) {
    if (!known.includes(fault)) {
      throw new HarnessError(
        'USAGE',
        `--fault ${fault} is unknown: known faults are ${known.join(', ')}`,
      );
    }
  }
  if (args.target === 'sim' || args.target.startsWith('replay')) return;
  if (args.faults.length > 0) {
    throw new HarnessError(
      'USAGE',
      '--fault works only with --target sim: faults are simulator behaviours',
    );
  }
  const profile = loadProfile(args.target);
  if (profile.expectations !== undefined) loadExpectations(profile.expectations);
  readCredentials(profile.credentials);
  for (const user of Object.values(profile.users)) readCredentials(user);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof HarnessError ? error.message : ((error as Error).stack ?? String(error));
    process.stderr.write(`conformance: ${message}\n`);
    process.exit(2);
  },
);
