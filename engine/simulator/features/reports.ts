import { SIM_FIXTURES } from '../sim-fixtures.ts';
import type { SimFeature } from '../sim-types.ts';
import { xmlDocument } from '../simple-return-xml.ts';
import { xmlEscape } from '../xml-escape.ts';
import type { FeatureOptions } from './index.ts';

/**
 * /api/2.0/fo/report/: the report list. Every subscription sees the fixture compliance policy
 * reports.
 */
export function reportsFeature(_options: FeatureOptions): SimFeature {
  return {
    name: 'reports',
    routes: [
      {
        path: '/api/2.0/fo/report/',
        action: 'list',
        methods: ['GET', 'POST'],
        params: ['id', 'state', 'user_login', 'expires_before_datetime', 'client_id', 'client_name'],
        handle(request) {
          const id = request.params.get('id');
          const reports = SIM_FIXTURES.reports.filter((r) => id === null || String(r) === id);
          const rows = reports.map((reportId) =>
            [
              '      <REPORT>',
              `        <ID>${reportId}</ID>`,
              `        <TITLE><![CDATA[Compliance Report ${reportId}]]></TITLE>`,
              '        <TYPE>Compliance</TYPE>',
              `        <USER_LOGIN>${xmlEscape(request.user.login)}</USER_LOGIN>`,
              '        <LAUNCH_DATETIME>2022-03-16T10:00:00Z</LAUNCH_DATETIME>',
              '        <OUTPUT_FORMAT>CSV</OUTPUT_FORMAT>',
              '        <SIZE>1 MB</SIZE>',
              '        <STATUS><STATE>Finished</STATE></STATUS>',
              '        <EXPIRATION_DATETIME>2030-03-23T10:00:00Z</EXPIRATION_DATETIME>',
              '      </REPORT>',
            ].join('\n'),
          );
          const body = [
            '<?xml version="1.0" encoding="UTF-8" ?>',
            '<!DOCTYPE REPORT_LIST_OUTPUT SYSTEM "https://qualysapi.qualys.com/api/2.0/fo/report/report_list_output.dtd">',
            '<REPORT_LIST_OUTPUT>',
            '  <RESPONSE>',
            `    <DATETIME>${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}</DATETIME>`,
            ...(rows.length > 0 ? ['    <REPORT_LIST>', ...rows, '    </REPORT_LIST>'] : []),
            '  </RESPONSE>',
            '</REPORT_LIST_OUTPUT>',
            '',
          ].join('\n');
          return xmlDocument(body);
        },
      },
    ],
  };
}
