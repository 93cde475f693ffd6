import { dropDoctype, pinDoctype } from './doctype-rewrite.ts';
import { NON_VALIDATING, VALIDATING } from './libxml-options.ts';
import { parseWithLibxml } from './libxml-parse.ts';
import { loadDtd } from './load-dtd.ts';
import { parserInput } from './parser-input.ts';
import type { DtdName } from './pinned-dtds.ts';
import { scanProlog } from './prolog.ts';
import {
  DEFAULT_SPLIT_PART_BYTES,
  DEFAULT_SPLIT_HELPERS,
  validatesByParts,
} from './split-validation.ts';
import type { XmlIssue, XmlStatus, XmlVerdict } from './xml-verdict.ts';

/** Options of {@link validateXml}. */
export interface ValidateXmlOptions {
  /** A pinned DTD (`'map-2'`, see dtds/README.md) or the path of a DTD file. */
  dtd: DtdName | (string & {});
  /** Bodies larger than this many bytes are refused before parsing. Default 256 MB. */
  maxBytes?: number;
  /**
   * Errors kept in a verdict; past it they are counted in one last issue. Bounds memory for a
   * body broken everywhere (libxmljs2 builds a JS object per error). Default 100,000.
   */
  maxErrors?: number;
  /**
   * A map-2 body with root MAP_REQUEST larger than this many bytes is first validated in parts
   * of whole MAP elements, here and in helper processes; the verdict is `valid` only when every part is, and
   * otherwise comes from a whole parse, as for a smaller body. Default 16 MB; Infinity: never.
   */
  splitAboveBytes?: number;
  /** Size a part reaches before it closes. Default 4 MB. */
  splitPartBytes?: number;
  /** Helper processes validating parts beside this thread. Default 1 (0 on a single CPU). */
  splitHelpers?: number;
}

/** Default of {@link ValidateXmlOptions.maxBytes}. */
export const DEFAULT_MAX_XML_BYTES = 256 * 1024 * 1024; // 256 MB

/** Default of {@link ValidateXmlOptions.maxErrors}. */
export const DEFAULT_MAX_XML_ERRORS = 100_000;

/** Default of {@link ValidateXmlOptions.splitAboveBytes}. */
export const DEFAULT_SPLIT_ABOVE_BYTES = 16 * 1024 * 1024; // 16 MB

/**
 * Validates an XML body against a pinned DTD (or a DTD file), whatever DOCTYPE the body
 * declares: the body's DOCTYPE and internal subset are recorded and discarded, nothing is
 * loaded from them, no entity is expanded, nothing is fetched.
 * @param body the response body; a string is taken as Unicode text, bytes may be in any
 *   encoding libxml2 knows (UTF-8, UTF-16, ISO-8859-x).
 * @param options `dtd` (required), `maxBytes` (default 256 MB), `maxErrors` (default 100,000),
 *   `splitAboveBytes` (16 MB), `splitPartBytes` (4 MB), `splitHelpers` (1).
 * @returns a verdict for any input: `valid`, `invalid` (every validity error with its line),
 *   `malformed` (the parser's first fatal error and its line) or `too-large`.
 * @throws XmlOracleError only when the DTD itself cannot be used (see loadDtd).
 */
export function validateXml(body: Buffer | string, options: ValidateXmlOptions): XmlVerdict {
  const dtd = loadDtd(options.dtd);
  const bytes = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  const verdict = (status: XmlStatus, fields: Partial<XmlVerdict>): XmlVerdict => ({
    status,
    dtd: dtd.label,
    root: null,
    systemId: null,
    bytes,
    errors: [],
    warnings: [],
    ...fields,
  });

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_XML_BYTES;
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_XML_ERRORS;
  if (bytes > maxBytes) {
    const message = `body is ${bytes} bytes, over the limit of ${maxBytes} bytes: not parsed`;
    return verdict('too-large', { errors: [{ message, line: null, column: null }] });
  }
  const input = parserInput(body);
  if ('error' in input) {
    return verdict('malformed', { errors: [{ message: input.error, line: 1, column: null }] });
  }

  const prolog = scanProlog(input.bytes);
  const found = { root: prolog.root?.name ?? null, systemId: prolog.doctype?.systemId ?? null };
  if (prolog.problem !== null) return verdict('malformed', { ...found, errors: [prolog.problem] });
  const warnings: XmlIssue[] = [];
  if (prolog.doctype?.internalSubset === true) {
    const message = 'the DOCTYPE carries an internal subset: ignored, its entities are undefined';
    warnings.push({ message, line: prolog.doctype.line, column: null });
  }
  const encoding = input.utf8 ? { encoding: 'UTF-8', ignore_enc: true } : {};

  if (prolog.root === null) {
    const source = dropDoctype(input.bytes, prolog);
    const { fatal } = parseWithLibxml(source, { ...NON_VALIDATING, ...encoding }, null, maxErrors);
    const message = 'the prolog does not end in a root element start tag the oracle can read';
    return verdict('malformed', {
      ...found,
      warnings,
      errors: [fatal ?? { message, line: 1, column: null }],
    });
  }

  const root = dtd.root ?? (/^[^\s<>&"'=]+$/.test(prolog.root.name) ? prolog.root.name : 'x');
  const split = {
    partBytes: options.splitPartBytes ?? DEFAULT_SPLIT_PART_BYTES,
    helpers: options.splitHelpers ?? DEFAULT_SPLIT_HELPERS,
  };
  if (
    input.bytes.length > (options.splitAboveBytes ?? DEFAULT_SPLIT_ABOVE_BYTES) &&
    validatesByParts(input.bytes, prolog, dtd, { utf8: input.utf8, encoding }, split)
  ) {
    return verdict('valid', { ...found, warnings });
  }
  const { source, shift } = pinDoctype(input.bytes, prolog, dtd, root);
  const report = parseWithLibxml(source, { ...VALIDATING, ...encoding }, shift, maxErrors);
  warnings.push(...report.warnings);
  if (report.fatal !== null) {
    return verdict('malformed', { ...found, warnings, errors: [report.fatal] });
  }
  const errors = report.errors;
  const notKept = (count: number, what: string) => ({
    message: `${count} more ${what} not kept (maxErrors ${maxErrors})`,
    line: null,
    column: null,
  });
  if (report.dropped > 0) errors.push(notKept(report.dropped, 'errors'));
  if (report.droppedWarnings > 0) warnings.push(notKept(report.droppedWarnings, 'warnings'));
  return verdict(errors.length > 0 ? 'invalid' : 'valid', { ...found, warnings, errors });
}
