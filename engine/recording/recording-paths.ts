import { resolve } from 'node:path';
import { RULES, SUITES } from '../rules/catalogue.ts';

/** The repository's `recordings/` folder. */
export const RECORDINGS_ROOT = resolve(import.meta.dirname, '..', '..', 'recordings');

/** What `--target replay` plays when no directory is given: the shipped simulator recording. */
export const DEFAULT_REPLAY_DIR = resolve(RECORDINGS_ROOT, 'simulator');

/** Where `--record` without a directory writes: `recordings/<profile name>/`. */
export function defaultRecordDir(profileName: string): string {
  return resolve(RECORDINGS_ROOT, slug(profileName));
}

/** True for `replay` and `replay:DIR` targets. */
export function isReplayTarget(target: string): boolean {
  return target === 'replay' || target.startsWith('replay:');
}

/** The directory a `replay[:DIR]` target plays (DIR relative to the working directory). */
export function replayDirOf(target: string): string {
  const dir = target.slice('replay:'.length);
  return target === 'replay' || dir === '' ? DEFAULT_REPLAY_DIR : resolve(dir);
}

/**
 * The suite folder of a call's label: the catalogue's suite for a rule id; for another label
 * (`RPT fetch`, `map networks`), the suite its first word names or whose rule ids it prefixes;
 * `harness` for calls of the harness itself (`restore`), `unlabelled` without a label.
 */
export function suiteOfLabel(label: string | null): string {
  if (label === null) return 'unlabelled';
  const rule = RULES.find((r) => r.id === label);
  if (rule !== undefined) return rule.suite;
  const word = (label.split(/[\s/]/)[0] ?? '').toLowerCase();
  if ((SUITES as readonly string[]).includes(word)) return word;
  const prefix = (label.split(/[\s/-]/)[0] ?? '').toUpperCase();
  const suites = new Set(RULES.filter((r) => r.id.startsWith(`${prefix}-`)).map((r) => r.suite));
  const [only] = suites;
  return suites.size === 1 && only !== undefined ? only : 'harness';
}

/** The base file name of an exchange: `0003-post-policy-set_asset_tags`. */
export function exchangeBaseName(
  sequence: number,
  method: string,
  path: string,
  params: [string, string][],
): string {
  const segment =
    path
      .split('/')
      .filter((s) => s !== '')
      .at(-1) ?? 'root';
  const action = params.find(([name]) => name === 'action')?.[1];
  const operation = [segment.replace(/\.php$/, ''), action].filter((s) => s !== undefined);
  return `${String(sequence).padStart(4, '0')}-${method.toLowerCase()}-${slug(operation.join('-'))}`;
}

/** A name safe as one path segment. */
export function slug(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return safe === '' ? '_' : safe.slice(0, 80);
}
