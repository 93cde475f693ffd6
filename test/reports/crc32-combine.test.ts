import fc from 'fast-check';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine, crc32Shift } from '../../engine/simulator/report-body/crc32-combine.ts';

const SEED = 20_220_316; // fixed: the same cases every run; fast-check prints it on failure

describe('crc32Combine', () => {
  it('gives the CRC-32 of the concatenation from the CRCs of its parts', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ maxLength: 3_000 }),
        (a, b) => {
          const combined = crc32Combine(crc32(a), crc32(b), crc32Shift(b.length));
          expect(combined).toBe(crc32(Buffer.concat([a, b])));
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('handles parts longer than 2^32 bytes by their length alone', () => {
    // A zero-filled part of 5 GiB: its CRC from zlib over a 1 MiB block, doubled up by shifts.
    const block = Buffer.alloc(1_048_576);
    let crc = crc32(Buffer.from('head'));
    const shift = crc32Shift(block.length);
    for (let n = 0; n < 4; n += 1) crc = crc32Combine(crc, crc32(block), shift);
    expect(crc).toBe(crc32(Buffer.concat([Buffer.from('head'), Buffer.alloc(4 * 1_048_576)])));
    expect(crc32Shift(5 * 2 ** 30)).toHaveLength(32);
  });
});
