import { parseArgs } from 'node:util';
import { HarnessError } from '../errors.ts';

/** Parsed `npm run conformance` arguments. */
export interface ConformanceArgs {
  target: string;
  out: string | undefined;
  seed: number | undefined;
  runs: number | undefined;
  suites: string[];
  faults: string[];
  depth: 'quick' | 'full';
  verbose: boolean;
  /** Only restore the fixture policies a killed run left changed, then exit. */
  restore: boolean;
  /** Write the error codes seen to this expectations file. */
  pinExpectations: string | undefined;
  /** Record every exchange into this directory; '' for recordings/<target name>/. */
  record: string | undefined;
  help: boolean;
}

export const USAGE = `Usage: npm run conformance -- [options]

  --target FILE|sim   a target profile (JSON), or the embedded simulator (default: sim)
  --target replay[:DIR]
                      play a recording offline (default DIR: recordings/simulator/),
                      with its recorded seed, runs, depth and suites
  --record [DIR]      record every call and answer, secrets scrubbed, into DIR
                      (default: recordings/<target name>/); see docs/recordings.md
  --out DIR           where results.json, junit.xml and index.html go
                      (default: reports/<timestamp>/, with reports/latest pointing at it)
  --seed N            fast-check seed; the same seed replays the same cases
  --runs N            cases per property (default 25)
  --suite NAME        run only this suite: limits, tags, map, reports (repeatable)
  --fault NAME        switch on a simulator fault (sim only, repeatable)
  --depth quick|full  how deep report bodies are read (default quick)
  --verbose           show vitest's own test-by-test output
  --restore           only put back the fixture policies a killed run left changed
                      (its journal under .harness/journal/), then exit: 0 restored
                      or nothing to restore, 2 could not restore
  --pin-expectations FILE
                      write the error codes this run saw, per rule and case, as an
                      expectations file; name it in the profile to fail on any change
  --help              this text

Exit status: 0 no rule failed, 1 a rule failed, 2 harness or configuration error.`;

/**
 * Parses CLI arguments.
 * @throws HarnessError for unknown options or malformed values, with what to write instead
 */
export function parseConformanceArgs(argv: string[]): ConformanceArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: withRecordValue(argv),
      options: {
        target: { type: 'string', default: 'sim' },
        out: { type: 'string' },
        seed: { type: 'string' },
        runs: { type: 'string' },
        suite: { type: 'string', multiple: true, default: [] },
        fault: { type: 'string', multiple: true, default: [] },
        depth: { type: 'string', default: 'quick' },
        verbose: { type: 'boolean', default: false },
        restore: { type: 'boolean', default: false },
        'pin-expectations': { type: 'string' },
        record: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    });
  } catch (error) {
    throw new HarnessError('USAGE', `${(error as Error).message}\n\n${USAGE}`);
  }
  const v = parsed.values;
  const depth = v.depth;
  if (depth !== 'quick' && depth !== 'full') {
    throw new HarnessError('USAGE', `--depth is "${depth}": give quick or full`);
  }
  return {
    target: v.target,
    out: v.out,
    seed: integer(v.seed, '--seed', 0),
    runs: integer(v.runs, '--runs', 1),
    suites: v.suite.flatMap((s) => s.split(',')).filter((s) => s !== ''),
    faults: v.fault.flatMap((s) => s.split(',')).filter((s) => s !== ''),
    depth,
    verbose: v.verbose,
    restore: v.restore,
    pinExpectations: v['pin-expectations'],
    record: v.record,
    help: v.help,
  };
}

/** `--record` takes an optional directory: a bare one gets '' (the default directory). */
function withRecordValue(argv: string[]): string[] {
  return argv.map((arg, i) =>
    arg === '--record' && (argv[i + 1] === undefined || argv[i + 1]?.startsWith('--') === true)
      ? '--record='
      : arg,
  );
}

function integer(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) {
    throw new HarnessError('USAGE', `${name} is "${value}": give a whole number ≥ ${min}`);
  }
  return n;
}
