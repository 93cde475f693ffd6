import type { PcrsThresholds } from '../../profile/profile.ts';
import type { CheckResult } from './check-result.ts';
import { csvProblems } from './csv-problems.ts';
import type { ReportInspection } from './inspect-report-body.ts';
import { expectedSide, readingApplied, type SideVerdict, type SizeRange } from './pcrs-side.ts';

/** Where a report should land, from what its size is known by, and how it came. */
export interface ReportSideFinding extends SideVerdict {
  range: SizeRange | undefined;
  /** The body is a ZIP archive. */
  zipped: boolean;
}

/**
 * The side of the PCRS thresholds a fetched report belongs on. Its size comes from the body
 * itself when it was read to the end (or declares it: Content-Length of a CSV, a zip local
 * header), else from the report list's SIZE; the explanation says which.
 */
export function reportSide(
  inspection: ReportInspection,
  thresholds: PcrsThresholds,
  listSize: SizeRange | undefined,
): ReportSideFinding {
  const zipped = inspection.magic === 'zip';
  const measured = inspection.reportBytes;
  const range: SizeRange | undefined =
    measured === undefined
      ? listSize
      : { low: measured.value, high: measured.value, source: `measured: ${measured.source}` };
  if (range === undefined) {
    return {
      side: 'unknown',
      explanation:
        'the report size is unknown: the body was not read to its end and the report list gave no SIZE',
      range,
      zipped,
    };
  }
  return { ...expectedSide(range, thresholds), range, zipped };
}

/** True when the CSV delivery rule judges this report. */
export function csvDeliveryApplies(side: ReportSideFinding): boolean {
  return side.side === 'csv' || (side.side === 'either' && !side.zipped);
}

/** True when the ZIP delivery rule judges this report. */
export function zipDeliveryApplies(side: ReportSideFinding): boolean {
  return side.side === 'zip' || (side.side === 'either' && side.zipped);
}

/**
 * A report under the lower threshold comes as `text/csv;charset=UTF-8`, with a .csv filename,
 * and its body is CSV, not a zip (release notes: "reports less than 1 GB will be in CSV
 * format"; Content-Type as in the notes' sample).
 */
export function csvDelivery(
  inspection: ReportInspection,
  side: ReportSideFinding,
  thresholds: PcrsThresholds,
): CheckResult {
  const evidence = sideEvidence(side, thresholds);
  const problems: string[] = [];
  const media = inspection.mediaType;
  if (media?.type !== 'text/csv') {
    problems.push(
      `Content-Type is "${inspection.contentType ?? '(none)'}", not text/csv;charset=UTF-8`,
    );
  } else if (media.charset !== 'utf-8') {
    problems.push(`Content-Type "${inspection.contentType ?? ''}" does not declare charset=UTF-8`);
  }
  if (inspection.extension !== 'csv') {
    problems.push(`the filename is "${inspection.filename ?? '(none)'}", not a .csv name`);
  }
  if (inspection.magic === 'zip') {
    problems.push('the body is a ZIP archive (starts PK\\x03\\x04), not CSV');
  } else if (inspection.csv !== undefined) {
    problems.push(...csvProblems(inspection.csv));
    evidence.push(csvEvidence(inspection));
  }
  return { problems, evidence };
}

/**
 * A report within the thresholds comes as `application/zip` with a .zip filename, and is a
 * well-formed archive of one CSV entry whose CRC-32 and sizes check out (release notes: "the
 * report will be in ZIP format if the report size is between 1 GB and 5 GB").
 */
export function zipDelivery(
  inspection: ReportInspection,
  side: ReportSideFinding,
  thresholds: PcrsThresholds,
): CheckResult {
  const evidence = sideEvidence(side, thresholds);
  const problems: string[] = [];
  if (inspection.mediaType?.type !== 'application/zip') {
    problems.push(`Content-Type is "${inspection.contentType ?? '(none)'}", not application/zip`);
  }
  if (inspection.extension !== 'zip') {
    problems.push(`the filename is "${inspection.filename ?? '(none)'}", not a .zip name`);
  }
  const zip = inspection.zip;
  if (zip === undefined) {
    problems.push(`the body is not a ZIP archive: it starts "${inspection.firstBytes}"`);
    return { problems, evidence };
  }
  problems.push(...zip.problems.map((p) => p.message));
  const entries = zip.entries;
  if (entries.length > 1 || (zip.outcome === 'complete' && zip.central.length > 1)) {
    const names = entries.map((e) => `"${e.name}"`).join(', ');
    problems.push(
      `the archive holds ${Math.max(entries.length, zip.central.length)} entries (${names}), not one CSV`,
    );
  }
  const entry = entries[0];
  if (entry !== undefined) {
    if (!entry.name.toLowerCase().endsWith('.csv')) {
      problems.push(`the entry is named "${entry.name}", not a .csv name`);
    }
    evidence.push(
      `entry "${entry.name}": ${entry.compressedBytes} compressed bytes, ` +
        `${entry.inflatedBytes} inflated, descriptor ${entry.descriptor}, ZIP64 ` +
        `${entry.zip64 || zip.end?.zip64 === true ? 'yes' : 'no'}`,
      entry.crc32 === undefined
        ? `CRC-32 not checked: reading stopped (${zip.outcome}) after ${entry.inflatedBytes} inflated bytes`
        : `CRC-32 0x${entry.crc32.toString(16).padStart(8, '0')} computed over the whole entry`,
    );
  }
  if (inspection.csv !== undefined && entry !== undefined) {
    problems.push(...csvProblems(inspection.csv).map((p) => `in the entry: ${p}`));
    evidence.push(csvEvidence(inspection));
  }
  return { problems, evidence };
}

function sideEvidence(side: ReportSideFinding, thresholds: PcrsThresholds): string[] {
  const lines = [`expected side: ${side.side}; ${side.explanation}`];
  if (side.side === 'either') lines.push(readingApplied(side.zipped, thresholds));
  return lines;
}

function csvEvidence(inspection: ReportInspection): string {
  const csv = inspection.csv;
  if (csv === undefined) return 'CSV: not read';
  const reach = csv.ended ? 'to its end' : `for ${csv.bytes} bytes (${inspection.readTo})`;
  return (
    `CSV read ${reach}: ${csv.records} records, ${csv.resultsRecords} RESULTS rows, ` +
    `${csv.lineEnds.crlf} CRLF / ${csv.lineEnds.lf} LF record ends`
  );
}
