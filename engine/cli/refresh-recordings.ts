import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { MANIFEST_FILE } from '../recording/recording-format.ts';
import { DEFAULT_REPLAY_DIR } from '../recording/recording-paths.ts';
import type { RunResults } from '../results/results-schema.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DEFAULT_SEED = 1018; // fixed, so a refresh without code changes rewrites the same cases
const DEFAULT_RUNS = 25;

/**
 * Rules whose replayed verdict may differ from the recorded one, with why. A known gap, kept
 * as data: remove an entry when its cause is gone.
 */
const KNOWN_REPLAY_GAPS: Record<string, string> = {};

/**
 * `npm run recordings:refresh`: records every suite against the embedded simulator into a
 * temporary directory, replays it, and when the recorded run passed, installs it as
 * recordings/simulator/ (the recording `--target replay` plays by default). Keeps the seed and
 * runs of the recording it replaces. Exit 0 installed and replays the same, 1 installed but a
 * rule replays differently, 2 nothing installed (the record run failed).
 */
function main(): number {
  const previous = readPrevious();
  const seed = previous?.seed ?? DEFAULT_SEED;
  const runs = previous?.runs ?? DEFAULT_RUNS;
  const work = mkdtempSync(join(tmpdir(), 'recordings-refresh-'));
  const fresh = join(work, 'simulator');
  say(`recording every suite against the simulator (seed ${seed}, ${runs} runs)`);
  const recorded = conformance(
    ['--target', 'sim', '--record', fresh, '--seed', `${seed}`, '--runs', `${runs}`],
    join(work, 'recorded'),
  );
  if (recorded.code !== 0 || recorded.results === undefined) {
    say(
      `the record run ended with exit ${recorded.code}: ${relative(ROOT, DEFAULT_REPLAY_DIR)} is left as it was (the new recording is in ${fresh})`,
    );
    return 2;
  }
  rmSync(DEFAULT_REPLAY_DIR, { recursive: true, force: true });
  cpSync(fresh, DEFAULT_REPLAY_DIR, { recursive: true });
  say(`installed ${relative(ROOT, DEFAULT_REPLAY_DIR)}; replaying it`);
  const replayed = conformance(['--target', 'replay'], join(work, 'replayed'));
  const differing = differences(recorded.results, replayed.results);
  for (const line of differing.known) say(`known gap: ${line}`);
  if (differing.unexpected.length > 0) {
    say(`these rules replay differently:\n${differing.unexpected.join('\n')}`);
    return 1;
  }
  rmSync(work, { recursive: true, force: true });
  say('the replay gives the recorded verdicts');
  return 0;
}

function readPrevious(): { seed: number; runs: number } | undefined {
  const file = join(DEFAULT_REPLAY_DIR, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { seed: number; runs: number };
  } catch {
    return undefined; // a broken manifest is replaced by the refresh
  }
}

function conformance(
  args: string[],
  out: string,
): { code: number | null; results: RunResults | undefined } {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'engine', 'cli', 'conformance.ts'), ...args, '--out', out],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const file = join(out, 'results.json');
  const results = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as RunResults)
    : undefined;
  return { code: run.status, results };
}

function differences(
  recorded: RunResults,
  replayed: RunResults | undefined,
): { known: string[]; unexpected: string[] } {
  const known: string[] = [];
  const unexpected: string[] = [];
  for (const rule of recorded.rules) {
    const again = replayed?.rules.find((r) => r.id === rule.id);
    if (again?.status === rule.status && again.cases === rule.cases) continue;
    const line = `${rule.id}: recorded ${rule.status} (${rule.cases} cases), replayed ${again?.status ?? 'nothing'} (${again?.cases ?? 0} cases)`;
    const gap = KNOWN_REPLAY_GAPS[rule.id];
    if (gap === undefined) unexpected.push(line);
    else known.push(`${line}: ${gap}`);
  }
  return { known, unexpected };
}

function say(text: string): void {
  process.stdout.write(`recordings:refresh: ${text}\n`);
}

process.exit(main());
