import { parse } from 'csv-parse/sync';

/** One table of the report's head: the line that names it, its column row, its row count. */
export interface ReportSection {
  /** The section's header text, as written (e.g. `SUMMARY`, `Control Statistics (…)`). */
  header: string;
  /** 1-based record number of the header line in the CSV. */
  record: number;
  columns: string[];
  rows: number;
}

/** The head of a compliance policy CSV report, up to and including the RESULTS column row. */
export interface PolicyReportHead {
  /** Every section, in order; a section is a one-value line followed by a table. */
  sections: ReportSection[];
  /** Columns of RESULTS, when the head reached them. */
  resultsColumns: string[] | undefined;
}

/**
 * Reads the sections of a report's head with csv-parse. A section header is a record whose
 * only non-empty value is its first (a marker line such as `"SUMMARY"`, possibly padded with
 * empty fields); the next record is the table's column row, and the table runs to the next
 * blank line. Sources: the header texts of the 10.18 release notes; section layout as read by
 * third-party parsers of real exports (shared/reference/qualys/NOTES.md, section d).
 * @throws Error (csv-parse's CsvError) when the head is not CSV, e.g. a quote is unbalanced
 */
export function readReportHead(text: string): PolicyReportHead {
  const records = parse(text, {
    relax_column_count: true,
    skip_empty_lines: false,
    bom: false,
  }) as string[][];
  const sections: ReportSection[] = [];
  let current: ReportSection | undefined;
  let resultsColumns: string[] | undefined;
  for (let n = 0; n < records.length; n += 1) {
    const record = records[n] as string[];
    const blank = record.every((value) => value === '');
    if (blank) {
      current = undefined;
      continue;
    }
    if (current !== undefined) {
      current.rows += 1;
      continue;
    }
    const marker = record.slice(1).every((value) => value === '');
    const previous = records[n - 1];
    const startsBlock = n === 0 || previous === undefined || previous.every((v) => v === '');
    if (marker && startsBlock) {
      const columns = records[n + 1] ?? [];
      current = { header: record[0] as string, record: n + 1, columns, rows: 0 };
      sections.push(current);
      if (current.header.trim().toUpperCase() === 'RESULTS') resultsColumns = columns;
      n += 1; // the column row
    } else if (startsBlock && (record[0] ?? '').toUpperCase().startsWith('POLICY ID')) {
      // The policy table has no marker line: its column row starts with POLICY ID.
      current = { header: record[0] as string, record: n + 1, columns: record, rows: 0 };
      sections.push(current);
    }
  }
  return { sections, resultsColumns };
}
