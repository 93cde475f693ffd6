import { SECTIONS, type Rule } from './rule.ts';

/** Ids of the report rules, for suites and faults. */
export const REPORT_RULE_IDS = {
  csvBelow: 'RPT-CSV-BELOW-1GB',
  zipWithin: 'RPT-ZIP-1GB-5GB',
  typeMatchesBody: 'RPT-TYPE-MATCHES-BODY',
  controlStats: 'RPT-HEADER-CONTROL-STATS',
  hostStats: 'RPT-HEADER-HOST-STATS',
  oldAbsent: 'RPT-HEADER-OLD-ABSENT',
} as const;

/**
 * Rules of /api/2.0/fo/report/?action=fetch for compliance policy CSV reports: PCRS zip
 * delivery and the 10.18 section header texts.
 */
export const REPORT_RULES: Rule[] = [
  {
    id: REPORT_RULE_IDS.csvBelow,
    title:
      'a compliance policy report under the lower PCRS threshold (1 GB) comes as ' +
      'text/csv;charset=UTF-8 with a .csv filename, and its body is CSV, not a zip',
    source: SECTIONS.pcrs,
    suite: 'reports',
  },
  {
    id: REPORT_RULE_IDS.zipWithin,
    title:
      'a compliance policy report between 1 GB and 5 GB comes as application/zip with a .zip ' +
      'filename: a well-formed archive of one CSV entry whose CRC-32 and sizes check out',
    source: SECTIONS.pcrs,
    suite: 'reports',
  },
  {
    id: REPORT_RULE_IDS.typeMatchesBody,
    title:
      'Content-Type, the Content-Disposition filename and the body’s first bytes agree on CSV or ' +
      'ZIP, and the body is as long as Content-Length says',
    source: SECTIONS.pcrs,
    suite: 'reports',
  },
  {
    id: REPORT_RULE_IDS.controlStats,
    title:
      'the control table of a policy CSV report is headed exactly "Control Statistics ' +
      '(Percentage of Hosts Passed per Control)", zipped or not',
    source: SECTIONS.csvHeaders,
    suite: 'reports',
  },
  {
    id: REPORT_RULE_IDS.hostStats,
    title:
      'the host table of a policy CSV report is headed exactly "Host Statistics (Percentage of ' +
      'Control Passed per Host)", zipped or not',
    source: SECTIONS.csvHeaders,
    suite: 'reports',
  },
  {
    id: REPORT_RULE_IDS.oldAbsent,
    title:
      'no section of a policy CSV report is headed "Control Summary" or a bare "Host Statistics" ' +
      'any more',
    source: SECTIONS.csvHeaders,
    suite: 'reports',
  },
];
