import { access, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { parseRunResults } from './results-document.ts';
import { ReportingError } from './reporting-error.ts';
import { RUN_REPORT_FILE } from './run-report.ts';
import type { TrendInput } from './trend-data.ts';

/** The results files that could be used, and one error for each that could not. */
export interface TrendInputs {
  inputs: TrendInput[];
  skipped: ReportingError[];
}

// Enough parallel reads to hide file-system latency without exhausting file descriptors.
const READ_CONCURRENCY = 32;

/**
 * Reads and checks results.json files for the trend. A file that is missing, unreadable, not
 * JSON or not a results document is reported in `skipped` and the others are still used; so is
 * a second copy of a run already read (same startedAt, target name and seed).
 * Where a run report (`index.html`) sits beside a results file, the night links to it.
 * @param files paths of results.json files.
 * @param outDir where the trend page will be written; links are made relative to it.
 */
export async function readTrendInputs(
  files: readonly string[],
  outDir: string,
): Promise<TrendInputs> {
  const outcomes = new Array<TrendInput | ReportingError>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next;
      next += 1;
      outcomes[index] = await readOne(files[index] ?? '', outDir);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));

  const inputs: TrendInput[] = [];
  const skipped: ReportingError[] = [];
  for (const outcome of outcomes) {
    if (outcome instanceof ReportingError) skipped.push(outcome);
    else inputs.push(outcome);
  }
  return dropDuplicateRuns(inputs, skipped);
}

// The same run reached through two paths (a `reports/latest/` copy, a glob matching twice)
// would count as two nights and fake a streak; the first path in sort order is kept.
function dropDuplicateRuns(inputs: TrendInput[], skipped: ReportingError[]): TrendInputs {
  const kept = new Map<string, TrendInput>();
  const byPath = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const input of byPath) {
    const { startedAt, target, seed } = input.results;
    const key = JSON.stringify([startedAt, target.name, seed]);
    const first = kept.get(key);
    if (first === undefined) {
      kept.set(key, input);
      continue;
    }
    skipped.push(
      new ReportingError(
        'RESULTS_DUPLICATE',
        `${input.file} is the same run as ${first.file} (same startedAt, target and seed): counted once`,
        input.file,
      ),
    );
  }
  const keep = new Set(kept.values());
  return { inputs: inputs.filter((input) => keep.has(input)), skipped };
}

async function readOne(file: string, outDir: string): Promise<TrendInput | ReportingError> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const what = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`;
    return new ReportingError(
      'RESULTS_UNREADABLE',
      `${file} ${what}: check the path or the glob`,
      file,
    );
  }

  let input: TrendInput;
  try {
    input = { file, results: parseRunResults(text, file) };
  } catch (error) {
    if (error instanceof ReportingError) return error;
    throw error;
  }

  const report = join(dirname(file), RUN_REPORT_FILE);
  if (await exists(report)) input.reportHref = toHref(relative(outDir, report));
  return input;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function toHref(relativePath: string): string {
  return relativePath.split(sep).map(encodeURIComponent).join('/');
}
