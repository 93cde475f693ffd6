import { Readable } from 'node:stream';
import type { SimResponse } from '../sim-types.ts';
import { PolicyReportBody, type PolicyReportSpec } from './policy-report-body.ts';
import { zipArchive } from './zip-archive.ts';

/** How a report goes out: as CSV or zipped, and any deliberate deviations (faults). */
export interface ReportDelivery {
  zipped: boolean;
  /** Content-Type to send; default `text/csv;charset=UTF-8` or `application/zip`. */
  contentType?: string;
  /** Bytes to add to the declared Content-Length (the connection then closes). */
  extraContentLength?: number;
  /** XOR applied to the CRC-32 written in the zip. */
  crcXor?: number;
}

/** Content-Type of CSV answers, spelled as recorded (activity_log CSV, 2022-03). */
export const CSV_CONTENT_TYPE = 'text/csv;charset=UTF-8';
/** Content-Type of zipped reports (release notes: Support for Compressed Reports with PCRS). */
export const ZIP_CONTENT_TYPE = 'application/zip';

/**
 * The answer to action=fetch for a compliance policy CSV report: generated on the fly, never
 * buffered whole. Zipped reports hold one deflated CSV entry named like the report, laid out
 * as a streaming producer writes them (data descriptor, ZIP64 past 4 GiB). Both kinds carry
 * Content-Length, as the release-note samples do: the generator knows every size up front.
 * @throws RangeError when the spec's size is too small for a policy report
 */
export function reportDeliveryResponse(
  spec: PolicyReportSpec,
  delivery: ReportDelivery,
): SimResponse {
  const body = PolicyReportBody.create(spec);
  const extra = delivery.extraContentLength ?? 0;
  // Unquoted, spaces and all, as in the release notes' sample header.
  const disposition = (ext: string) => `attachment; filename=${spec.title}.${ext}`;
  const closing: Record<string, string> = extra > 0 ? { connection: 'close' } : {};
  if (!delivery.zipped) {
    return {
      status: 200,
      headers: {
        'content-type': delivery.contentType ?? CSV_CONTENT_TYPE,
        'content-disposition': disposition('csv'),
        'content-length': String(body.size + extra),
        ...closing,
      },
      body: Readable.from(body.csvParts(), { objectMode: false }),
    };
  }
  const deflated = body.deflated();
  const archive = zipArchive([
    {
      name: `${spec.title}.csv`,
      data: deflated.parts,
      compressedSize: deflated.size,
      uncompressedSize: body.size,
      crc32: (body.crc32 ^ (delivery.crcXor ?? 0)) >>> 0,
    },
  ]);
  return {
    status: 200,
    headers: {
      'content-type': delivery.contentType ?? ZIP_CONTENT_TYPE,
      'content-disposition': disposition('zip'),
      'content-length': String(archive.length + extra),
      ...closing,
    },
    body: Readable.from(archive.parts(), { objectMode: false }),
  };
}
