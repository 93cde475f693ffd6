import { crc32 } from 'node:zlib';
import { crc32Combine } from './crc32-combine.ts';
import { policyReportHead } from './policy-report-head.ts';
import { Prng } from './prng.ts';
import { reportControls, reportHosts, resultsRecord } from './policy-report-records.ts';
import {
  deflateSegment,
  FINAL_DEFLATE_BLOCK,
  RecordChunkPool,
  REPORT_CONTROL_COUNT,
  REPORT_HOST_COUNT,
} from './record-chunk-pool.ts';

/** Which report to generate. The same spec always gives the same bytes. */
export interface PolicyReportSpec {
  reportId: number;
  title: string;
  /** Exact size of the CSV in bytes. */
  size: number;
  company: string;
  userLogin: string;
  /** ISO date-time in the preamble. */
  generatedAt: string;
  /** Section header texts (10.18 or older ones, for faults). */
  headers: { control: string; host: string };
}

/** Room kept for the hand-made records after the last pool chunk, in bytes. */
const TAIL_MIN_BYTES = 8_192;
/** Below this many bytes left, the next record is the last one, padded to fit exactly. */
const LAST_RECORD_ROOM = 4_096;

/**
 * A synthetic compliance policy CSV report of an exact size, generated on the fly: the head
 * (preamble and statistics sections), a seeded sequence of pre-built record chunks, and a tail
 * of records whose last one is padded so the byte size is exact. Nothing is held but the head,
 * the tail (under 1.1 MiB) and one byte per chunk.
 */
export class PolicyReportBody {
  readonly size: number;
  readonly #head: Buffer;
  readonly #order: Uint8Array;
  readonly #tail: Buffer;
  readonly #pool: RecordChunkPool;

  private constructor(
    size: number,
    head: Buffer,
    order: Uint8Array,
    tail: Buffer,
    pool: RecordChunkPool,
  ) {
    this.size = size;
    this.#head = head;
    this.#order = order;
    this.#tail = tail;
    this.#pool = pool;
  }

  /**
   * Plans a report.
   * @throws RangeError when `spec.size` is too small to hold the head and one record
   */
  static create(spec: PolicyReportSpec, pool = RecordChunkPool.shared()): PolicyReportBody {
    const hosts = reportHosts(REPORT_HOST_COUNT);
    const controls = reportControls(REPORT_CONTROL_COUNT);
    const head = Buffer.from(
      policyReportHead({
        title: spec.title,
        company: spec.company,
        userLogin: spec.userLogin,
        generatedAt: spec.generatedAt,
        policyId: 4201701,
        policyTitle: 'CIS Benchmark for Example Linux 8, v1.0.0 [Scored]',
        headers: spec.headers,
        hosts,
        controls,
        seed: spec.reportId,
      }),
      'utf8',
    );
    const rng = new Prng(spec.reportId ^ 0x0c5a);
    const order: number[] = [];
    let remaining = spec.size - head.length;
    while (remaining - pool.maxChunkBytes >= TAIL_MIN_BYTES) {
      const index = rng.below(pool.chunks.length);
      order.push(index);
      remaining -= (pool.chunks[index] as { raw: Buffer }).raw.length;
    }

    const records: string[] = [];
    let left = remaining;
    while (left > LAST_RECORD_ROOM) {
      const record = resultsRecord(rng, hosts, controls);
      records.push(record);
      left -= Buffer.byteLength(record);
    }
    const lastSeed = rng.nextUint32();
    const base = Buffer.byteLength(resultsRecord(new Prng(lastSeed), hosts, controls));
    if (left < base) {
      throw new RangeError(
        `report size ${spec.size} bytes is below the smallest policy report ` +
          `(${spec.size - left + base} bytes): configure a larger reportSizes entry`,
      );
    }
    records.push(resultsRecord(new Prng(lastSeed), hosts, controls, left - base));
    const tail = Buffer.from(records.join(''), 'utf8');
    return new PolicyReportBody(spec.size, head, Uint8Array.from(order), tail, pool);
  }

  /** The CSV bytes, part by part (head, chunks, tail); together exactly `size` bytes. */
  *csvParts(): Generator<Buffer> {
    yield this.#head;
    for (const index of this.#order) yield this.#chunk(index).raw;
    yield this.#tail;
  }

  /** CRC-32 of the whole CSV, from the parts' CRCs. */
  get crc32(): number {
    let crc = crc32(this.#head);
    for (const index of this.#order) {
      const chunk = this.#chunk(index);
      crc = crc32Combine(crc, chunk.crc32, chunk.shift);
    }
    return crc32(this.#tail, crc);
  }

  /** The CSV as one raw deflate stream, in parts, and its size in bytes. */
  deflated(): { size: number; parts: () => Generator<Buffer> } {
    const head = deflateSegment(this.#head);
    const tail = deflateSegment(this.#tail);
    let size = head.length + tail.length + FINAL_DEFLATE_BLOCK.length;
    for (const index of this.#order) size += this.#chunk(index).deflated.length;
    const order = this.#order;
    const chunk = (index: number) => this.#chunk(index);
    return {
      size,
      *parts() {
        yield head;
        for (const index of order) yield chunk(index).deflated;
        yield tail;
        yield FINAL_DEFLATE_BLOCK;
      },
    };
  }

  #chunk(index: number) {
    const chunk = this.#pool.chunks[index];
    if (chunk === undefined) throw new RangeError(`no record chunk ${index}`);
    return chunk;
  }
}
