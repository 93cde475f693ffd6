import type { RunHandle } from './start-run.ts';

const KEY = Symbol.for('qualys-conformance.active-run');

/**
 * The run started by the conformance project's global setup, shared with the results
 * reporter. Both live in vitest's main process; globalThis is the one object they share.
 */
export function setActiveRun(run: RunHandle | undefined): void {
  (globalThis as Record<symbol, unknown>)[KEY] = run;
}

/** The active run, if the global setup started one. */
export function activeRun(): RunHandle | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as RunHandle | undefined;
}
