import { readRejection } from '../rejection.ts';
import { peekDocument, validateXml } from '../xml/index.ts';
import type { RuleFailure } from '../../results/results-schema.ts';
import type { CallResult } from '../../run/target.ts';
import { bodyExcerpt } from './body-excerpt.ts';

/** What MAP-DTD made of one map-2.php answer. */
export type MapDtdVerdict =
  /** `systemId`: the DOCTYPE the answer declared (recorded, never loaded). */
  | { kind: 'map'; bytes: number; systemId: string | null }
  /** A GENERIC_RETURN, or a valid MAP_REQUEST holding only ERRORs; `code` is their number. */
  | { kind: 'rejection'; form: 'GENERIC_RETURN' | 'ERROR'; code: number | undefined }
  | { kind: 'failure'; failure: RuleFailure };

const DOCUMENTED =
  'release notes 10.18, "DTD update": map-2.php answers MAP_REQUEST per <platform API ' +
  'server>/map-2.dtd (pinned: dtds/map-2.dtd); v1 errors answer GENERIC_RETURN with ' +
  'RETURN status="FAILED" and a number';

/**
 * MAP-DTD for one answer: a MAP_REQUEST must be valid against the pinned map-2.dtd (whatever
 * DOCTYPE it declares); a GENERIC_RETURN must be a FAILED RETURN with a number; anything else,
 * or a body that is not well-formed, fails.
 */
export function mapDtdConformance(result: CallResult): MapDtdVerdict {
  const evidence = { request: result.described, curl: result.curl, documented: DOCUMENTED };
  const fail = (message: string, received: string, line: number | null): MapDtdVerdict => ({
    kind: 'failure',
    failure: { ...evidence, message, received, responseExcerpt: bodyExcerpt(result.text, line) },
  });
  if (result.capped) {
    return fail(
      `the map answer is larger than the harness reads whole (${result.text.length} bytes read)`,
      `HTTP ${result.status}, body cut at ${result.text.length} bytes`,
      null,
    );
  }
  const { root } = peekDocument(result.text);

  if (root === 'GENERIC_RETURN') {
    const rejection = readRejection(result.status, result.text);
    if (rejection?.form === 'GENERIC_RETURN' && rejection.code !== undefined) {
      return { kind: 'rejection', form: 'GENERIC_RETURN', code: rejection.code };
    }
    return fail(
      'the answer is a GENERIC_RETURN but not a rejection: no RETURN status="FAILED" with a number',
      rejection === undefined
        ? `HTTP ${result.status}, GENERIC_RETURN without a FAILED RETURN`
        : `HTTP ${result.status}, GENERIC_RETURN without a number: ${rejection.text}`,
      null,
    );
  }

  const verdict = validateXml(result.text, { dtd: 'map-2' });
  const first = verdict.errors[0];
  const where = (issue: { line: number | null } | undefined) =>
    issue?.line === null || issue === undefined ? '' : ` (line ${issue.line})`;
  if (verdict.status === 'malformed' || verdict.status === 'too-large') {
    return fail(
      `the map-2.php answer is not well-formed XML: ${first?.message ?? verdict.status}${where(first)}`,
      `HTTP ${result.status}, ${verdict.status}: ${first?.message ?? ''}`,
      first?.line ?? null,
    );
  }
  if (root !== 'MAP_REQUEST') {
    return fail(
      `the map-2.php answer's root is ${root ?? '(none)'}, neither MAP_REQUEST nor GENERIC_RETURN`,
      `HTTP ${result.status}, root element ${root ?? '(none)'}`,
      1,
    );
  }
  if (verdict.status === 'invalid') {
    const listed = verdict.errors.slice(0, 10).map((e) => `${e.message}${where(e)}`);
    const more = verdict.errors.length > 10 ? [`… and ${verdict.errors.length - 10} more`] : [];
    return fail(
      `the MAP_REQUEST is not valid against map-2.dtd: ${verdict.errors.length} error(s), the first ${first?.message ?? ''}${where(first)}`,
      [
        `HTTP ${result.status}, ${verdict.bytes} bytes, DOCTYPE ${verdict.systemId ?? '(none)'}:`,
        ...listed,
        ...more,
      ].join('\n'),
      first?.line ?? null,
    );
  }
  const rejection = readRejection(result.status, result.text);
  if (rejection?.form === 'ERROR')
    return { kind: 'rejection', form: 'ERROR', code: rejection.code };
  return { kind: 'map', bytes: verdict.bytes, systemId: verdict.systemId };
}
