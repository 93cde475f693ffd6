import { resolve } from 'node:path';
import { HarnessError } from '../errors.ts';
import { SUITES } from '../rules/catalogue.ts';

/** What a run was asked to do, before anything is started. */
export interface RunOptions {
  /** `sim`, `replay[:DIR]`, or the path of a profile file. */
  target: string;
  seed: number;
  runs: number;
  depth: 'quick' | 'full';
  faults: string[];
  suites: string[];
  outDir: string;
  stateDir: string;
  /** Record every exchange into this directory ('' = recordings/<profile name>/). */
  record?: string;
}

/** Environment variables the CLI sets for the vitest run (and `vitest --project conformance` reads). */
export const RUN_ENV = {
  target: 'QUALYS_CONFORMANCE_TARGET',
  seed: 'QUALYS_CONFORMANCE_SEED',
  runs: 'QUALYS_CONFORMANCE_RUNS',
  depth: 'QUALYS_CONFORMANCE_DEPTH',
  faults: 'QUALYS_CONFORMANCE_FAULTS',
  suites: 'QUALYS_CONFORMANCE_SUITES',
  outDir: 'QUALYS_CONFORMANCE_OUT',
  stateDir: 'QUALYS_CONFORMANCE_STATE',
  record: 'QUALYS_CONFORMANCE_RECORD',
} as const;

/**
 * Reads run options from the environment, with defaults: the simulator, a time-based seed,
 * 25 runs per property, quick depth, every suite.
 * @throws HarnessError for a value that cannot be used, naming the variable
 */
export function runOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RunOptions {
  const seedText = env[RUN_ENV.seed];
  const seed = seedText === undefined || seedText === '' ? Date.now() % 2 ** 31 : Number(seedText);
  if (!Number.isSafeInteger(seed)) throw bad(RUN_ENV.seed, seedText, 'a whole number');
  const runsText = env[RUN_ENV.runs] ?? '25';
  const runs = Number(runsText);
  if (!Number.isSafeInteger(runs) || runs < 1)
    throw bad(RUN_ENV.runs, runsText, 'a whole number ≥ 1');
  const depth = env[RUN_ENV.depth] ?? 'quick';
  if (depth !== 'quick' && depth !== 'full') throw bad(RUN_ENV.depth, depth, 'quick or full');
  const suites = list(env[RUN_ENV.suites]);
  for (const suite of suites) {
    if (!(SUITES as readonly string[]).includes(suite)) {
      throw bad(RUN_ENV.suites, suite, `one of ${SUITES.join(', ')}`);
    }
  }
  return {
    target: env[RUN_ENV.target] ?? 'sim',
    seed,
    runs,
    depth,
    faults: list(env[RUN_ENV.faults]),
    suites: suites.length > 0 ? suites : [...SUITES],
    outDir: resolve(env[RUN_ENV.outDir] ?? 'reports/last-vitest-run'),
    stateDir: resolve(env[RUN_ENV.stateDir] ?? '.harness'),
    ...recordOption(env[RUN_ENV.record]),
  };
}

/** `record` from its variable: unset, no recording; empty, the default directory. */
function recordOption(value: string | undefined): { record?: string } {
  if (value === undefined) return {};
  return { record: value === '' ? '' : resolve(value) };
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function bad(name: string, value: string | undefined, what: string): HarnessError {
  return new HarnessError('OPTION_INVALID', `${name} is "${value ?? ''}": give ${what}`);
}

/** Sets the run-option variables for a vitest run started from this process. */
export function applyRunEnv(
  args: {
    target: string;
    runs?: number | undefined;
    depth: string;
    faults: string[];
    record?: string | undefined;
  },
  run: { seed: number; outDir: string; suites: string[]; stateDir: string },
  env: NodeJS.ProcessEnv = process.env,
): void {
  const keep = args.target === 'sim' || args.target.startsWith('replay');
  env[RUN_ENV.target] = keep ? args.target : resolve(args.target);
  env[RUN_ENV.seed] = String(run.seed);
  if (args.runs !== undefined) env[RUN_ENV.runs] = String(args.runs);
  env[RUN_ENV.depth] = args.depth;
  env[RUN_ENV.faults] = args.faults.join(',');
  env[RUN_ENV.suites] = run.suites.join(',');
  env[RUN_ENV.outDir] = run.outDir;
  env[RUN_ENV.stateDir] ??= run.stateDir;
  if (args.record === undefined) delete env[RUN_ENV.record];
  else env[RUN_ENV.record] = args.record === '' ? '' : resolve(args.record);
}
