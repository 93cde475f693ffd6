import fc from 'fast-check';

/**
 * Ways to cut a byte stream into chunks, as a network delivers it: sorted cut offsets in
 * `(0, length)`, including cuts one byte apart (a header or a UTF-8 character split across
 * chunks).
 */
export function chunkCutsArbitrary(length: number, maxCuts = 12): fc.Arbitrary<number[]> {
  if (length < 2) return fc.constant([]);
  return fc
    .uniqueArray(fc.integer({ min: 1, max: length - 1 }), { maxLength: maxCuts })
    .map((cuts) => [...cuts].sort((a, b) => a - b));
}

/** `bytes` cut at `cuts` (from chunkCutsArbitrary). */
export function cutAt(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut > start) chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  return chunks;
}

/** The chunks as an async source, like an HTTP body. */
export async function* asyncChunks(chunks: readonly Buffer[]): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield chunk;
}
