import type { LoadedDtd } from './load-dtd.ts';
import { lineAt } from './prolog.ts';
import type { Prolog } from './prolog.ts';
import { NEWLINE } from './xml-bytes.ts';

/** Where a rewrite moved the columns of one line: to report columns of the body as received. */
export interface ColumnShift {
  line: number;
  /** Columns at or after this one (1-based, in the rewritten body) moved by `delta`. */
  fromColumn: number;
  delta: number;
}

/** Offset of the last line break before offset `at`, or -1. */
function newlineBefore(bytes: Buffer, at: number): number {
  return at <= 0 ? -1 : bytes.lastIndexOf(NEWLINE, at - 1);
}

/** Only the line breaks of `bytes[start, end)`, so that removing the rest keeps lines in place. */
function lineBreaks(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('latin1', start, end).replace(/[^\n]/g, '');
}

/**
 * Replaces the body's DOCTYPE (or, without one, inserts before the root start tag) a DOCTYPE
 * whose internal subset is the pinned DTD, on the same line. The body's declaration, internal
 * subset included, leaves nothing but its line breaks, so every line keeps its number.
 */
export function pinDoctype(
  bytes: Buffer,
  prolog: Prolog,
  dtd: LoadedDtd,
  root: string,
): { source: Buffer; shift: ColumnShift } {
  const start = prolog.doctype?.start ?? prolog.root?.offset ?? 0;
  const end = prolog.doctype?.end ?? start;
  const breaks = lineBreaks(bytes, start, end);
  const pinned = Buffer.from(`<!DOCTYPE ${root} [${dtd.subset}]>${breaks}`, 'utf8');

  const oldColumn = end - newlineBefore(bytes, end);
  const newColumn = breaks.length > 0 ? 1 : start - newlineBefore(bytes, start) + pinned.length;
  const shift = { line: lineAt(bytes, end), fromColumn: newColumn, delta: oldColumn - newColumn };
  return { source: Buffer.concat([bytes.subarray(0, start), pinned, bytes.subarray(end)]), shift };
}

/** Removes the body's DOCTYPE, keeping its line breaks: for a parse that only looks for errors. */
export function dropDoctype(bytes: Buffer, prolog: Prolog): Buffer {
  if (prolog.doctype === null) return bytes;
  const { start, end } = prolog.doctype;
  const breaks = Buffer.from(lineBreaks(bytes, start, end), 'latin1');
  return Buffer.concat([bytes.subarray(0, start), breaks, bytes.subarray(end)]);
}
