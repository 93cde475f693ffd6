import { ProfileError } from '../errors.ts';

/** A JSON object as parsed, before validation. */
export type Json = Record<string, unknown>;

const SECRET_KEY = /^(password|passwd|pwd|secret|token|apikey|api_key|authorization)$/i;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Field validators of target profiles: each throws a ProfileError naming the field and what to
// put there, so every invalid profile gets one error a user can act on.

/** Refuses any key that looks like a credential, at any depth. */
export function refuseSecrets(value: unknown, path: string): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const field = path === '' ? key : `${path}.${key}`;
    if (SECRET_KEY.test(key) || /^username$/i.test(key)) {
      throw new ProfileError(
        `profile field \`${field}\` holds a credential: credentials never live in a profile; ` +
          'put the name of an environment variable in `credentials.usernameEnv` / `passwordEnv`',
      );
    }
    refuseSecrets(child, field);
  }
}

/** Refuses keys other than `allowed` (typos would otherwise be silently ignored). */
export function onlyKeys(o: Json, allowed: string[], prefix: string): void {
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) {
      throw new ProfileError(
        `profile field \`${prefix}${key}\` is unknown: allowed here are ${allowed.filter((k) => !k.startsWith('$')).join(', ')}`,
      );
    }
  }
}

/** The value as an object. */
export function object(value: unknown, field: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ProfileError(`profile field \`${field}\` must be an object`);
  }
  return value as Json;
}

/** The value as a non-empty string; `what` says what belongs there. */
export function string(value: unknown, field: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ProfileError(`profile field \`${field}\` is missing or empty: put ${what} there`);
  }
  return value;
}

/** The value as a list of strings. */
export function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ProfileError(`profile field \`${field}\` must be a list of strings`);
  }
  return value as string[];
}

/** The value as a whole number of at least `min`. */
export function int(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new ProfileError(
      `profile field \`${field}\` is ${JSON.stringify(value)}: put a whole number ≥ ${min} there`,
    );
  }
  return value;
}

/** The value as true or false. */
export function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') {
    throw new ProfileError(
      `profile field \`${field}\` is ${JSON.stringify(value)}: put true or false there`,
    );
  }
  return value;
}

/** The value as the name of an environment variable. */
export function envName(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ENV_NAME.test(value)) {
    throw new ProfileError(
      `profile field \`${field}\` is ${JSON.stringify(value)}: put the name of an environment variable there, e.g. QUALYS_USERNAME`,
    );
  }
  return value;
}

/** The value as a regular expression source (for `scrub`). */
export function validRegExp(pattern: string, index: number): string {
  try {
    new RegExp(pattern, 'g');
  } catch (error) {
    throw new ProfileError(
      `profile field \`scrub[${index}]\` is not a regular expression: ${(error as Error).message}`,
    );
  }
  return pattern;
}
