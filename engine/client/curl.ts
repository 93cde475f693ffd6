import type { CredentialRef } from '../profile/profile.ts';
import { formBody, queryString, type ApiRequest } from './api-request.ts';

/**
 * A curl line that reproduces a call. Credentials stay in the environment: the line reads them
 * from the variables the profile names, so it can be pasted into a report safely.
 */
export function toCurl(apiUrl: string, request: ApiRequest, credentials: CredentialRef): string {
  const url = `${apiUrl}${request.path}${queryString(request)}`;
  const parts = [
    'curl',
    `-u "$${credentials.usernameEnv}:$${credentials.passwordEnv}"`,
    '-H "X-Requested-With: qualys-vmpc-conformance"',
  ];
  const body = formBody(request);
  if (request.method === 'POST') parts.push('-X POST', `-d ${shellQuote(body ?? '')}`);
  parts.push(shellQuote(url));
  return parts.join(' ');
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
