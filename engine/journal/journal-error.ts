import { HarnessError } from '../errors.ts';

/** Stable codes of restore-journal errors. */
export type JournalErrorCode = 'JOURNAL_UNREADABLE' | 'JOURNAL_TARGET_MISMATCH' | 'RESTORE_FAILED';

/** The restore journal cannot be used, or the policies it lists could not be put back. */
export class JournalError extends HarnessError {
  constructor(code: JournalErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'JournalError';
  }
}
