/**
 * CRC-32 of concatenated data from the CRCs of its parts (zlib's crc32_combine, as GF(2)
 * matrices over the reflected polynomial 0xedb88320). The simulator knows the CRC of every
 * pre-built chunk of a report, so it gets the CRC of a 5 GB entry without reading 5 GB.
 */

/** A 32×32 GF(2) matrix, one column a word: crc32(A‖B) = shift(|B|)·crc32(A) ⊕ crc32(B). */
export type Crc32Shift = Uint32Array;

/** The operator that appends `length` bytes to a CRC-32. */
export function crc32Shift(length: number): Crc32Shift {
  let result: Uint32Array = identity();
  let odd: Uint32Array = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n += 1, row <<= 1) odd[n] = row;
  let even = square(odd); // two zero bits
  odd = square(even); // four zero bits
  let remaining = length;
  while (remaining > 0) {
    even = square(odd);
    if (remaining % 2 === 1) result = compose(even, result);
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
    odd = square(even);
    if (remaining % 2 === 1) result = compose(odd, result);
    remaining = Math.floor(remaining / 2);
  }
  return result;
}

/** crc32(A‖B) from crc32(A), crc32(B) and the shift for |B|. */
export function crc32Combine(crcA: number, crcB: number, shiftB: Crc32Shift): number {
  return (times(shiftB, crcA) ^ crcB) >>> 0;
}

function times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  let v = vector >>> 0;
  for (let i = 0; v !== 0; i += 1, v >>>= 1) {
    if ((v & 1) === 1) sum ^= matrix[i] as number;
  }
  return sum >>> 0;
}

function square(matrix: Uint32Array): Uint32Array {
  return compose(matrix, matrix);
}

/** The matrix of `outer` applied after `inner`. */
function compose(outer: Uint32Array, inner: Uint32Array): Uint32Array {
  const out = new Uint32Array(32);
  for (let n = 0; n < 32; n += 1) out[n] = times(outer, inner[n] as number);
  return out;
}

function identity(): Uint32Array {
  const out = new Uint32Array(32);
  for (let n = 0; n < 32; n += 1) out[n] = (1 << n) >>> 0;
  return out;
}
