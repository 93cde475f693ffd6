import fc from 'fast-check';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDataDescriptor } from '../../engine/oracles/report/zip-data-descriptor.ts';
import { SIGNATURE } from '../../engine/oracles/report/zip-records.ts';
import {
  readZipStream,
  type ZipReadResult,
} from '../../engine/oracles/report/zip-stream-reader.ts';
import type { ZipEntryInput, ZipLayout } from '../../engine/simulator/report-body/zip-archive.ts';
import {
  asyncChunks,
  chunkCutsArbitrary,
  cutAt,
} from '../../generators/reports/chunk-split-arbitrary.ts';
import { reportCsv, reportEntry, reportSpec, zipBytes } from './report-fixtures.ts';

const SEED = 4_294_967; // fixed: the same cases every run; fast-check prints it on failure
const spec = reportSpec(300_000);
const csv = reportCsv(spec);
const LAYOUTS: ZipLayout[] = [
  { descriptor: 'signed', zip64: 'auto' },
  { descriptor: 'signed', zip64: 'always' },
  { descriptor: 'unsigned', zip64: 'auto' },
  { descriptor: 'unsigned', zip64: 'always' },
  { descriptor: 'none', zip64: 'auto' },
  { descriptor: 'none', zip64: 'always' },
];

async function read(chunks: Buffer[], maxInflatedBytes = 10_000_000) {
  const out: Buffer[] = [];
  const result = await readZipStream(asyncChunks(chunks), {
    sink: (chunk) => out.push(chunk) > 0,
    maxInflatedBytes,
  });
  return { result, data: Buffer.concat(out) };
}

function entryOf(
  content: Buffer,
  deflated: Buffer,
  overrides: Partial<ZipEntryInput> = {},
): ZipEntryInput {
  return {
    name: 'report.csv',
    data: () => [deflated],
    compressedSize: deflated.length,
    uncompressedSize: content.length,
    crc32: crc32(content),
    ...overrides,
  };
}

const codes = (result: ZipReadResult) => result.problems.map((p) => p.code);

describe('readZipStream', () => {
  it('reads every descriptor layout, however the stream is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...LAYOUTS),
        chunkCutsArbitrary(45_000, 30),
        async (layout, cuts) => {
          const bytes = zipBytes([reportEntry(spec)], layout);

          const { result, data } = await read(
            cutAt(
              bytes,
              cuts.filter((c) => c < bytes.length),
            ),
          );

          expect(result.problems).toEqual([]);
          expect(result.outcome).toBe('complete');
          expect(result.end?.zip64).toBe(layout.zip64 === 'always');
          expect(result.bytes).toBe(bytes.length);
          expect(data.equals(csv)).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('lets inflate find the end of the data: a descriptor signature inside it does not end the entry', async () => {
    // Stored deflate blocks keep the bytes as they are, so the fake descriptor is in the stream.
    const content = Buffer.concat([
      Buffer.from('"a","b"\r\n'),
      Buffer.from([
        0x50, 0x4b, 0x07, 0x08, 1, 2, 3, 4, 9, 0, 0, 0, 9, 0, 0, 0, 0x50, 0x4b, 0x01, 0x02,
      ]),
      Buffer.from('"c","d"\r\n'),
    ]);
    const deflated = deflateRawSync(content, { level: 0 });

    const { result, data } = await read([zipBytes([entryOf(content, deflated)])]);

    expect(result.problems).toEqual([]);
    expect(data.equals(content)).toBe(true);
  });

  it('reports a CRC-32 that does not match the data', async () => {
    const entry = { ...reportEntry(spec), crc32: (reportEntry(spec).crc32 ^ 0x10000) >>> 0 };

    const { result } = await read([zipBytes([entry])]);

    expect(result.outcome).toBe('complete');
    expect(codes(result)).toEqual(['crc-mismatch', 'central-mismatch']);
    expect(result.problems[0]?.message).toMatch(
      /CRC-32 of its 300000 inflated bytes is 0x[0-9a-f]{8}, the data descriptor \(signed-32\) declares/,
    );
  });

  it('reports corrupt deflate data', async () => {
    const bytes = zipBytes([reportEntry(spec)]);
    const middle = bytes.length >> 1;
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);

    const { result } = await read([bytes]);

    expect(codes(result).some((c) => c === 'inflate-error' || c === 'crc-mismatch')).toBe(true);
  });

  it('reports an archive cut off anywhere as truncated', async () => {
    const bytes = zipBytes([reportEntry(spec)], { descriptor: 'signed', zip64: 'always' });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), async (cut) => {
        const { result } = await read([bytes.subarray(0, cut)]);

        expect(result.outcome).toBe('failed');
        expect(result.problems.filter((p) => p.fatal).map((p) => p.code)).toEqual([
          cut < 4 ? 'not-a-zip' : 'truncated',
        ]);
      }),
      { seed: SEED, numRuns: 60, examples: [[30], [bytes.length - 1], [bytes.length - 22]] },
    );
  });

  it('stops inflating a bomb at the size its local header declares, holding nothing of it', async () => {
    const zeros = Buffer.alloc(64 * 1_048_576); // 64 MiB of zeros deflate to 64 KiB
    const deflated = deflateRawSync(zeros);
    const bomb = entryOf(zeros, deflated, { uncompressedSize: 1_000_000 });
    let held = 0;

    const result = await readZipStream(
      asyncChunks([zipBytes([bomb], { descriptor: 'none', zip64: 'auto' })]),
      {
        sink: (chunk) => (held = Math.max(held, chunk.length)) > 0,
        maxInflatedBytes: 5_000_000,
      },
    );

    expect(codes(result)).toEqual(['inflated-past-limit']);
    expect(result.entries[0]?.inflatedBytes).toBeLessThanOrEqual(1_000_000 + 262_144);
    expect(held).toBeLessThanOrEqual(262_144);
  });

  it('stops inflating a streamed bomb at the largest size allowed', async () => {
    const zeros = Buffer.alloc(64 * 1_048_576);
    const bomb = entryOf(zeros, deflateRawSync(zeros));

    const { result } = await read([zipBytes([bomb])], 5_000_000);

    expect(codes(result)).toEqual(['inflated-past-limit']);
    expect(result.entries[0]?.inflatedBytes).toBeLessThanOrEqual(5_000_000 + 262_144);
  });

  it('reads an archive of two entries to its end and lists both', async () => {
    const { result, data } = await read([
      zipBytes([reportEntry(spec), reportEntry(spec, 'notes.txt')]),
    ]);

    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => e.name)).toEqual([
      'Compliance Report 123456.csv',
      'notes.txt',
    ]);
    expect(result.central).toHaveLength(2);
    expect(data.equals(csv)).toBe(true);
  });

  it('refuses an encrypted entry before inflating it', async () => {
    const { result } = await read([zipBytes([{ ...reportEntry(spec), extraFlags: 0x0001 }])]);

    expect(codes(result)).toEqual(['encrypted']);
    expect(result.entries[0]?.inflatedBytes).toBe(0);
  });

  it('says a body that is not a zip is not one', async () => {
    const { result } = await read([Buffer.from('"Compliance Report"\r\n')]);

    expect(codes(result)).toEqual(['not-a-zip']);
  });

  it('stops when the sink asks it to', async () => {
    const result = await readZipStream(asyncChunks([zipBytes([reportEntry(spec)])]), {
      sink: () => false,
      maxInflatedBytes: 10_000_000,
    });

    expect(result.outcome).toBe('stopped');
    expect(result.entries[0]?.crc32).toBeUndefined();
  });
});

describe('readDataDescriptor', () => {
  it('reads 64-bit sizes without a ZIP64 local field, as Java writes them', () => {
    const descriptor = Buffer.alloc(28);
    descriptor.writeUInt32LE(SIGNATURE.dataDescriptor, 0);
    descriptor.writeUInt32LE(0xdeadbeef, 4);
    descriptor.writeBigUInt64LE(5_000_000_000n, 8);
    descriptor.writeBigUInt64LE(6_000_000_000n, 16);
    descriptor.writeUInt32LE(SIGNATURE.centralHeader, 24);

    const found = readDataDescriptor(
      descriptor,
      { compressedBytes: 5_000_000_000, inflatedBytes: 6_000_000_000, zip64: false },
      new Set([SIGNATURE.centralHeader]),
    );

    expect(found).toEqual({
      kind: 'signed-64',
      length: 24,
      values: { crc32: 0xdeadbeef, compressedSize: 5_000_000_000, uncompressedSize: 6_000_000_000 },
    });
  });
});
