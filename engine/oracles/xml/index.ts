/**
 * The XML oracle: validates response bodies against the DTDs pinned in `dtds/`, with libxml2
 * (libxmljs2), never trusting the body's own DOCTYPE.
 *
 * - `validateXml(body, { dtd, maxBytes })` → `XmlVerdict` (`valid` | `invalid` | `malformed` |
 *   `too-large`), for any bytes; never throws for a body. A map-2 body over 16 MB is first
 *   validated by parts beside a helper process (split-validation.ts); only `valid` comes
 *   from there, any other verdict from the whole parse.
 * - `dtdForDocument(body)` picks the pinned DTD from the declared system id or the root element.
 * - `validateXmlFile(path, { dtd?, maxBytes? })` → `FileVerdict` for a saved response.
 * - `loadDtd(name | path)` reads and checks a DTD once per process.
 */
export {
  validateXml,
  DEFAULT_MAX_XML_BYTES,
  DEFAULT_MAX_XML_ERRORS,
  DEFAULT_SPLIT_ABOVE_BYTES,
} from './validate-xml.ts';
export type { ValidateXmlOptions } from './validate-xml.ts';
export { dtdForDocument, peekDocument } from './dtd-for-document.ts';
export type { DocumentPeek } from './dtd-for-document.ts';
export { loadDtd } from './load-dtd.ts';
export type { LoadedDtd } from './load-dtd.ts';
export { PINNED_DTD_ROOTS, isDtdName, dtdForRoot } from './pinned-dtds.ts';
export type { DtdName } from './pinned-dtds.ts';
export { XmlOracleError } from './xml-oracle-error.ts';
export type { XmlOracleErrorCode } from './xml-oracle-error.ts';
export type { XmlIssue, XmlStatus, XmlVerdict } from './xml-verdict.ts';
export { validateXmlFile, formatIssue } from './validate-xml-file.ts';
export type { ValidateXmlFileOptions, XmlFileVerdict } from './validate-xml-file.ts';
