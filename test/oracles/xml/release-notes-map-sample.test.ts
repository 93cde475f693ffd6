import { describe, expect, it } from 'vitest';
import { validateXml } from '../../../engine/oracles/xml/index.ts';
import { xmlFixture } from './fixtures.ts';

describe('the map-2.php sample output of the 10.18 release notes', () => {
  it('validates against dtds/map-2.dtd once corrected', () => {
    const verdict = validateXml(xmlFixture('release-notes-map-sample.xml'), { dtd: 'map-2' });

    expect(verdict).toMatchObject({ status: 'valid', root: 'MAP_REQUEST', errors: [] });
  });

  it('is reported malformed as printed', () => {
    const verdict = validateXml(xmlFixture('release-notes-map-sample.as-printed.txt'), {
      dtd: 'map-2',
    });

    expect(verdict.status).toBe('malformed');
    expect(verdict.root).toBe('MAP');
    expect(verdict.errors).toEqual([
      { message: 'Specification mandates value for attribute ENTERED', line: 20, column: 17 },
    ]);
  });
});
