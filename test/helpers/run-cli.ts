import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunResults } from '../../engine/results/results-schema.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** How a CLI run ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
  results: RunResults | undefined;
}

/**
 * Runs a harness CLI (`engine/cli/<name>.ts`) as a child process, the way `npm run` does.
 * For `conformance`, `--out` defaults to a fresh temp dir whose results.json is read back.
 */
export async function runCli(
  name: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CliRun> {
  const outDir = mkdtempSync(join(tmpdir(), `${name}-`));
  const fullArgs =
    name === 'conformance' && !args.includes('--out') ? [...args, '--out', outDir] : args;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'engine', 'cli', `${name}.ts`), ...fullArgs],
    {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 110_000);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearTimeout(timer);
  const resultsFile = join(outDir, 'results.json');
  const results = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as RunResults)
    : undefined;
  return { code, stdout, stderr, outDir, results };
}

/** Runs async jobs with at most `limit` at once (CLI runs are heavy on 2 cores). */
export function limiter(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    while (active >= limit) await new Promise<void>((r) => waiting.push(r));
    active += 1;
    try {
      return await job();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
