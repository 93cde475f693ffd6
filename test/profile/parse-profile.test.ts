import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ProfileError } from '../../engine/errors.ts';
import { readCredentials } from '../../engine/profile/credentials.ts';
import { loadProfile, parseProfile } from '../../engine/profile/parse-profile.ts';

const EXAMPLE = {
  name: 'nightly-us1',
  apiUrl: 'https://qualysapi.qualys.com',
  credentials: { usernameEnv: 'QUALYS_USERNAME', passwordEnv: 'QUALYS_PASSWORD' },
  subscription: {
    networkSupport: true,
    assetTagging: true,
    pcrs: { zipMinBytes: 1000000000, zipMaxBytes: 5000000000 },
  },
  fixtures: {
    policyIds: [4201701],
    tags: [{ id: 118766028, name: 'conformance-a' }],
    networks: [{ id: 4234545, name: 'Custom network 3' }],
    map: {
      domain: 'mydomain.com',
      netblock: '10.10.10.10-10.10.10.20',
      scanner: 'my_scanner',
      optionProfile: 'Initial Options',
    },
    reports: [123456, 654321],
  },
  allow: { modifyPolicies: true, launchMaps: false, fetchReports: true },
  budget: { maxCalls: 200, maxConcurrency: 2 },
};

function refused(raw: unknown): string {
  try {
    parseProfile(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as Error).message;
  }
  throw new Error('the profile was accepted');
}

describe('target profiles', () => {
  test('the documented example profile is accepted, with defaults filled in', () => {
    const profile = parseProfile(EXAMPLE);

    expect(profile.apiUrl).toBe('https://qualysapi.qualys.com');
    expect(profile.budget).toEqual({
      maxCalls: 200,
      maxConcurrency: 2,
      maxWaitSeconds: 600,
      maxRetries: 2,
    });
    expect(profile.timeouts.mapMs).toBe(15 * 60_000);
    expect(profile.fixtures.map?.optionProfile).toBe('Initial Options');
  });

  test('the template in targets/example.json is a valid profile', () => {
    const profile = loadProfile(new URL('../../targets/example.json', import.meta.url).pathname);

    expect(profile.apiUrl).toBe('https://qualysapi.qualys.com');
    expect(Object.keys(profile.users)).toEqual(['networkDisabled', 'noPolicyPermission']);
  });

  test('a platform name resolves to its API server URL', () => {
    const { apiUrl: _dropped, ...rest } = EXAMPLE;

    expect(parseProfile({ ...rest, platform: 'KSA1' }).apiUrl).toBe(
      'https://qualysapi.qg1.apps.qualysksa.com',
    );
    expect(refused({ ...rest, platform: 'MARS1' })).toMatch(
      /`platform` is "MARS1": use one of US1, .*KSA1/,
    );
  });

  test('credential defaults are QUALYS_USERNAME and QUALYS_PASSWORD, and PCRS defaults are 1 GB and 5 GB', () => {
    const profile = parseProfile({ name: 'x', apiUrl: 'https://qualysapi.qualys.com' });

    expect(profile.credentials).toEqual({
      usernameEnv: 'QUALYS_USERNAME',
      passwordEnv: 'QUALYS_PASSWORD',
    });
    expect(profile.subscription.pcrs).toEqual({
      zipMinBytes: 1_000_000_000,
      zipMaxBytes: 5_000_000_000,
    });
  });

  test('a profile holding a password, anywhere, is refused', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('password', 'Password', 'passwd', 'secret', 'token', 'username'),
        fc.constantFrom('credentials', 'fixtures', 'subscription', 'allow'),
        (key, parent) => {
          const profile = structuredClone(EXAMPLE) as unknown as Record<
            string,
            Record<string, unknown>
          >;
          (profile[parent] as Record<string, unknown>)[key] = 'hunter22';
          const message = refused(profile);
          expect(message).toContain(`\`${parent}.${key}\` holds a credential`);
          expect(message).not.toContain('hunter22');
        },
      ),
      { seed: 42 },
    );
  });

  test.each([
    [
      { ...EXAMPLE, apiUrl: 'http://qualysapi.qualys.com' },
      /plain http to qualysapi.qualys.com: .*use https/,
    ],
    [{ ...EXAMPLE, apiUrl: 'https://user:pw@qualysapi.qualys.com' }, /`apiUrl` holds credentials/],
    [
      { ...EXAMPLE, apiUrl: 'not a url' },
      /`apiUrl` is "not a url": put an absolute https URL there/,
    ],
    [{ ...EXAMPLE, name: '' }, /`name` is missing or empty/],
    [
      { ...EXAMPLE, budget: { maxCalls: 0 } },
      /`budget.maxCalls` is 0: put a whole number ≥ 1 there/,
    ],
    [
      { ...EXAMPLE, budget: { maxCals: 5 } },
      /`budget.maxCals` is unknown: allowed here are maxCalls/,
    ],
    [
      { ...EXAMPLE, fixtures: { ...EXAMPLE.fixtures, policyIds: [] } },
      /`fixtures.policyIds` is empty .*list the policies this run may modify/,
    ],
    [
      { ...EXAMPLE, fixtures: { ...EXAMPLE.fixtures, tags: [{ id: 'x', name: 'a' }] } },
      /`fixtures.tags\[0\].id` is "x"/,
    ],
    [
      { ...EXAMPLE, credentials: { usernameEnv: 'my user' } },
      /`credentials.usernameEnv` is "my user": put the name of an environment variable/,
    ],
    [
      { ...EXAMPLE, subscription: { pcrs: { zipMinBytes: 5, zipMaxBytes: 5 } } },
      /zipMaxBytes` must be larger/,
    ],
    [
      { ...EXAMPLE, allow: { launchMaps: 'yes' } },
      /`allow.launchMaps` is "yes": put true or false there/,
    ],
    [[1, 2], /`profile` must be an object/],
  ])('an invalid profile gets one error naming the field (%#)', (raw, message) => {
    expect(refused(raw)).toMatch(message);
  });

  test('plain http is accepted for loopback addresses only', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:9']) {
      expect(parseProfile({ ...EXAMPLE, apiUrl: url }).apiUrl).toBe(new URL(url).origin);
    }
  });

  test('a profile file that is not JSON names the file and the parse error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "name": "x", ');

    expect(() => loadProfile(file)).toThrow(new RegExp(`profile ${file} is not valid JSON`));
    expect(() => loadProfile(join(dir, 'missing.json'))).toThrow(/cannot be read/);
  });

  test('missing credentials name the environment variable to set', () => {
    const ref = { usernameEnv: 'QC_TEST_USER', passwordEnv: 'QC_TEST_PASS' };

    expect(() => readCredentials(ref, { QC_TEST_USER: 'u' })).toThrow(
      'environment variable QC_TEST_PASS is not set: export it',
    );
    expect(readCredentials(ref, { QC_TEST_USER: 'u', QC_TEST_PASS: 'p' })).toEqual({
      username: 'u',
      password: 'p',
    });
  });
});
