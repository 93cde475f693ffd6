import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { validateXml } from '../../../engine/oracles/xml/index.ts';
import type { XmlStatus } from '../../../engine/oracles/xml/index.ts';
import { xmlFixture } from './fixtures.ts';

const SIMPLE_RETURN_SAMPLES = [
  'simple_return_1905_http400_detection.xml',
  'simple_return_1905_http400_kb.xml',
  'simple_return_2001_account_expired_http200.xml',
  'fixture_simple_return_1960_concurrency_limit.xml',
  'fixture_simple_return_1965_rate_limit.xml',
  'docs_policy_add_asset_group_ids_simple_return.xml',
  'observed_simple_return_1901_unrecognized_parameter_2024.txt',
];

describe('validateXml', () => {
  it.each(SIMPLE_RETURN_SAMPLES)('finds the recorded SIMPLE_RETURN %s valid', (name) => {
    const verdict = validateXml(xmlFixture(name), { dtd: 'simple_return' });

    expect(verdict).toMatchObject({ status: 'valid', dtd: 'simple_return.dtd', errors: [] });
    expect(verdict.root).toBe('SIMPLE_RETURN');
  });

  it('records the system id the body declared without loading it', () => {
    const verdict = validateXml(xmlFixture('simple_return_1905_http400_detection.xml'), {
      dtd: 'simple_return',
    });

    expect(verdict.systemId).toBe(
      'https://qualysapi.qg3.apps.qualys.com/api/2.0/simple_return.dtd',
    );
    expect(verdict.warnings).toEqual([]);
  });

  it('reports every error of a map with broken elements, each with its line', () => {
    const verdict = validateXml(xmlFixture('map-2-broken.xml'), { dtd: 'map-2' });

    expect(verdict.status).toBe('invalid');
    expect(verdict.errors.map((e) => [e.line, e.message])).toEqual([
      [
        8,
        'Element IP content does not follow the DTD, expecting (PORT* , DISCOVERY* , LINK*), got (DISCOVERY PORT)',
      ],
      [11, 'Element IP does not carry attribute value'],
      [12, 'No declaration for attribute networkid of element IP'],
    ]);
  });

  it('tells a body that is not well-formed (malformed) from one that breaks the DTD (invalid)', () => {
    const malformed = validateXml(xmlFixture('map-2-not-well-formed.xml'), { dtd: 'map-2' });
    const invalid = validateXml(xmlFixture('map-2-broken.xml'), { dtd: 'map-2' });

    expect(malformed.status).toBe('malformed');
    expect(malformed.errors).toEqual([
      { message: 'Opening and ending tag mismatch: IP line 5 and MAP', line: 7, column: 9 },
    ]);
    expect(invalid.status).toBe('invalid');
  });

  it('reports a root element the DTD is not written for', () => {
    const verdict = validateXml(xmlFixture('portal_version_10.18.2_2022-05.xml'), {
      dtd: 'simple_return',
    });

    expect(verdict.root).toBe('ServiceResponse');
    expect(verdict.errors.map((e) => e.message)).toContain(
      "root and DTD name do not match 'ServiceResponse' and 'SIMPLE_RETURN'",
    );
  });

  it('keeps lines and columns of the body as received when its DOCTYPE spans lines', () => {
    const body = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE SIMPLE_RETURN',
      '  SYSTEM "https://qualysapi.qualys.com/api/2.0/simple_return.dtd"><SIMPLE_RETURN><RESPONSE>',
      '<TEXT>no DATETIME</TEXT></RESPONSE></SIMPLE_RETURN>',
    ].join('\n');

    const verdict = validateXml(body, { dtd: 'simple_return' });

    expect(verdict.errors).toMatchObject([{ line: 4, column: 36 }]);
  });

  it('keeps columns of a one-line body in which the pinned DOCTYPE was inserted', () => {
    const body =
      '<SIMPLE_RETURN><RESPONSE><DATETIME>2022-03-14T10:00:00Z</DATETIME></RESPONSE></SIMPLE_RETURN>';

    const verdict = validateXml(body, { dtd: 'simple_return' });

    expect(verdict.errors).toMatchObject([{ line: 1, column: 78 }]);
    expect(body.slice(0, 77).endsWith('</RESPONSE>')).toBe(true);
  });

  it('reports lines past 65,535 as they are', () => {
    const ips = Array.from({ length: 70_000 }, (_, i) => `<IP value="10.0.${i >> 8}.${i & 255}"/>`);
    const body = ['<MAP_REQUEST><MAP>', ...ips, '<IP/>', '</MAP></MAP_REQUEST>'].join('\n');

    const verdict = validateXml(body, { dtd: 'map-2' });

    expect(verdict.errors).toMatchObject([
      { line: 70_002, message: 'Element IP does not carry attribute value' },
    ]);
  });

  it('reads UTF-16 bytes and ISO-8859-1 bytes by their encoding', () => {
    const text =
      '<SIMPLE_RETURN><RESPONSE><DATETIME>d</DATETIME><TEXT>Réseau</TEXT></RESPONSE></SIMPLE_RETURN>';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const latin1 = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\n${text}`, 'latin1');

    expect(validateXml(utf16, { dtd: 'simple_return' }).status).toBe('valid');
    expect(validateXml(latin1, { dtd: 'simple_return' }).status).toBe('valid');
    expect(validateXml(latin1.toString('latin1'), { dtd: 'simple_return' }).status).toBe('valid');
  });

  it('refuses a body over maxBytes before parsing it', () => {
    const body = `<SIMPLE_RETURN>${'x'.repeat(200)}`;

    const verdict = validateXml(body, { dtd: 'simple_return', maxBytes: 100 });

    expect(verdict).toMatchObject({ status: 'too-large', bytes: 215, root: null });
    expect(verdict.errors).toEqual([
      {
        message: 'body is 215 bytes, over the limit of 100 bytes: not parsed',
        line: null,
        column: null,
      },
    ]);
  });

  it.each([
    ['', 'empty body'],
    ['not xml', "Start tag expected, '<' not found"],
    ['<!DOCTYPE x SYSTEM "y" <x/>', 'DOCTYPE declaration cannot be read up to its closing >'],
    ['<x/><!DOCTYPE x>', 'Extra content at the end of the document'],
    [Buffer.from([0xff, 0xfe, 0x3c]), 'body starts like UTF-16LE but does not decode as it'],
  ])('finds %j malformed: %s', (body, message) => {
    const verdict = validateXml(body, { dtd: 'simple_return' });

    expect(verdict.status).toBe('malformed');
    expect(verdict.errors[0]?.message).toBe(message);
  });
});

const XML_PIECES = [
  '<?xml version="1.0"?>',
  '<?xml version="1.0" encoding="UTF-16"?>',
  '<!DOCTYPE SIMPLE_RETURN [',
  '<!DOCTYPE SIMPLE_RETURN SYSTEM "/etc/passwd">',
  '<!ENTITY e SYSTEM "file:///etc/passwd">',
  '<!ENTITY % p SYSTEM "file:///etc/passwd">%p;',
  ']>',
  '&e;',
  '&amp;',
  '<SIMPLE_RETURN>',
  '</SIMPLE_RETURN>',
  '<RESPONSE><DATETIME>d</DATETIME><TEXT>t</TEXT></RESPONSE>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '"',
  "'",
  '<',
  '>',
  ' ',
  '\n',
  'é',
  '\uFEFF',
  '\u0000',
];
const STATUSES: XmlStatus[] = ['valid', 'invalid', 'malformed'];

describe('validateXml on arbitrary input', () => {
  test.prop([fc.uint8Array({ maxLength: 300 })])('returns a verdict for any bytes', (bytes) => {
    const verdict = validateXml(Buffer.from(bytes), { dtd: 'simple_return' });

    expect(STATUSES).toContain(verdict.status);
  });

  test.prop([fc.array(fc.constantFrom(...XML_PIECES), { maxLength: 20 })])(
    'returns a verdict for any mix of XML pieces and never shows /etc/passwd',
    (pieces) => {
      const verdict = validateXml(pieces.join(''), { dtd: 'simple_return' });

      expect(STATUSES).toContain(verdict.status);
      expect(JSON.stringify(verdict)).not.toMatch(/root:.*:0:0:/);
    },
  );
});

describe('validateXml on a body broken everywhere', () => {
  it('keeps maxErrors errors and counts the rest in one last issue', () => {
    const body = `<MAP_REQUEST><MAP>${'<IP/>'.repeat(3_000)}</MAP></MAP_REQUEST>`;

    const verdict = validateXml(body, { dtd: 'map-2', maxErrors: 1_000 });

    expect(verdict.status).toBe('invalid');
    expect(verdict.errors).toHaveLength(1_001);
    expect(verdict.errors.at(-1)?.message).toBe('2000 more errors not kept (maxErrors 1000)');
  });

  it('keeps a fatal error that comes after maxErrors validity errors', () => {
    const body = `<MAP_REQUEST><MAP>${'<IP/>'.repeat(500)}</MAP></MAP_REQUES>`;

    const verdict = validateXml(body, { dtd: 'map-2', maxErrors: 100 });

    expect(verdict.status).toBe('malformed');
    expect(verdict.errors[0]?.message).toBe(
      'Opening and ending tag mismatch: MAP_REQUEST line 1 and MAP_REQUES',
    );
  });

  it('leaves Array.prototype.push and Error.stackTraceLimit as they were', () => {
    const { push } = Array.prototype;
    const { stackTraceLimit } = Error;

    validateXml('<SIMPLE_RETURN>&x;&y;</SIMPLE_RETURN>', { dtd: 'simple_return', maxErrors: 1 });
    validateXml('', { dtd: 'simple_return', maxErrors: 1 });

    expect(Array.prototype.push).toBe(push);
    expect(Error.stackTraceLimit).toBe(stackTraceLimit);
  });
});
