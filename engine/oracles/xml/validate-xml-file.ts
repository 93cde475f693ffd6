import { readFile, stat } from 'node:fs/promises';
import type { FileVerdict } from '../file-verdict.ts';
import { dtdForDocument, peekDocument } from './dtd-for-document.ts';
import { DEFAULT_MAX_XML_BYTES, validateXml } from './validate-xml.ts';
import { XmlOracleError } from './xml-oracle-error.ts';
import type { XmlIssue, XmlVerdict } from './xml-verdict.ts';

/** A {@link FileVerdict} for a saved XML response, with the oracle's full verdict when it ran. */
export interface XmlFileVerdict extends FileVerdict {
  xml: XmlVerdict | null;
}

/** Options of {@link validateXmlFile}. */
export interface ValidateXmlFileOptions {
  /** A pinned DTD name or a DTD path; default: picked by {@link dtdForDocument}. */
  dtd?: string | undefined;
  /** Larger files are refused unread. Default 256 MB. */
  maxBytes?: number | undefined;
}

/** `line 8: message` (or the message alone when libxml2 gave no line). */
export function formatIssue(issue: XmlIssue): string {
  return issue.line === null ? issue.message : `line ${issue.line}: ${issue.message}`;
}

function toFileVerdict(file: string, xml: XmlVerdict): XmlFileVerdict {
  const kind = xml.dtd;
  switch (xml.status) {
    case 'valid':
      return { file, kind, status: 'valid', detail: [], xml };
    case 'invalid':
      return { file, kind, status: 'invalid', detail: xml.errors.map(formatIssue), xml };
    case 'malformed':
      return {
        file,
        kind,
        status: 'unreadable',
        detail: xml.errors.map((e) => `malformed XML: ${formatIssue(e)}`),
        xml,
      };
    case 'too-large':
      return {
        file,
        kind,
        status: 'unreadable',
        detail: xml.errors.map((e) => `too large: ${e.message}`),
        xml,
      };
  }
}

/**
 * Validates a saved XML response file with {@link validateXml}.
 * @param file path of the file.
 * @param options `dtd` (default: from the body's system id or root element), `maxBytes`.
 * @returns a verdict for any file: a missing, oversized or malformed file, or one no pinned DTD
 *   fits, is `unreadable` with the reason in `detail`.
 */
export async function validateXmlFile(
  file: string,
  options: ValidateXmlFileOptions = {},
): Promise<XmlFileVerdict> {
  const unreadable = (kind: string, reason: string): XmlFileVerdict => ({
    file,
    kind,
    status: 'unreadable',
    detail: [reason],
    xml: null,
  });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_XML_BYTES;

  let body: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return unreadable('xml', 'cannot read: not a regular file');
    if (info.size > maxBytes) {
      return unreadable(
        'xml',
        `too large: ${info.size} bytes, over the limit of ${maxBytes} bytes: not read`,
      );
    }
    body = await readFile(file);
  } catch (error) {
    return unreadable(
      'xml',
      `cannot read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  const dtd = options.dtd ?? dtdForDocument(body);
  if (dtd === undefined) {
    const { root, systemId } = peekDocument(body);
    const seen = root === null ? 'no root element' : `root element ${root}`;
    const declared = systemId === null ? '' : ` and DOCTYPE system id ${systemId}`;
    return unreadable('xml', `no pinned DTD for ${seen}${declared}: name one with --dtd NAME|PATH`);
  }
  try {
    return toFileVerdict(file, validateXml(body, { dtd, maxBytes }));
  } catch (error) {
    if (error instanceof XmlOracleError) return unreadable(dtd, error.message);
    throw error;
  }
}
