import type { RunResults } from '../results/results-schema.ts';
import { ReportingError } from './reporting-error.ts';

const STATUSES = new Set(['pass', 'fail', 'skip', 'deferred']);

/**
 * Parses the text of a results.json and checks it has the shape the report pages rely on
 * (`format` 1, target, times, calls, rules with id, status and failures). It does not check
 * every optional field: the pages escape and tolerate whatever strings are there.
 * @param text the file's contents.
 * @param file the file's path, for the error message.
 * @throws {ReportingError} `RESULTS_NOT_JSON` when the text is not JSON,
 *   `RESULTS_NOT_RUN_RESULTS` when it is JSON of another shape.
 */
export function parseRunResults(text: string, file: string): RunResults {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ReportingError(
      'RESULTS_NOT_JSON',
      `${file} is not JSON (${detail}): pass the results.json files a run wrote`,
      file,
    );
  }

  const problem = findShapeProblem(value);
  if (problem !== undefined) {
    throw new ReportingError(
      'RESULTS_NOT_RUN_RESULTS',
      `${file} is not a results.json of format 1 (${problem}): pass the results.json files a run wrote`,
      file,
    );
  }
  return value as RunResults;
}

function findShapeProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'the top level is not an object';
  if (value['format'] !== 1) return `\`format\` is ${JSON.stringify(value['format'])}, not 1`;
  const target = value['target'];
  if (!isRecord(target) || typeof target['name'] !== 'string') return '`target.name` is missing';
  for (const key of ['startedAt', 'finishedAt', 'mode', 'depth', 'harnessVersion']) {
    if (typeof value[key] !== 'string') return `\`${key}\` is not a string`;
  }
  if (typeof value['seed'] !== 'number') return '`seed` is not a number';
  for (const key of ['suites', 'faults']) {
    if (!Array.isArray(value[key])) return `\`${key}\` is not an array`;
  }
  const calls = value['calls'];
  if (!isRecord(calls)) return '`calls` is missing';
  for (const key of ['made', 'budget', 'throttled', 'waitedSeconds']) {
    if (typeof calls[key] !== 'number') return `\`calls.${key}\` is not a number`;
  }
  const rules = value['rules'];
  if (!Array.isArray(rules)) return '`rules` is not an array';
  for (const [index, rule] of rules.entries()) {
    const problem = findRuleProblem(rule);
    if (problem !== undefined) return `rules[${index}]: ${problem}`;
  }
  return undefined;
}

function findRuleProblem(rule: unknown): string | undefined {
  if (!isRecord(rule)) return 'not an object';
  for (const key of ['id', 'title', 'source']) {
    if (typeof rule[key] !== 'string') return `\`${key}\` is not a string`;
  }
  if (!STATUSES.has(rule['status'] as string)) {
    return `\`status\` is ${JSON.stringify(rule['status'])}, not pass, fail, skip or deferred`;
  }
  if (typeof rule['cases'] !== 'number') return '`cases` is not a number';
  const failures = rule['failures'];
  if (!Array.isArray(failures)) return '`failures` is not an array';
  if (!failures.every((failure) => isRecord(failure) && typeof failure['message'] === 'string')) {
    return 'a failure has no `message`';
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
