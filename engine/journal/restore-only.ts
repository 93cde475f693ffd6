import { startRun } from '../run/start-run.ts';
import { describeRestore } from './restore-policies.ts';

/**
 * `npm run conformance -- --restore`: puts back the fixture policies a killed run of this
 * profile left changed, through a call governor of its own, and nothing else.
 * @param profileFile path of the target profile (the embedded simulator keeps no state)
 * @returns one line per policy, for the terminal
 * @throws JournalError RESTORE_FAILED when a policy could not be restored (the journal stays)
 * @throws HarnessError for a profile or environment that cannot be used
 */
export async function restoreLeftoverJournal(
  profileFile: string,
  stateDir: string,
): Promise<string> {
  const run = await startRun({
    target: profileFile,
    seed: 0,
    runs: 1,
    depth: 'quick',
    faults: [],
    suites: [],
    outDir: stateDir,
    stateDir,
  });
  try {
    const report = await run.journal.restoreLeftover();
    const summary = describeRestore(report, run.journal.file);
    return summary === '' ? `nothing to restore (no journal at ${run.journal.file})` : summary;
  } finally {
    await run.close();
  }
}
