import type { TestProject } from 'vitest/node';
import { setActiveRun } from './active-run.ts';
import { runOptionsFromEnv } from './run-options.ts';
import { startRun } from './start-run.ts';
import './run-config.ts';

/**
 * Global setup of the conformance project: starts the target and the call governor once per
 * run, shares the (secret-free) run config with every worker, and stops them at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = await startRun(runOptionsFromEnv());
  setActiveRun(run);
  project.provide('harness', run.config);
  return async () => {
    await run.close();
  };
}
