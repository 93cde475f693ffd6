import { ProfileError } from '../errors.ts';
import type { CredentialRef } from './profile.ts';

/** A username and password read from the environment. Never written anywhere. */
export interface Credentials {
  username: string;
  password: string;
}

/**
 * Reads credentials from the environment variables a profile names.
 * @throws ProfileError when a variable is unset or empty, naming the variable.
 */
export function readCredentials(
  ref: CredentialRef,
  env: NodeJS.ProcessEnv = process.env,
): Credentials {
  const username = env[ref.usernameEnv];
  const password = env[ref.passwordEnv];
  for (const [name, value] of [
    [ref.usernameEnv, username],
    [ref.passwordEnv, password],
  ] as const) {
    if (value === undefined || value === '') {
      throw new ProfileError(
        `environment variable ${name} is not set: export it with the Qualys API user's ` +
          'credentials before a live run (profiles never hold credentials)',
      );
    }
  }
  return { username: username as string, password: password as string };
}

/** The value of a Basic Authorization header for these credentials. */
export function basicAuthorization(credentials: Credentials): string {
  const token = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
  return `Basic ${token}`;
}
