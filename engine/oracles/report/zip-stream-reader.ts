import { ByteQueue } from './byte-queue.ts';
import {
  centralHeaderLength,
  CENTRAL_HEADER_FIXED,
  END_FIXED,
  LOCAL_HEADER_FIXED,
  localHeaderLength,
  parseCentralHeader,
  parseEnd,
  parseLocalHeader,
  parseZip64End,
  SIGNATURE,
  zip64EndLength,
  ZIP64_LOCATOR_BYTES,
} from './zip-records.ts';
import { inflateEntry } from './entry-inflater.ts';
import { copyStoredEntry } from './stored-entry.ts';
import { readDataDescriptor } from './zip-data-descriptor.ts';
import { centralProblems, entryProblems, hex, mergeEnd } from './zip-consistency.ts';
import {
  entryFactsOf,
  type ZipEntryFacts,
  type ZipProblem,
  type ZipReadOptions,
  type ZipReadResult,
} from './zip-read-result.ts';

export type {
  ZipEntryFacts,
  ZipProblem,
  ZipReadOptions,
  ZipReadResult,
} from './zip-read-result.ts';

const KNOWN_SIGNATURES = new Set<number>(Object.values(SIGNATURE));
const TRAILING_LIMIT = 1_048_576; // 1 MiB: read no further past the end record
const INPUT_BATCH = 262_144; // 256 KiB: compressed bytes fed to inflate at a time

/**
 * Reads a ZIP archive front to back from a stream, as it arrives (APPNOTE 6.3.x): local headers,
 * entry data through inflate, data descriptors (signed or not, 32- or 64-bit sizes), the central
 * directory and the end records (ZIP64 included). Inflate, not a signature scan, finds where an
 * entry's data ends, so a descriptor signature inside compressed data cannot cut an entry
 * short; CRC-32 and sizes are checked against every place the archive declares them. Holds a
 * few hundred KiB whatever the archive's size.
 */
export async function readZipStream(
  source: AsyncIterable<Buffer>,
  options: ZipReadOptions,
): Promise<ZipReadResult> {
  const reader = new ForwardZipReader(source, options);
  try {
    await reader.run();
  } finally {
    await reader.release();
  }
  return reader.result;
}

class ForwardZipReader {
  readonly result: ZipReadResult = {
    entries: [],
    central: [],
    end: undefined,
    bytes: 0,
    outcome: 'failed',
    problems: [],
  };
  readonly #options: ZipReadOptions;
  readonly #source: AsyncIterator<Buffer>;
  readonly #queue = new ByteQueue();
  #sourceDone = false;

  constructor(source: AsyncIterable<Buffer>, options: ZipReadOptions) {
    this.#source = source[Symbol.asyncIterator]();
    this.#options = options;
  }

  async run(): Promise<void> {
    let signature = await this.#peekSignature();
    if (signature !== SIGNATURE.localHeader) {
      this.#fatal('not-a-zip', `the body does not start with a local file header (PK\\x03\\x04)`);
      return;
    }
    while (signature === SIGNATURE.localHeader) {
      const outcome = await this.#readEntry(this.result.entries.length === 0);
      if (outcome !== 'next') return;
      signature = await this.#peekSignature();
    }
    const centralOffset = this.result.bytes;
    while (signature === SIGNATURE.centralHeader) {
      const header = await this.#readRecord(CENTRAL_HEADER_FIXED, centralHeaderLength);
      if (header === undefined) return;
      this.result.central.push(parseCentralHeader(header));
      signature = await this.#peekSignature();
    }
    const centralSize = this.result.bytes - centralOffset;
    let zip64End: ReturnType<typeof parseZip64End> | undefined;
    if (signature === SIGNATURE.zip64End) {
      const record = await this.#readRecord(12, zip64EndLength);
      if (record === undefined) return;
      zip64End = parseZip64End(record);
      signature = await this.#peekSignature();
    }
    if (signature === SIGNATURE.zip64Locator) {
      if ((await this.#readRecord(ZIP64_LOCATOR_BYTES, () => ZIP64_LOCATOR_BYTES)) === undefined) {
        return;
      }
      signature = await this.#peekSignature();
    }
    if (signature !== SIGNATURE.end) {
      this.#unexpected(signature, 'a central directory header or the end record');
      return;
    }
    const end = await this.#readRecord(END_FIXED, (b) => END_FIXED + b.readUInt16LE(20));
    if (end === undefined) return;
    this.result.end = { ...mergeEnd(parseEnd(end), zip64End), zip64: zip64End !== undefined };
    this.result.problems.push(...centralProblems(this.result, centralOffset, centralSize));
    this.result.outcome = 'complete';
    await this.#checkTrailing();
  }

  /** Lets go of the source (an HTTP body is destroyed). */
  async release(): Promise<void> {
    if (!this.#sourceDone) await this.#source.return?.();
  }

  async #readEntry(first: boolean): Promise<'next' | 'stop'> {
    const offset = this.result.bytes;
    const raw = await this.#readRecord(LOCAL_HEADER_FIXED, localHeaderLength);
    if (raw === undefined) return 'stop';
    const header = parseLocalHeader(raw);
    const streamed = (header.flags & 0x0008) !== 0;
    const facts = entryFactsOf(header, offset);
    this.result.entries.push(facts);
    if ((header.flags & 0x0041) !== 0) {
      this.#fatal(
        'encrypted',
        `entry "${header.name}" is encrypted (flag bits 0x${hex(header.flags & 0x41, 4)})`,
      );
      return 'stop';
    }
    if (header.method !== 8 && !(header.method === 0 && !streamed)) {
      const what =
        header.method === 0 ? 'stored with a data descriptor' : `method ${header.method}`;
      this.#fatal(
        'unsupported-method',
        `entry "${header.name}" is ${what}; only deflate (8) can be read forward`,
      );
      return 'stop';
    }
    const sink = first ? this.#options.sink : undefined;
    const data =
      header.method === 8
        ? await this.#inflate(facts, sink)
        : await this.#copyStored(facts, header.compressedSize, sink);
    if (data !== 'ended') return 'stop';
    if (streamed) {
      const descriptor = await this.#readDescriptor(facts);
      if (descriptor === undefined) return 'stop';
    }
    this.result.problems.push(...entryProblems(facts));
    return 'next';
  }

  async #inflate(facts: ZipEntryFacts, sink: ((chunk: Buffer) => boolean) | undefined) {
    const queued = this.#queue.drain();
    const outcome = await inflateEntry(facts, async () => queued.shift() ?? (await this.#batch()), {
      sink,
      maxInflatedBytes: this.#options.maxInflatedBytes,
      chunkBytes: this.#options.chunkBytes ?? 262_144,
    });
    this.result.bytes += facts.compressedBytes;
    if (outcome.kind === 'stopped') {
      this.result.outcome = 'stopped';
      return 'stopped';
    }
    if (outcome.kind === 'failed') {
      this.#fatal(outcome.code, outcome.message);
      return 'failed';
    }
    this.#queue.push(outcome.leftover);
    for (const rest of queued) this.#queue.push(rest);
    return 'ended';
  }

  async #copyStored(
    facts: ZipEntryFacts,
    size: number,
    sink: ((c: Buffer) => boolean) | undefined,
  ) {
    const take = async (max: number) => {
      if (this.#queue.length === 0 && !(await this.#pull())) return undefined;
      return this.#queue.take(Math.min(max, this.#queue.length));
    };
    const outcome = await copyStoredEntry(facts, size, take, sink);
    this.result.bytes += facts.compressedBytes;
    if (outcome === 'truncated') {
      this.#fatal('truncated', `the archive ends inside the stored data of entry "${facts.name}"`);
      return 'failed';
    }
    if (outcome === 'stopped') this.result.outcome = 'stopped';
    return outcome;
  }

  async #readDescriptor(facts: ZipEntryFacts): Promise<true | undefined> {
    await this.#fill(28);
    const available = this.#queue.peek(Math.min(this.#queue.length, 28)) ?? Buffer.alloc(0);
    const found = readDataDescriptor(available, facts, KNOWN_SIGNATURES);
    if (found === undefined) {
      const code =
        this.#sourceDone && available.length < 28 ? 'truncated' : 'descriptor-unreadable';
      this.#fatal(
        code,
        `no data descriptor after the data of entry "${facts.name}" (${available.length} bytes follow)`,
      );
      return undefined;
    }
    facts.descriptor = found.kind;
    facts.declared = { ...found.values, from: `data descriptor (${found.kind})` };
    this.#queue.skip(found.length);
    this.result.bytes += found.length;
    return true;
  }

  async #checkTrailing(): Promise<void> {
    let trailing = this.#queue.length;
    this.#queue.drain();
    while (trailing <= TRAILING_LIMIT && (await this.#pull())) {
      trailing += this.#queue.length;
      this.#queue.drain();
    }
    if (trailing > 0) {
      const more = trailing > TRAILING_LIMIT ? ' or more' : '';
      this.#problem(
        'trailing-data',
        `${trailing}${more} bytes follow the end of central directory record`,
      );
    }
  }

  async #readRecord(
    fixed: number,
    lengthOf: (fixedPart: Buffer) => number,
  ): Promise<Buffer | undefined> {
    if (!(await this.#fill(fixed))) return this.#cut(fixed);
    const length = lengthOf(this.#queue.peek(fixed) as Buffer);
    if (!(await this.#fill(length))) return this.#cut(length);
    this.result.bytes += length;
    return this.#queue.take(length);
  }

  #cut(wanted: number): undefined {
    this.#fatal(
      'truncated',
      `the archive ends at byte ${this.result.bytes + this.#queue.length}, inside a ${wanted}-byte record`,
    );
    return undefined;
  }

  async #peekSignature(): Promise<number | undefined> {
    await this.#fill(4);
    return this.#queue.peek(4)?.readUInt32LE(0);
  }

  #unexpected(signature: number | undefined, wanted: string): void {
    if (signature === undefined) {
      this.#fatal(
        'truncated',
        `the archive ends at byte ${this.result.bytes + this.#queue.length}, before ${wanted}`,
      );
    } else {
      this.#fatal(
        'bad-signature',
        `at byte ${this.result.bytes}: signature 0x${hex(signature, 8)}, expected ${wanted}`,
      );
    }
  }

  async #fill(n: number): Promise<boolean> {
    while (this.#queue.length < n) {
      if (!(await this.#pull())) return false;
    }
    return true;
  }

  async #pull(): Promise<boolean> {
    if (this.#sourceDone) return false;
    const next = await this.#source.next();
    if (next.done === true) {
      this.#sourceDone = true;
      return false;
    }
    this.#queue.push(next.value);
    return true;
  }

  /** The next piece of entry data: at least INPUT_BATCH bytes when the source has them. */
  async #batch(): Promise<Buffer | undefined> {
    while (this.#queue.length < INPUT_BATCH && (await this.#pull()));
    if (this.#queue.length === 0) return undefined;
    const chunks = this.#queue.drain();
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  }

  #problem(code: ZipProblem['code'], message: string): void {
    this.result.problems.push({ code, message, fatal: false });
  }

  #fatal(code: ZipProblem['code'], message: string): void {
    this.result.problems.push({ code, message, fatal: true });
    this.result.outcome = 'failed';
  }
}
