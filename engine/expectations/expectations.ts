import { readFileSync, writeFileSync } from 'node:fs';
import { HarnessError } from '../errors.ts';

/**
 * Error codes a target has been seen to use, pinned per case: `"TAGS-ID-REQUIRED/missing-id":
 * 1903`. Where the release notes fix no code, any documented rejection passes; a target with an
 * expectations file fails on any change, in either direction (another code, or no rejection).
 */
export interface Expectations {
  /** Free text: where and when the codes were seen. */
  $comment?: string;
  errorCodes: Record<string, number>;
}

/**
 * Reads an expectations file.
 * @throws HarnessError naming the file and what is wrong in it
 */
export function loadExpectations(file: string): Expectations {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HarnessError(
      'EXPECTATIONS_INVALID',
      `expectations file ${file} cannot be read: ${(error as Error).message}`,
    );
  }
  const codes = (raw as { errorCodes?: unknown }).errorCodes;
  if (codes === null || typeof codes !== 'object' || Array.isArray(codes)) {
    throw new HarnessError(
      'EXPECTATIONS_INVALID',
      `expectations file ${file} needs an object "errorCodes": { "RULE-ID/case": code }`,
    );
  }
  for (const [key, code] of Object.entries(codes)) {
    if (!Number.isSafeInteger(code) || !/^[A-Z0-9-]+\/[\w.-]+$/.test(key)) {
      throw new HarnessError(
        'EXPECTATIONS_INVALID',
        `expectations file ${file}: "${key}": ${JSON.stringify(code)} is not "RULE-ID/case": whole number`,
      );
    }
  }
  return raw as Expectations;
}

/** Writes the codes observed in a run as an expectations file (sorted, stable diffs). */
export function writeExpectations(
  file: string,
  observed: Record<string, number>,
  comment: string,
): void {
  const errorCodes = Object.fromEntries(
    Object.entries(observed).sort(([a], [b]) => a.localeCompare(b)),
  );
  writeFileSync(file, `${JSON.stringify({ $comment: comment, errorCodes }, null, 2)}\n`);
}
