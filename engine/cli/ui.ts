import { join, resolve } from 'node:path';
import { startVitest } from 'vitest/node';
import { HarnessError } from '../errors.ts';
import { applyRunEnv } from '../run/run-options.ts';
import { SUITES } from '../rules/catalogue.ts';
import { parseConformanceArgs } from './conformance-args.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PORT = 51204; // vitest UI's usual port

/**
 * Opens vitest UI on the conformance project (default target: the simulator), so each rule's
 * tests, their evidence annotations and failures can be browsed. Takes the conformance options.
 */
async function main(argv: string[]): Promise<void> {
  const args = parseConformanceArgs(argv);
  const seed = args.seed ?? Date.now() % 2 ** 31;
  const suites = args.suites.length > 0 ? args.suites : [...SUITES];
  applyRunEnv(args, {
    seed,
    outDir: join(ROOT, 'reports', 'ui'),
    suites,
    stateDir: join(ROOT, '.harness'),
  });
  await startVitest(
    'test',
    suites.map((s) => join(ROOT, 'suites', s) + '/'),
    {
      root: ROOT,
      config: join(ROOT, 'vitest.config.ts'),
      project: 'conformance',
      ui: true,
      open: false,
      watch: true,
      api: { host: '127.0.0.1', port: PORT },
    },
  );
  process.stdout.write(
    `vitest UI: http://127.0.0.1:${PORT}/__vitest__/ (seed ${seed}; Ctrl-C to stop)\n`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message =
    error instanceof HarnessError ? error.message : String((error as Error).stack ?? error);
  process.stderr.write(`ui: ${message}\n`);
  process.exit(2);
});
