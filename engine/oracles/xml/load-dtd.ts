import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import libxml from 'libxmljs2';
import { DTDS_DIRECTORY, PINNED_DTD_ROOTS, isDtdName } from './pinned-dtds.ts';
import type { DtdName } from './pinned-dtds.ts';
import { XmlOracleError } from './xml-oracle-error.ts';

/** A DTD ready to be used as the internal subset of a document. */
export interface LoadedDtd {
  /** `map-2.dtd` for a pinned DTD, otherwise the path as given. */
  label: string;
  /** Absolute path of the file. */
  file: string;
  /** Root element the DTD is written for; null for a DTD given by path (the document's root). */
  root: string | null;
  /** The DTD text on one line, so that a document keeps its line numbers. */
  subset: string;
}

const cache = new Map<string, LoadedDtd>();

// libxml2 error code XML_DTD_UNKNOWN_ELEM: "No declaration for element".
const UNKNOWN_ELEMENT = 534;
const PROBE_ROOT = 'xml-oracle-probe';

/** Where `dtd` points: a pinned name (with or without `.dtd`) or a file path. */
function locate(dtd: string): { file: string; label: string; root: string | null } {
  const bare = dtd.endsWith('.dtd') && !dtd.includes('/') ? dtd.slice(0, -4) : dtd;
  if (isDtdName(bare)) {
    const name: DtdName = bare;
    return {
      file: join(DTDS_DIRECTORY, `${name}.dtd`),
      label: `${name}.dtd`,
      root: PINNED_DTD_ROOTS[name],
    };
  }
  return { file: resolve(dtd), label: dtd, root: null };
}

/** Parses a probe document with the DTD as internal subset; returns the DTD's own errors. */
function probe(subset: string): string[] {
  const source = `<!DOCTYPE ${PROBE_ROOT} [${subset}]><${PROBE_ROOT}/>`;
  try {
    const doc = libxml.parseXml(source, { dtdvalid: true, nonet: true });
    return doc.errors
      .filter((e) => (e.level ?? 0) >= 2 && e.code !== UNKNOWN_ELEMENT)
      .map((e) => e.message.trim());
  } catch (error) {
    return [error instanceof Error ? error.message.trim() : String(error)];
  }
}

/**
 * Loads a DTD once per process: a pinned name (`'map-2'`, `'map-2.dtd'`; see dtds/README.md) or
 * a path. Checks that libxml2 reads it as an internal subset without errors of its own.
 * @throws XmlOracleError `DTD_NOT_FOUND` when the name is unknown or the file unreadable;
 *   `DTD_UNUSABLE` when libxml2 rejects the DTD or it declares external entities.
 */
export function loadDtd(dtd: string): LoadedDtd {
  const { file, label, root } = locate(dtd);
  const cached = cache.get(file);
  if (cached !== undefined) return cached;

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new XmlOracleError(
      'DTD_NOT_FOUND',
      `DTD "${dtd}" cannot be read (${reason}): name a pinned DTD ` +
        `(${Object.keys(PINNED_DTD_ROOTS).join(', ')}) or the path of a .dtd file`,
    );
  }
  if (/<!ENTITY[^>]*\s(SYSTEM|PUBLIC)[\s"']/.test(text)) {
    throw new XmlOracleError(
      'DTD_UNUSABLE',
      `DTD "${dtd}" declares an external entity; the oracle never loads one: remove it`,
    );
  }
  const subset = text.replace(/\r\n?|\n/g, ' ');
  const problems = probe(subset);
  if (problems.length > 0) {
    throw new XmlOracleError(
      'DTD_UNUSABLE',
      `DTD "${dtd}" is not usable: ${problems.join('; ')}. Fix the file (it is read as an ` +
        'internal subset: no parameter-entity references inside declarations, no conditional sections)',
    );
  }

  const loaded: LoadedDtd = { label, file, root, subset };
  cache.set(file, loaded);
  return loaded;
}
