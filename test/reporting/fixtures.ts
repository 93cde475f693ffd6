import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResults } from '../../engine/results/results-schema.ts';
import { parseRunResults } from '../../engine/reporting/results-document.ts';

/** Folder of the results fixtures (see its README.md). */
export const RESULTS_FIXTURES = join(import.meta.dirname, '../fixtures/results');

/**
 * Loads a results fixture through the same check the trend uses.
 * @param name file name inside test/fixtures/results, e.g. `run-mixed.json`.
 */
export function loadResultsFixture(name: string): RunResults {
  const file = join(RESULTS_FIXTURES, name);
  return parseRunResults(readFileSync(file, 'utf8'), file);
}

/** Paths of the nightly series' results.json files, in directory order. */
export function nightlyFixtureFiles(): string[] {
  const root = join(RESULTS_FIXTURES, 'nightly');
  return readdirSync(root)
    .sort()
    .map((night) => join(root, night, 'results.json'));
}
