import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { redact } from '../secrets.ts';
import { junitNamesByRuleId } from './junit-names.ts';
import type { RunResults } from './results-schema.ts';

/** A copy of the results with every registered secret replaced by its placeholder. */
export function redactResults(results: RunResults): RunResults {
  return JSON.parse(redact(JSON.stringify(results))) as RunResults;
}

/**
 * Rewrites vitest's junit.xml in place: secrets redacted, test cases named by rule id.
 */
export function finishJunit(file: string): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const safe = junitNamesByRuleId(redact(text));
  if (safe !== text) writeFileSync(file, safe);
}

/**
 * Writes results.json (secrets redacted) into `outDir`.
 * @returns the file's path
 */
export function writeResultsJson(results: RunResults, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'results.json');
  writeFileSync(file, `${redact(JSON.stringify(results, null, 2))}\n`);
  return file;
}

/** Points `<parent>/latest` at `outDir` (a relative symlink), replacing an older one. */
export function linkLatest(outDir: string): void {
  const latest = join(dirname(outDir), 'latest');
  rmSync(latest, { force: true, recursive: false });
  symlinkSync(basename(outDir), latest, 'dir');
}
