import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { validateXml } from '../../../engine/oracles/xml/index.ts';
import type { XmlStatus } from '../../../engine/oracles/xml/index.ts';

const MAP_2_DTD = join(import.meta.dirname, '../../../dtds/map-2.dtd');
const hasXmllint = spawnSync('xmllint', ['--version']).error === undefined;

// xmllint's exit codes: 0 valid, 1 parse error, 3 validation error.
const XMLLINT_STATUS: Record<number, XmlStatus> = { 0: 'valid', 1: 'malformed', 3: 'invalid' };

function xmllintStatus(body: string): XmlStatus | undefined {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--dtdvalid', MAP_2_DTD, '-'], {
    input: body,
  });
  return XMLLINT_STATUS[run.status ?? -1];
}

const IP_CHILD = fc.constantFrom(
  '<PORT value="80"/>',
  '<DISCOVERY method="TCP RST"/>',
  '<LINK value="10.0.0.1"/>',
  '<LINK value="10.0.0.1"> </LINK>',
  '<LINK/>',
  '<NETWORK_ID>1</NETWORK_ID>',
  ' ',
  'text',
  '<DISCOVERY method="ICMP">',
  '</DISCOVERY>',
);
const IP_ATTRIBUTES = fc.subarray([
  'value="10.0.0.1"',
  'network_id="4234545"',
  'network="Custom network 3"',
  'network id="1"',
  'netbios="H"',
  'networkid="1"',
]);
const MAP_CHILD = fc.oneof(
  fc
    .tuple(IP_ATTRIBUTES, fc.array(IP_CHILD, { maxLength: 4 }))
    .map(([attributes, children]) => `<IP ${attributes.join(' ')}>${children.join('')}</IP>`),
  fc.constantFrom(
    '<HEADER><KEY value="NETWORK ID">1</KEY></HEADER>',
    '<ERROR number="1">x</ERROR>',
  ),
);
const MAP_REQUEST = fc
  .array(fc.array(MAP_CHILD, { maxLength: 4 }), { maxLength: 3 })
  .map(
    (maps) =>
      `<MAP_REQUEST>${maps.map((m) => `<MAP>${m.join('\n')}</MAP>`).join('\n')}</MAP_REQUEST>`,
  );

describe.skipIf(!hasXmllint)('the oracle next to xmllint --dtdvalid (needs libxml2-utils)', () => {
  test.prop([MAP_REQUEST], { numRuns: 60 })(
    'gives the same verdict on generated map documents',
    (body) => {
      expect(validateXml(body, { dtd: 'map-2' }).status).toBe(xmllintStatus(body));
    },
  );
});
