import type { TestProject } from 'vitest/node';
import { setActiveRun } from './active-run.ts';
import { runOptionsFromEnv } from './run-options.ts';
import { startRun } from './start-run.ts';
import './run-config.ts';

/**
 * Global setup of the conformance project: starts the target and the call governor once per
 * run, restores fixture policies a killed run left changed (before any test), shares the
 * (secret-free) run config with every worker, and at the end, or on SIGINT/SIGTERM, restores
 * the policies this run changed before stopping the target and the governor.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = await startRun(runOptionsFromEnv());
  try {
    await run.journal.begin((text) => process.stderr.write(`conformance: ${text}\n`));
  } catch (error) {
    await run.close();
    throw error;
  }
  setActiveRun(run);
  project.provide('harness', run.config);
  return async () => {
    await run.journal.finish();
    await run.close();
  };
}
