import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readManifest, EXPECTATIONS_FILE, refreshHint } from './manifest.ts';
import { RecordingError } from './recording-error.ts';
import {
  MANIFEST_FILE,
  RECORDING_FORMAT,
  type RecordedExchange,
  type RecordingManifest,
} from './recording-format.ts';
import { isPlaceholder } from './scrubber.ts';

/** One recorded exchange, checked, with the bytes a replay serves. */
export interface LoadedExchange {
  /** Absolute path of the exchange file. */
  file: string;
  exchange: RecordedExchange;
  /** The body to serve: the whole body, or a summarized body's head. */
  body: Buffer;
}

/** A recording directory, read and checked. */
export interface LoadedRecording {
  dir: string;
  manifest: RecordingManifest;
  exchanges: LoadedExchange[];
}

/**
 * Reads a recording directory whole and checks every file: the manifest (format, harness and
 * generator versions), each exchange file's JSON and fields, each side file, and that no file
 * holds a credential (recordings transcribed from the release notes hold the vendor's sample
 * values and are exempt from that check).
 * @throws RecordingError naming the file: RECORDING_INVALID, RECORDING_STALE, RECORDING_SECRET
 */
export function readRecording(dir: string): LoadedRecording {
  const manifest = readManifest(dir);
  const exchanges: LoadedExchange[] = [];
  const seen = new Map<string, string>();
  for (const file of exchangeFiles(dir)) {
    const loaded = readExchange(file, manifest, dir);
    const key = `${loaded.exchange.label ?? ''}#${loaded.exchange.sequence}`;
    const twin = seen.get(key);
    if (twin !== undefined) {
      throw invalid(file, `has the same label and sequence as ${shown(twin)}`, manifest, dir);
    }
    seen.set(key, file);
    if (manifest.madeAgainst !== 'release-notes') checkNoSecret(loaded);
    exchanges.push(loaded);
  }
  return { dir, manifest, exchanges };
}

/** Every exchange file under `dir` (JSON files that are neither side files nor the manifest). */
export function exchangeFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (isExchangeFile(path, dir)) found.push(path);
    }
  };
  walk(dir);
  return found;
}

function isExchangeFile(path: string, dir: string): boolean {
  const name = relative(dir, path);
  return (
    name.endsWith('.json') &&
    !name.includes('.body.') &&
    name !== MANIFEST_FILE &&
    name !== EXPECTATIONS_FILE
  );
}

function readExchange(file: string, manifest: RecordingManifest, dir: string): LoadedExchange {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw invalid(file, `is not valid JSON (${(error as Error).message})`, manifest, dir);
  }
  const e = raw as RecordedExchange;
  const r = e.request as Partial<RecordedExchange['request']> | undefined;
  const problem =
    e.format !== RECORDING_FORMAT
      ? `format is ${String(e.format)}, not ${RECORDING_FORMAT}`
      : !Number.isSafeInteger(e.sequence) || e.sequence < 1
        ? 'sequence is not a whole number ≥ 1'
        : r === undefined || (r.method !== 'GET' && r.method !== 'POST')
          ? 'request.method is not GET or POST'
          : typeof r.path !== 'string' || typeof r.user !== 'string'
            ? 'request.path or request.user is missing'
            : !pairs(r.query) || !pairs(r.form)
              ? 'request.query or request.form is not a list of [name, value] pairs'
              : e.response !== null &&
                  (typeof e.response?.status !== 'number' ||
                    typeof e.response.headers !== 'object' ||
                    typeof e.response.body?.kind !== 'string')
                ? 'response lacks status, headers or body'
                : undefined;
  if (problem !== undefined)
    throw invalid(file, `is not a recorded exchange: ${problem}`, manifest, dir);
  return { file, exchange: e, body: bodyOf(file, e, manifest, dir) };
}

function bodyOf(
  file: string,
  e: RecordedExchange,
  manifest: RecordingManifest,
  dir: string,
): Buffer {
  const body = e.response?.body;
  if (body === undefined || body.kind === 'empty') return Buffer.alloc(0);
  if (body.kind === 'base64') return Buffer.from(body.data, 'base64');
  if (body.kind === 'summary') {
    const head = body.summary?.head;
    if (head === undefined) throw invalid(file, 'has a summary without a head', manifest, dir);
    return Buffer.from(head.data, head.encoding === 'base64' ? 'base64' : 'utf8');
  }
  if (body.kind === 'text') {
    const side = join(file, '..', body.file);
    if (!existsSync(side)) {
      throw invalid(file, `names a body file ${shown(side)} that does not exist`, manifest, dir);
    }
    return readFileSync(side);
  }
  throw invalid(
    file,
    `has a body of unknown kind "${String((body as { kind: unknown }).kind)}"`,
    manifest,
    dir,
  );
}

const SECRET_FIELD = /^(username|password|user_login|passwd)$/i;
const SESSION = /QualysSession=([^;,\s]+)/g;
const USER_LOGIN = /<USER_LOGIN>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/USER_LOGIN>/g;

/** Throws when a file holds a credential the recorder would have scrubbed. */
function checkNoSecret(loaded: LoadedExchange): void {
  const { exchange: e, file } = loaded;
  const found = (what: string): never => {
    throw new RecordingError(
      'RECORDING_SECRET',
      file,
      `${shown(file)} holds a secret (${what}): replace it with a placeholder such as ` +
        '[password-1], or record again; never commit it',
    );
  };
  for (const [name, value] of [...e.request.query, ...e.request.form]) {
    if (SECRET_FIELD.test(name) && !isPlaceholder(value)) found(`request parameter ${name}`);
  }
  for (const [name, value] of Object.entries(e.request.headers ?? {})) {
    if (name.toLowerCase() === 'authorization' && !isPlaceholder(value))
      found('an Authorization header');
  }
  const texts = Object.values(e.response?.headers ?? {}).flat();
  const body = e.response?.body;
  if (body?.kind === 'text') texts.push(loaded.body.toString('utf8'));
  if (body?.kind === 'summary' && body.summary.head.encoding === 'utf8')
    texts.push(body.summary.head.data);
  for (const text of texts) {
    for (const m of text.matchAll(SESSION))
      if (!isPlaceholder(m[1] ?? '')) found('a QualysSession cookie');
    for (const m of text.matchAll(USER_LOGIN)) {
      const value = m[1] ?? m[2] ?? '';
      if (value.trim() !== '' && !isPlaceholder(value)) found('a SIMPLE_RETURN USER_LOGIN');
    }
  }
}

function pairs(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((p) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === 'string'))
  );
}

function invalid(
  file: string,
  what: string,
  manifest: RecordingManifest,
  dir: string,
): RecordingError {
  return new RecordingError(
    'RECORDING_INVALID',
    file,
    `${shown(file)} ${what}: fix it by hand or ${refreshHint(manifest, dir)}`,
  );
}

function shown(file: string): string {
  return relative(process.cwd(), file) || file;
}
