import { CsvRecordScanner, type CsvIrregularity } from './csv-record-scanner.ts';
import { readReportHead, type PolicyReportHead } from './policy-report-sections.ts';
import { Utf8StreamCheck } from './utf8-stream-check.ts';

/** What the checker learnt about a CSV report body. */
export interface CsvFacts {
  bytes: number;
  /** The body starts with a UTF-8 byte order mark. */
  bom: boolean;
  /** Offset of the first invalid UTF-8 sequence, if any. */
  utf8InvalidAt: number | undefined;
  records: number;
  lineEnds: { crlf: number; lf: number };
  /** The head's sections, once the RESULTS column row was read. */
  head: PolicyReportHead | undefined;
  /** Why the head could not be read, if it could not. */
  headError: HeadError | undefined;
  /** Records after the RESULTS column row. */
  resultsRecords: number;
  fieldCountMismatches: CsvIrregularity & { expected: number | undefined; firstFields?: number };
  strayQuotes: CsvIrregularity;
  /** True once `end()` was called: end-of-body checks hold. */
  ended: boolean;
  /** The body ends inside a quoted field. */
  endsInsideQuotes: boolean;
}

/** Why a report's head could not be read: not CSV, no RESULTS section, or RESULTS too late. */
export interface HeadError {
  kind: 'not-csv' | 'no-results' | 'too-long';
  message: string;
}

/** Bytes kept for the head at most (the RESULTS section must start within them). */
export const MAX_HEAD_BYTES = 64 * 1_048_576; // 64 MiB
const RESULTS_MARKER = /^\s*"?RESULTS"?\s*(,\s*(""|)\s*)*\r?\n$/;

/**
 * Checks a compliance policy CSV report as it streams, in bounded memory: UTF-8, byte order
 * mark, record structure (quote-aware scan), the head's sections (csv-parse, once the RESULTS
 * column row has arrived), and every RESULTS record's field count against that row.
 */
export class CsvStreamChecker {
  readonly #maxHeadBytes: number;
  readonly #scanner = new CsvRecordScanner();
  readonly #utf8 = new Utf8StreamCheck();
  #bytes = 0;
  #bom: boolean | undefined;
  #pending: Buffer[] = [];
  #head: Buffer[] | undefined = [];
  #headBytes = 0;
  #recordStart = 0;
  #markerSeen = false;
  #headRecords = 0;
  #parsed: PolicyReportHead | undefined;
  #headError: HeadError | undefined;
  #ended = false;

  /** @param maxHeadBytes where to give up looking for RESULTS (default 64 MiB) */
  constructor(maxHeadBytes = MAX_HEAD_BYTES) {
    this.#maxHeadBytes = maxHeadBytes;
    this.#scanner.onRecord = (fields, lfIndex, chunk) => this.#headRecord(fields, lfIndex, chunk);
  }

  /** True once the head is done with (read, or given up on): RESULTS rows follow. */
  get headDone(): boolean {
    return this.#head === undefined;
  }

  /** Checks the next chunk of the body. */
  write(chunk: Buffer): void {
    if (this.#bom === undefined) {
      this.#pending.push(chunk);
      const joined = Buffer.concat(this.#pending);
      if (joined.length < 3) return;
      this.#pending = [];
      this.#bom = joined[0] === 0xef && joined[1] === 0xbb && joined[2] === 0xbf;
      this.#bytes += this.#bom ? 3 : 0;
      this.#recordStart = this.#bytes;
      this.#utf8.write(joined.subarray(0, this.#bom ? 3 : 0));
      this.#process(this.#bom ? joined.subarray(3) : joined);
      return;
    }
    this.#process(chunk);
  }

  /** Ends the body; end-of-body checks (quotes, RESULTS present) apply from here. */
  end(): void {
    if (this.#bom === undefined) {
      this.#bom = false;
      const rest = Buffer.concat(this.#pending);
      this.#pending = [];
      this.#process(rest);
    }
    this.#utf8.end();
    this.#ended = true;
    if (this.#head !== undefined) {
      this.#headError = {
        kind: 'no-results',
        message: this.#markerSeen
          ? 'the body ends right after the RESULTS line, without its column row'
          : 'the body has no RESULTS section',
      };
      this.#head = undefined;
    }
  }

  /** Everything learnt so far. */
  facts(): CsvFacts {
    const s = this.#scanner;
    return {
      bytes: this.#bytes,
      bom: this.#bom === true,
      utf8InvalidAt: this.#utf8.firstInvalidAt,
      records: s.records,
      lineEnds: { crlf: s.crlf, lf: s.lf },
      head: this.#parsed,
      headError: this.#headError,
      resultsRecords: s.expectedFields === undefined ? 0 : s.records - this.#headRecords,
      fieldCountMismatches: {
        ...s.fieldCountMismatches,
        expected: s.expectedFields,
        ...(s.firstMismatchFields === undefined ? {} : { firstFields: s.firstMismatchFields }),
      },
      strayQuotes: s.strayQuotes,
      ended: this.#ended,
      endsInsideQuotes: this.#ended && s.insideQuotes,
    };
  }

  #process(chunk: Buffer): void {
    this.#utf8.write(chunk);
    const start = this.#bytes;
    this.#bytes += chunk.length;
    this.#chunkStart = start;
    this.#scanner.scan(chunk);
    if (this.#head === undefined) return;
    this.#head.push(chunk);
    this.#headBytes += chunk.length;
    if (this.#headBytes > this.#maxHeadBytes) {
      this.#tooLong();
    }
  }

  #chunkStart = 0;

  #headRecord(_fields: number, lfIndex: number, chunk: Buffer): void {
    const end = this.#chunkStart + lfIndex + 1;
    const start = this.#recordStart;
    this.#recordStart = end;
    if (end > this.#maxHeadBytes) {
      this.#tooLong();
      return;
    }
    if (this.#markerSeen) {
      this.#finishHead(chunk.subarray(0, lfIndex + 1), _fields);
      return;
    }
    if (end - start > 64) return;
    const text = this.#lastBytes(chunk, lfIndex + 1, end - start).toString('utf8');
    if (RESULTS_MARKER.test(text)) this.#markerSeen = true;
  }

  /** The `length` bytes of the head that end at `chunk[until]`. */
  #lastBytes(chunk: Buffer, until: number, length: number): Buffer {
    if (until >= length) return chunk.subarray(until - length, until);
    const parts = [chunk.subarray(0, until)];
    let missing = length - until;
    const head = this.#head ?? [];
    for (let n = head.length - 1; n >= 0 && missing > 0; n -= 1) {
      const piece = head[n] as Buffer;
      parts.unshift(piece.subarray(Math.max(0, piece.length - missing)));
      missing -= piece.length;
    }
    return Buffer.concat(parts);
  }

  #finishHead(lastPart: Buffer, columns: number): void {
    const text = Buffer.concat([...(this.#head ?? []), lastPart]).toString('utf8');
    this.#headRecords = this.#scanner.records;
    this.#scanner.expectedFields = columns;
    this.#giveUpHead();
    try {
      this.#parsed = readReportHead(text);
    } catch (error) {
      this.#headError = {
        kind: 'not-csv',
        message: `the head (before the RESULTS rows) is not valid CSV: ${(error as Error).message}`,
      };
    }
  }

  #tooLong(): void {
    this.#headError = {
      kind: 'too-long',
      message: `no RESULTS section within the first ${this.#maxHeadBytes} bytes`,
    };
    this.#giveUpHead();
  }

  #giveUpHead(): void {
    this.#head = undefined;
    this.#scanner.onRecord = undefined;
  }
}
