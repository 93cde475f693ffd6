import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folder of the XML fixture files (see test/fixtures/xml/README.md). */
export const XML_FIXTURES = join(import.meta.dirname, '../../fixtures/xml');

/** The bytes of one XML fixture file. */
export function xmlFixture(name: string): Buffer {
  return readFileSync(join(XML_FIXTURES, name));
}
