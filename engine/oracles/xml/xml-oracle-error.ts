/** Stable codes of {@link XmlOracleError}. */
export type XmlOracleErrorCode = 'DTD_NOT_FOUND' | 'DTD_UNUSABLE';

/**
 * The oracle was set up wrong (a DTD name or file it cannot use). Never thrown for the bytes of
 * a document: those always end in a verdict.
 */
export class XmlOracleError extends Error {
  override readonly name = 'XmlOracleError';

  /**
   * @param code stable code of the failure.
   * @param message one line: the DTD concerned, what is wrong, what to do.
   */
  constructor(
    readonly code: XmlOracleErrorCode,
    message: string,
  ) {
    super(message);
  }
}
