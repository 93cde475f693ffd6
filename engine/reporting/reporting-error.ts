/** Stable codes of {@link ReportingError}, for reporters and tests to key on. */
export type ReportingErrorCode =
  | 'RESULTS_UNREADABLE'
  | 'RESULTS_NOT_JSON'
  | 'RESULTS_NOT_RUN_RESULTS'
  | 'RESULTS_DUPLICATE'
  | 'NO_RESULTS';

/** A report could not be built from its input; the message names the file and what to do. */
export class ReportingError extends Error {
  override readonly name = 'ReportingError';

  /**
   * @param code stable code of the failure.
   * @param message one line: the file, what is wrong with it, what to do.
   * @param file the input file concerned, when there is one.
   */
  constructor(
    readonly code: ReportingErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}
