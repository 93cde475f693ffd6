// What libxml2 may do. Off, by omission: noent (no entity substitution), dtdload (no external
// subset), huge (keeps libxml2's size limits and its entity-amplification guard), xinclude. The
// body's own DOCTYPE never reaches libxml2 (pinDoctype replaces it), so dtdvalid validates
// against the pinned DTD only, which declares no entity. compact and noblanks make the tree
// smaller and change no verdict: blanks are dropped only where the DTD makes them ignorable.

/** libxml2 options of a validating parse. */
export const VALIDATING = {
  dtdvalid: true,
  nonet: true,
  big_lines: true,
  compact: true,
  noblanks: true,
} as const;

/** libxml2 options of a parse that only looks for the first well-formedness error. */
export const NON_VALIDATING = { nonet: true, big_lines: true } as const;
