import { execFile } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '../../..');
const TSX = join(REPO, 'node_modules/tsx/dist/cli.mjs');
const CLI = join(REPO, 'engine/cli/validate.ts');

/** What a run of `npm run validate` printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tsx engine/cli/validate.ts ARGS` (what `npm run validate -- ARGS` runs) in a child. */
export function runValidateCli(args: string[], cwd = REPO): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [TSX, CLI, ...args], { cwd }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, stdout, stderr });
    });
  });
}
