import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUESTED_WITH } from '../../engine/client/qualys-client.ts';
import type { CheckResult } from '../../engine/oracles/report/check-result.ts';
import {
  csvDelivery,
  csvDeliveryApplies,
  reportSide,
  zipDelivery,
  zipDeliveryApplies,
} from '../../engine/oracles/report/delivery-checks.ts';
import {
  controlStatisticsHeader,
  hostStatisticsHeader,
  oldHeadersAbsent,
} from '../../engine/oracles/report/header-checks.ts';
import {
  inspectReportBody,
  type ReportInspection,
} from '../../engine/oracles/report/inspect-report-body.ts';
import { reportListSizeRange } from '../../engine/oracles/report/report-list-size.ts';
import { reportListSizes } from '../../engine/oracles/report/report-list-sizes.ts';
import { typeMatchesBody } from '../../engine/oracles/report/type-matches-body.ts';
import { REPORT_RULE_IDS as RULE } from '../../engine/rules/report-rules.ts';
import { REPORT_FAULTS } from '../../engine/simulator/features/report-faults.ts';
import { SIM_CREDENTIAL_ENV, SIM_FIXTURES } from '../../engine/simulator/sim-fixtures.ts';
import { SIM_PCRS, SIM_REPORT_SIZES } from '../../engine/simulator/sim-profile.ts';
import { startSimulator, type SimulatorOptions } from '../../engine/simulator/simulator.ts';
import { reportCsv, reportEntry, reportSpec, zipBytes } from './report-fixtures.ts';

const [CSV_REPORT, ZIP_REPORT] = SIM_FIXTURES.reports;
const { login, password } = SIM_CREDENTIAL_ENV.main;
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function simulator(options: SimulatorOptions = {}): Promise<string> {
  const sim = await startSimulator({ pcrs: SIM_PCRS, reportSizes: SIM_REPORT_SIZES, ...options });
  closers.push(() => sim.close());
  return sim.url;
}

async function call(url: string, form: string) {
  return request(`${url}/api/2.0/fo/report/`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`,
      'x-requested-with': REQUESTED_WITH,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: form,
  });
}

async function inspect(
  url: string,
  id: number,
  depth: 'quick' | 'full' = 'full',
  quickBodyBytes?: number,
) {
  const response = await call(url, `action=fetch&id=${id}`);
  return inspectReportBody(
    { status: response.statusCode, headers: response.headers, body: response.body },
    { depth, thresholds: SIM_PCRS, ...(quickBodyBytes === undefined ? {} : { quickBodyBytes }) },
  );
}

/** The rules a report's inspection fails, as the reports suite judges them. */
function failingRules(inspection: ReportInspection, listSize?: string): string[] {
  const side = reportSide(inspection, SIM_PCRS, reportListSizeRange(listSize));
  const checks: [string, CheckResult | undefined][] = [
    [RULE.csvBelow, csvDeliveryApplies(side) ? csvDelivery(inspection, side, SIM_PCRS) : undefined],
    [
      RULE.zipWithin,
      zipDeliveryApplies(side) ? zipDelivery(inspection, side, SIM_PCRS) : undefined,
    ],
    [RULE.typeMatchesBody, typeMatchesBody(inspection)],
    [RULE.controlStats, controlStatisticsHeader(inspection)],
    [RULE.hostStats, hostStatisticsHeader(inspection)],
    [RULE.oldAbsent, oldHeadersAbsent(inspection)],
  ];
  return checks.filter(([, r]) => r !== undefined && r.problems.length > 0).map(([id]) => id);
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('report fetch against the simulator', () => {
  it('serves the small report as CSV and the large one as a zip, and every check holds', async () => {
    const url = await simulator();

    const csv = await inspect(url, CSV_REPORT);
    const zip = await inspect(url, ZIP_REPORT);

    expect(csv.contentType).toBe('text/csv;charset=UTF-8');
    expect(csv.filename).toBe(`Compliance Report ${CSV_REPORT}.csv`);
    expect(csv.received).toBe(SIM_REPORT_SIZES[CSV_REPORT]);
    expect(zip.contentType).toBe('application/zip');
    expect(zip.filename).toBe(`Compliance Report ${ZIP_REPORT}.zip`);
    expect(zip.received).toBe(zip.contentLength);
    expect(zip.reportBytes?.value).toBe(SIM_REPORT_SIZES[ZIP_REPORT]);
    expect(failingRules(csv)).toEqual([]);
    expect(failingRules(zip)).toEqual([]);
  });

  it('lists each report with a SIZE that covers its real size', async () => {
    const url = await simulator();

    const list = await (await call(url, 'action=list')).body.text();
    const sizes = reportListSizes(list);

    for (const id of SIM_FIXTURES.reports) {
      const range = reportListSizeRange(sizes.get(id));
      expect(range?.low).toBeLessThanOrEqual(SIM_REPORT_SIZES[id] as number);
      expect(range?.high).toBeGreaterThanOrEqual(SIM_REPORT_SIZES[id] as number);
    }
  });

  it.each(REPORT_FAULTS.map((f) => [f.name, f.rules] as const))(
    'with fault %s, the checks of %j fail',
    async (fault, rules) => {
      const url = await simulator({ faults: [fault] });

      const failing = new Set([
        ...failingRules(await inspect(url, CSV_REPORT)),
        ...failingRules(await inspect(url, ZIP_REPORT)),
      ]);

      expect([...failing].sort()).toEqual([...rules].sort());
    },
  );

  it('reads a large CSV only up to its RESULTS rows at quick depth, and checks its headers', async () => {
    const url = await simulator({ reportSizes: { [CSV_REPORT]: 40_000_000 } });

    const quick = await inspect(url, CSV_REPORT, 'quick', 1_048_576);

    expect(quick.readTo).toBe('quick-stop');
    expect(quick.received).toBeLessThan(4_000_000);
    expect(quick.reportBytes).toEqual({ value: 40_000_000, source: 'Content-Length' });
    expect(failingRules(quick)).toEqual([]);
    expect(typeMatchesBody(quick).evidence.join('\n')).toMatch(/not compared: quick depth stopped/);
  });

  it('answers an unknown report id with SIMPLE_RETURN CODE 1905, and a missing one with 1903', async () => {
    const url = await simulator();

    const unknown = await call(url, 'action=fetch&id=999');
    const missing = await call(url, 'action=fetch');

    expect(unknown.statusCode).toBe(400);
    expect(await unknown.body.text()).toContain('<CODE>1905</CODE>');
    expect(missing.statusCode).toBe(400);
    expect(await missing.body.text()).toContain('<CODE>1903</CODE>');
  });
});

describe('report fetch against hand-made servers', () => {
  const spec = reportSpec(2_500_000);

  it('accepts a zip sent chunked, without Content-Length, and says so', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/zip',
        'content-disposition': 'attachment; filename=r.zip',
      });
      const bytes = zipBytes([reportEntry(spec)]);
      res.write(bytes.subarray(0, 1000));
      res.end(bytes.subarray(1000));
    });

    const inspection = await inspect(url, 1);

    expect(inspection.contentLength).toBeUndefined();
    expect(failingRules(inspection)).toEqual([]);
    expect(typeMatchesBody(inspection).evidence.join('\n')).toMatch(
      /no Content-Length \(chunked\)/,
    );
  });

  it('fails a body cut off mid-stream: Content-Length, and the zip is truncated', async () => {
    const bytes = zipBytes([reportEntry(spec)]);
    const url = await serve((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/zip',
        'content-disposition': 'attachment; filename=r.zip',
        'content-length': String(bytes.length),
      });
      res.write(bytes.subarray(0, 100_000), () => res.destroy());
    });

    const inspection = await inspect(url, 1);
    const side = reportSide(inspection, SIM_PCRS, {
      low: 2_500_000,
      high: 2_500_000,
      source: 'test',
    });

    expect(inspection.readTo).toBe('broke-off');
    expect(typeMatchesBody(inspection).problems[0]).toMatch(
      new RegExp(
        `^the body broke off after \\d+ bytes of the ${bytes.length} Content-Length declares`,
      ),
    );
    expect(zipDelivery(inspection, side, SIM_PCRS).problems.join('\n')).toMatch(
      /ends inside the deflate data/,
    );
  });

  it('fails a CSV with a byte order mark and an unbalanced quote', async () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      reportCsv(reportSpec(50_000)),
      Buffer.from('"open\r\n'),
    ]);
    const url = await serve((_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/csv;charset=UTF-8',
        'content-disposition': 'attachment; filename=r.csv',
      });
      res.end(body);
    });

    const inspection = await inspect(url, 1);
    const problems = csvDelivery(
      inspection,
      reportSide(inspection, SIM_PCRS, undefined),
      SIM_PCRS,
    ).problems;

    expect(problems).toEqual([
      expect.stringMatching(/byte order mark/),
      expect.stringMatching(/ends inside a quoted field/),
    ]);
  });
});
