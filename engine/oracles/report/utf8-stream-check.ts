import { isUtf8 } from 'node:buffer';

/**
 * UTF-8 validation of a byte stream chunk by chunk (native `isUtf8`, several GB/s), carrying
 * a character split across two chunks over to the next one.
 */
export class Utf8StreamCheck {
  /** Byte offset of the first invalid sequence (within a few bytes), once one is seen. */
  firstInvalidAt: number | undefined;
  #offset = 0;
  #carry: Buffer = Buffer.alloc(0);

  /** Checks the next chunk. */
  write(chunk: Buffer): void {
    if (this.firstInvalidAt !== undefined) return;
    let start = 0;
    if (this.#carry.length > 0) {
      const needed = sequenceLength(this.#carry[0] as number) - this.#carry.length;
      if (chunk.length < needed) {
        this.#carry = Buffer.concat([this.#carry, chunk]);
        this.#offset += chunk.length;
        return;
      }
      const joined = Buffer.concat([this.#carry, chunk.subarray(0, needed)]);
      if (!isUtf8(joined)) {
        this.firstInvalidAt = this.#offset - this.#carry.length;
        return;
      }
      start = needed;
      this.#carry = Buffer.alloc(0);
    }
    const end = completeEnd(chunk, start);
    if (!isUtf8(chunk.subarray(start, end))) {
      this.firstInvalidAt = this.#offset + firstInvalid(chunk.subarray(start, end)) + start;
      return;
    }
    this.#carry = Buffer.from(chunk.subarray(end));
    this.#offset += chunk.length;
  }

  /** Ends the stream: a character cut off at the end is invalid too. */
  end(): void {
    if (this.firstInvalidAt === undefined && this.#carry.length > 0) {
      this.firstInvalidAt = this.#offset - this.#carry.length;
    }
  }
}

/** Where the last complete character of `chunk[start..]` ends. */
function completeEnd(chunk: Buffer, start: number): number {
  const end = chunk.length;
  for (let back = 1; back <= 3 && end - back >= start; back += 1) {
    const byte = chunk[end - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    return byte >= 0xc0 && sequenceLength(byte) > back ? end - back : end;
  }
  return end;
}

/** Bytes a sequence starting with `lead` takes (1 for an invalid lead: isUtf8 rejects it). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/** Offset of the first invalid sequence in a buffer known to hold one (RFC 3629 rules). */
function firstInvalid(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const more =
      lead >= 0xc2 && lead <= 0xdf
        ? 1
        : lead >= 0xe0 && lead <= 0xef
          ? 2
          : lead >= 0xf0 && lead <= 0xf4
            ? 3
            : 0;
    if (more === 0 || i + more >= bytes.length) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return i;
    for (let k = 2; k <= more; k += 1) {
      if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    }
    i += more + 1;
  }
  return bytes.length;
}
