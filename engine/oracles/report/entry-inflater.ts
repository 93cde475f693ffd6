import { crc32, createInflateRaw } from 'node:zlib';
import type { ZipEntryFacts, ZipProblem } from './zip-read-result.ts';

/** How an entry's inflation ended. */
export type InflateOutcome =
  | {
      kind: 'ended';
      /** Bytes after the deflate data (descriptor, next records). */ leftover: Buffer;
    }
  | { kind: 'stopped' }
  | { kind: 'failed'; code: ZipProblem['code']; message: string };

/** Where inflated bytes go, and the limits. */
export interface InflateOptions {
  /** Receives the inflated bytes; returns false to stop. Undefined: they are only counted. */
  sink: ((chunk: Buffer) => boolean) | undefined;
  maxInflatedBytes: number;
  /** Inflate output chunk in bytes. */
  chunkBytes: number;
}

/**
 * Inflates one entry's raw deflate data (node:zlib, off the main thread) from `next()` chunks
 * until inflate itself reports the end of the stream: the bytes it did not consume are what
 * follows the data. Counts compressed and inflated bytes and the CRC-32 into `facts`. Stops past
 * the size the local header declares, or past `maxInflatedBytes` (a zip bomb guard), holding
 * nothing but the chunk in hand.
 */
export async function inflateEntry(
  facts: ZipEntryFacts,
  next: () => Promise<Buffer | undefined>,
  options: InflateOptions,
): Promise<InflateOutcome> {
  const declared = facts.declared?.uncompressedSize;
  const limit = Math.min(options.maxInflatedBytes, declared ?? Number.POSITIVE_INFINITY);
  const inflate = createInflateRaw({ chunkSize: options.chunkBytes });
  let crc = 0;
  let halt: 'stopped' | 'limit' | undefined;
  let failure: Error | undefined;
  inflate.on('data', (out: Buffer) => {
    if (halt !== undefined) return;
    facts.inflatedBytes += out.length;
    if (facts.inflatedBytes > limit) {
      halt = 'limit';
      return;
    }
    crc = crc32(out, crc);
    if (options.sink !== undefined && !options.sink(out)) halt = 'stopped';
  });
  inflate.on('error', (error) => (failure = error));
  const ended = new Promise<void>((resolve) => {
    inflate.once('end', resolve);
    inflate.once('close', resolve);
  });

  let fed = 0;
  let sourceEnded = false;
  let leftover: Buffer | undefined;
  try {
    while (leftover === undefined && failure === undefined && halt === undefined) {
      const chunk = await next();
      if (chunk === undefined) {
        sourceEnded = true;
        inflate.end();
        await ended;
        break;
      }
      fed += chunk.length;
      await new Promise<void>((resolve) => inflate.write(chunk, () => resolve()));
      // Inflate consumes everything up to the end of the deflate stream and nothing after it.
      const unconsumed = fed - inflate.bytesWritten;
      if (unconsumed > 0) leftover = chunk.subarray(chunk.length - unconsumed);
    }
    if (leftover !== undefined && failure === undefined && halt === undefined) await ended;
    facts.compressedBytes = inflate.bytesWritten;
  } finally {
    inflate.destroy();
  }

  if (halt === 'stopped') return { kind: 'stopped' };
  if (halt === 'limit') {
    const bound =
      limit === declared ? 'the size its local header declares' : 'the largest size allowed';
    return {
      kind: 'failed',
      code: 'inflated-past-limit',
      message: `entry "${facts.name}" inflates past ${limit} bytes, ${bound}; inflating stopped there`,
    };
  }
  if (failure !== undefined) {
    const cut = sourceEnded && /unexpected end/i.test(failure.message);
    return cut
      ? {
          kind: 'failed',
          code: 'truncated',
          message:
            `the archive ends inside the deflate data of entry "${facts.name}" ` +
            `(${fed} compressed bytes, ${facts.inflatedBytes} inflated)`,
        }
      : {
          kind: 'failed',
          code: 'inflate-error',
          message: `entry "${facts.name}": inflate failed after ${facts.inflatedBytes} bytes: ${failure.message}`,
        };
  }
  if (leftover === undefined) {
    return {
      kind: 'failed',
      code: 'truncated',
      message: `the archive ends after the data of entry "${facts.name}"`,
    };
  }
  facts.crc32 = crc;
  return { kind: 'ended', leftover };
}
