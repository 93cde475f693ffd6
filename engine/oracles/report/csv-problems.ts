import type { CsvFacts } from './csv-stream-checker.ts';

/**
 * Why a body is not the CSV a compliance policy report should be, one sentence a problem:
 * byte order mark, invalid UTF-8 (the answer says charset=UTF-8), an unbalanced quote, quotes
 * inside unquoted fields, RESULTS rows whose field count differs from the column row, a head
 * that csv-parse refuses. Empty when none.
 */
export function csvProblems(csv: CsvFacts): string[] {
  const problems: string[] = [];
  if (csv.bom) {
    problems.push(
      'the CSV starts with a UTF-8 byte order mark (EF BB BF); Qualys CSV answers have none ' +
        '(recorded activity_log CSV), and a reader that keeps it sees U+FEFF before the first field',
    );
  }
  if (csv.utf8InvalidAt !== undefined) {
    problems.push(
      `the CSV is not valid UTF-8: an invalid byte sequence at byte ${csv.utf8InvalidAt}`,
    );
  }
  if (csv.endsInsideQuotes) {
    problems.push(
      `the CSV ends inside a quoted field opened in record ${csv.records + 1}: a quote is unbalanced`,
    );
  }
  if (csv.strayQuotes.count > 0) {
    problems.push(
      `${csv.strayQuotes.count} record(s) have a quote inside an unquoted field or text after a ` +
        `closing quote (first: record ${csv.strayQuotes.first.join(', ')})`,
    );
  }
  const fields = csv.fieldCountMismatches;
  if (fields.count > 0) {
    problems.push(
      `${fields.count} RESULTS record(s) do not have the ${fields.expected ?? '?'} fields of the ` +
        `RESULTS column row (first: record ${fields.first.join(', ')}, with ${fields.firstFields ?? '?'} fields)`,
    );
  }
  if (csv.headError?.kind === 'not-csv') problems.push(csv.headError.message);
  return problems;
}
