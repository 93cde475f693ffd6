import { CRLF, csvRecord } from './csv-record.ts';
import { Prng } from './prng.ts';
import { RESULTS_COLUMNS, type ReportControl, type ReportHost } from './policy-report-records.ts';

/**
 * Section header texts of a compliance policy CSV report. Release 10.18 ("CSV Header Text
 * Updated in Compliance Policy Reports") changed them from "Control Summary" and "Host
 * Statistics" to the texts of the HTML and PDF formats.
 */
export const SECTION_HEADERS_10_18 = {
  control: 'Control Statistics (Percentage of Hosts Passed per Control)',
  host: 'Host Statistics (Percentage of Control Passed per Host)',
} as const;

/** The section header texts before release 10.18. */
export const SECTION_HEADERS_BEFORE_10_18 = {
  control: 'Control Summary',
  host: 'Host Statistics',
} as const;

/** What the part of a report before its RESULTS rows says. */
export interface PolicyReportHeadSpec {
  title: string;
  company: string;
  userLogin: string;
  /** ISO date-time the report was generated. */
  generatedAt: string;
  policyId: number;
  policyTitle: string;
  headers: { control: string; host: string };
  hosts: readonly ReportHost[];
  controls: readonly ReportControl[];
  seed: number;
}

/**
 * The report up to and including the RESULTS column row: preamble (title, company, user and
 * date), SUMMARY, ASSET TAGS, the POLICY ID table, the control and host statistics tables, and
 * the RESULTS marker. Sections are separated by an empty line, as in Qualys CSV output; the
 * exact preamble lines of real reports are not public, so these are modelled on third-party
 * parsers of real exports (shared/reference/qualys/NOTES.md, section d).
 */
export function policyReportHead(spec: PolicyReportHeadSpec): string {
  const rng = new Prng(spec.seed ^ 0x5eed);
  const passed = spec.controls.map(() => rng.below(spec.hosts.length + 1));
  const lines = [
    csvRecord([spec.title]),
    csvRecord([spec.company, '1600 Bridge Parkway', 'Redwood Shores', 'California', '94065']),
    csvRecord([spec.userLogin, 'Manager', spec.generatedAt]),
    CRLF,
    csvRecord(['SUMMARY']),
    csvRecord(['Total Hosts', 'Total Controls', 'Passed', 'Failed', 'Error', 'Compliance']),
    csvRecord(summaryRow(spec, passed)),
    CRLF,
    csvRecord(['ASSET TAGS']),
    csvRecord(['Included Tags', 'Excluded Tags', 'Tag Selector']),
    csvRecord(['conformance-a, conformance-b', '', 'any']),
    CRLF,
    csvRecord(['POLICY ID', 'POLICY TITLE', 'POLICY LAST MODIFIED']),
    csvRecord([String(spec.policyId), spec.policyTitle, '2022-03-01T00:00:00Z']),
    CRLF,
    csvRecord([spec.headers.control]),
    csvRecord(['Control ID', 'Technology', 'Control', 'Passed', 'Failed', 'Percentage']),
    ...spec.controls.map((control, n) => {
      const ok = passed[n] ?? 0;
      const failed = spec.hosts.length - ok;
      return csvRecord([
        String(control.id),
        control.technology,
        control.title,
        String(ok),
        String(failed),
        percentage(ok, spec.hosts.length),
      ]);
    }),
    CRLF,
    csvRecord([spec.headers.host]),
    csvRecord(['Host IP', 'DNS Hostname', 'Operating System', 'Passed', 'Failed', 'Percentage']),
    ...spec.hosts.map((host) => {
      const ok = rng.below(spec.controls.length + 1);
      return csvRecord([
        host.ip,
        host.dns,
        host.os,
        String(ok),
        String(spec.controls.length - ok),
        percentage(ok, spec.controls.length),
      ]);
    }),
    CRLF,
    csvRecord(['RESULTS']),
    csvRecord(RESULTS_COLUMNS),
  ];
  return lines.join('');
}

function summaryRow(spec: PolicyReportHeadSpec, passed: number[]): string[] {
  const total = spec.hosts.length * spec.controls.length;
  const ok = passed.reduce((a, b) => a + b, 0);
  const error = Math.floor((total - ok) / 5);
  return [
    String(spec.hosts.length),
    String(spec.controls.length),
    String(ok),
    String(total - ok - error),
    String(error),
    percentage(ok, total),
  ];
}

function percentage(part: number, whole: number): string {
  return `${whole === 0 ? '0.00' : ((100 * part) / whole).toFixed(2)}%`;
}
