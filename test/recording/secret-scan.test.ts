import { test as propertyTest, fc } from '@fast-check/vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanForSecrets } from '../../engine/recording/secret-scan.ts';

const PASSWORD = 'S3cret&Pass/word';

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'secret-scan-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('scanForSecrets', () => {
  test('finds a secret written as is, URL-encoded, XML-escaped or in hex, case counting', () => {
    const dir = folderWith({
      'a/plain.xml': `<X>${PASSWORD}</X>`,
      'b/upper.txt': PASSWORD.toUpperCase(),
      'c/url.txt': `password=${encodeURIComponent(PASSWORD)}`,
      'd/xml.xml': '<X>S3cret&amp;Pass/word</X>',
      'e/hex.txt': Buffer.from(PASSWORD).toString('hex'),
      'f/clean.json': '{"password": "[password-1]"}',
    });

    const hits = scanForSecrets([dir], [PASSWORD]);

    expect(hits.map((h) => [h.file.slice(dir.length + 1), h.form])).toEqual([
      ['a/plain.xml', 'as written'],
      ['c/url.txt', 'URL-encoded'],
      ['d/xml.xml', 'XML-escaped'],
      ['e/hex.txt', 'hex'],
    ]);
  });

  test('finds a secret in raw bytes of a binary file', () => {
    const dir = folderWith({
      'head.bin': Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.from(PASSWORD)]),
    });

    expect(scanForSecrets([dir], [PASSWORD])).toHaveLength(1);
  });

  // Property: base64 text of any bytes around the secret still gives it away, whatever the
  // alignment (a Basic token, an encoded blob). fast-check reports the seed of a failure.
  propertyTest.prop([fc.uint8Array({ maxLength: 20 }), fc.uint8Array({ maxLength: 20 })])(
    'finds a secret inside base64 of any surrounding bytes',
    (before, after) => {
      const blob = Buffer.concat([Buffer.from(before), Buffer.from(PASSWORD), Buffer.from(after)]);
      const dir = folderWith({ 'blob.json': `{"data": "${blob.toString('base64')}"}` });

      expect(scanForSecrets([dir], [PASSWORD]).map((h) => h.form)).toEqual(['base64']);
    },
  );

  test('ignores values shorter than 3 characters', () => {
    const dir = folderWith({ 'x.txt': 'ab ab ab' });

    expect(scanForSecrets([dir], ['ab'])).toEqual([]);
  });
});
