import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RuleResult, RuleStatus, RunResults } from '../../engine/results/results-schema.ts';

const DAY_MS = 86_400_000; // 1 day
const FIRST_NIGHT = Date.UTC(2023, 0, 1, 2, 0, 0); // 2023-01-01 02:00 UTC

/**
 * Writes `nights` results files of `rules` rules each under `dir` (`<dir>/<day>/results.json`),
 * as a year of nightly runs would leave them. Deterministic: rule `i` fails on night `n` when
 * `(i * 7 + n) % 23 === 0`, is skipped for every 11th rule, deferred for every 13th.
 * @param dir an empty directory.
 * @param nights how many runs, one a day from 2023-01-01.
 * @param rules rules per run.
 * @returns the results files' paths, oldest first.
 */
export async function writeSyntheticNights(
  dir: string,
  nights: number,
  rules: number,
): Promise<string[]> {
  const files: string[] = [];
  for (let night = 0; night < nights; night += 1) {
    const started = new Date(FIRST_NIGHT + night * DAY_MS);
    const folder = join(dir, started.toISOString().slice(0, 10));
    await mkdir(folder, { recursive: true });
    const file = join(folder, 'results.json');
    await writeFile(file, JSON.stringify(syntheticRun(started, night, rules)), 'utf8');
    files.push(file);
  }
  return files;
}

function syntheticRun(started: Date, night: number, ruleCount: number): RunResults {
  const rules: RuleResult[] = [];
  for (let index = 0; index < ruleCount; index += 1) {
    const status = syntheticStatus(index, night);
    const rule: RuleResult = {
      id: `SYN-RULE-${String(index).padStart(3, '0')}`,
      title: `synthetic rule ${index}`,
      source: `Synthetic section ${index % 5}`,
      status,
      cases: status === 'pass' || status === 'fail' ? 10 : 0,
      failures: [],
    };
    if (status === 'fail') {
      rule.failures.push({ message: `rule ${index} failed on night ${night}`, seed: night });
    }
    if (status === 'skip' || status === 'deferred') rule.reason = 'synthetic';
    rules.push(rule);
  }

  return {
    format: 1,
    harnessVersion: '0.1.0',
    target: { name: 'synthetic', apiUrl: 'http://127.0.0.1:9' },
    mode: 'sim',
    seed: night,
    depth: 'quick',
    suites: ['synthetic'],
    faults: [],
    startedAt: started.toISOString(),
    finishedAt: new Date(started.getTime() + 600_000).toISOString(), // 10 min
    calls: {
      made: 150 + ((night * 37) % 140),
      budget: 300,
      throttled: night % 9,
      waitedSeconds: night % 60,
    },
    rules,
  };
}

function syntheticStatus(index: number, night: number): RuleStatus {
  if (index % 11 === 10) return 'skip';
  if (index % 13 === 12) return 'deferred';
  return (index * 7 + night) % 23 === 0 ? 'fail' : 'pass';
}
