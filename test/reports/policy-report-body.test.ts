import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PolicyReportBody } from '../../engine/simulator/report-body/policy-report-body.ts';
import { RESULTS_COLUMNS } from '../../engine/simulator/report-body/policy-report-records.ts';
import { reportSpecArbitrary } from '../../generators/reports/report-spec-arbitrary.ts';
import { reportCsv, reportSpec } from './report-fixtures.ts';

const SEED = 1_018; // fixed: the same cases every run; fast-check prints it on failure

describe('PolicyReportBody', () => {
  it('is exactly the configured size, and its CRC and deflate stream agree with its bytes', () => {
    fc.assert(
      fc.property(reportSpecArbitrary(), (spec) => {
        const body = PolicyReportBody.create(spec);
        const csv = Buffer.concat([...body.csvParts()]);
        const deflated = body.deflated();
        const stream = Buffer.concat([...deflated.parts()]);

        expect(csv.length).toBe(spec.size);
        expect(body.crc32).toBe(crc32(csv));
        expect(stream.length).toBe(deflated.size);
        expect(inflateRawSync(stream).equals(csv)).toBe(true);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('is the same bytes for the same spec', () => {
    const spec = reportSpec(400_000);

    expect(reportCsv(spec).equals(reportCsv(spec))).toBe(true);
    expect(reportCsv({ ...spec, reportId: 7 }).equals(reportCsv(spec))).toBe(false);
  });

  it('parses as CSV: CRLF records, sections, and RESULTS rows with quoted commas, quotes and line breaks', () => {
    const text = reportCsv(reportSpec(1_200_000)).toString('utf8');

    const records = parse(text, { relax_column_count: true }) as string[][];
    const results = records.findIndex((r) => r[0] === 'RESULTS');
    const rows = records.slice(results + 2);

    expect(text.endsWith('\r\n')).toBe(true);
    expect(records.map((r) => r[0])).toEqual(
      expect.arrayContaining([
        'SUMMARY',
        'ASSET TAGS',
        'POLICY ID',
        'Control Statistics (Percentage of Hosts Passed per Control)',
        'Host Statistics (Percentage of Control Passed per Host)',
      ]),
    );
    expect(records[results + 1]).toEqual([...RESULTS_COLUMNS]);
    expect(rows.length).toBeGreaterThan(1_000);
    expect(rows.every((r) => r.length === RESULTS_COLUMNS.length)).toBe(true);
    expect(
      rows.some((r) => r.some((f) => f.includes('\n') && f.includes('"') && f.includes(','))),
    ).toBe(true);
  });

  it('refuses a size too small for the head and one record', () => {
    expect(() => PolicyReportBody.create(reportSpec(2_000))).toThrow(RangeError);
  });
});
