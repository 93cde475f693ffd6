import { existsSync } from 'node:fs';
import { CallDeferred } from '../errors.ts';
import type { RunConfig } from '../run/run-config.ts';
import {
  journalPath,
  recordOriginalTags,
  restoringMarkerPath,
  type JournalTarget,
} from './journal-file.ts';
import type { PolicyTags } from './policy-tags.ts';

/**
 * A worker's side of the restore journal: it records a policy's tags before the run first
 * changes it, and refuses further changes once the main process has begun restoring.
 */
export class WorkerJournal {
  readonly file: string;
  readonly #target: JournalTarget;
  readonly #journalled = new Set<number>();

  constructor(file: string, target: JournalTarget) {
    this.file = file;
    this.#target = target;
  }

  /** The journal of the run a worker belongs to (the same file the main process restores). */
  static forRun(config: RunConfig): WorkerJournal {
    return new WorkerJournal(
      journalPath(config.stateDir, config.profile, config.mode),
      config.profile,
    );
  }

  /**
   * Call before every request that may change `policyId`: the first time, it reads the
   * policy's tags with `readTags` and journals them (atomically, before the change).
   * @throws CallDeferred when the main process is restoring (the run was interrupted)
   * @throws JournalError when the journal on disk belongs to another target
   */
  async beforeChange(policyId: number, readTags: () => Promise<PolicyTags>): Promise<void> {
    this.#refuseWhileRestoring();
    if (this.#journalled.has(policyId)) return;
    const tags = await readTags();
    this.#refuseWhileRestoring();
    recordOriginalTags(this.file, this.#target, policyId, tags);
    this.#journalled.add(policyId);
  }

  #refuseWhileRestoring(): void {
    if (existsSync(restoringMarkerPath(this.file))) {
      throw new CallDeferred('the run was interrupted and is restoring its fixture policies');
    }
  }
}
