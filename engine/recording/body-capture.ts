import { PassThrough, Writable } from 'node:stream';
import type { BodySummarizer, SummaryContext } from './body-summarizer.ts';

/** A body as captured: whole, or summarized with its head. */
export type CapturedBody =
  | { kind: 'whole'; data: Buffer; truncated: boolean }
  | {
      kind: 'summary';
      bytes: number;
      complete: boolean;
      head: Buffer;
      summaries: Record<string, unknown>;
      ended?: string;
    };

/** How a capture keeps a body. */
export interface CaptureOptions {
  /** Bodies up to this many bytes are kept whole; longer ones are summarized. */
  limit: number;
  /** Bytes of a summarized body kept as its head. */
  headBytes: number;
  /** Summarizers for a long body (`default` first); each reads its own copy. */
  summarizers: readonly BodySummarizer[];
  context: SummaryContext;
}

interface Feed {
  name: string;
  input: PassThrough;
  done: boolean;
  output: Promise<unknown>;
}

/**
 * The recorder's copy of one body. It keeps a body whole up to `limit` bytes; past that it
 * hands the bytes to the summarizers as they arrive, with back-pressure, keeping only the
 * head: memory stays bounded whatever the body's size. `result` settles when the body ended,
 * broke off, or was left (see `callerLeft`). It never emits 'error'.
 */
export class BodyCapture extends Writable {
  /** The captured body; never rejects. */
  readonly result: Promise<CapturedBody>;
  readonly #options: CaptureOptions;
  #resolve: (body: CapturedBody) => void = () => undefined;
  #chunks: Buffer[] = [];
  #bytes = 0;
  #feeds: Feed[] | undefined;
  #head: Buffer[] = [];
  #headBytes = 0;
  #callerLeft: number | undefined;
  #finalized = false;
  #ended: string | undefined;

  constructor(options: CaptureOptions) {
    super();
    this.#options = options;
    this.result = new Promise((resolve) => (this.#resolve = resolve));
  }

  /**
   * The caller stopped reading after `bytesSent`. A summarized body is left at once unless a
   * summarizer (other than `default`) still reads: it may need a few more bytes to reach the
   * point where the caller stopped (a quick read of a large report).
   */
  callerLeft(bytesSent: number): void {
    this.#callerLeft = bytesSent;
    this.#stopIfUnwanted();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.#bytes += chunk.length;
    if (this.#feeds === undefined) {
      this.#chunks.push(chunk);
      if (this.#bytes <= this.#options.limit) {
        callback();
        return;
      }
      this.#feeds = this.#startFeeds();
      const held = this.#chunks;
      this.#chunks = [];
      void this.#feedAll(held).then(callback);
      return;
    }
    void this.#feedAll([chunk]).then(callback);
  }

  override _final(callback: () => void): void {
    void this.#finalize(true).then(() => callback());
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (error !== null) this.#ended ??= `the target broke off: ${error.message}`;
    void this.#finalize(false).then(() => callback(null));
  }

  #startFeeds(): Feed[] {
    const { summarizers, context } = this.#options;
    return summarizers.map((summarizer) => {
      const input = new PassThrough();
      const feed: Feed = { name: summarizer.name, input, done: false, output: Promise.resolve() };
      feed.output = summarizer.summarize(input, context).then(
        (value) => value,
        (error: unknown) => ({ error: (error as Error).message }),
      );
      void feed.output.finally(() => {
        feed.done = true;
        if (!input.writableEnded) input.destroy();
        this.#stopIfUnwanted();
      });
      return feed;
    });
  }

  async #feedAll(chunks: Buffer[]): Promise<void> {
    for (const chunk of chunks) {
      this.#keepHead(chunk);
      const open = (this.#feeds ?? []).filter((f) => !f.done);
      await Promise.all(open.map((f) => write(f.input, chunk)));
    }
    this.#stopIfUnwanted();
  }

  #keepHead(chunk: Buffer): void {
    const room = this.#options.headBytes - this.#headBytes;
    if (room <= 0) return;
    const part = chunk.subarray(0, room);
    this.#head.push(part);
    this.#headBytes += part.length;
  }

  #stopIfUnwanted(): void {
    if (this.#callerLeft === undefined || this.#feeds === undefined || this.#finalized) return;
    if (this.#feeds.some((f) => f.name !== 'default' && !f.done)) return;
    this.#ended ??= `the caller stopped reading after ${this.#callerLeft} bytes`;
    this.destroy();
  }

  async #finalize(complete: boolean): Promise<void> {
    if (this.#finalized) return;
    this.#finalized = true;
    const feeds = this.#feeds;
    if (feeds === undefined) {
      this.#resolve({ kind: 'whole', data: Buffer.concat(this.#chunks), truncated: !complete });
      return;
    }
    for (const feed of feeds) if (!feed.done) feed.input.end();
    const summaries: Record<string, unknown> = {};
    for (const feed of feeds) summaries[feed.name] = await feed.output;
    this.#resolve({
      kind: 'summary',
      bytes: this.#bytes,
      complete,
      head: Buffer.concat(this.#head),
      summaries,
      ...(this.#ended === undefined || complete ? {} : { ended: this.#ended }),
    });
  }
}

/** Writes one chunk; resolves once more may be written, or the stream closed. */
function write(stream: PassThrough, chunk: Buffer): Promise<void> {
  if (stream.destroyed || stream.writableEnded) return Promise.resolve();
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
