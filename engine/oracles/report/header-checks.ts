import type { CheckResult } from './check-result.ts';
import type { ReportInspection } from './inspect-report-body.ts';

/** Section header texts of 10.18 ("CSV Header Text Updated in Compliance Policy Reports"). */
export const CONTROL_STATISTICS_HEADER =
  'Control Statistics (Percentage of Hosts Passed per Control)';
export const HOST_STATISTICS_HEADER = 'Host Statistics (Percentage of Control Passed per Host)';
/** The headers they replaced. */
export const OLD_HEADERS = ['Control Summary', 'Host Statistics'] as const;

/** The control table's header reads exactly "Control Statistics (Percentage of Hosts…)". */
export function controlStatisticsHeader(inspection: ReportInspection): CheckResult {
  return headerPresent(inspection, CONTROL_STATISTICS_HEADER, /control\s+(statistics|summary)/i);
}

/** The host table's header reads exactly "Host Statistics (Percentage of Control…)". */
export function hostStatisticsHeader(inspection: ReportInspection): CheckResult {
  return headerPresent(inspection, HOST_STATISTICS_HEADER, /host\s+statistics/i);
}

/** Neither "Control Summary" nor a bare "Host Statistics" heads a section any more. */
export function oldHeadersAbsent(inspection: ReportInspection): CheckResult {
  const headers = sectionHeaders(inspection);
  if (headers.unreadable !== undefined) return { problems: [headers.unreadable], evidence: [] };
  const old = headers.list.filter((h) =>
    OLD_HEADERS.some((o) => h.text.trim().toLowerCase() === o.toLowerCase()),
  );
  return {
    problems: old.map((h) => `record ${h.record} is the pre-10.18 section header "${h.text}"`),
    evidence: [`section headers: ${headers.list.map((h) => `"${h.text}"`).join(', ')}`],
  };
}

function headerPresent(inspection: ReportInspection, exact: string, family: RegExp): CheckResult {
  const headers = sectionHeaders(inspection);
  if (headers.unreadable !== undefined) return { problems: [headers.unreadable], evidence: [] };
  const found = headers.list.find((h) => h.text === exact);
  if (found !== undefined) {
    return { problems: [], evidence: [`record ${found.record}: "${found.text}"`] };
  }
  const near = headers.list.filter((h) => family.test(h.text));
  const received =
    near.length > 0 ? near.map((h) => `record ${h.record}: "${h.text}"`).join('; ') : 'none';
  return {
    problems: [`no section header reads exactly "${exact}"; similar headers found: ${received}`],
    evidence: [`section headers: ${headers.list.map((h) => `"${h.text}"`).join(', ')}`],
  };
}

function sectionHeaders(inspection: ReportInspection): {
  list: { text: string; record: number }[];
  unreadable?: string;
} {
  const head = inspection.csv?.head;
  if (head === undefined) {
    const why = inspection.csv?.headError?.message ?? whyNoCsv(inspection);
    return { list: [], unreadable: `the report's sections could not be read: ${why}` };
  }
  return { list: head.sections.map((s) => ({ text: s.header, record: s.record })) };
}

function whyNoCsv(inspection: ReportInspection): string {
  const fatal = inspection.zip?.problems.find((p) => p.fatal);
  if (fatal !== undefined) return fatal.message;
  if (inspection.readTo === 'broke-off')
    return `the body broke off after ${inspection.received} bytes`;
  return inspection.magic === 'empty'
    ? 'the body is empty'
    : 'the body ended before the RESULTS section';
}
