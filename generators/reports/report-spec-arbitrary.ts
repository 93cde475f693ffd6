import fc from 'fast-check';
import {
  SECTION_HEADERS_10_18,
  SECTION_HEADERS_BEFORE_10_18,
} from '../../engine/simulator/report-body/policy-report-head.ts';
import type { PolicyReportSpec } from '../../engine/simulator/report-body/policy-report-body.ts';

/** The smallest report the generator always manages (head and one padded record), in bytes. */
export const SMALL_REPORT_BYTES = 16_384;

/**
 * Specs of synthetic compliance policy CSV reports: any id, a size in `[minBytes, maxBytes]`
 * (default 16 KiB – 3 MB: unit tests stay fast), 10.18 or pre-10.18 section headers.
 */
export function reportSpecArbitrary(
  options: { minBytes?: number; maxBytes?: number } = {},
): fc.Arbitrary<PolicyReportSpec> {
  return fc
    .record({
      reportId: fc.integer({ min: 1, max: 99_999_999 }),
      size: fc.integer({
        min: options.minBytes ?? SMALL_REPORT_BYTES,
        max: options.maxBytes ?? 3_000_000,
      }),
      headers: fc.constantFrom(SECTION_HEADERS_10_18, SECTION_HEADERS_BEFORE_10_18),
    })
    .map(({ reportId, size, headers }) => ({
      reportId,
      title: `Compliance Report ${reportId}`,
      size,
      company: 'Société Simulée, Inc.',
      userLogin: 'sim_manager',
      generatedAt: '2022-03-16T10:00:00Z',
      headers,
    }));
}
