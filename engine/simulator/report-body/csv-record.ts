/** The record terminator of Qualys CSV output (CRLF, as in the recorded activity-log CSV). */
export const CRLF = '\r\n';

/** One CSV field, always quoted as Qualys quotes them; inner quotes are doubled. */
export function csvField(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** One CSV record: quoted fields joined by commas, ended by CRLF. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}${CRLF}`;
}
