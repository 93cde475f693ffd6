/**
 * The verdict on one saved response file, shared by the XML oracle and the report-file oracle.
 *
 * - `file`: the path as given on the command line.
 * - `kind`: what the file was checked as, e.g. `'map-2.dtd'`, `'report.zip'`, `'report.csv'`.
 * - `status`: `'valid'`; `'invalid'` (readable but breaks its contract); `'unreadable'` (missing,
 *   malformed, too large, or of an unknown kind).
 * - `detail`: one human-readable line per finding (errors carry their line where known); empty
 *   when valid.
 */
export interface FileVerdict {
  file: string;
  kind: string;
  status: 'valid' | 'invalid' | 'unreadable';
  detail: string[];
}
