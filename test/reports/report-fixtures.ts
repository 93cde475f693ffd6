import {
  PolicyReportBody,
  type PolicyReportSpec,
} from '../../engine/simulator/report-body/policy-report-body.ts';
import { SECTION_HEADERS_10_18 } from '../../engine/simulator/report-body/policy-report-head.ts';
import {
  zipArchive,
  type ZipEntryInput,
  type ZipLayout,
} from '../../engine/simulator/report-body/zip-archive.ts';

/** A report spec with the 10.18 headers. */
export function reportSpec(
  size: number,
  overrides: Partial<PolicyReportSpec> = {},
): PolicyReportSpec {
  return {
    reportId: 123456,
    title: 'Compliance Report 123456',
    size,
    company: 'Société Simulée, Inc.',
    userLogin: 'sim_manager',
    generatedAt: '2022-03-16T10:00:00Z',
    headers: SECTION_HEADERS_10_18,
    ...overrides,
  };
}

/** The whole CSV of a synthetic report. */
export function reportCsv(spec: PolicyReportSpec): Buffer {
  return Buffer.concat([...PolicyReportBody.create(spec).csvParts()]);
}

/** A zip entry holding a synthetic report, as the simulator builds it. */
export function reportEntry(spec: PolicyReportSpec, name = `${spec.title}.csv`): ZipEntryInput {
  const body = PolicyReportBody.create(spec);
  const deflated = body.deflated();
  return {
    name,
    data: deflated.parts,
    compressedSize: deflated.size,
    uncompressedSize: body.size,
    crc32: body.crc32,
  };
}

/** An archive of `entries`, whole. */
export function zipBytes(entries: ZipEntryInput[], layout?: ZipLayout): Buffer {
  return Buffer.concat([...zipArchive(entries, layout).parts()]);
}
