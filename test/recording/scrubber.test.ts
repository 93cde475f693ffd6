import { test as propertyTest, fc } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { Scrubber, isPlaceholder } from '../../engine/recording/scrubber.ts';

const MAIN = { username: 'acme_jdoe', password: 'S3cret&Pass/word' };
const READER = { username: 'acme_reader', password: 'other-Secret-9' };

function scrubber(patterns: string[] = []): Scrubber {
  return new Scrubber({ users: [MAIN, READER], patterns });
}

describe('Scrubber', () => {
  test('gives the same value the same placeholder everywhere, and the users theirs in order', () => {
    const s = scrubber();

    const first = s.text(`owner ${MAIN.username}, reader ${READER.username}`);
    const again = s.text(`<USER_LOGIN>${MAIN.username}</USER_LOGIN>`);

    expect(first).toBe('owner [username-1], reader [username-2]');
    expect(again).toBe('<USER_LOGIN>[username-1]</USER_LOGIN>');
  });

  test('replaces SIMPLE_RETURN USER_LOGIN and map KEY USERNAME and COMPANY values, CDATA kept', () => {
    const s = scrubber();
    const xml = [
      '<USER_LOGIN>someone_else</USER_LOGIN>',
      '<KEY value="USERNAME">joe user</KEY>',
      '<KEY value="COMPANY"><![CDATA[My Company]]></KEY>',
      '<KEY value="TITLE"><![CDATA[my map]]></KEY>',
    ].join('\n');

    expect(s.text(xml)).toMatchInlineSnapshot(`
      "<USER_LOGIN>[username-3]</USER_LOGIN>
      <KEY value="USERNAME">[username-4]</KEY>
      <KEY value="COMPANY"><![CDATA[[company-1]]]></KEY>
      <KEY value="TITLE"><![CDATA[my map]]></KEY>"
    `);
  });

  test('replaces session cookies, Authorization values and username/password form fields', () => {
    const s = scrubber();

    const headers = s.headers({
      'set-cookie': ['QualysSession=abc123def; path=/api; secure', 'other=1'],
      authorization: 'Basic Zm9vOmJhcg==',
    });
    const form = s.params([
      ['action', 'login'],
      ['username', 'whoever'],
      ['password', 'hunter22'],
    ]);

    expect(headers).toEqual({
      'set-cookie': ['QualysSession=[session-1]; path=/api; secure', 'other=1'],
      authorization: '[authorization-1]',
    });
    expect(form).toEqual([
      ['action', 'login'],
      ['username', '[username-3]'],
      ['password', '[password-3]'],
    ]);
  });

  test('replaces what the profile’s scrub patterns match', () => {
    const s = scrubber(['ACME-[0-9]+']);

    expect(s.text('asset ACME-1234 and ACME-99, again ACME-1234')).toBe(
      'asset [scrubbed-1] and [scrubbed-2], again [scrubbed-1]',
    );
  });

  test('notes a password or Basic token in an answer as an echo, and writes the placeholder', () => {
    const s = scrubber();
    const token = Buffer.from(`${MAIN.username}:${MAIN.password}`).toString('base64');

    const out = s.text(`pw=${MAIN.password} token=${token}`, 'response body in x.json');

    expect(out).toBe('pw=[password-1] token=[basic-token-1]');
    expect(s.echoes.map((e) => e.kind).sort()).toEqual(['basic-token', 'password']);
  });

  test('scrubs the secrets out of raw bytes (a binary head)', () => {
    const s = scrubber();
    const bytes = Buffer.concat([
      Buffer.from([0, 1, 2]),
      Buffer.from(MAIN.password),
      Buffer.from([255]),
    ]);

    const out = s.bytes(bytes);

    expect(out.includes(Buffer.from(MAIN.password))).toBe(false);
    expect(out.toString('latin1')).toContain('[password-1]');
  });

  test('keeps its placeholders recognizable', () => {
    expect(isPlaceholder('[username-12]')).toBe(true);
    expect(isPlaceholder('[basic-token-1]')).toBe(true);
    expect(isPlaceholder('joe user')).toBe(false);
  });

  // Property: whatever text surrounds them, no credential survives scrubbing. fast-check
  // prints the seed of any counterexample, so a failure replays exactly.
  propertyTest.prop([
    fc.array(fc.oneof(fc.string(), fc.constantFrom(MAIN.username, MAIN.password, READER.password))),
  ])('leaves no username or password in any text', (parts) => {
    const out = scrubber().text(parts.join(''));

    for (const secret of [MAIN.username, MAIN.password, READER.password]) {
      expect(out).not.toContain(secret);
    }
  });
});
