import { crc32 } from 'node:zlib';
import type { ZipEntryFacts } from './zip-read-result.ts';

/**
 * Passes a stored (method 0) entry of a known `size` through to `sink`, counting its bytes and
 * CRC-32 into `facts`. `take(max)` gives up to `max` bytes, or undefined at the archive's end.
 */
export async function copyStoredEntry(
  facts: ZipEntryFacts,
  size: number,
  take: (max: number) => Promise<Buffer | undefined>,
  sink: ((chunk: Buffer) => boolean) | undefined,
): Promise<'ended' | 'stopped' | 'truncated'> {
  let crc = 0;
  let left = size;
  while (left > 0) {
    const chunk = await take(left);
    if (chunk === undefined) return 'truncated';
    left -= chunk.length;
    facts.compressedBytes += chunk.length;
    facts.inflatedBytes += chunk.length;
    crc = crc32(chunk, crc);
    if (sink !== undefined && !sink(chunk)) return 'stopped';
  }
  facts.crc32 = crc;
  return 'ended';
}
