import type { DescriptorKind } from './zip-data-descriptor.ts';
import type { CentralHeader, EndRecord, LocalHeader } from './zip-records.ts';

/** What went wrong in an archive. Fatal problems end the reading. */
export interface ZipProblem {
  code:
    | 'not-a-zip'
    | 'truncated'
    | 'encrypted'
    | 'unsupported-method'
    | 'inflate-error'
    | 'inflated-past-limit'
    | 'descriptor-unreadable'
    | 'bad-signature'
    | 'crc-mismatch'
    | 'size-mismatch'
    | 'central-mismatch'
    | 'end-mismatch'
    | 'trailing-data';
  message: string;
  fatal: boolean;
}

/** One local entry as read. */
export interface ZipEntryFacts {
  name: string;
  /** Offset of its local header in the archive. */
  offset: number;
  flags: number;
  method: number;
  /** Whether the local header carries a ZIP64 field. */
  zip64: boolean;
  descriptor: DescriptorKind;
  /** Compressed bytes, as found by inflate. */
  compressedBytes: number;
  /** Inflated bytes (so far, if the entry was not read to its end). */
  inflatedBytes: number;
  /** CRC-32 of the inflated bytes, once the entry was read to its end. */
  crc32: number | undefined;
  /** CRC and sizes the archive declares for it, and where. */
  declared:
    | { crc32: number; compressedSize: number; uncompressedSize: number; from: string }
    | undefined;
}

/** The outcome of reading an archive forward. */
export interface ZipReadResult {
  entries: ZipEntryFacts[];
  central: CentralHeader[];
  end: (EndRecord & { zip64: boolean }) | undefined;
  /** Archive bytes consumed. */
  bytes: number;
  /** `complete`: read to the end record; `stopped`: the sink asked to stop; `failed`. */
  outcome: 'complete' | 'stopped' | 'failed';
  problems: ZipProblem[];
}

/** How to read. */
export interface ZipReadOptions {
  /** Receives the first entry's inflated bytes in order; returns false to stop reading. */
  sink: (chunk: Buffer) => boolean;
  /** Stop inflating an entry past this many bytes (a zip bomb guard). */
  maxInflatedBytes: number;
  /** Inflate output chunk in bytes (default 256 KiB: larger chunks inflate faster). */
  chunkBytes?: number;
}

/** The facts of an entry as its local header gives them, before its data is read. */
export function entryFactsOf(header: LocalHeader, offset: number): ZipEntryFacts {
  const streamed = (header.flags & 0x0008) !== 0;
  return {
    name: header.name,
    offset,
    flags: header.flags,
    method: header.method,
    zip64: header.zip64,
    descriptor: streamed ? 'unread' : 'none',
    compressedBytes: 0,
    inflatedBytes: 0,
    crc32: undefined,
    declared: streamed
      ? undefined
      : {
          crc32: header.crc32,
          compressedSize: header.compressedSize,
          uncompressedSize: header.uncompressedSize,
          from: 'local header',
        },
  };
}
