import {
  SECTION_HEADERS_10_18,
  SECTION_HEADERS_BEFORE_10_18,
} from '../report-body/policy-report-head.ts';
import { reportDeliveryResponse, type ReportDelivery } from '../report-body/report-delivery.ts';
import { formatReportSize } from '../report-body/report-size-text.ts';
import { SIM_FIXTURES } from '../sim-fixtures.ts';
import type { SimContext, SimFeature, SimRequest, SimResponse } from '../sim-types.ts';
import { requestError } from '../simple-return-xml.ts';
import { xmlEscape } from '../xml-escape.ts';
import type { FeatureOptions } from './index.ts';
import { REPORT_FAULT } from './report-faults.ts';
import { listOutput } from '../list-output-xml.ts';

/** Size of a fixture report that `reportSizes` does not list, in bytes. */
export const DEFAULT_REPORT_BYTES = 200_000;

const LAUNCH_DATETIME = '2022-03-16T10:00:00Z';

/**
 * /api/2.0/fo/report/: the report list and the fetch of compliance policy CSV reports. Every
 * subscription sees the fixture reports; each is as large as `reportSizes` says, and comes
 * zipped when its size lies within the PCRS thresholds (release notes: Support for Compressed
 * Reports with PCRS), as CSV otherwise.
 */
export function reportsFeature(options: FeatureOptions): SimFeature {
  const sizeOf = (id: number) => options.reportSizes?.[id] ?? DEFAULT_REPORT_BYTES;
  const title = (id: number) => `Compliance Report ${id}`;
  return {
    name: 'reports',
    routes: [
      {
        path: '/api/2.0/fo/report/',
        action: 'list',
        methods: ['GET', 'POST'],
        params: [
          'id',
          'state',
          'user_login',
          'expires_before_datetime',
          'client_id',
          'client_name',
        ],
        handle(request) {
          const id = request.params.get('id');
          const reports = SIM_FIXTURES.reports.filter((r) => id === null || String(r) === id);
          const rows = reports.map((reportId) =>
            [
              '      <REPORT>',
              `        <ID>${reportId}</ID>`,
              `        <TITLE><![CDATA[${title(reportId)}]]></TITLE>`,
              '        <TYPE>Compliance</TYPE>',
              `        <USER_LOGIN>${xmlEscape(request.user.login)}</USER_LOGIN>`,
              `        <LAUNCH_DATETIME>${LAUNCH_DATETIME}</LAUNCH_DATETIME>`,
              '        <OUTPUT_FORMAT>CSV</OUTPUT_FORMAT>',
              // The size of the report as generated (the CSV), before any compression.
              `        <SIZE>${formatReportSize(sizeOf(reportId))}</SIZE>`,
              '        <STATUS><STATE>Finished</STATE></STATUS>',
              '        <EXPIRATION_DATETIME>2030-03-23T10:00:00Z</EXPIRATION_DATETIME>',
              '      </REPORT>',
            ].join('\n'),
          );
          return listOutput(
            'REPORT_LIST_OUTPUT',
            'https://qualysapi.qualys.com/api/2.0/fo/report/report_list_output.dtd',
            rows,
          );
        },
      },
      {
        path: '/api/2.0/fo/report/',
        action: 'fetch',
        methods: ['GET', 'POST'],
        params: ['id'],
        handle(request, context) {
          const raw = request.params.get('id');
          if (raw === null) return requestError(1903, 'Missing required parameter(s): id');
          const id = Number(raw);
          if (!(SIM_FIXTURES.reports as readonly number[]).includes(id)) {
            return requestError(1905, `parameter id has invalid value: ${raw} (no such report)`);
          }
          return fetchResponse(request, context, id, sizeOf(id), title(id), options);
        },
      },
    ],
  };
}

function fetchResponse(
  request: SimRequest,
  context: SimContext,
  id: number,
  size: number,
  title: string,
  options: FeatureOptions,
): SimResponse {
  const withinThresholds = size >= options.pcrs.zipMinBytes && size <= options.pcrs.zipMaxBytes;
  let zipped = withinThresholds;
  if (withinThresholds && context.fault(REPORT_FAULT.largeReportNotZipped)) zipped = false;
  if (!withinThresholds && context.fault(REPORT_FAULT.smallReportZipped)) zipped = true;
  const delivery: ReportDelivery = { zipped };
  if (zipped && context.fault(REPORT_FAULT.zipServedAsTextCsv)) {
    delivery.contentType = 'text/csv;charset=UTF-8';
  }
  if (!zipped && context.fault(REPORT_FAULT.csvWithoutCharset)) delivery.contentType = 'text/csv';
  if (context.fault(REPORT_FAULT.contentLengthMismatch)) delivery.extraContentLength = 1024;
  if (zipped && context.fault(REPORT_FAULT.zipCrcCorrupt)) delivery.crcXor = 0x00010000;

  let headers: { control: string; host: string } = SECTION_HEADERS_10_18;
  if (context.fault(REPORT_FAULT.csvOldHeaders)) headers = SECTION_HEADERS_BEFORE_10_18;
  if (context.fault(REPORT_FAULT.hostStatsHeaderBare)) {
    headers = { control: SECTION_HEADERS_10_18.control, host: SECTION_HEADERS_BEFORE_10_18.host };
  }
  const spec = {
    reportId: id,
    title,
    size,
    company: request.user.subscription.company,
    userLogin: request.user.login,
    generatedAt: LAUNCH_DATETIME,
    headers,
  };
  return reportDeliveryResponse(spec, delivery);
}
