import { HarnessError } from '../errors.ts';

/**
 * A recording that cannot be used or written: unreadable, stale, holding a secret, or missing
 * the call a replay asked for. Codes: `RECORDING_INVALID` (bad JSON, missing field or side
 * file), `RECORDING_STALE` (another harness or generator version, seed or runs),
 * `RECORDING_SECRET` (a credential in a file), `RECORDING_DIR` (not a recording directory).
 */
export class RecordingError extends HarnessError {
  /** The file or directory the error is about. */
  readonly file: string;

  constructor(code: string, file: string, message: string) {
    super(code, message);
    this.name = 'RecordingError';
    this.file = file;
  }
}
