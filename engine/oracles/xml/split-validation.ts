import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import libxml from 'libxmljs2';
import { debug } from '../../debug.ts';
import { withBoundedErrors } from './bounded-errors.ts';
import { pinDoctype } from './doctype-rewrite.ts';
import { VALIDATING } from './libxml-options.ts';
import { parseWithLibxml } from './libxml-parse.ts';
import type { ParserOptions } from './libxml-parse.ts';
import type { LoadedDtd } from './load-dtd.ts';
import { splitMapRequest } from './map-request-parts.ts';
import { PART_HELPER_SOURCE } from './part-helper-source.ts';
import { CONTROL, CONTROL_LENGTH, PART_MANAGER_SOURCE } from './part-manager-source.ts';
import type { PartManagerData } from './part-manager-source.ts';
import type { Prolog } from './prolog.ts';

/** How a large map-2 body is validated by parts; see {@link validatesByParts}. */
export interface SplitSettings {
  /** Bytes a part reaches before it closes (after the MAP that brings it there). */
  partBytes: number;
  /** Helper processes validating parts beside this thread (0: this thread alone). */
  helpers: number;
}

/** Default of `splitPartBytes`: parts of 4 MB keep a part's DOM to tens of MB. */
export const DEFAULT_SPLIT_PART_BYTES = 4 * 1024 * 1024; // 4 MB

/** Default of `splitHelpers`: one per CPU beyond the first, at most one. */
export const DEFAULT_SPLIT_HELPERS = Math.max(0, Math.min(1, availableParallelism() - 1));

// A helper that reports no progress for this long is taken as lost, and the body is validated
// whole instead: a part of a few MB takes well under a second; 1 ms per kB covers a huge MAP.
const STALL_MS = 60_000; // 1 min
const STALL_MS_PER_BYTE = 1 / 1024;

const MAP_REQUEST = 'MAP_REQUEST';
const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.0\1(\s+encoding\s*=\s*(["'])utf-8\3)?\s*\?>/i;

/** True when the body declares no encoding but UTF-8, no standalone, no version but 1.0. */
function declaresPlainUtf8(bytes: Buffer, utf8: boolean): boolean {
  if (utf8) return true;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = bytes.toString('latin1', start, start + 200);
  return !head.startsWith('<?xml') || XML_DECLARATION.test(head);
}

/** Validates one part in this thread: true only with no error and no warning. */
function partIsValid(part: Buffer, head: Buffer, tail: Buffer): boolean {
  const source = Buffer.concat([head, part, tail]);
  const parsed = withBoundedErrors(1, () =>
    libxml.parseXml(source as unknown as string, VALIDATING),
  );
  const errors = parsed.result?.errors.length ?? 1;
  return errors + parsed.dropped + parsed.droppedWarnings === 0;
}

/**
 * Validates the parts on this thread and, through part managers (worker threads driving a
 * helper process each), on others; all claim parts from one shared counter. Blocks until
 * every part is done, one is not valid, or nothing happens for `stallMs`.
 */
function partsAreValid(data: PartManagerData, helpers: number, head: string, stallMs: number) {
  const control = new Int32Array(data.control);
  const managers: Worker[] = [];
  try {
    for (let h = 0; h < helpers; h += 1) {
      const manager = new Worker(PART_MANAGER_SOURCE, { eval: true, workerData: data });
      manager.on('error', (error) => debug('xml split: part manager failed: %s', error.message));
      manager.unref();
      managers.push(manager);
    }
  } catch (error) {
    debug('xml split: cannot start a part manager: %s', String(error));
  }

  const content = Buffer.from(data.content);
  const before = Buffer.from(head, 'utf8');
  const after = Buffer.from(`</${MAP_REQUEST}>`, 'utf8');
  const parts = data.bounds.length - 1;
  let here = 0;
  while (Atomics.load(control, CONTROL.failed) === 0) {
    const part = Atomics.add(control, CONTROL.next, 1);
    if (part >= parts) break;
    const bytes = content.subarray(data.bounds[part], data.bounds[part + 1]);
    if (!partIsValid(bytes, before, after)) Atomics.store(control, CONTROL.failed, 1);
    here += 1;
  }
  debug('xml split: %d parts, %d validated on the main thread', parts, here);

  // Blocking is what the synchronous validateXml has always done for the length of a parse.
  for (;;) {
    const seen = Atomics.load(control, CONTROL.signal);
    if (Atomics.load(control, CONTROL.exited) === managers.length) break;
    if (Atomics.wait(control, CONTROL.signal, seen, stallMs) === 'timed-out') {
      debug('xml split: no part finished in %d ms: validating whole', stallMs);
      Atomics.store(control, CONTROL.failed, 1);
      for (const manager of managers) void manager.terminate();
      return false;
    }
  }
  const claimed = Atomics.load(control, CONTROL.next);
  return Atomics.load(control, CONTROL.failed) === 0 && claimed >= parts;
}

/**
 * Validates a large `MAP_REQUEST` body against map-2 in parts of whole MAP elements, on this
 * thread and on helper processes, each part a document of its own: the pinned DTD, `<MAP_REQUEST>`, the
 * part's bytes, `</MAP_REQUEST>`. The rest of the body (prolog, root tags, what follows the
 * root) is validated as an empty MAP_REQUEST with the same DOCTYPE pinning as a whole parse.
 * Sound because map-2 declares no ID, IDREF, ENTITY or default attribute: a MAP's validity
 * depends on its own subtree alone, and MAP_REQUEST holds MAP* (the scanner admits only MAP).
 * @param bytes the body, as parserInput gave it.
 * @param input `utf8`: parserInput re-encoded the body (its declared encoding is ignored);
 *   `encoding`: the libxml2 encoding options of the whole parse.
 * @param settings part size and helper count.
 * @returns true only when every piece is valid with no error and no warning; false for
 *   anything else (a body the scanner does not follow, an invalid part, a helper that fails):
 *   the caller then validates the body whole, for its errors and their lines.
 */
export function validatesByParts(
  bytes: Buffer,
  prolog: Prolog,
  dtd: LoadedDtd,
  input: { utf8: boolean; encoding: ParserOptions },
  settings: SplitSettings,
): boolean {
  if (dtd.root !== MAP_REQUEST || prolog.root?.name !== MAP_REQUEST) return false;
  if (prolog.doctype?.internalSubset === true || !declaresPlainUtf8(bytes, input.utf8)) {
    return false;
  }
  const parts = splitMapRequest(bytes, prolog.root.offset, settings.partBytes);
  if (parts === null || parts.bounds.length < 3) {
    debug('xml split: %s: validating whole', parts === null ? 'not followed' : 'one part');
    return false;
  }

  const { contentStart, contentEnd } = parts;
  const rest = Buffer.concat([bytes.subarray(0, contentStart), bytes.subarray(contentEnd)]);
  const { source, shift } = pinDoctype(rest, prolog, dtd, MAP_REQUEST);
  const report = parseWithLibxml(source, { ...VALIDATING, ...input.encoding }, shift, 1);
  const restIsValid = report.fatal === null && report.errors.length + report.warnings.length === 0;
  if (!restIsValid || report.dropped + report.droppedWarnings > 0) return false;

  const content = new SharedArrayBuffer(contentEnd - contentStart);
  new Uint8Array(content).set(bytes.subarray(contentStart, contentEnd));
  const bounds = parts.bounds.map((offset) => offset - contentStart);
  let largest = 0;
  for (let k = 1; k < bounds.length; k += 1) {
    largest = Math.max(largest, (bounds[k] ?? 0) - (bounds[k - 1] ?? 0));
  }
  const head = `<!DOCTYPE ${MAP_REQUEST} [${dtd.subset}]><${MAP_REQUEST}>`;
  const helperConfig = {
    libxmljs2: createRequire(import.meta.url).resolve('libxmljs2'),
    head,
    tail: `</${MAP_REQUEST}>`,
    options: VALIDATING,
  };
  const data: PartManagerData = {
    content,
    bounds,
    control: new SharedArrayBuffer(CONTROL_LENGTH * Int32Array.BYTES_PER_ELEMENT),
    helperSource: PART_HELPER_SOURCE,
    helperConfig: JSON.stringify(helperConfig),
  };
  const helpers = Math.max(0, Math.min(settings.helpers, bounds.length - 2));
  return partsAreValid(data, helpers, head, STALL_MS + largest * STALL_MS_PER_BYTE);
}
