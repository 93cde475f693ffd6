import type { XmlIssue } from './xml-verdict.ts';
import {
  CLOSE_BRACKET,
  DQUOTE,
  GT,
  LT,
  NEWLINE,
  OPEN_BRACKET,
  QUESTION,
  SLASH,
  SQUOTE,
} from './xml-bytes.ts';

/** The DOCTYPE declaration of a document, as written; never loaded. */
export interface DoctypeDeclaration {
  /** Byte offset of `<!DOCTYPE`. */
  start: number;
  /** Byte offset just past the declaration's closing `>`. */
  end: number;
  name: string;
  publicId: string | null;
  systemId: string | null;
  /** True when the declaration carries an internal subset (`[...]`). */
  internalSubset: boolean;
  /** 1-based line of `<!DOCTYPE`. */
  line: number;
}

/** What the prolog of a document (everything before the root start tag) holds. */
export interface Prolog {
  doctype: DoctypeDeclaration | null;
  /** The root element's name and the byte offset of its `<`; null when not reached. */
  root: { name: string; offset: number } | null;
  /** Set when the prolog cannot be handed to libxml2 safely (an unreadable DOCTYPE). */
  problem: XmlIssue | null;
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === NEWLINE;
}

/** ASCII letters, `_`, `:` and any byte of a multi-byte UTF-8 character may start a name. */
function isNameStart(byte: number | undefined): boolean {
  if (byte === undefined) return false;
  return (
    byte >= 0x80 || byte === 0x5f || byte === 0x3a || /[A-Za-z]/.test(String.fromCharCode(byte))
  );
}

function startsWith(bytes: Buffer, at: number, text: string): boolean {
  return bytes.toString('latin1', at, at + text.length) === text;
}

/** 1-based line of byte offset `at`. */
export function lineAt(bytes: Buffer, at: number): number {
  let line = 1;
  for (let i = bytes.indexOf(NEWLINE); i !== -1 && i < at; i = bytes.indexOf(NEWLINE, i + 1)) {
    line += 1;
  }
  return line;
}

function skipSpace(bytes: Buffer, at: number): number {
  let i = at;
  while (isSpace(bytes[i])) i += 1;
  return i;
}

/** Offset just past `terminator` searched from `at`, or -1. */
function past(bytes: Buffer, at: number, terminator: string): number {
  const i = bytes.indexOf(terminator, at, 'latin1');
  return i === -1 ? -1 : i + terminator.length;
}

/** Reads a quoted literal at `at`: its text and the offset past it, or null. */
function literal(bytes: Buffer, at: number): { text: string; next: number } | null {
  const quote = bytes[at];
  if (quote !== DQUOTE && quote !== SQUOTE) return null;
  const close = bytes.indexOf(quote, at + 1);
  if (close === -1) return null;
  return { text: bytes.toString('utf8', at + 1, close), next: close + 1 };
}

/** Reads an XML name at `at` (up to a space or a delimiter). */
function name(bytes: Buffer, at: number, delimiters: number[]): { text: string; next: number } {
  let i = at;
  while (i < bytes.length && !isSpace(bytes[i]) && !delimiters.includes(bytes[i] ?? -1)) i += 1;
  return { text: bytes.toString('utf8', at, i), next: i };
}

/** Offset just past the `]` that closes an internal subset starting at `at`, or -1. */
function skipInternalSubset(bytes: Buffer, at: number): number {
  let i = at;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (byte === CLOSE_BRACKET) return i + 1;
    if (byte === LT && startsWith(bytes, i, '<!--')) i = past(bytes, i + 4, '-->');
    else if (byte === LT && bytes[i + 1] === QUESTION) i = past(bytes, i + 2, '?>');
    else if (byte === LT) i = skipDeclaration(bytes, i + 1);
    else if (byte === DQUOTE || byte === SQUOTE) i = literal(bytes, i)?.next ?? -1;
    else i += 1;
    if (i === -1) return -1;
  }
  return -1;
}

/** Offset just past the `>` of a markup declaration, skipping quoted literals, or -1. */
function skipDeclaration(bytes: Buffer, at: number): number {
  let i = at;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (byte === GT) return i + 1;
    if (byte === DQUOTE || byte === SQUOTE) {
      const next = literal(bytes, i)?.next;
      if (next === undefined) return -1;
      i = next;
    } else i += 1;
  }
  return -1;
}

/** Reads `<!DOCTYPE ...>` at `start`; null when it does not parse or is not terminated. */
function doctype(bytes: Buffer, start: number): DoctypeDeclaration | null {
  let i = start + '<!DOCTYPE'.length;
  if (!isSpace(bytes[i])) return null;
  const root = name(bytes, skipSpace(bytes, i), [OPEN_BRACKET, GT]);
  if (root.text === '') return null;
  i = skipSpace(bytes, root.next);
  let publicId: string | null = null;
  let systemId: string | null = null;
  if (startsWith(bytes, i, 'PUBLIC')) {
    const pub = literal(bytes, skipSpace(bytes, i + 'PUBLIC'.length));
    if (pub === null) return null;
    publicId = pub.text;
    i = pub.next;
  }
  if (publicId !== null || startsWith(bytes, i, 'SYSTEM')) {
    const sys = literal(bytes, skipSpace(bytes, publicId === null ? i + 'SYSTEM'.length : i));
    if (sys === null) return null;
    systemId = sys.text;
    i = sys.next;
  }
  i = skipSpace(bytes, i);
  const internalSubset = bytes[i] === OPEN_BRACKET;
  if (internalSubset) {
    i = skipInternalSubset(bytes, i + 1);
    if (i === -1) return null;
    i = skipSpace(bytes, i);
  }
  if (bytes[i] !== GT) return null;
  const line = lineAt(bytes, start);
  return { start, end: i + 1, name: root.text, publicId, systemId, internalSubset, line };
}

/**
 * Reads the prolog of an XML document given as bytes in an ASCII-compatible encoding: XML
 * declaration, comments, processing instructions, the DOCTYPE, up to the root start tag. It
 * stops early (root null) at anything else and leaves the error to libxml2; it reports a
 * problem only for a DOCTYPE it cannot delimit, since that one must never reach libxml2.
 */
export function scanProlog(bytes: Buffer): Prolog {
  let declaration: DoctypeDeclaration | null = null;
  let i = startsWith(bytes, 0, '\xef\xbb\xbf') ? 3 : 0;
  for (;;) {
    i = skipSpace(bytes, i);
    if (bytes[i] !== LT) return { doctype: declaration, root: null, problem: null };
    const next = bytes[i + 1];
    if (next === QUESTION) {
      i = past(bytes, i + 2, '?>');
    } else if (startsWith(bytes, i, '<!--')) {
      i = past(bytes, i + 4, '-->');
    } else if (startsWith(bytes, i, '<!DOCTYPE')) {
      const found: DoctypeDeclaration | null = declaration === null ? doctype(bytes, i) : null;
      if (found === null) {
        const line = lineAt(bytes, i);
        const message =
          declaration === null
            ? 'DOCTYPE declaration cannot be read up to its closing >'
            : 'a second DOCTYPE declaration';
        return { doctype: declaration, root: null, problem: { message, line, column: null } };
      }
      declaration = found;
      i = found.end;
    } else if (!isNameStart(next)) {
      return { doctype: declaration, root: null, problem: null };
    } else {
      const root = name(bytes, i + 1, [SLASH, GT]);
      return { doctype: declaration, root: { name: root.text, offset: i }, problem: null };
    }
    if (i === -1) return { doctype: declaration, root: null, problem: null };
  }
}
