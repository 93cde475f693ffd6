import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ProfileError } from '../errors.ts';
import { PLATFORM_API_URLS, isLoopbackHost } from './platforms.ts';
import {
  bool,
  envName,
  int,
  object,
  onlyKeys,
  refuseSecrets,
  string,
  stringList,
  validRegExp,
  type Json,
} from './profile-fields.ts';
import {
  DEFAULT_PCRS,
  DEFAULT_TIMEOUTS,
  type CredentialRef,
  type ExtraUser,
  type TargetProfile,
} from './profile.ts';

const TOP_KEYS = [
  'name',
  'apiUrl',
  'platform',
  'credentials',
  'users',
  'subscription',
  'fixtures',
  'allow',
  'budget',
  'timeouts',
  'expectations',
  'scrub',
  '$comment',
];

/**
 * Reads and validates a profile file.
 * @throws ProfileError naming the field and what to put there.
 */
export function loadProfile(file: string): TargetProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ProfileError(`profile ${file} cannot be read: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ProfileError(`profile ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const profile = parseProfile(raw);
  if (profile.expectations !== undefined) {
    profile.expectations = resolve(dirname(file), profile.expectations);
  }
  return profile;
}

/**
 * Validates a parsed profile and fills in defaults.
 * @throws ProfileError naming the field and what to put there.
 */
export function parseProfile(raw: unknown): TargetProfile {
  const root = object(raw, 'profile');
  refuseSecrets(root, '');
  onlyKeys(root, TOP_KEYS, '');

  const name = string(root.name, 'name', 'a short name for this target, e.g. "nightly-us1"');
  const apiUrl = resolveApiUrl(root);
  const credentials = credentialRef(root.credentials ?? {}, 'credentials');
  const users = extraUsers(root.users ?? {});
  const subscription = object(root.subscription ?? {}, 'subscription');
  onlyKeys(subscription, ['networkSupport', 'assetTagging', 'pcrs'], 'subscription.');
  const pcrs = object(subscription.pcrs ?? {}, 'subscription.pcrs');
  onlyKeys(pcrs, ['zipMinBytes', 'zipMaxBytes'], 'subscription.pcrs.');
  const zipMinBytes = int(
    pcrs.zipMinBytes ?? DEFAULT_PCRS.zipMinBytes,
    'subscription.pcrs.zipMinBytes',
    1,
  );
  const zipMaxBytes = int(
    pcrs.zipMaxBytes ?? DEFAULT_PCRS.zipMaxBytes,
    'subscription.pcrs.zipMaxBytes',
    1,
  );
  if (zipMaxBytes <= zipMinBytes) {
    throw new ProfileError(
      'profile field `subscription.pcrs.zipMaxBytes` must be larger than `zipMinBytes`: ' +
        'the release notes give 1 GB and 5 GB',
    );
  }

  const fixtures = parseFixtures(root.fixtures ?? {});
  const allow = object(root.allow ?? {}, 'allow');
  onlyKeys(allow, ['modifyPolicies', 'launchMaps', 'fetchReports'], 'allow.');
  const budget = object(root.budget ?? {}, 'budget');
  onlyKeys(budget, ['maxCalls', 'maxConcurrency', 'maxWaitSeconds', 'maxRetries'], 'budget.');
  const timeouts = object(root.timeouts ?? {}, 'timeouts');
  onlyKeys(timeouts, ['connectMs', 'headersMs', 'bodyMs', 'mapMs'], 'timeouts.');
  const profile: TargetProfile = {
    name,
    apiUrl,
    credentials,
    users,
    subscription: {
      networkSupport: bool(subscription.networkSupport ?? false, 'subscription.networkSupport'),
      assetTagging: bool(subscription.assetTagging ?? false, 'subscription.assetTagging'),
      pcrs: { zipMinBytes, zipMaxBytes },
    },
    fixtures,
    allow: {
      modifyPolicies: bool(allow.modifyPolicies ?? false, 'allow.modifyPolicies'),
      launchMaps: bool(allow.launchMaps ?? false, 'allow.launchMaps'),
      fetchReports: bool(allow.fetchReports ?? false, 'allow.fetchReports'),
    },
    budget: {
      maxCalls: int(budget.maxCalls ?? 100, 'budget.maxCalls', 1),
      maxConcurrency: int(budget.maxConcurrency ?? 1, 'budget.maxConcurrency', 1),
      maxWaitSeconds: int(budget.maxWaitSeconds ?? 600, 'budget.maxWaitSeconds', 0),
      maxRetries: int(budget.maxRetries ?? 2, 'budget.maxRetries', 0),
    },
    timeouts: {
      connectMs: int(timeouts.connectMs ?? DEFAULT_TIMEOUTS.connectMs, 'timeouts.connectMs', 1),
      headersMs: int(timeouts.headersMs ?? DEFAULT_TIMEOUTS.headersMs, 'timeouts.headersMs', 1),
      bodyMs: int(timeouts.bodyMs ?? DEFAULT_TIMEOUTS.bodyMs, 'timeouts.bodyMs', 1),
      mapMs: int(timeouts.mapMs ?? DEFAULT_TIMEOUTS.mapMs, 'timeouts.mapMs', 1),
    },
    scrub: stringList(root.scrub ?? [], 'scrub').map((pattern, i) => validRegExp(pattern, i)),
  };
  if (root.expectations !== undefined) {
    profile.expectations = string(
      root.expectations,
      'expectations',
      'a path to an expectations file',
    );
  }
  if (profile.allow.modifyPolicies && profile.fixtures.policyIds.length === 0) {
    throw new ProfileError(
      'profile field `fixtures.policyIds` is empty while `allow.modifyPolicies` is true: ' +
        'list the policies this run may modify',
    );
  }
  return profile;
}

function resolveApiUrl(root: Json): string {
  if (root.apiUrl !== undefined && root.platform !== undefined) {
    throw new ProfileError('profile gives both `apiUrl` and `platform`: keep one of them');
  }
  let url: string;
  if (root.platform !== undefined) {
    const platform = string(root.platform, 'platform', 'a platform name such as "US1"');
    const known = PLATFORM_API_URLS[platform.toUpperCase()];
    if (known === undefined) {
      const names = Object.keys(PLATFORM_API_URLS).join(', ');
      throw new ProfileError(
        `profile field \`platform\` is "${platform}": use one of ${names}, or give apiUrl`,
      );
    }
    url = known;
  } else {
    url = string(root.apiUrl, 'apiUrl', 'the API server URL, e.g. "https://qualysapi.qualys.com"');
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProfileError(`profile field \`apiUrl\` is "${url}": put an absolute https URL there`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new ProfileError(
      'profile field `apiUrl` holds credentials: remove them; credentials come only from ' +
        'the environment variables named in `credentials`',
    );
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    throw new ProfileError(
      `profile field \`apiUrl\` is plain http to ${parsed.hostname}: credentials are never sent ` +
        'over http except to loopback; use https',
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ProfileError(`profile field \`apiUrl\` has protocol ${parsed.protocol}: use https`);
  }
  return parsed.origin;
}

function parseFixtures(value: unknown): TargetProfile['fixtures'] {
  const fixtures = object(value, 'fixtures');
  onlyKeys(fixtures, ['policyIds', 'tags', 'networks', 'map', 'reports'], 'fixtures.');
  const list = (v: unknown, field: string): unknown[] => {
    if (!Array.isArray(v)) throw new ProfileError(`profile field \`${field}\` must be a list`);
    return v;
  };
  const named = (v: unknown, field: string) =>
    list(v ?? [], field).map((entry, i) => {
      const o = object(entry, `${field}[${i}]`);
      onlyKeys(o, ['id', 'name'], `${field}[${i}].`);
      return {
        id: int(o.id, `${field}[${i}].id`, 0),
        name: string(o.name, `${field}[${i}].name`, 'its name exactly as Qualys spells it'),
      };
    });
  const result: TargetProfile['fixtures'] = {
    policyIds: list(fixtures.policyIds ?? [], 'fixtures.policyIds').map((id, i) =>
      int(id, `fixtures.policyIds[${i}]`, 1),
    ),
    tags: named(fixtures.tags, 'fixtures.tags'),
    networks: named(fixtures.networks, 'fixtures.networks'),
    reports: list(fixtures.reports ?? [], 'fixtures.reports').map((id, i) =>
      int(id, `fixtures.reports[${i}]`, 1),
    ),
  };
  if (fixtures.map !== undefined) {
    const map = object(fixtures.map, 'fixtures.map');
    onlyKeys(map, ['domain', 'netblock', 'scanner', 'optionProfile'], 'fixtures.map.');
    result.map = { domain: string(map.domain, 'fixtures.map.domain', 'a domain to map') };
    for (const key of ['netblock', 'scanner', 'optionProfile'] as const) {
      if (map[key] !== undefined) result.map[key] = string(map[key], `fixtures.map.${key}`, 'text');
    }
  }
  return result;
}

function credentialRef(value: unknown, field: string): CredentialRef {
  const o = object(value, field);
  onlyKeys(o, ['usernameEnv', 'passwordEnv'], `${field}.`);
  return {
    usernameEnv: envName(o.usernameEnv ?? 'QUALYS_USERNAME', `${field}.usernameEnv`),
    passwordEnv: envName(o.passwordEnv ?? 'QUALYS_PASSWORD', `${field}.passwordEnv`),
  };
}

function extraUsers(value: unknown): Record<string, ExtraUser> {
  const users = object(value, 'users');
  const result: Record<string, ExtraUser> = {};
  for (const [role, entry] of Object.entries(users)) {
    const field = `users.${role}`;
    const o = object(entry, field);
    onlyKeys(
      o,
      ['usernameEnv', 'passwordEnv', 'networkSupport', 'assetTagging', 'canModifyPolicies'],
      `${field}.`,
    );
    if (o.usernameEnv === undefined || o.passwordEnv === undefined) {
      throw new ProfileError(
        `profile field \`${field}\` needs usernameEnv and passwordEnv: the names of the ` +
          "environment variables holding that user's credentials",
      );
    }
    const user: ExtraUser = credentialRef(
      { usernameEnv: o.usernameEnv, passwordEnv: o.passwordEnv },
      field,
    );
    for (const key of ['networkSupport', 'assetTagging', 'canModifyPolicies'] as const) {
      if (o[key] !== undefined) user[key] = bool(o[key], `${field}.${key}`);
    }
    result[role] = user;
  }
  return result;
}
