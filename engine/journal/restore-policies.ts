import { existsSync } from 'node:fs';
import type { ApiRequest } from '../client/api-request.ts';
import { parseSimpleReturn } from '../client/simple-return.ts';
import type { JournalEntry } from './journal-file.ts';
import { readPolicyTags } from './policy-list-reader.ts';
import {
  describePolicyTags,
  holdsPolicyTags,
  policyListRequest,
  setPolicyTagsRequest,
} from './policy-tags.ts';

/** A call made through the call governor, with its body read. */
export type GovernedCall = (request: ApiRequest) => Promise<{ status: number; text: string }>;

/** What restoring a journal achieved. */
export interface RestoreReport {
  /** Policies set back and confirmed by reading them back. */
  restored: number[];
  /** Policies that could not be set back or confirmed, with why. */
  failed: { policyId: number; reason: string }[];
  /** Why the journal as a whole could not be restored (unreadable, another target). */
  problem?: string;
}

/** True when every journalled policy was put back and confirmed. */
export function restoreComplete(report: RestoreReport): boolean {
  return report.failed.length === 0 && report.problem === undefined;
}

/** Calls one restore spends per policy: set_asset_tags, then action=list to confirm. */
export const RESTORE_CALLS_PER_POLICY = 2;

/**
 * Sets every journalled policy back with set_asset_tags (saved sets by id, saved selectors)
 * and reads it back to confirm. A policy that fails does not stop the others.
 * @param call makes one call through the governor; a thrown error fails that policy
 */
export async function restorePolicies(
  entries: JournalEntry[],
  call: GovernedCall,
): Promise<RestoreReport> {
  const report: RestoreReport = { restored: [], failed: [] };
  for (const entry of entries) {
    try {
      const reason = await restoreOne(entry, call);
      if (reason === undefined) report.restored.push(entry.policyId);
      else report.failed.push({ policyId: entry.policyId, reason });
    } catch (error) {
      report.failed.push({ policyId: entry.policyId, reason: (error as Error).message });
    }
  }
  return report;
}

async function restoreOne(entry: JournalEntry, call: GovernedCall): Promise<string | undefined> {
  const set = await call(setPolicyTagsRequest(entry.policyId, entry.tags));
  const answer = parseSimpleReturn(set.text);
  if (set.status !== 200 || answer === undefined || answer.code !== undefined) {
    const text =
      answer === undefined ? set.text.slice(0, 200) : `CODE ${answer.code ?? '-'}: ${answer.text}`;
    return `set_asset_tags was refused (HTTP ${set.status}, ${text})`;
  }
  const list = await call(policyListRequest(entry.policyId, 'restore check'));
  const reading = readPolicyTags(list.text, entry.policyId);
  if (reading.kind === 'unreadable') return `the policy list could not be read: ${reading.reason}`;
  if (reading.kind === 'absent') return 'the policy list no longer shows the policy';
  if (!holdsPolicyTags(reading.tags, entry.tags)) {
    return (
      `read back ${describePolicyTags(reading.tags)}, ` + `saved ${describePolicyTags(entry.tags)}`
    );
  }
  return undefined;
}

/** One line per policy, for the terminal. */
export function describeRestore(report: RestoreReport, journalFile: string): string {
  const lines: string[] = [];
  if (report.problem !== undefined) lines.push(`could not restore: ${report.problem}`);
  if (report.restored.length > 0) {
    lines.push(
      `restored the tags of policy ${report.restored.join(', ')} as they were before the run`,
    );
  }
  for (const failure of report.failed) {
    lines.push(`could not restore policy ${failure.policyId}: ${failure.reason}`);
  }
  if (!restoreComplete(report) && existsSync(journalFile)) {
    lines.push(
      `the journal stays at ${journalFile}: fix the cause, then run ` +
        '`npm run conformance -- --restore --target <profile>` (or any run of that profile)',
    );
  } else if (!restoreComplete(report)) {
    lines.push('nothing is left to restore: the embedded simulator it changed ended with the run');
  }
  return lines.join('\n');
}
