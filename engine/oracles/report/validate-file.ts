import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { DEFAULT_PCRS } from '../../profile/profile.ts';
import type { FileVerdict } from '../file-verdict.ts';
import { csvProblems } from './csv-problems.ts';
import {
  controlStatisticsHeader,
  hostStatisticsHeader,
  oldHeadersAbsent,
} from './header-checks.ts';
import { inspectReportBody, type ReportInspection } from './inspect-report-body.ts';

const READ_CHUNK = 1_048_576; // 1 MiB reads: fewer, larger chunks for inflate and the scanner

/**
 * Checks a saved compliance policy report (.csv, or .zip as PCRS delivers reports of 1–5 GB),
 * reading it as a stream in bounded memory: for a zip, one CSV entry whose CRC-32 and sizes
 * check out; for the CSV, UTF-8 without a byte order mark, balanced quotes, RESULTS rows with
 * the column row's field count, and the 10.18 section headers. `quick` stops once the RESULTS
 * rows have started (and 16 MiB were read); `full` reads to the end.
 *
 * Verdicts: `unreadable` when the CSV cannot be got at (missing file, not a zip, truncated,
 * encrypted, corrupt deflate data, an entry inflating past its declared size); `invalid` when it
 * can but breaks the contract (CRC or size mismatch, extra entries, CSV or header problems).
 * The PCRS size thresholds are not judged: a file does not say which target it came from.
 */
export async function validateReportFile(
  path: string,
  options: { depth: 'quick' | 'full' },
): Promise<FileVerdict> {
  const extension = extname(path).toLowerCase();
  const kind = `report${extension}`;
  const verdict = (status: FileVerdict['status'], detail: string[]): FileVerdict => ({
    file: path,
    kind,
    status,
    detail,
  });
  if (extension !== '.csv' && extension !== '.zip') {
    return verdict('unreadable', [`"${extension}" is not a report file: give a .csv or .zip`]);
  }
  try {
    const info = await stat(path);
    if (!info.isFile()) return verdict('unreadable', [`${path} is not a file`]);
  } catch (error) {
    return verdict('unreadable', [`cannot read ${path}: ${(error as Error).message}`]);
  }
  const inspection = await inspectReportBody(
    { status: undefined, headers: {}, body: createReadStream(path, { highWaterMark: READ_CHUNK }) },
    { depth: options.depth, thresholds: DEFAULT_PCRS },
  );
  const unreadable = unreadableReasons(inspection, extension);
  if (unreadable.length > 0) return verdict('unreadable', unreadable);
  const invalid = invalidReasons(inspection, extension);
  return verdict(invalid.length > 0 ? 'invalid' : 'valid', invalid);
}

function unreadableReasons(inspection: ReportInspection, extension: string): string[] {
  if (inspection.brokeOff !== undefined) return [`reading failed: ${inspection.brokeOff}`];
  if (inspection.magic === 'empty') return ['the file is empty'];
  if (extension === '.zip' && inspection.magic !== 'zip') {
    return [
      `the file is named .zip but is not a ZIP archive: it starts "${inspection.firstBytes}"`,
    ];
  }
  return (inspection.zip?.problems ?? []).filter((p) => p.fatal).map((p) => p.message);
}

function invalidReasons(inspection: ReportInspection, extension: string): string[] {
  const reasons: string[] = [];
  if (extension === '.csv' && inspection.magic === 'zip') {
    reasons.push('the file is named .csv but holds a ZIP archive');
  }
  const zip = inspection.zip;
  if (zip !== undefined) {
    reasons.push(...zip.problems.filter((p) => !p.fatal).map((p) => p.message));
    const count = Math.max(zip.entries.length, zip.central.length);
    if (count > 1) reasons.push(`the archive holds ${count} entries, not one CSV`);
    const entry = zip.entries[0];
    if (entry !== undefined && !entry.name.toLowerCase().endsWith('.csv')) {
      reasons.push(`the entry is named "${entry.name}", not a .csv name`);
    }
  }
  if (inspection.csv !== undefined) reasons.push(...csvProblems(inspection.csv));
  for (const check of [controlStatisticsHeader, hostStatisticsHeader, oldHeadersAbsent]) {
    reasons.push(...check(inspection).problems);
  }
  return [...new Set(reasons)];
}
