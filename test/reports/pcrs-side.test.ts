import { describe, expect, it } from 'vitest';
import {
  dispositionFilename,
  fileExtension,
} from '../../engine/oracles/report/content-disposition.ts';
import { parseMediaType } from '../../engine/oracles/report/media-type.ts';
import { binaryReading, expectedSide } from '../../engine/oracles/report/pcrs-side.ts';
import { reportListSizeRange } from '../../engine/oracles/report/report-list-size.ts';
import { formatReportSize } from '../../engine/simulator/report-body/report-size-text.ts';
import { DEFAULT_PCRS } from '../../engine/profile/profile.ts';

const exact = (bytes: number) => ({ low: bytes, high: bytes, source: 'test' });

describe('PCRS thresholds', () => {
  it('reads 1 GB and 5 GB both as decimal and as binary units', () => {
    expect(binaryReading(1_000_000_000)).toBe(2 ** 30);
    expect(binaryReading(5_000_000_000)).toBe(5 * 2 ** 30);
    expect(binaryReading(1_000_000)).toBe(2 ** 20);
    expect(binaryReading(1_234_567)).toBe(1_234_567);
  });

  it.each([
    [999_999_999, 'csv'],
    [1_000_000_000, 'either'],
    [1_073_741_823, 'either'],
    [2 ** 30, 'zip'],
    [5_000_000_000, 'zip'],
    [5_000_000_001, 'above'],
  ])('puts a %d-byte report on the %s side', (bytes, side) => {
    expect(expectedSide(exact(bytes), DEFAULT_PCRS).side).toBe(side);
  });

  it('cannot tell the side of a size range that straddles a threshold', () => {
    const verdict = expectedSide(
      { low: 900_000_000, high: 1_100_000_000, source: 'report list SIZE' },
      DEFAULT_PCRS,
    );

    expect(verdict.side).toBe('unknown');
    expect(verdict.explanation).toContain('report list SIZE');
  });
});

describe('report list SIZE', () => {
  it('stands for every byte count either unit reading and its rounding allow', () => {
    expect(reportListSizeRange('2.4 MB')).toEqual({
      low: 2_350_000,
      high: 2_569_012,
      source: 'report list SIZE "2.4 MB"',
    });
    expect(reportListSizeRange('812 bytes')).toMatchObject({ low: 812, high: 812 });
    expect(reportListSizeRange('-')).toBeUndefined();
  });

  it.each([300_000, 2_500_000, 2 ** 30, 4.5 * 2 ** 30])(
    'covers the size the simulator formats (%d bytes)',
    (bytes) => {
      const range = reportListSizeRange(formatReportSize(bytes));

      expect(range?.low).toBeLessThanOrEqual(bytes);
      expect(range?.high).toBeGreaterThanOrEqual(bytes);
    },
  );
});

describe('Content-Disposition and Content-Type', () => {
  it.each([
    [
      'attachment; filename=Compliance Report PCRA 326 xxx.csv',
      'Compliance Report PCRA 326 xxx.csv',
    ],
    ['attachment; filename="report 1.zip"', 'report 1.zip'],
    ["attachment; filename=x.csv; filename*=UTF-8''Rapport%20%C3%A9t%C3%A9.zip", 'Rapport été.zip'],
    ['attachment', undefined],
  ])('reads the filename of %s', (header, name) => {
    expect(dispositionFilename(header)).toBe(name);
  });

  it('reads extensions and charsets case-insensitively', () => {
    expect(fileExtension('Report.ZIP')).toBe('zip');
    expect(fileExtension('noext')).toBeUndefined();
    expect(parseMediaType('text/csv;charset=UTF-8')).toEqual({
      type: 'text/csv',
      charset: 'utf-8',
    });
    expect(parseMediaType('Application/Zip')).toEqual({
      type: 'application/zip',
      charset: undefined,
    });
  });
});
