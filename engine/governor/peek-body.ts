import { PassThrough, type Readable } from 'node:stream';

/** The first part of a body, read so it can be classified, and the stream of the rest. */
export interface PeekedBody {
  /** Bytes read so far. */
  head: Buffer;
  /** The same bytes as text. */
  text: string;
  /** True when `head` is the whole body. */
  complete: boolean;
  /** The rest of the body (empty when complete). */
  rest: Readable;
}

/**
 * Reads a body up to `limit` bytes. A body that ends within the limit is complete; a longer one
 * is handed on as `head` + `rest`, so nothing is held beyond the limit.
 */
export async function peekBody(body: Readable, limit: number): Promise<PeekedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = body[Symbol.asyncIterator]();
  for (;;) {
    const next = (await iterator.next()) as IteratorResult<Buffer>;
    if (next.done === true) {
      const head = Buffer.concat(chunks);
      return { head, text: head.toString('utf8'), complete: true, rest: emptyStream() };
    }
    chunks.push(next.value);
    size += next.value.length;
    if (size > limit) break;
  }
  const head = Buffer.concat(chunks);
  const rest = new PassThrough();
  void (async () => {
    try {
      for (;;) {
        const next = (await iterator.next()) as IteratorResult<Buffer>;
        if (next.done === true) break;
        if (!rest.write(next.value)) await new Promise((r) => rest.once('drain', r));
      }
      rest.end();
    } catch (error) {
      rest.destroy(error as Error);
    }
  })();
  return { head, text: head.toString('utf8'), complete: false, rest };
}

function emptyStream(): Readable {
  const s = new PassThrough();
  s.end();
  return s;
}
