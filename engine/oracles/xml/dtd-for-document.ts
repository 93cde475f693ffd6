import { parserInput } from './parser-input.ts';
import { dtdForRoot, isDtdName } from './pinned-dtds.ts';
import type { DtdName } from './pinned-dtds.ts';
import { scanProlog } from './prolog.ts';

/** What the prolog of a body says about it, read without parsing the body. */
export interface DocumentPeek {
  /** Root element name, or null when the prolog does not reach a start tag. */
  root: string | null;
  /** System id of the body's DOCTYPE, or null. */
  systemId: string | null;
}

/** Reads the root element name and declared system id from the prolog of a body. */
export function peekDocument(body: Buffer | string): DocumentPeek {
  const input = parserInput(body);
  if ('error' in input) return { root: null, systemId: null };
  const prolog = scanProlog(input.bytes);
  return { root: prolog.root?.name ?? null, systemId: prolog.doctype?.systemId ?? null };
}

/**
 * Picks the pinned DTD for a body: the file named by the last segment of its DOCTYPE system id
 * (`…/api/2.0/simple_return.dtd` → `simple_return`) when that is pinned, otherwise the DTD
 * written for its root element (`MAP_REQUEST` → `map-2`). The system id wins so that a body
 * whose root contradicts its own DOCTYPE is reported invalid rather than silently re-routed.
 * @returns the DTD name, or undefined when neither names a pinned DTD.
 */
export function dtdForDocument(body: Buffer | string): DtdName | undefined {
  const { root, systemId } = peekDocument(body);
  const file = systemId?.split(/[?#]/)[0]?.split('/').pop() ?? '';
  const named = file.endsWith('.dtd') ? file.slice(0, -'.dtd'.length) : '';
  if (isDtdName(named)) return named;
  return root === null ? undefined : dtdForRoot(root);
}
