const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** The first records of one kind of irregularity, by record number (1-based). */
export interface CsvIrregularity {
  count: number;
  /** Record numbers of the first few. */
  first: number[];
}

/**
 * A quote-aware CSV record scanner (RFC 4180): finds record boundaries and counts fields
 * without building strings, at hundreds of MB/s, so RESULTS sections of gigabytes can be
 * checked as they stream. Inside a quoted field it jumps from quote to quote with the native
 * `indexOf`. `onRecord`, while set, hears of every record end (the head of a report needs
 * them); once `expectedFields` is set, records are only counted and compared with it.
 */
export class CsvRecordScanner {
  /** Records ended so far (blank lines included). */
  records = 0;
  /** Record terminators: CRLF and bare LF. */
  crlf = 0;
  lf = 0;
  /** Records whose field count differs from `expectedFields` (blank lines excepted). */
  readonly fieldCountMismatches: CsvIrregularity = { count: 0, first: [] };
  /** A quote in the middle of an unquoted field, or text right after a closing quote. */
  readonly strayQuotes: CsvIrregularity = { count: 0, first: [] };
  /** Field count every record must have from now on; undefined while reading the head. */
  expectedFields: number | undefined;
  /** Called at each record end while set: fields (0 for a blank line), byte index of its LF. */
  onRecord: ((fields: number, lfIndex: number, chunk: Buffer) => void) | undefined;
  /** Fields in the first mismatching record, for the report. */
  firstMismatchFields: number | undefined;

  #inQuotes = false;
  #afterQuote = false;
  #fieldStart = true;
  #content = false;
  #commas = 0;
  #cr = false;

  /** True when the stream so far ends inside a quoted field. */
  get insideQuotes(): boolean {
    return this.#inQuotes;
  }

  /** True when bytes after the last record end have not been terminated. */
  get openRecord(): boolean {
    return this.#content || this.#commas > 0 || this.#inQuotes;
  }

  /** Scans the next chunk. */
  scan(chunk: Buffer): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.#inQuotes) {
        const quote = chunk.indexOf(QUOTE, i);
        if (quote === -1) return;
        this.#inQuotes = false;
        this.#afterQuote = true;
        i = quote + 1;
        continue;
      }
      const c = chunk[i] as number;
      if (this.#afterQuote) {
        this.#afterQuote = false;
        if (c === QUOTE) {
          this.#inQuotes = true; // a doubled quote inside the field
          i += 1;
          continue;
        }
        if (c !== COMMA && c !== CR && c !== LF) note(this.strayQuotes, this.records + 1);
      }
      if (c === COMMA) {
        this.#commas += 1;
        this.#fieldStart = true;
        this.#cr = false;
      } else if (c === LF) {
        this.#endRecord(i, chunk);
      } else if (c === QUOTE) {
        if (this.#fieldStart) this.#inQuotes = true;
        else note(this.strayQuotes, this.records + 1);
        this.#content = true;
        this.#fieldStart = false;
        this.#cr = false;
      } else {
        this.#cr = c === CR;
        if (!this.#cr) this.#content = true;
        this.#fieldStart = false;
      }
      i += 1;
    }
  }

  #endRecord(lfIndex: number, chunk: Buffer): void {
    const fields = this.#content || this.#commas > 0 ? this.#commas + 1 : 0;
    this.records += 1;
    if (this.#cr) this.crlf += 1;
    else this.lf += 1;
    this.#commas = 0;
    this.#content = false;
    this.#fieldStart = true;
    this.#cr = false;
    if (this.expectedFields !== undefined) {
      if (fields !== this.expectedFields && fields !== 0) {
        this.firstMismatchFields ??= fields;
        note(this.fieldCountMismatches, this.records);
      }
    } else {
      this.onRecord?.(fields, lfIndex, chunk);
    }
  }
}

function note(irregularity: CsvIrregularity, record: number): void {
  irregularity.count += 1;
  if (irregularity.first.length < 5) irregularity.first.push(record);
}
