import libxml from 'libxmljs2';
import type { SyntaxError as LibxmlError } from 'libxmljs2';
import { withBoundedErrors } from './bounded-errors.ts';
import type { ColumnShift } from './doctype-rewrite.ts';
import type { XmlIssue } from './xml-verdict.ts';

/** Options of libxmljs2's parseXml. */
export type ParserOptions = NonNullable<Parameters<typeof libxml.parseXml>[1]>;

/** What one libxml2 parse reported: the first fatal error, if any, and the rest by level. */
export interface ParseReport {
  fatal: XmlIssue | null;
  errors: XmlIssue[];
  warnings: XmlIssue[];
  /** Errors past `maxErrors`, counted and not kept. */
  dropped: number;
  /** Warnings past `maxErrors`, counted and not kept. */
  droppedWarnings: number;
}

// libxml2's xmlErrorLevel.
const WARNING_LEVEL = 1;
const FATAL_LEVEL = 3;

function toIssue(error: unknown, shift: ColumnShift | null): XmlIssue {
  if (!(error instanceof Error)) return { message: String(error), line: null, column: null };
  const found = error as Partial<LibxmlError>;
  const line = typeof found.line === 'number' && found.line > 0 ? found.line : null;
  let column = typeof found.column === 'number' && found.column > 0 ? found.column : null;
  if (shift !== null && column !== null && line === shift.line && column >= shift.fromColumn) {
    column = Math.max(1, column + shift.delta);
  }
  return { message: error.message.trim(), line, column };
}

function read(source: Buffer, options: ParserOptions): LibxmlError[] {
  // libxmljs2 takes a Buffer too (its .d.ts says string): the bytes keep their own encoding.
  return libxml.parseXml(source as unknown as string, options).errors;
}

/**
 * Parses bytes with libxml2 in recover mode, so that it reports every error instead of
 * throwing its last one; the first fatal error is the one that makes the body malformed.
 * @param options libxml2 options; `recover` is added.
 * @param shift moves columns on the line a rewrite changed back to the body as received.
 * @param maxErrors errors kept; later ones are counted in `dropped` (a late fatal one is kept).
 */
export function parseWithLibxml(
  source: Buffer,
  options: ParserOptions,
  shift: ColumnShift | null,
  maxErrors: number,
): ParseReport {
  const report: ParseReport = {
    fatal: null,
    errors: [],
    warnings: [],
    dropped: 0,
    droppedWarnings: 0,
  };
  if (source.length === 0)
    return { ...report, fatal: { message: 'empty body', line: 1, column: null } };

  const parsed = withBoundedErrors(maxErrors, () => read(source, { ...options, recover: true }));
  if (parsed.result === undefined) {
    // Recovery gave up without a root element and libxmljs2 threw its own message; a parse
    // without recovery throws libxml2's instead.
    const strict = withBoundedErrors(maxErrors, () => read(source, options));
    return { ...report, fatal: toIssue(strict.thrown ?? parsed.thrown, shift) };
  }

  for (const error of parsed.result) {
    if (error.level === FATAL_LEVEL) report.fatal ??= toIssue(error, shift);
    else if (error.level === WARNING_LEVEL) report.warnings.push(toIssue(error, shift));
    else report.errors.push(toIssue(error, shift));
  }
  report.fatal ??= parsed.droppedFatal === undefined ? null : toIssue(parsed.droppedFatal, shift);
  report.dropped = parsed.dropped;
  report.droppedWarnings = parsed.droppedWarnings;
  return report;
}
