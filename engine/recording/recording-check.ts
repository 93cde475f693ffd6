import { relative } from 'node:path';
import { registeredSecrets } from '../secrets.ts';
import type { Recorder } from './recorder.ts';
import { RECORDINGS_ROOT } from './recording-paths.ts';
import { scanForSecrets } from './secret-scan.ts';

/**
 * After a record run: the credentials that answers carried (scrubbed, but a target that echoes
 * them deserves a look) and a scan of the recording, the repository's recordings/ and the
 * run's reports for every registered credential in any form. One line per problem, naming the
 * file and never the value; empty when all is clean.
 */
export function recordingProblems(recorder: Recorder, outDir: string): string[] {
  const problems = recorder.scrubber.echoes.map(
    (echo) =>
      `${echo.where}: the target's answer held a ${echo.kind === 'password' ? 'password' : 'Basic token'} ` +
      `of a profile user (written as a placeholder); check the target before committing`,
  );
  // The recorder's own copy: vitest loads the global setup (which registers the run's
  // secrets) in a module graph of its own, so this process's registry may be empty.
  const secrets = [...recorder.scrubber.credentials, ...registeredSecrets()];
  const hits = scanForSecrets([recorder.dir, RECORDINGS_ROOT, outDir], secrets);
  for (const hit of hits) {
    problems.push(
      `${relative(process.cwd(), hit.file) || hit.file} holds a credential of the run (${hit.form}): ` +
        'delete it and never commit it; add a profile "scrub" pattern if the target writes it there',
    );
  }
  return [...new Set(problems)];
}
