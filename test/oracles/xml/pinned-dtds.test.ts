import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDtd, PINNED_DTD_ROOTS, validateXml } from '../../../engine/oracles/xml/index.ts';
import type { DtdName } from '../../../engine/oracles/xml/index.ts';
import { XML_FIXTURES, xmlFixture } from './fixtures.ts';

const EVERY_ELEMENT: Record<DtdName, string> = {
  'map-2': 'map-2-every-element.xml',
  simple_return: 'simple_return-every-element.xml',
  policy_list_output: 'policy_list_output-sample.xml',
  network_list_output: 'network_list_output-sample.xml',
  report_list_output: 'report_list_output-sample.xml',
  generic_return: 'generic_return-sample.xml',
};

const scratch = mkdtempSync(join(tmpdir(), 'pinned-dtds-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function declaredElements(dtd: string): string[] {
  return [...dtd.matchAll(/<!ELEMENT\s+(\S+)/g)].map((match) => match[1] ?? '');
}

describe('the pinned DTDs', () => {
  it.each(Object.entries(EVERY_ELEMENT))(
    '%s accepts a document that uses every element it declares',
    (name, file) => {
      const dtd = loadDtd(name);
      const body = xmlFixture(file);
      const text = body.toString('utf8');

      const verdict = validateXml(body, { dtd: name });

      expect(verdict).toMatchObject({ status: 'valid', root: PINNED_DTD_ROOTS[name as DtdName] });
      const unused = declaredElements(readFileSync(dtd.file, 'utf8')).filter(
        (element) => !text.includes(`<${element}`),
      );
      expect(unused).toEqual([]);
    },
  );

  it('map-2.dtd as printed in the release notes cannot be used', () => {
    const printed = join(scratch, 'map-2.as-printed.dtd');
    writeFileSync(printed, xmlFixture('map-2.dtd.as-printed.txt'));

    expect(() => loadDtd(printed)).toThrow(expect.objectContaining({ code: 'DTD_UNUSABLE' }));
  });

  it('the printed IP content model, its space removed, is not deterministic to libxml2', () => {
    const printedModel = readFileSync(
      join(XML_FIXTURES, '../../../dtds/map-2.dtd'),
      'utf8',
    ).replace(
      '<!ELEMENT IP (PORT*, DISCOVERY*, LINK*)>',
      '<!ELEMENT IP ((PORT*, DISCOVERY*, LINK*) | LINK+)?>',
    );
    const file = join(scratch, 'map-2.printed-ip-model.dtd');
    writeFileSync(file, printedModel);

    const verdict = validateXml('<MAP_REQUEST><MAP><IP value="1"/></MAP></MAP_REQUEST>', {
      dtd: file,
    });

    expect(verdict.errors.map((e) => e.message)).toEqual([
      'Content model of IP is not determinist: ((PORT* , DISCOVERY* , LINK*) | LINK+)?',
    ]);
  });
});

const CHILD = {
  P: '<PORT value="80"/>',
  D: '<DISCOVERY method="TCP RST"/>',
  L: '<LINK value="x"/>',
};
// The printed model ((PORT*, DISCOVERY*, LINK*) | LINK+)? written as a regular expression.
const PRINTED_IP_MODEL = /^(?:P*D*L*|L+)?$/;

describe('map-2.dtd IP content model', () => {
  test.prop([fc.array(fc.constantFrom('P', 'D', 'L'), { maxLength: 6 })])(
    'accepts exactly the children the printed model accepts',
    (children) => {
      const ip = `<IP value="10.0.0.1">${children.map((c) => CHILD[c]).join('')}</IP>`;

      const verdict = validateXml(`<MAP_REQUEST><MAP>${ip}</MAP></MAP_REQUEST>`, { dtd: 'map-2' });

      expect(verdict.status === 'valid').toBe(PRINTED_IP_MODEL.test(children.join('')));
    },
  );
});
