/** What the oracle concluded about one XML body. */
export type XmlStatus = 'valid' | 'invalid' | 'malformed' | 'too-large';

/** One finding, placed in the body as received. */
export interface XmlIssue {
  /** libxml2's message (or the oracle's, for a refusal), one line. */
  message: string;
  /**
   * 1-based line in the body as received, or null when not known. libxml2 validates while it
   * parses, so an error about an element's content or attributes carries the line where that
   * element ends (its end tag or `/>`), as `xmllint --stream --valid` reports it; `xmllint
   * --dtdvalid` reports the line where the element starts instead.
   */
  line: number | null;
  /** 1-based column, or null when not known. */
  column: number | null;
}

/** The verdict of {@link validateXml}: data, never an exception. */
export interface XmlVerdict {
  /**
   * `valid`; `invalid` (well-formed but breaks the DTD); `malformed` (not well-formed XML);
   * `too-large` (over `maxBytes`, refused before parsing).
   */
  status: XmlStatus;
  /** The DTD checked against: `map-2.dtd` for a pinned DTD, otherwise the path as given. */
  dtd: string;
  /** Name of the root element, or null when the body never got that far. */
  root: string | null;
  /** System id of the body's own DOCTYPE (recorded, never loaded), or null. */
  systemId: string | null;
  /** Size of the body in bytes (UTF-8 bytes for a string). */
  bytes: number;
  /**
   * `malformed`: the parser's error. `invalid`: every validity error, in document order.
   * `too-large`: the refusal. `valid`: empty.
   */
  errors: XmlIssue[];
  /** Warnings (libxml2's, and an ignored internal subset); they never change the status. */
  warnings: XmlIssue[];
}
