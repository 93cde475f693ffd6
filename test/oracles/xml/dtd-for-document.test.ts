import { describe, expect, it } from 'vitest';
import { dtdForDocument, peekDocument, validateXml } from '../../../engine/oracles/xml/index.ts';
import { xmlFixture } from './fixtures.ts';

describe('dtdForDocument', () => {
  it.each([
    ['simple_return_1905_http400_detection.xml', 'simple_return'],
    ['docs_policy_add_asset_group_ids_simple_return.xml', 'simple_return'],
    ['fixture_simple_return_1960_concurrency_limit.xml', 'simple_return'],
    ['map-2-every-element.xml', 'map-2'],
    ['release-notes-map-sample.xml', 'map-2'],
    ['policy_list_output-sample.xml', 'policy_list_output'],
    ['network_list_output-sample.xml', 'network_list_output'],
    ['report_list_output-sample.xml', 'report_list_output'],
    ['generic_return-sample.xml', 'generic_return'],
  ])('picks the DTD of %s: %s', (file, dtd) => {
    expect(dtdForDocument(xmlFixture(file))).toBe(dtd);
  });

  it('picks none for a root no pinned DTD is written for', () => {
    expect(dtdForDocument(xmlFixture('portal_version_10.18.2_2022-05.xml'))).toBeUndefined();
    expect(dtdForDocument('<!DOCTYPE MAP SYSTEM "https://x/msp/map.dtd"><MAP/>')).toBeUndefined();
    expect(dtdForDocument('not xml')).toBeUndefined();
  });

  it('lets the declared system id win over the root, so the mismatch is reported', () => {
    const body =
      '<!DOCTYPE SIMPLE_RETURN SYSTEM "https://qualysapi.qualys.com/api/2.0/simple_return.dtd">\n<MAP_REQUEST/>';

    const dtd = dtdForDocument(body);

    expect(dtd).toBe('simple_return');
    expect(validateXml(body, { dtd: dtd ?? 'map-2' }).errors.map((e) => e.message)).toContain(
      "root and DTD name do not match 'MAP_REQUEST' and 'SIMPLE_RETURN'",
    );
  });

  it('reads the system id after a PUBLIC id and ignores a query string', () => {
    const body = '<!DOCTYPE X PUBLIC "-//Q//EN" "https://q/map-2.dtd?v=2"><X/>';

    expect(peekDocument(body)).toEqual({ root: 'X', systemId: 'https://q/map-2.dtd?v=2' });
    expect(dtdForDocument(body)).toBe('map-2');
  });
});
