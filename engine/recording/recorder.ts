import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isXmlContentType } from '../client/classify.ts';
import type { BodyTap } from '../governor/body-tap.ts';
import type { Exchange } from '../governor/exchange.ts';
import type { TargetProfile } from '../profile/profile.ts';
import { BodyCapture, type CapturedBody } from './body-capture.ts';
import { isTextContentType, type BodySummarizer } from './body-summarizer.ts';
import { EXPECTATIONS_FILE, recordedProfile } from './manifest.ts';
import { GENERATOR_VERSION, HARNESS_VERSION } from './manifest.ts';
import { RecordingError } from './recording-error.ts';
import {
  DEFAULT_RECORD_LIMITS,
  DEFAULT_VOLATILE_PARAMS,
  MANIFEST_FILE,
  RECORDING_FORMAT,
  type RecordedBody,
  type RecordedExchange,
  type RecordedRequest,
  type RecordingManifest,
  type RecordLimits,
} from './recording-format.ts';
import { recordingJson } from './recording-json.ts';
import { exchangeBaseName, slug, suiteOfLabel } from './recording-paths.ts';
import { canonicalParams } from './request-key.ts';
import type { Scrubber } from './scrubber.ts';
import { BODY_SUMMARIZERS } from './summarizers.ts';
import { firstHeader } from '../http-values.ts';

/** What a recording run is. */
export interface RecorderOptions {
  dir: string;
  profile: TargetProfile;
  mode: 'sim' | 'live';
  run: { seed: number; runs: number; depth: 'quick' | 'full'; suites: string[]; faults: string[] };
  scrubber: Scrubber;
  limits?: RecordLimits;
  /** Defaults to BODY_SUMMARIZERS (summarizers.ts). */
  summarizers?: readonly BodySummarizer[];
}

const DROPPED_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * Writes every exchange the governor sees into a recording directory: one JSON file per
 * exchange under `<suite>/<label>/`, text bodies in side files, large bodies summarized,
 * everything scrubbed before it is written. Use `tap` as the governor's ExchangeTap.
 */
export class Recorder {
  readonly dir: string;
  readonly scrubber: Scrubber;
  readonly #manifest: RecordingManifest;
  readonly #limits: RecordLimits;
  readonly #summarizers: readonly BodySummarizer[];
  readonly #sequences = new Map<string, number>();
  readonly #pending = new Set<Promise<void>>();
  readonly #failures: string[] = [];
  /** Files written so far, relative to `dir`. */
  readonly files: string[] = [];

  /**
   * Prepares `dir` (emptying an earlier recording there) and writes an incomplete manifest.
   * @throws RecordingError RECORDING_DIR when `dir` holds files but no recording
   */
  constructor(options: RecorderOptions) {
    this.dir = options.dir;
    this.scrubber = options.scrubber;
    this.#limits = options.limits ?? DEFAULT_RECORD_LIMITS;
    this.#summarizers = options.summarizers ?? BODY_SUMMARIZERS;
    prepareDir(options.dir);
    const simulator = options.mode === 'sim';
    this.#manifest = {
      format: RECORDING_FORMAT,
      harnessVersion: HARNESS_VERSION,
      generatorVersion: GENERATOR_VERSION,
      madeAgainst: simulator ? 'simulator' : 'live',
      note: simulator
        ? 'Made against the embedded simulator, not a Qualys platform: the answers are the simulator’s.'
        : `Recorded live against ${options.profile.name}; secrets scrubbed.`,
      recordedAt: new Date().toISOString(),
      complete: false,
      mode: options.mode,
      ...options.run,
      profile: this.scrubber.json(recordedProfile(options.profile, simulator)) as never,
      limits: this.#limits,
      volatileParams: [...DEFAULT_VOLATILE_PARAMS],
      exchanges: 0,
    };
    if (options.profile.expectations !== undefined) {
      copyFileSync(options.profile.expectations, join(options.dir, EXPECTATIONS_FILE));
    }
    this.#writeManifest();
  }

  /** The governor's ExchangeTap: copies each answer's body into the recording. */
  readonly tap = (exchange: Exchange): BodyTap | undefined => {
    const label = exchange.label ?? null;
    const key = label ?? '';
    const sequence = (this.#sequences.get(key) ?? 0) + 1;
    this.#sequences.set(key, sequence);
    const url = new URL(exchange.url, 'http://recording');
    const query = [...url.searchParams.entries()];
    const form =
      exchange.form === undefined ? [] : [...new URLSearchParams(exchange.form).entries()];
    const method = exchange.method === 'POST' ? 'POST' : 'GET';
    const base = join(
      suiteOfLabel(label),
      slug(label ?? 'unlabelled'),
      exchangeBaseName(sequence, method, url.pathname, [...query, ...form]),
    );
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      user: exchange.user ?? 'main',
      query: canonicalParams(this.scrubber.params(query)),
      form: canonicalParams(this.scrubber.params(form)),
      headers: {
        'x-requested-with': 'qualys-vmpc-conformance',
        ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    };
    const contentType = firstHeader(exchange.headers['content-type']);
    const capture = new BodyCapture({
      limit: isXmlContentType(contentType) ? this.#limits.xmlBytes : this.#limits.inlineBytes,
      headBytes: this.#limits.headBytes,
      summarizers: this.#summarizers.filter(
        (s) => s.name === 'default' || s.matches(contentType, exchange.headers),
      ),
      context: {
        status: exchange.status,
        headers: exchange.headers,
        request: { method, path: url.pathname, params: [...query, ...form] },
        depth: this.#manifest.depth,
        profile: this.#manifest.profile,
      },
    });
    const written = capture.result.then((body) => {
      const where = `${base}.json`;
      const recorded: RecordedExchange = {
        format: RECORDING_FORMAT,
        label: label === null ? null : this.scrubber.text(label),
        sequence,
        request,
        response: {
          status: exchange.status,
          headers: this.#headers(exchange.headers, where),
          body: this.#body(body, contentType, base, where),
        },
        ...(exchange.retried ? { retried: true } : {}),
      };
      this.#write(where, recordingJson(recorded));
    });
    const tracked = written.catch((error: unknown) => {
      this.#failures.push(`${base}.json: ${(error as Error).message}`);
    });
    this.#pending.add(tracked);
    void tracked.finally(() => this.#pending.delete(tracked));
    return { stream: capture, callerLeft: (bytes) => capture.callerLeft(bytes) };
  };

  /**
   * Waits for every exchange to be written and completes the manifest.
   * @throws RecordingError RECORDING_WRITE when an exchange could not be written
   */
  async close(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
    this.#manifest.exchanges = this.files.filter((f) => /\d{4}-[^/]*\.json$/.test(f)).length;
    this.#manifest.complete = this.#failures.length === 0;
    this.#writeManifest();
    if (this.#failures.length > 0) {
      throw new RecordingError(
        'RECORDING_WRITE',
        this.dir,
        `the recording in ${this.dir} is incomplete: ${this.#failures.join('; ')}`,
      );
    }
  }

  #headers(headers: Exchange['headers'], where: string): Record<string, string | string[]> {
    const kept: Exchange['headers'] = {};
    for (const [name, value] of Object.entries(headers)) {
      if (!DROPPED_HEADERS.has(name.toLowerCase())) kept[name] = value;
    }
    return this.scrubber.headers(kept, `response headers in ${where}`);
  }

  #body(
    body: CapturedBody,
    contentType: string | undefined,
    base: string,
    where: string,
  ): RecordedBody {
    const echo = `response body in ${where}`;
    if (body.kind === 'summary') {
      const whole = utf8Prefix(body.head);
      const head = asText(whole, contentType);
      return {
        kind: 'summary',
        summary: {
          contentType: contentType ?? null,
          bytes: body.bytes,
          complete: body.complete,
          head:
            head === undefined
              ? {
                  encoding: 'base64',
                  data: this.scrubber.bytes(body.head, echo).toString('base64'),
                  bytes: body.head.length,
                }
              : { encoding: 'utf8', data: this.scrubber.text(head, echo), bytes: whole.length },
          summaries: this.scrubber.json(body.summaries, echo) as Record<string, unknown>,
          ...(body.ended === undefined ? {} : { ended: body.ended }),
        },
      };
    }
    const truncated = body.truncated ? { truncated: true } : {};
    if (body.data.length === 0) return { kind: 'empty' };
    const text = asText(body.data, contentType);
    if (text === undefined) {
      const data = this.scrubber.bytes(body.data, echo).toString('base64');
      return { kind: 'base64', data, bytes: body.data.length, ...truncated };
    }
    const file = `${base}.body${extensionOf(contentType)}`;
    this.#write(file, this.scrubber.text(text, echo));
    return {
      kind: 'text',
      file: file.split('/').at(-1) ?? file,
      bytes: body.data.length,
      ...truncated,
    };
  }

  #write(file: string, text: string): void {
    const path = join(this.dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    this.files.push(file);
  }

  #writeManifest(): void {
    writeFileSync(join(this.dir, MANIFEST_FILE), recordingJson(this.#manifest));
  }
}

/** Empties an earlier recording in `dir`, or makes `dir`; refuses a folder of other files. */
function prepareDir(dir: string): void {
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MANIFEST_FILE)) {
      throw new RecordingError(
        'RECORDING_DIR',
        dir,
        `${relative(process.cwd(), dir) || dir} holds files but no ${MANIFEST_FILE}: it is not ` +
          'a recording, so it is left alone; give --record a new or empty directory',
      );
    }
    for (const entry of entries) rmSync(join(dir, entry), { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
}

/** The body as text when it is text (by content type, or UTF-8 without NULs when untyped). */
function asText(data: Buffer, contentType: string | undefined): string | undefined {
  if (contentType !== undefined && !isTextContentType(contentType)) return undefined;
  const text = data.toString('utf8');
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(data)) return undefined;
  if (contentType === undefined && text.includes('\u0000')) return undefined;
  return text;
}

/** The longest prefix of `data` that does not end inside a UTF-8 character. */
function utf8Prefix(data: Buffer): Buffer {
  for (let cut = 0; cut < 4 && cut < data.length; cut += 1) {
    const prefix = data.subarray(0, data.length - cut);
    if (Buffer.from(prefix.toString('utf8'), 'utf8').equals(prefix)) return prefix;
  }
  return data;
}

function extensionOf(contentType: string | undefined): string {
  if (isXmlContentType(contentType)) return '.xml';
  if (contentType !== undefined && /csv/i.test(contentType)) return '.csv';
  if (contentType !== undefined && /json/i.test(contentType)) return '.json';
  return '.txt';
}
