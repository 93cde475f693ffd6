import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { recordOriginalTags } from '../../engine/journal/journal-file.ts';
import { startSimulator } from '../../engine/simulator/simulator.ts';
import { runCli } from '../helpers/run-cli.ts';
import { loopbackProfile } from './loopback-profile.ts';
import { readSimPolicy, SIM_INITIAL_TAGS, SIM_TAG_TARGET, simClient } from './tag-fixtures.ts';

const P = SIM_TAG_TARGET.policyId;

describe('the tags suite through a live-shaped profile', () => {
  test('runs every TAGS rule, counts its calls in results.json and leaves the policy as it was', async () => {
    const sim = await startSimulator();
    const direct = simClient(sim);
    try {
      const profile = loopbackProfile(sim.url);
      const before = await readSimPolicy(direct, P);

      const run = await runCli(
        'conformance',
        ['--target', profile.file, '--suite', 'tags', '--seed', '5'],
        { env: profile.env },
      );
      const after = await readSimPolicy(direct, P);

      expect(run.code, run.stderr).toBe(0);
      const tags = run.results?.rules.filter((r) => r.id.startsWith('TAGS-')) ?? [];
      expect(tags.map((r) => [r.id, r.status]).filter(([, status]) => status !== 'pass')).toEqual(
        [],
      );
      expect(tags).toHaveLength(12);
      expect(run.results?.mode).toBe('live');
      // Every call the simulator answered, but the two reads of this test, went through the governor.
      expect(run.results?.calls.made).toBe(sim.stats().requests - 2);
      expect(run.results?.calls.made).toBeLessThanOrEqual(400);
      expect(run.stdout).toContain(
        'restored the tags of policy 4201701 as they were before the run',
      );
      expect(existsSync(profile.journal)).toBe(false);
      expect(after).toEqual(before);
      expect(before).toEqual(SIM_INITIAL_TAGS);
    } finally {
      await direct.close();
      await sim.close();
    }
  });

  test('skips every TAGS rule, with the reason, when the profile does not allow modifying policies', async () => {
    const sim = await startSimulator();
    try {
      const profile = loopbackProfile(sim.url);
      const json = JSON.parse(readFileSync(profile.file, 'utf8')) as {
        allow: Record<string, boolean>;
      };
      json.allow.modifyPolicies = false;
      writeFileSync(profile.file, JSON.stringify(json));

      const run = await runCli('conformance', ['--target', profile.file, '--suite', 'tags'], {
        env: profile.env,
      });

      expect(run.code, run.stderr).toBe(0);
      const reasons = new Set(
        run.results?.rules
          .filter((r) => r.id.startsWith('TAGS-'))
          .map((r) => `${r.status}: ${r.reason ?? ''}`),
      );
      expect([...reasons]).toEqual([expect.stringMatching(/^skip: allow.modifyPolicies is false/)]);
      expect(sim.stats().requests).toBe(0);
    } finally {
      await sim.close();
    }
  });

  test('--restore exits 2 and keeps the journal when the target cannot be reached', async () => {
    const sim = await startSimulator();
    const profile = loopbackProfile(sim.url);
    await sim.close();
    recordOriginalTags(
      profile.journal,
      { name: 'loopback-tags', apiUrl: sim.url },
      P,
      SIM_INITIAL_TAGS,
    );

    const run = await runCli('conformance', ['--restore', '--target', profile.file], {
      env: profile.env,
    });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('could not restore policy 4201701');
    expect(run.stderr).toContain('the journal stays at');
    expect(existsSync(profile.journal)).toBe(true);
  });
});
