import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RunMode } from '../results/results-schema.ts';
import { JournalError } from './journal-error.ts';
import type { PolicyTags } from './policy-tags.ts';

/**
 * The restore journal: the tags and selectors each fixture policy had before a run first
 * changed it. Workers add entries (they know before their first change); the main process
 * reads it to put the policies back. This module alone knows the file's format and place.
 */
export interface JournalDocument {
  format: 1;
  /** Profile name of the target the entries belong to. */
  target: string;
  /** API server the entries belong to; a journal is restored only against the same one. */
  apiUrl: string;
  createdAt: string;
  policies: JournalEntry[];
}

/** One policy as it was before the run first changed it. */
export interface JournalEntry {
  policyId: number;
  tags: PolicyTags;
  savedAt: string;
}

/** What identifies the target a journal belongs to. */
export interface JournalTarget {
  name: string;
  apiUrl: string;
}

/**
 * Where a run keeps its journal: `<stateDir>/journal/<profile name>.json`. The embedded
 * simulator's journal also carries the simulator's port, so runs side by side never share one.
 */
export function journalPath(stateDir: string, target: JournalTarget, mode: RunMode): string {
  const safe = target.name.replace(/[^A-Za-z0-9._-]/g, '_');
  const port = mode === 'sim' ? `-${new URL(target.apiUrl).port}` : '';
  return join(stateDir, 'journal', `${safe}${port}.json`);
}

/** The marker file that tells workers the main process is restoring: no more changes. */
export function restoringMarkerPath(journalFile: string): string {
  return `${journalFile}.restoring`;
}

/**
 * Reads a journal.
 * @returns undefined when there is none
 * @throws JournalError JOURNAL_UNREADABLE when the file is not a journal
 */
export function readJournal(file: string): JournalDocument | undefined {
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw unreadable(file, (cause as Error).message, cause);
  }
  const doc = raw as Partial<JournalDocument>;
  if (doc.format !== 1 || typeof doc.target !== 'string' || typeof doc.apiUrl !== 'string') {
    throw unreadable(file, 'it lacks format 1, target or apiUrl');
  }
  if (!Array.isArray(doc.policies) || !doc.policies.every(isEntry)) {
    throw unreadable(file, 'its policies are not { policyId, tags: { include, exclude } } entries');
  }
  const policies = doc.policies.map((entry) => ({
    ...entry,
    tags: {
      include: entry.tags.include,
      exclude: entry.tags.exclude,
      includeSelector: entry.tags.includeSelector ?? undefined,
      excludeSelector: entry.tags.excludeSelector ?? undefined,
    },
  }));
  return { ...(doc as JournalDocument), policies };
}

/**
 * Records a policy's tags before its first change, unless the journal already holds the
 * policy (the first state saved is the one to restore). Written atomically: a temporary file,
 * fsync, rename over the journal, fsync of the folder.
 * @returns true when the entry was written, false when the policy was already journalled
 * @throws JournalError when an existing journal is unreadable or belongs to another target
 */
export function recordOriginalTags(
  file: string,
  target: JournalTarget,
  policyId: number,
  tags: PolicyTags,
  now: () => Date = () => new Date(),
): boolean {
  const existing = readJournal(file);
  if (existing !== undefined && existing.apiUrl !== target.apiUrl) {
    throw new JournalError(
      'JOURNAL_TARGET_MISMATCH',
      `journal ${file} belongs to ${existing.apiUrl}, not ${target.apiUrl}: restore it with the ` +
        'profile it was written for before changing this target',
    );
  }
  if (existing?.policies.some((entry) => entry.policyId === policyId) === true) return false;
  const savedAt = now().toISOString();
  const doc: JournalDocument = existing ?? {
    format: 1,
    target: target.name,
    apiUrl: target.apiUrl,
    createdAt: savedAt,
    policies: [],
  };
  doc.policies.push({ policyId, tags, savedAt });
  writeFileAtomically(file, `${JSON.stringify(doc, null, 2)}\n`);
  return true;
}

/** Removes a journal (after every policy in it was confirmed restored). */
export function removeJournal(file: string): void {
  rmSync(file, { force: true });
  syncDirectory(dirname(file));
}

/** Writes `text` to `file` so that a crash leaves either the old file or the new one. */
export function writeFileAtomically(file: string, text: string): void {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  syncDirectory(folder);
}

function syncDirectory(folder: string): void {
  if (!existsSync(folder)) return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function isEntry(value: unknown): value is JournalEntry {
  const entry = value as Partial<JournalEntry> | null;
  const ids = (list: unknown) =>
    Array.isArray(list) && list.every((id) => Number.isSafeInteger(id));
  return (
    entry !== null &&
    typeof entry === 'object' &&
    Number.isSafeInteger(entry.policyId) &&
    typeof entry.tags === 'object' &&
    entry.tags !== null &&
    ids(entry.tags.include) &&
    ids(entry.tags.exclude)
  );
}

function unreadable(file: string, why: string, cause?: unknown): JournalError {
  return new JournalError(
    'JOURNAL_UNREADABLE',
    `journal ${file} cannot be read (${why}): restore its policies by hand from the file, ` +
      'then delete it',
    { cause },
  );
}
