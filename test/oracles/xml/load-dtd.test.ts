import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDtd, XmlOracleError } from '../../../engine/oracles/xml/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'load-dtd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function thrown(call: () => unknown): XmlOracleError {
  try {
    call();
  } catch (error) {
    if (error instanceof XmlOracleError) return error;
    throw error;
  }
  throw new Error('expected an XmlOracleError');
}

describe('loadDtd', () => {
  it('loads a pinned DTD once, by name with or without .dtd', () => {
    const first = loadDtd('map-2');

    expect(loadDtd('map-2.dtd')).toBe(first);
    expect(first).toMatchObject({ label: 'map-2.dtd', root: 'MAP_REQUEST' });
    expect(first.subset).not.toContain('\n');
  });

  it('loads a DTD file by path, for the root the document has', () => {
    const file = join(scratch, 'one.dtd');
    writeFileSync(file, '<!ELEMENT ONE (#PCDATA)>\n');

    expect(loadDtd(file)).toMatchObject({ label: file, root: null });
  });

  it('rejects an unknown name with DTD_NOT_FOUND and the names it knows', () => {
    const error = thrown(() => loadDtd('map-3'));

    expect(error.code).toBe('DTD_NOT_FOUND');
    expect(error.message).toContain('name a pinned DTD (map-2, simple_return, policy_list_output');
  });

  it('rejects a DTD that declares an external entity', () => {
    const file = join(scratch, 'entity.dtd');
    writeFileSync(file, '<!ELEMENT A (#PCDATA)>\n<!ENTITY e SYSTEM "file:///etc/passwd">\n');

    expect(thrown(() => loadDtd(file)).code).toBe('DTD_UNUSABLE');
  });

  it('rejects the REPORT fragment as transcribed, for its duplicate declaration', () => {
    const file = join(scratch, 'report-fragment.dtd');
    writeFileSync(
      file,
      '<!ELEMENT REPORT (EXPIRATION_DATETIME)>\n<!ELEMENT EXPIRATION_DATETIME (#PCDATA)>\n' +
        '<!ELEMENT EXPIRATION_DATETIME (#PCDATA)>\n',
    );

    const error = thrown(() => loadDtd(file));

    expect(error.code).toBe('DTD_UNUSABLE');
    expect(error.message).toContain('Redefinition of element EXPIRATION_DATETIME');
  });
});
