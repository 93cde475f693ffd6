import { describe } from 'vitest';
import type { CheckResult } from '../../engine/oracles/report/check-result.ts';
import {
  csvDelivery,
  csvDeliveryApplies,
  zipDelivery,
  zipDeliveryApplies,
} from '../../engine/oracles/report/delivery-checks.ts';
import {
  controlStatisticsHeader,
  hostStatisticsHeader,
  oldHeadersAbsent,
} from '../../engine/oracles/report/header-checks.ts';
import type { ReportInspection } from '../../engine/oracles/report/inspect-report-body.ts';
import { typeMatchesBody } from '../../engine/oracles/report/type-matches-body.ts';
import { ConformanceFailure } from '../../engine/run/conformance-failure.ts';
import { ruleTest, type RuleCase } from '../../engine/run/rule-test.ts';
import { harnessTarget } from '../../engine/run/target.ts';
import { fetchedReports, type FetchedReport } from './fetched-reports.ts';

const PCRS = 'Release notes 10.18, Support for Compressed Reports with PCRS';
const HEADERS = 'Release notes 10.18, CSV Header Text Updated in Compliance Policy Reports';
const DOCUMENTED = {
  csv: `${PCRS}: "reports less than 1 GB will be in CSV format"; sample: Content-Type: text/csv;charset=UTF-8, Content-Disposition: attachment; filename=<title>.csv`,
  zip: `${PCRS}: "the report will be in ZIP format if the report size is between 1 GB and 5 GB"; sample: Content-Type: application/zip, Content-Disposition: attachment; filename=<FILENAME>.zip`,
  type: `${PCRS}: "the response header will indicate if the report is compressed or not": application/zip when compressed, text/csv when not; the samples carry Content-Length`,
  control: `${HEADERS}: control data is headed "Control Statistics (Percentage of Hosts Passed per Control)"`,
  host: `${HEADERS}: host data is headed "Host Statistics (Percentage of Control Passed per Host)"`,
  old: `${HEADERS}: the CSV headers "Control Summary" and "Host Statistics" were replaced`,
};

type Check = (report: FetchedReport, inspection: ReportInspection) => CheckResult | undefined;

/**
 * Runs `check` on every fetched report it applies to (it returns undefined where it does not),
 * notes the evidence, and fails with every problem of every report at once.
 */
async function judge(
  ruleCase: RuleCase,
  documented: string,
  check: Check,
  none: string,
): Promise<void> {
  const reports = await fetchedReports(ruleCase);
  const failures: { report: FetchedReport; problems: string[] }[] = [];
  let judged = 0;
  for (const report of reports) {
    if (report.refused !== undefined) {
      ruleCase.countCases();
      judged += 1;
      failures.push({
        report,
        problems: [`the fetch answered HTTP ${report.refused.status}, not a report`],
      });
      continue;
    }
    const inspection = report.inspection as ReportInspection;
    const result = check(report, inspection);
    if (result === undefined) continue;
    ruleCase.countCases();
    judged += 1;
    await ruleCase.note(
      `report ${report.id} (${inspection.depth} depth)`,
      result.evidence.join('\n'),
    );
    if (result.problems.length > 0) failures.push({ report, problems: result.problems });
  }
  if (judged === 0) ruleCase.skip(`${none}: ${reports.map(sideOf).join('; ')}`);
  const first = failures[0];
  if (first === undefined) return;
  throw new ConformanceFailure({
    message: `report ${first.report.id}: ${first.problems[0] ?? ''}${failures.length > 1 ? ` (and ${failures.length - 1} more report(s))` : ''}`,
    received: failures
      .map((f) => `report ${f.report.id}:\n${f.problems.map((p) => `- ${p}`).join('\n')}`)
      .join('\n'),
    documented,
    request: first.report.described,
    responseExcerpt: excerpt(first.report),
    curl: first.report.curl,
  });
}

function sideOf(report: FetchedReport): string {
  return `report ${report.id}: ${report.side?.explanation ?? `refused (HTTP ${report.refused?.status ?? '?'})`}`;
}

function excerpt(report: FetchedReport): string {
  if (report.refused !== undefined) return report.refused.excerpt;
  const i = report.inspection as ReportInspection;
  return [
    `HTTP ${i.status ?? '?'}`,
    `Content-Type: ${i.contentType ?? '(none)'}`,
    `Content-Disposition: ${i.contentDisposition ?? '(none)'}`,
    `Content-Length: ${i.contentLength ?? '(none)'}`,
    `body: ${i.received} bytes received (${i.readTo}), starts "${i.firstBytes}"`,
  ].join('\n');
}

const thresholds = () => harnessTarget().config.profile.subscription.pcrs;

describe('report fetch: PCRS delivery', () => {
  ruleTest(
    'RPT-CSV-BELOW-1GB',
    'a policy report below the zip threshold comes as text/csv;charset=UTF-8 with a .csv name and a CSV body',
    async (ruleCase) => {
      await judge(
        ruleCase,
        DOCUMENTED.csv,
        (r, i) =>
          r.side !== undefined && csvDeliveryApplies(r.side)
            ? csvDelivery(i, r.side, thresholds())
            : undefined,
        'no fixture report lies below the lower threshold',
      );
    },
  );

  ruleTest(
    'RPT-ZIP-1GB-5GB',
    'a policy report within the thresholds comes as application/zip holding one CSV entry whose CRC and sizes check out',
    async (ruleCase) => {
      await judge(
        ruleCase,
        DOCUMENTED.zip,
        (r, i) =>
          r.side !== undefined && zipDeliveryApplies(r.side)
            ? zipDelivery(i, r.side, thresholds())
            : undefined,
        'no fixture report lies within the thresholds',
      );
    },
  );

  ruleTest(
    'RPT-TYPE-MATCHES-BODY',
    'Content-Type, filename and first bytes of a fetched report agree, and Content-Length matches the body',
    async (ruleCase) => {
      await judge(
        ruleCase,
        DOCUMENTED.type,
        (_r, i) => typeMatchesBody(i),
        'no report was fetched',
      );
    },
  );
});

describe('report fetch: 10.18 CSV header texts', () => {
  ruleTest(
    'RPT-HEADER-CONTROL-STATS',
    'the control table is headed "Control Statistics (Percentage of Hosts Passed per Control)"',
    async (ruleCase) => {
      await judge(
        ruleCase,
        DOCUMENTED.control,
        (_r, i) => controlStatisticsHeader(i),
        'no report was fetched',
      );
    },
  );

  ruleTest(
    'RPT-HEADER-HOST-STATS',
    'the host table is headed "Host Statistics (Percentage of Control Passed per Host)"',
    async (ruleCase) => {
      await judge(
        ruleCase,
        DOCUMENTED.host,
        (_r, i) => hostStatisticsHeader(i),
        'no report was fetched',
      );
    },
  );

  ruleTest(
    'RPT-HEADER-OLD-ABSENT',
    'no section is headed "Control Summary" or a bare "Host Statistics"',
    async (ruleCase) => {
      await judge(
        ruleCase,
        DOCUMENTED.old,
        (_r, i) => oldHeadersAbsent(i),
        'no report was fetched',
      );
    },
  );
});
