import type { SimFault } from '../sim-types.ts';

/** Names of the report faults, as `--fault` takes them. */
export const REPORT_FAULT = {
  csvOldHeaders: 'csv-old-headers',
  hostStatsHeaderBare: 'host-stats-header-bare',
  zipServedAsTextCsv: 'zip-served-as-text-csv',
  largeReportNotZipped: 'large-report-not-zipped',
  smallReportZipped: 'small-report-zipped',
  contentLengthMismatch: 'content-length-mismatch',
  zipCrcCorrupt: 'zip-crc-corrupt',
  csvWithoutCharset: 'csv-without-charset',
} as const;

/** Faults of the report operations (rules RPT-*). */
export const REPORT_FAULTS: SimFault[] = [
  {
    name: REPORT_FAULT.csvOldHeaders,
    rules: ['RPT-HEADER-CONTROL-STATS', 'RPT-HEADER-HOST-STATS', 'RPT-HEADER-OLD-ABSENT'],
    suite: 'reports',
    description:
      'policy CSV reports keep the pre-10.18 headers "Control Summary" and "Host Statistics"',
  },
  {
    name: REPORT_FAULT.hostStatsHeaderBare,
    rules: ['RPT-HEADER-HOST-STATS', 'RPT-HEADER-OLD-ABSENT'],
    suite: 'reports',
    description:
      'the host table keeps the bare header "Host Statistics"; the control header is new',
  },
  {
    name: REPORT_FAULT.zipServedAsTextCsv,
    rules: ['RPT-TYPE-MATCHES-BODY', 'RPT-ZIP-1GB-5GB'],
    suite: 'reports',
    description: 'a zipped report is sent with Content-Type text/csv;charset=UTF-8',
  },
  {
    name: REPORT_FAULT.largeReportNotZipped,
    rules: ['RPT-ZIP-1GB-5GB'],
    suite: 'reports',
    description: 'a report within the PCRS thresholds is sent as plain CSV',
  },
  {
    name: REPORT_FAULT.smallReportZipped,
    rules: ['RPT-CSV-BELOW-1GB'],
    suite: 'reports',
    description: 'a report below the PCRS threshold is sent zipped',
  },
  {
    name: REPORT_FAULT.contentLengthMismatch,
    rules: ['RPT-TYPE-MATCHES-BODY'],
    suite: 'reports',
    description: 'report fetches declare 1024 bytes more Content-Length than they send, then close',
  },
  {
    name: REPORT_FAULT.zipCrcCorrupt,
    rules: ['RPT-ZIP-1GB-5GB'],
    suite: 'reports',
    description:
      'the CRC-32 in the data descriptor and central directory of a zipped report is wrong',
  },
  {
    name: REPORT_FAULT.csvWithoutCharset,
    rules: ['RPT-CSV-BELOW-1GB'],
    suite: 'reports',
    description: 'a CSV report is sent as Content-Type text/csv, without charset=UTF-8',
  },
];
