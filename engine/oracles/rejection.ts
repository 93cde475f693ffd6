import libxml from 'libxmljs2';
import type { Element } from 'libxmljs2';
import { parseSimpleReturn } from '../client/simple-return.ts';

/** A refused request, in whichever documented error form the API used. */
export interface Rejection {
  /** `SIMPLE_RETURN` (v2 /api/2.0), `GENERIC_RETURN` or `ERROR` (v1 /msp). */
  form: 'SIMPLE_RETURN' | 'GENERIC_RETURN' | 'ERROR';
  status: number;
  /** CODE of a SIMPLE_RETURN, number of a GENERIC_RETURN RETURN or of an ERROR. */
  code: number | undefined;
  text: string;
}

/**
 * Reads a rejection from an answer: a SIMPLE_RETURN with a request-error CODE (1901–1922,
 * Appendix D), a v1 GENERIC_RETURN whose RETURN has status="FAILED", or a v1 ERROR element
 * (root, or the only child of MAP_REQUEST / MAP). Returns undefined for anything else.
 */
export function readRejection(status: number, body: string): Rejection | undefined {
  const sr = parseSimpleReturn(body);
  if (sr !== undefined) {
    if (sr.code === undefined || sr.code < 1901 || sr.code > 1922) return undefined;
    return { form: 'SIMPLE_RETURN', status, code: sr.code, text: sr.text };
  }
  if (!/<(GENERIC_RETURN|ERROR)\b/.test(body) || body.length > 1_000_000) return undefined;
  let root: Element | null;
  try {
    root = libxml.parseXml(body, { nonet: true, noent: false, dtdload: false }).root();
  } catch {
    return undefined;
  }
  if (root === null) return undefined;
  const number = (el: Element) => {
    const value = el.attr('number')?.value();
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  if (root.name() === 'GENERIC_RETURN') {
    const ret = root.get<Element>('RETURN');
    if (ret?.attr('status')?.value() !== 'FAILED') return undefined;
    return { form: 'GENERIC_RETURN', status, code: number(ret), text: ret.text().trim() };
  }
  const error = root.name() === 'ERROR' ? root : root.get<Element>('//ERROR');
  if (error === null || error === undefined) return undefined;
  if (root.name() !== 'ERROR' && root.find('//IP').length > 0) return undefined;
  return { form: 'ERROR', status, code: number(error), text: error.text().trim() };
}

/** True when a SIMPLE_RETURN rejection came with the documented HTTP 400. */
export function hasDocumentedStatus(rejection: Rejection): boolean {
  return rejection.form !== 'SIMPLE_RETURN' || rejection.status === 400;
}
