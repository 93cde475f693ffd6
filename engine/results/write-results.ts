import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { redact } from '../secrets.ts';
import type { RunResults } from './results-schema.ts';

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
