import type { Readable, Writable } from 'node:stream';
import type { Exchange } from './exchange.ts';

/**
 * Where the governor copies one response body (the recorder's side of a call). The body is
 * copied as it streams, with back-pressure, so nothing is held whole.
 */
export interface BodyTap {
  /** Receives every body byte, then `end()`; destroyed with the error if the target broke off. */
  stream: Writable;
  /**
   * The caller stopped reading before the end (a quick read of a large report). The governor
   * keeps reading for the tap only while `stream` stays open: close it to stop.
   */
  callerLeft(bytesSent: number): void;
}

/**
 * Decides per exchange whether to copy its body; undefined when not. Called once per answer
 * the target gave, retried ones included, before the body streams. Must not throw.
 */
export type ExchangeTap = (exchange: Exchange) => BodyTap | undefined;

/**
 * Streams `head` and then `rest` to the caller (`res`) and to the tap at once, waiting for
 * both. When the caller leaves, the copy goes on for the tap until it closes its stream; when
 * both are gone, `rest` is destroyed.
 * @throws the body's own error when the target broke off (both sides are destroyed first)
 */
export async function pumpWithTap(
  head: Buffer,
  rest: Readable,
  res: Writable,
  tap: BodyTap,
): Promise<void> {
  let sent = 0;
  let callerOpen = true;
  const deliver = async (chunk: Buffer): Promise<void> => {
    const [toCaller] = await Promise.all([
      callerOpen ? write(res, chunk) : Promise.resolve(false),
      write(tap.stream, chunk),
    ]);
    if (toCaller) sent += chunk.length;
    if (callerOpen && !toCaller) {
      callerOpen = false;
      tap.callerLeft(sent);
    }
  };
  try {
    if (head.length > 0) await deliver(head);
    for await (const chunk of rest) {
      if (!callerOpen && !isOpen(tap.stream)) {
        rest.destroy();
        return;
      }
      await deliver(chunk as Buffer);
    }
  } catch (error) {
    tap.stream.destroy(error as Error);
    throw error;
  }
  if (isOpen(tap.stream)) tap.stream.end();
  if (callerOpen) res.end();
}

function isOpen(stream: Writable): boolean {
  return !stream.destroyed && !stream.writableEnded;
}

/** Writes one chunk; resolves true once it may write more, false when the stream closed. */
function write(stream: Writable, chunk: Buffer): Promise<boolean> {
  if (!isOpen(stream)) return Promise.resolve(false);
  if (stream.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onClose);
      resolve(ok);
    };
    const onDrain = (): void => done(true);
    const onClose = (): void => done(false);
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', onClose);
  });
}
