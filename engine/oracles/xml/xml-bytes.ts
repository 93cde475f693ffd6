/** Bytes the XML scanners look for (ASCII, so the same in UTF-8). */
export const LT = 0x3c; // <
export const GT = 0x3e; // >
export const SLASH = 0x2f; // /
export const BANG = 0x21; // !
export const QUESTION = 0x3f; // ?
export const OPEN_BRACKET = 0x5b; // [
export const CLOSE_BRACKET = 0x5d; // ]
export const DQUOTE = 0x22; // "
export const SQUOTE = 0x27; // '
export const NEWLINE = 0x0a; // \n
