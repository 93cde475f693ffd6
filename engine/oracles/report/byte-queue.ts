/**
 * Bytes received but not yet parsed, as a list of chunks: a forward-only reader takes a
 * header's worth at a time without copying the stream.
 */
export class ByteQueue {
  #chunks: Buffer[] = [];
  #length = 0;

  /** Bytes held. */
  get length(): number {
    return this.#length;
  }

  /** Appends a chunk (kept by reference). */
  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.#length += chunk.length;
  }

  /** The first `n` bytes without consuming them, or undefined when fewer are held. */
  peek(n: number): Buffer | undefined {
    if (n > this.#length) return undefined;
    const first = this.#chunks[0];
    if (first !== undefined && first.length >= n) return first.subarray(0, n);
    return Buffer.concat(this.#chunks, this.#length).subarray(0, n);
  }

  /**
   * Consumes the first `n` bytes.
   * @throws RangeError when fewer are held
   */
  take(n: number): Buffer {
    const out = this.peek(n);
    if (out === undefined) throw new RangeError(`need ${n} bytes, hold ${this.#length}`);
    this.skip(n);
    return out;
  }

  /** Drops the first `n` bytes (or all there are). */
  skip(n: number): void {
    let left = Math.min(n, this.#length);
    this.#length -= left;
    while (left > 0) {
      const first = this.#chunks[0] as Buffer;
      if (first.length <= left) {
        this.#chunks.shift();
        left -= first.length;
      } else {
        this.#chunks[0] = first.subarray(left);
        left = 0;
      }
    }
  }

  /** Consumes and returns every chunk held. */
  drain(): Buffer[] {
    const out = this.#chunks;
    this.#chunks = [];
    this.#length = 0;
    return out;
  }
}
