import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A credential found in a file; `form` says how it was written, never the value. */
export interface SecretHit {
  file: string;
  form: string;
}

interface SecretForm {
  form: string;
  /** As latin1 text of its UTF-8 bytes (how files are searched). */
  needle: string;
}

const MIN_ENCODED = 6; // shorter base64/hex fragments would match by chance

/**
 * The ways a secret can be written: as is, URL-encoded, XML- and JSON-escaped,
 * hex, and base64 at each of the three byte alignments (so it is found inside a longer
 * base64 text too, e.g. a Basic token or an encoded blob).
 */
export function secretForms(secret: string): SecretForm[] {
  const forms = new Map<string, string>();
  const add = (form: string, text: string): void => {
    if (text.length > 0 && !forms.has(text)) forms.set(text, form);
  };
  add('as written', secret);
  add('URL-encoded', encodeURIComponent(secret));
  add('XML-escaped', secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  add('JSON-escaped', JSON.stringify(secret).slice(1, -1));
  const bytes = Buffer.from(secret, 'utf8');
  if (bytes.length * 2 >= MIN_ENCODED) add('hex', bytes.toString('hex'));
  for (let offset = 0; offset < 3; offset += 1) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString('base64').replace(/=+$/, '');
    const start = [0, 2, 3][offset] ?? 0;
    const end = (offset + bytes.length) % 3 === 0 ? encoded.length : encoded.length - 1;
    const fragment = encoded.slice(start, end);
    if (fragment.length >= MIN_ENCODED) {
      add('base64', fragment);
      add('base64url', fragment.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms].map(([text, form]) => ({
    form,
    needle: Buffer.from(text, 'utf8').toString('latin1'),
  }));
}

/**
 * Searches every file under `paths` (files or directories) for the secrets in any of their
 * forms. Case counts: an environment variable named QUALYS_SIM_READER_PASSWORD is no leak of
 * a username sim_reader.
 * @param secrets values of at least 3 characters (shorter ones are ignored)
 */
export function scanForSecrets(paths: readonly string[], secrets: readonly string[]): SecretHit[] {
  const forms = [...new Set(secrets)].filter((s) => s.length >= 3).flatMap(secretForms);
  const hits: SecretHit[] = [];
  const seen = new Set<string>();
  const scan = (path: string): void => {
    if (!existsSync(path) || seen.has(path)) return;
    seen.add(path);
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) scan(join(path, entry));
      return;
    }
    const text = readFileSync(path).toString('latin1');
    const found = forms.find((f) => text.includes(f.needle));
    if (found !== undefined) hits.push({ file: path, form: found.form });
  };
  for (const path of paths) scan(path);
  return hits;
}
