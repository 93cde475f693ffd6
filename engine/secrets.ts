/**
 * The values no output may ever hold: usernames, passwords and their Basic tokens. The process
 * that reads credentials registers them here; everything that writes a report, a log line or a
 * recording passes its text through `redact`.
 */
const KEY = Symbol.for('qualys-conformance.secrets');
// vitest loads the global setup (which registers the secrets) in its own module graph; the
// registry lives on globalThis so the CLI, in the same process, redacts with the same values.
const secrets: Map<string, string> = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<
  string,
  string
>()) as Map<string, string>;

/**
 * Registers a secret and the placeholder that replaces it.
 * @param value the secret; values shorter than 3 characters are ignored (they would redact prose)
 */
export function registerSecret(value: string, placeholder = '<redacted>'): void {
  if (value.length < 3) return;
  secrets.set(value, placeholder);
  secrets.set(encodeURIComponent(value), placeholder);
}

/** Registers a user's credentials and their Basic token forms. */
export function registerCredentials(username: string, password: string): void {
  registerSecret(password, '<password>');
  registerSecret(username, '<username>');
  const token = Buffer.from(`${username}:${password}`).toString('base64');
  registerSecret(token, '<basic-token>');
  registerSecret(Buffer.from(password).toString('base64'), '<password>');
}

/** Replaces every registered secret in `text` with its placeholder; longest secrets first. */
export function redact(text: string): string {
  if (secrets.size === 0) return text;
  let out = text;
  const ordered = [...secrets.entries()].sort((a, b) => b[0].length - a[0].length);
  for (const [value, placeholder] of ordered) {
    if (out.includes(value)) out = out.split(value).join(placeholder);
  }
  return out.replace(/(authorization:\s*basic\s+)[A-Za-z0-9+/=]+/gi, '$1<basic-token>');
}

/** The secrets registered so far (for the post-run secret scan). */
export function registeredSecrets(): string[] {
  return [...secrets.keys()];
}
