import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { validateXml } from '../../../engine/oracles/xml/index.ts';
import { loadDtd } from '../../../engine/oracles/xml/load-dtd.ts';
import { splitMapRequest } from '../../../engine/oracles/xml/map-request-parts.ts';
import { scanProlog } from '../../../engine/oracles/xml/prolog.ts';
import { validatesByParts } from '../../../engine/oracles/xml/split-validation.ts';
import { mapDocument, mapDocumentShape } from './map-documents.ts';

// Parts of a few hundred bytes, so that small documents split into many parts; one helper
// process, so that parts run both here and in the helper.
const SPLIT = { splitAboveBytes: 0, splitPartBytes: 400, splitHelpers: 1 };
const WHOLE = { splitAboveBytes: Infinity };

function splitsValid(body: Buffer, utf8 = false, helpers = 1): boolean {
  const prolog = scanProlog(body);
  const input = { utf8, encoding: {} };
  return validatesByParts(body, prolog, loadDtd('map-2'), input, { partBytes: 400, helpers });
}

describe('split validation of large MAP_REQUEST bodies', () => {
  // Each run starts two helper processes (about 0.1 s each): 30 s leaves room on a busy machine.
  test.prop([mapDocumentShape], { numRuns: 25 })(
    'gives the verdict of whole validation, and takes the split path only for valid bodies',
    (shape) => {
      const body = mapDocument(shape);

      const whole = validateXml(body, { dtd: 'map-2', ...WHOLE });
      const split = validateXml(body, { dtd: 'map-2', ...SPLIT });

      expect(split).toEqual(whole);
      expect(whole.status).toBe(shape.fault === 'none' ? 'valid' : whole.status);
      // A body of one part is validated whole (nothing to share out); any other valid body
      // takes the split path, and an invalid one never does.
      const parts = splitMapRequest(body, scanProlog(body).root?.offset ?? -1, 400)?.bounds.length;
      if (parts !== undefined && parts >= 3)
        expect(splitsValid(body)).toBe(whole.status === 'valid');
      else expect(splitsValid(body)).toBe(false);
    },
    30_000, // 30 s
  );

  it('validates a body with <MAP in comments, CDATA, processing instructions and values by parts', () => {
    const body = mapDocument({
      ipsPerMap: [3, 4, 5, 6],
      fault: 'none',
      faultyMap: 0,
      text: '<MAP value="x"> a > b',
    });

    expect(splitMapRequest(body, scanProlog(body).root?.offset ?? -1, 400)?.bounds).toHaveLength(5);
    expect(splitsValid(body)).toBe(true);
    expect(validateXml(body, { dtd: 'map-2', ...SPLIT })).toEqual(
      validateXml(body, { dtd: 'map-2', ...WHOLE }),
    );
  });

  it('reports an error in one MAP with the lines of the body as received', () => {
    const shape = { ipsPerMap: [5, 5, 5, 5], faultyMap: 2, text: 'x' } as const;
    const body = mapDocument({ ...shape, fault: 'ip-without-value' });

    const start = body.toString('utf8').split('\n').indexOf('    <IP name="x>host4">') + 1;

    const verdict = validateXml(body, { dtd: 'map-2', ...SPLIT });

    expect(start).toBeGreaterThan(0);
    expect(verdict.status).toBe('invalid');
    // libxml2 reports it where the IP ends, two lines down (see XmlIssue.line).
    expect(verdict.errors).toEqual([
      { message: 'Element IP does not carry attribute value', line: start + 2, column: 10 },
    ]);
  });

  it.each([
    ['a root with attributes', '<MAP_REQUEST a="1"><MAP/></MAP_REQUEST>'],
    ['an ERROR at the top level', '<MAP_REQUEST><ERROR>e</ERROR></MAP_REQUEST>'],
    ['text between MAPs', '<MAP_REQUEST><MAP/>text<MAP/></MAP_REQUEST>'],
    ['a CDATA section between MAPs', '<MAP_REQUEST><MAP/><![CDATA[x]]></MAP_REQUEST>'],
    ['a DOCTYPE inside the root', '<MAP_REQUEST><!DOCTYPE x><MAP/></MAP_REQUEST>'],
    ['an unterminated comment', '<MAP_REQUEST><MAP/><!-- x </MAP_REQUEST>'],
    ['an unterminated attribute value', '<MAP_REQUEST><MAP value="x></MAP_REQUEST>'],
    ['no root end tag', '<MAP_REQUEST><MAP></MAP>'],
    ['a root end tag of another name', '<MAP_REQUEST><MAP></MAP></MAP_REQUESTS>'],
  ])('does not split a body with %s', (_, xml) => {
    expect(splitMapRequest(Buffer.from(xml), 0, 1)).toBeNull();
  });

  it('cuts after whole MAPs, at or past the part size', () => {
    const xml = '<MAP_REQUEST>\n<MAP a=">"/>\n<MAP><IP/></MAP>\n<MAP/>\n</MAP_REQUEST>';

    const parts = splitMapRequest(Buffer.from(xml), 0, 10);

    expect(parts).toEqual({ contentStart: 13, contentEnd: 51, bounds: [13, 26, 43, 51] });
    expect(xml.slice(13, 26)).toBe('\n<MAP a=">"/>');
  });

  it.each([
    ['an internal subset', '<!DOCTYPE MAP_REQUEST [<!ENTITY e "x">]>\n'],
    ['a declared ISO-8859-1 encoding', '<?xml version="1.0" encoding="ISO-8859-1"?>\n'],
    ['a standalone declaration', '<?xml version="1.0" standalone="yes"?>\n'],
  ])('validates a body with %s whole, with the same verdict', (_, prolog) => {
    const shape = { ipsPerMap: [3, 3, 3], fault: 'none', faultyMap: 0, text: 'é' } as const;
    const body = Buffer.from(
      prolog +
        mapDocument(shape)
          .toString('utf8')
          .replace(/^.*\n.*\n/, ''),
      'utf8',
    );

    expect(splitsValid(body)).toBe(false);
    expect(validateXml(body, { dtd: 'map-2', ...SPLIT })).toEqual(
      validateXml(body, { dtd: 'map-2', ...WHOLE }),
    );
  });

  it('validates a string body by parts like the same bytes', () => {
    const body = mapDocument({ ipsPerMap: [4, 4, 4], fault: 'none', faultyMap: 0, text: 'ü' });

    const verdict = validateXml(body.toString('utf8'), { dtd: 'map-2', ...SPLIT });

    expect(verdict).toEqual(validateXml(body, { dtd: 'map-2', ...WHOLE }));
    expect(splitsValid(body, true)).toBe(true);
  });

  it('validates by parts on this thread alone when no helper is allowed', () => {
    const shape = { ipsPerMap: [4, 4, 4, 4], faultyMap: 3, text: 'a' } as const;

    expect(splitsValid(mapDocument({ ...shape, fault: 'none' }), false, 0)).toBe(true);
    expect(splitsValid(mapDocument({ ...shape, fault: 'tag-mismatch' }), false, 0)).toBe(false);
  });

  it('keeps bodies under the threshold on the whole path', () => {
    const body = mapDocument({ ipsPerMap: [2, 2], fault: 'none', faultyMap: 0, text: '' });

    expect(validateXml(body, { dtd: 'map-2' })).toEqual(
      validateXml(body, { dtd: 'map-2', ...WHOLE }),
    );
  });
});
