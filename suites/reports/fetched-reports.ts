import { readBody } from '../../engine/client/qualys-client.ts';
import type { ApiRequest } from '../../engine/client/api-request.ts';
import { reportSide, type ReportSideFinding } from '../../engine/oracles/report/delivery-checks.ts';
import {
  inspectReportBody,
  type ReportInspection,
} from '../../engine/oracles/report/inspect-report-body.ts';
import { reportListSizes } from '../../engine/oracles/report/report-list-sizes.ts';
import { reportListSizeRange } from '../../engine/oracles/report/report-list-size.ts';
import { describeRequest } from '../../engine/client/api-request.ts';
import type { RuleCase } from '../../engine/run/rule-test.ts';
import { harnessTarget } from '../../engine/run/target.ts';

/** One fixture report, fetched once per run and inspected as it streamed. */
export interface FetchedReport {
  id: number;
  /** The report list's SIZE for it, as written. */
  listSize: string | undefined;
  request: ApiRequest;
  described: string;
  curl: string;
  /** Set when the fetch was refused (not HTTP 200): status and the start of the answer. */
  refused: { status: number; excerpt: string } | undefined;
  inspection: ReportInspection | undefined;
  side: ReportSideFinding | undefined;
}

let fetched: Promise<FetchedReport[]> | undefined;

/**
 * The profile's fixture reports (fixtures.reports), each fetched once for the whole suite:
 * one report list call for their SIZEs, then one fetch each, read at the run's depth.
 * Skips the calling rule when the profile does not allow fetching reports or lists none.
 */
export async function fetchedReports(ruleCase: RuleCase): Promise<FetchedReport[]> {
  const { profile } = harnessTarget().config;
  if (!profile.allow.fetchReports) {
    ruleCase.skip('the profile does not allow fetching reports (allow.fetchReports is false)');
  }
  if (profile.fixtures.reports.length === 0) {
    ruleCase.skip('the profile lists no compliance policy CSV reports (fixtures.reports)');
  }
  fetched ??= fetchAll();
  try {
    return await fetched;
  } catch (error) {
    fetched = undefined; // a deferred call may succeed for a later rule
    throw error;
  }
}

async function fetchAll(): Promise<FetchedReport[]> {
  const target = harnessTarget();
  const { profile, depth } = target.config;
  const list = await target.call({
    method: 'POST',
    path: '/api/2.0/fo/report/',
    params: [['action', 'list']],
    label: 'RPT report list',
  });
  const sizes = reportListSizes(list.text);
  const reports: FetchedReport[] = [];
  for (const id of profile.fixtures.reports) {
    const request: ApiRequest = {
      method: 'POST',
      path: '/api/2.0/fo/report/',
      params: [
        ['action', 'fetch'],
        ['id', String(id)],
      ],
      label: 'RPT fetch',
    };
    const report: FetchedReport = {
      id,
      listSize: sizes.get(id),
      request,
      described: describeRequest(request),
      curl: target.curl(request),
      refused: undefined,
      inspection: undefined,
      side: undefined,
    };
    const response = await target.open(request);
    if (response.status !== 200) {
      const text = (await readBody(response.body, 4_000)).text;
      report.refused = { status: response.status, excerpt: text.slice(0, 600) };
    } else {
      const thresholds = profile.subscription.pcrs;
      // A replayed report body is a summary: the recorder kept the inspection of the real one.
      const recorded = response.recordedSummary?.summaries['report-digest'] as
        | ReportInspection
        | undefined;
      if (recorded !== undefined) await response.body.dump();
      report.inspection =
        recorded ??
        (await inspectReportBody(
          { status: response.status, headers: response.headers, body: response.body },
          { depth, thresholds },
        ));
      report.side = reportSide(report.inspection, thresholds, reportListSizeRange(report.listSize));
    }
    reports.push(report);
  }
  return reports;
}
