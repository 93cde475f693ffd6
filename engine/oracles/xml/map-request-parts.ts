import { BANG, DQUOTE, GT, LT, QUESTION, SLASH, SQUOTE } from './xml-bytes.ts';

/** Where the content of a `<MAP_REQUEST>` root splits into parts of whole MAP elements. */
export interface MapRequestParts {
  /** Byte offset just past the root start tag `<MAP_REQUEST>`. */
  contentStart: number;
  /** Byte offset of the root end tag `</MAP_REQUEST>`. */
  contentEnd: number;
  /**
   * Part boundaries, ascending: the first is `contentStart`, the last `contentEnd`; part k is
   * `[bounds[k], bounds[k + 1])`. Every inner boundary lies just past a top-level MAP.
   */
  bounds: number[];
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;
}

function startsWith(bytes: Buffer, at: number, text: string): boolean {
  return bytes.toString('latin1', at, at + text.length) === text;
}

/** True when `bytes[at..]` is the tag name `name` followed by space, `/` or `>`. */
function namedTag(bytes: Buffer, at: number, name: string): boolean {
  const after = bytes[at + name.length];
  return startsWith(bytes, at, name) && (isSpace(after) || after === SLASH || after === GT);
}

/** Offset of the `>` closing a start tag whose name begins at `at`, skipping quoted values. */
function startTagEnd(bytes: Buffer, at: number): number {
  let i = at;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (byte === GT) return i;
    if (byte === LT) return -1;
    if (byte === DQUOTE || byte === SQUOTE) {
      const close = bytes.indexOf(byte, i + 1);
      if (close === -1) return -1;
      i = close + 1;
    } else i += 1;
  }
  return -1;
}

/** Offset just past `terminator` searched from `at`, or -1. */
function past(bytes: Buffer, at: number, terminator: string): number {
  const i = bytes.indexOf(terminator, at, 'latin1');
  return i === -1 ? -1 : i + terminator.length;
}

/**
 * Finds the top-level children of a `<MAP_REQUEST>` root by their markup alone (comments,
 * CDATA sections, processing instructions and quoted attribute values skipped), and groups
 * consecutive ones into parts of at least `partBytes` bytes. It proves nothing about the
 * body: libxml2 checks each part and the rest of the document; this only says where to cut.
 * @param bytes the body, in UTF-8 (or any encoding whose markup is ASCII).
 * @param rootOffset byte offset of the root's `<`, from scanProlog.
 * @param partBytes a part closes after the first MAP that brings it to this size.
 * @returns the parts, or null on anything unexpected: a root start tag with attributes, a
 *   top-level child not named MAP, non-blank text or a CDATA section between children, a
 *   DOCTYPE inside the root, markup left open, no root end tag.
 */
export function splitMapRequest(
  bytes: Buffer,
  rootOffset: number,
  partBytes: number,
): MapRequestParts | null {
  if (!namedTag(bytes, rootOffset + 1, 'MAP_REQUEST')) return null;
  let i = rootOffset + 1 + 'MAP_REQUEST'.length;
  while (isSpace(bytes[i])) i += 1;
  if (bytes[i] !== GT) return null;
  const contentStart = i + 1;
  const bounds = [contentStart];
  let depth = 1;
  // A MAP has ended since the last boundary: trailing blanks alone do not make a part.
  let open = false;
  i = contentStart;

  for (;;) {
    const lt = bytes.indexOf(LT, i);
    if (lt === -1) return null;
    if (depth === 1) {
      for (let j = i; j < lt; j += 1) if (!isSpace(bytes[j])) return null;
    }
    const next = bytes[lt + 1];
    let childEnd = -1;
    if (next === BANG) {
      if (startsWith(bytes, lt, '<!--')) i = past(bytes, lt + 4, '-->');
      else if (depth > 1 && startsWith(bytes, lt, '<![CDATA[')) i = past(bytes, lt + 9, ']]>');
      else return null;
    } else if (next === QUESTION) {
      i = past(bytes, lt + 2, '?>');
    } else if (next === SLASH) {
      const gt = bytes.indexOf(GT, lt + 2);
      if (gt === -1) return null;
      depth -= 1;
      if (depth === 0) {
        if (!namedTag(bytes, lt + 2, 'MAP_REQUEST')) return null;
        if (open || bounds.length === 1) bounds.push(lt);
        else bounds[bounds.length - 1] = lt;
        return { contentStart, contentEnd: lt, bounds };
      }
      if (depth === 1) childEnd = gt + 1;
      i = gt + 1;
    } else {
      if (depth === 1 && !namedTag(bytes, lt + 1, 'MAP')) return null;
      const gt = startTagEnd(bytes, lt + 1);
      if (gt === -1) return null;
      if (bytes[gt - 1] !== SLASH) depth += 1;
      else if (depth === 1) childEnd = gt + 1;
      i = gt + 1;
    }
    if (i === -1) return null;
    if (childEnd === -1) continue;
    open = childEnd - (bounds.at(-1) ?? 0) < partBytes;
    if (!open) bounds.push(childEnd);
  }
}
