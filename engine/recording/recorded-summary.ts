import { readFileSync } from 'node:fs';
import { HarnessError } from '../errors.ts';
import type { BodySummary, RecordedExchange } from './recording-format.ts';

/** The summary a replayed answer stands for, as a suite sees it (`response.recordedSummary`). */
export interface RecordedSummary extends BodySummary {
  /** The exchange file it was read from. */
  file: string;
}

/**
 * Reads the summary of a replayed answer from the exchange file the replay server named in
 * its `x-harness-recorded-summary` header.
 * @throws HarnessError RECORDING_INVALID when the file holds no summary
 */
export function readRecordedSummary(file: string): RecordedSummary {
  const exchange = JSON.parse(readFileSync(file, 'utf8')) as RecordedExchange;
  const body = exchange.response?.body;
  if (body?.kind !== 'summary') {
    throw new HarnessError('RECORDING_INVALID', `${file} holds no body summary`);
  }
  return { ...body.summary, file };
}
