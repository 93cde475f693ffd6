/** Bytes libxml2 can be given, in an encoding whose markup characters are ASCII. */
export interface ParserInput {
  bytes: Buffer;
  /** True when the bytes were re-encoded as UTF-8, so the declared encoding must be ignored. */
  utf8: boolean;
}

/** Whether the bytes start like UTF-16 (a byte-order mark, or `<?` with zero bytes). */
function utf16Label(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0)) {
    return 'utf-16le';
  }
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f)) {
    return 'utf-16be';
  }
  return undefined;
}

/**
 * Turns a body into bytes whose markup is ASCII, so the prolog can be read and rewritten:
 * a string becomes UTF-8; UTF-16 bytes are re-encoded as UTF-8; anything else is used as is
 * (libxml2 then honours its XML declaration).
 * @returns the bytes, or a message when UTF-16 bytes do not decode
 */
export function parserInput(body: Buffer | string): ParserInput | { error: string } {
  if (typeof body === 'string') return { bytes: Buffer.from(body, 'utf8'), utf8: true };
  const label = utf16Label(body);
  if (label === undefined) return { bytes: body, utf8: false };
  try {
    const text = new TextDecoder(label, { fatal: true }).decode(body);
    return { bytes: Buffer.from(text, 'utf8'), utf8: true };
  } catch {
    return { error: `body starts like ${label.toUpperCase()} but does not decode as it` };
  }
}
