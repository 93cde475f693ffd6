import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes a live-shaped profile (plain http to a loopback server, credentials from the
 * environment) to a temp file and returns its path.
 */
export function writeLiveProfile(apiUrl: string, overrides: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'live-profile-'));
  const file = join(dir, 'profile.json');
  const profile = {
    name: 'live-shaped',
    apiUrl,
    credentials: { usernameEnv: 'QC_LIVE_USERNAME', passwordEnv: 'QC_LIVE_PASSWORD' },
    budget: { maxCalls: 50, maxConcurrency: 2, maxWaitSeconds: 5 },
    timeouts: { connectMs: 2_000, headersMs: 2_000, bodyMs: 2_000 },
    ...overrides,
  };
  writeFileSync(file, JSON.stringify(profile, null, 2));
  return file;
}
