import { constants, crc32, deflateRawSync } from 'node:zlib';
import { crc32Shift, type Crc32Shift } from './crc32-combine.ts';
import { Prng } from './prng.ts';
import { reportControls, reportHosts, resultsRecord } from './policy-report-records.ts';

/** One run of whole RESULTS records, with its CRC and its deflate segment. */
export interface RecordChunk {
  raw: Buffer;
  crc32: number;
  shift: Crc32Shift;
  /**
   * The chunk as a raw deflate segment of its own (fresh window, ending in a sync flush, no
   * final block): segments concatenate into one valid deflate stream.
   */
  deflated: Buffer;
}

/** Chunks in the pool: enough variety that the deflate ratio resembles real output. */
const POOL_SIZE = 8;
const CHUNK_BYTES = 1_048_576; // 1 MiB of records a chunk, a little more to end on a record
/** Hosts and controls of the synthetic subscription and policy. */
export const REPORT_HOST_COUNT = 40;
export const REPORT_CONTROL_COUNT = 24;

/**
 * A few chunks of RESULTS records, built and deflated once per process and reused by every
 * report: a report's bulk is a seeded sequence of them, so serving gigabytes costs neither
 * memory nor deflate time, and sizes and CRCs are known before the first byte is sent.
 */
export class RecordChunkPool {
  readonly chunks: readonly RecordChunk[];

  private constructor(chunks: RecordChunk[]) {
    this.chunks = chunks;
  }

  static #shared: RecordChunkPool | undefined;

  /** The process-wide pool (built on first use, about 0.3 s). */
  static shared(): RecordChunkPool {
    RecordChunkPool.#shared ??= RecordChunkPool.build(0x9e3779b9);
    return RecordChunkPool.#shared;
  }

  /** Builds a pool from `seed`. */
  static build(seed: number): RecordChunkPool {
    const hosts = reportHosts(REPORT_HOST_COUNT);
    const controls = reportControls(REPORT_CONTROL_COUNT);
    const chunks: RecordChunk[] = [];
    for (let n = 0; n < POOL_SIZE; n += 1) {
      const rng = new Prng(seed + n);
      const records: string[] = [];
      let bytes = 0;
      while (bytes < CHUNK_BYTES) {
        const record = resultsRecord(rng, hosts, controls);
        records.push(record);
        bytes += Buffer.byteLength(record);
      }
      const raw = Buffer.from(records.join(''), 'utf8');
      chunks.push({
        raw,
        crc32: crc32(raw),
        shift: crc32Shift(raw.length),
        deflated: deflateSegment(raw),
      });
    }
    return new RecordChunkPool(chunks);
  }

  /** The longest chunk, in bytes. */
  get maxChunkBytes(): number {
    return Math.max(...this.chunks.map((c) => c.raw.length));
  }
}

/** `data` as a raw deflate segment that another segment may follow (see RecordChunk). */
export function deflateSegment(data: Buffer): Buffer {
  return deflateRawSync(data, { level: 6, finishFlush: constants.Z_SYNC_FLUSH });
}

/** The empty final deflate block that ends a stream of segments. */
export const FINAL_DEFLATE_BLOCK = Buffer.from([0x03, 0x00]);
