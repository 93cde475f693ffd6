import { existsSync, rmSync } from 'node:fs';
import type { ApiRequest } from '../client/api-request.ts';
import { QualysClient, readBody } from '../client/qualys-client.ts';
import type { GovernorBudget } from '../governor/call-governor.ts';
import { HARNESS_HEADERS } from '../governor/harness-headers.ts';
import type { TargetProfile } from '../profile/profile.ts';
import type { RunMode } from '../results/results-schema.ts';
import { JournalError } from './journal-error.ts';
import {
  readJournal,
  removeJournal,
  restoringMarkerPath,
  writeFileAtomically,
} from './journal-file.ts';
import { restoreOnSignal } from './restore-on-signal.ts';
import {
  describeRestore,
  restoreComplete,
  restorePolicies,
  type GovernedCall,
  type RestoreReport,
} from './restore-policies.ts';

/** What the main process needs to restore a run's journal. */
export interface RunJournalOptions {
  /** The journal file (journalPath). */
  file: string;
  profile: TargetProfile;
  mode: RunMode;
  faults: readonly string[];
  /** The governor proxy: restore calls go through it and count against the budget. */
  proxyUrl: string;
  /** The budget object the call governor holds; the reserve is kept by lowering its maxCalls. */
  budget: GovernorBudget;
  /** Calls kept back for the restore (restoreReserve). */
  reserve: number;
}

const EMPTY: RestoreReport = { restored: [], failed: [] };

/**
 * The main process's side of the restore journal: before tests it restores what a killed run
 * left, keeps a reserve of calls back from the suites and restores on SIGINT/SIGTERM; after
 * tests it restores every journalled policy through the governor and removes the journal once
 * each one is confirmed.
 */
export class RunJournal {
  readonly file: string;
  readonly #options: RunJournalOptions;
  readonly #total: number;
  #stopListening: (() => void) | undefined;
  /** The outcome of the last restore, for the CLI's summary and exit code. */
  lastReport: RestoreReport | undefined;

  constructor(options: RunJournalOptions) {
    this.file = options.file;
    this.#options = options;
    this.#total = options.budget.maxCalls;
  }

  /**
   * A restore that failed must fail the run (exit 2), except on the embedded simulator with
   * faults on: its state dies with the run, and some faults (set-merges) make restoring by
   * set_asset_tags impossible by design.
   */
  get strict(): boolean {
    return this.#options.mode !== 'sim' || this.#options.faults.length === 0;
  }

  /**
   * Before the first test: restores a journal a killed run left, keeps the reserve back from
   * the suites, and restores on SIGINT/SIGTERM from then on.
   * @param notify receives the restore summary when a signal interrupted the run
   * @throws JournalError RESTORE_FAILED when a leftover journal could not be restored
   */
  async begin(notify: (text: string) => void): Promise<void> {
    await this.restoreLeftover();
    this.#options.budget.maxCalls = Math.max(0, this.#total - this.#options.reserve);
    this.#stopListening = restoreOnSignal(async (signal) => {
      const report = await this.restore('signal');
      const summary = describeRestore(report, this.file);
      notify(`interrupted by ${signal}${summary === '' ? '' : `\n${summary}`}`);
    });
  }

  /** After the last test: stops listening for signals and restores every journalled policy. */
  async finish(): Promise<RestoreReport> {
    this.#stopListening?.();
    this.#stopListening = undefined;
    return this.restore('end');
  }

  /**
   * Restores a journal left by a run that was killed, before anything else is done. On the
   * embedded simulator there is nothing to restore: the simulator it changed is gone, and a
   * journal or marker under the same port is an older simulator's, removed here.
   * @throws JournalError RESTORE_FAILED when it could not be restored (the journal stays)
   */
  async restoreLeftover(): Promise<RestoreReport> {
    if (this.#options.mode === 'sim') {
      rmSync(this.file, { force: true });
      rmSync(restoringMarkerPath(this.file), { force: true });
      return EMPTY;
    }
    const report = await this.restore('end');
    if (!restoreComplete(report)) {
      throw new JournalError(
        'RESTORE_FAILED',
        `a previous run was stopped before it restored its fixture policies, and they could ` +
          `not be restored now:\n${describeRestore(report, this.file)}`,
      );
    }
    return report;
  }

  /**
   * Restores every policy in the journal through the governor, with the reserve given back
   * to the budget. Workers see the marker file and make no further change meanwhile.
   * @param why `signal` leaves the marker in place until the process exits
   */
  async restore(why: 'end' | 'signal'): Promise<RestoreReport> {
    const marker = restoringMarkerPath(this.file);
    let report: RestoreReport;
    try {
      const journal = readJournal(this.file);
      if (journal === undefined) {
        report = EMPTY;
      } else {
        writeFileAtomically(marker, `${process.pid}\n`);
        this.#options.budget.maxCalls = this.#total;
        const { apiUrl } = this.#options.profile;
        report =
          journal.apiUrl === apiUrl || this.#options.mode === 'sim'
            ? await this.#restoreThroughGovernor(journal.policies)
            : {
                ...EMPTY,
                problem: `the journal belongs to ${journal.apiUrl}, this run to ${apiUrl}`,
              };
        if (restoreComplete(report) || this.#options.mode === 'sim') removeJournal(this.file);
      }
    } catch (error) {
      report = { ...EMPTY, problem: (error as Error).message };
    }
    if (why === 'end' && existsSync(marker)) rmSync(marker, { force: true });
    this.lastReport = report;
    return report;
  }

  async #restoreThroughGovernor(
    entries: Parameters<typeof restorePolicies>[0],
  ): Promise<RestoreReport> {
    const client = new QualysClient({ baseUrl: this.#options.proxyUrl });
    const call: GovernedCall = async (request: ApiRequest) => {
      const response = await client.send(request, { [HARNESS_HEADERS.label]: 'restore' });
      const text = (await readBody(response.body, 32_000_000)).text;
      const refused =
        response.headers[HARNESS_HEADERS.deferred] ?? response.headers[HARNESS_HEADERS.error];
      if (refused !== undefined) {
        const { reason } = JSON.parse(text) as { reason: string };
        throw new Error(`the call governor did not make the call: ${reason}`);
      }
      return { status: response.status, text };
    };
    try {
      return await restorePolicies(entries, call);
    } finally {
      await client.close();
    }
  }
}
