import type { PcrsThresholds } from '../../profile/profile.ts';
import { dispositionFilename, fileExtension } from './content-disposition.ts';
import { CsvStreamChecker, type CsvFacts } from './csv-stream-checker.ts';
import { parseMediaType, type MediaType } from './media-type.ts';
import { binaryReading } from './pcrs-side.ts';
import { readZipStream, type ZipReadResult } from './zip-stream-reader.ts';

/** A report body to inspect: a fetch answer, or a saved file (no headers). */
export interface ReportBodySource {
  /** HTTP status; undefined for a file. */
  status: number | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: AsyncIterable<Buffer>;
}

/** How deep to read. */
export interface InspectOptions {
  /**
   * `quick`: stop once the RESULTS rows have started and `quickBodyBytes` have arrived (a body
   * that ends sooner is checked whole); `full`: read to the end.
   */
  depth: 'quick' | 'full';
  thresholds: PcrsThresholds;
  /** Body bytes a quick inspection reads at least (default 16 MiB). */
  quickBodyBytes?: number;
  /** Where the RESULTS section must have started (default 64 MiB). */
  maxHeadBytes?: number;
}

/** The body's first bytes, as a kind. */
export type BodyMagic = 'zip' | 'text' | 'empty';

/** Everything observed about one report body; rules judge it (report-rule-verdicts.ts). */
export interface ReportInspection {
  depth: 'quick' | 'full';
  status: number | undefined;
  contentType: string | undefined;
  mediaType: MediaType | undefined;
  contentDisposition: string | undefined;
  filename: string | undefined;
  extension: string | undefined;
  /** Declared Content-Length, when the answer has one (not chunked). */
  contentLength: number | undefined;
  /** Body bytes received. */
  received: number;
  magic: BodyMagic;
  /** The first bytes, printable (for evidence). */
  firstBytes: string;
  /** `end`; `quick-stop` (quick depth stopped reading); `broke-off` (transport error). */
  readTo: 'end' | 'quick-stop' | 'broke-off';
  /** The transport error that cut the body, if one did. */
  brokeOff: string | undefined;
  zip: ZipReadResult | undefined;
  csv: CsvFacts | undefined;
  /** The CSV's size as measured or declared by the body itself, if known. */
  reportBytes: { value: number; source: string } | undefined;
}

export const QUICK_BODY_BYTES = 16 * 1_048_576; // 16 MiB: small reports are read whole

/**
 * Inspects a compliance policy report body as it streams (HTTP → zip reader → CSV checks),
 * never holding it whole: headers, magic bytes, Content-Length, the zip's structure and CRC,
 * and the CSV. A transport error ends the body; it is recorded, not thrown.
 */
export async function inspectReportBody(
  source: ReportBodySource,
  options: InspectOptions,
): Promise<ReportInspection> {
  const contentType = header(source.headers, 'content-type');
  const contentDisposition = header(source.headers, 'content-disposition');
  const filename = dispositionFilename(contentDisposition);
  const length = header(source.headers, 'content-length');
  const inspection: ReportInspection = {
    depth: options.depth,
    status: source.status,
    contentType,
    mediaType: parseMediaType(contentType),
    contentDisposition,
    filename,
    extension: fileExtension(filename),
    contentLength: length === undefined ? undefined : Number(length),
    received: 0,
    magic: 'empty',
    firstBytes: '',
    readTo: 'end',
    brokeOff: undefined,
    zip: undefined,
    csv: undefined,
    reportBytes: undefined,
  };
  const body = new CountingBody(source.body, inspection);
  const first = await body.peek(16);
  inspection.magic = first.length === 0 ? 'empty' : isZipMagic(first) ? 'zip' : 'text';
  inspection.firstBytes = printable(first);
  const checker = new CsvStreamChecker(options.maxHeadBytes);
  const quickBytes = options.quickBodyBytes ?? QUICK_BODY_BYTES;
  const enough = () =>
    options.depth === 'quick' && checker.headDone && inspection.received >= quickBytes;

  if (inspection.magic === 'zip') {
    const zip = await readZipStream(body, {
      sink: (chunk) => {
        checker.write(chunk);
        return !enough();
      },
      maxInflatedBytes: binaryReading(options.thresholds.zipMaxBytes),
    });
    inspection.zip = zip;
    const entry = zip.entries[0];
    if (zip.outcome === 'stopped') inspection.readTo = 'quick-stop';
    if (entry?.crc32 !== undefined) {
      checker.end();
      inspection.reportBytes = { value: entry.inflatedBytes, source: 'inflated entry' };
    } else if (entry?.declared?.from === 'local header') {
      inspection.reportBytes = {
        value: entry.declared.uncompressedSize,
        source: 'zip local header',
      };
    }
  } else {
    for await (const chunk of body) {
      checker.write(chunk);
      if (enough()) {
        inspection.readTo = 'quick-stop';
        break;
      }
    }
    if (inspection.readTo === 'end' && inspection.brokeOff === undefined) {
      checker.end();
      inspection.reportBytes = { value: inspection.received, source: 'CSV body' };
    } else if (inspection.contentLength !== undefined) {
      inspection.reportBytes = { value: inspection.contentLength, source: 'Content-Length' };
    }
  }
  if (inspection.brokeOff !== undefined) inspection.readTo = 'broke-off';
  inspection.csv = inspection.magic === 'empty' ? undefined : checker.facts();
  return inspection;
}

/**
 * The body as an async iterable that counts bytes, lets the first bytes be peeked, and turns
 * a transport error into an early end recorded on the inspection.
 */
class CountingBody implements AsyncIterable<Buffer> {
  readonly #iterator: AsyncIterator<Buffer>;
  readonly #inspection: ReportInspection;
  #peeked: Buffer[] = [];
  #done = false;

  constructor(body: AsyncIterable<Buffer>, inspection: ReportInspection) {
    this.#iterator = body[Symbol.asyncIterator]();
    this.#inspection = inspection;
  }

  async peek(n: number): Promise<Buffer> {
    let held = this.#peeked.reduce((sum, c) => sum + c.length, 0);
    while (held < n) {
      const chunk = await this.#next();
      if (chunk === undefined) break;
      this.#peeked.push(chunk);
      held += chunk.length;
    }
    return Buffer.concat(this.#peeked).subarray(0, n);
  }

  async #next(): Promise<Buffer | undefined> {
    if (this.#done) return undefined;
    try {
      const next = await this.#iterator.next();
      if (next.done === true) {
        this.#done = true;
        return undefined;
      }
      const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      this.#inspection.received += chunk.length;
      return chunk;
    } catch (error) {
      this.#done = true;
      this.#inspection.brokeOff = (error as Error).message;
      return undefined;
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return {
      next: async () => {
        const chunk = this.#peeked.shift() ?? (await this.#next());
        return chunk === undefined
          ? { done: true, value: undefined }
          : { done: false, value: chunk };
      },
      return: async () => {
        if (!this.#done) {
          this.#done = true;
          await this.#iterator.return?.();
        }
        return { done: true, value: undefined };
      },
    };
  }
}

function isZipMagic(first: Buffer): boolean {
  // Local file header, or the end record of an empty archive.
  return (
    first.length >= 4 &&
    first[0] === 0x50 &&
    first[1] === 0x4b &&
    (first[2] === 3 || first[2] === 5)
  );
}

function printable(bytes: Buffer): string {
  return [...bytes]
    .map((b) =>
      b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

function header(headers: ReportBodySource['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
