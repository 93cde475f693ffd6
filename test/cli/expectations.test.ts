import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type Simulator } from '../../engine/simulator/simulator.ts';
import { runCli } from '../helpers/run-cli.ts';
import { loopbackProfile } from '../tags/loopback-profile.ts';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator();
});

afterAll(async () => {
  await sim.close();
});

/** The profile with an `expectations` field naming `codes` in a file beside it. */
function profileExpecting(codes: Record<string, number>) {
  const profile = loopbackProfile(sim.url);
  const file = join(dirname(profile.file), 'pinned.expectations.json');
  writeFileSync(file, JSON.stringify({ errorCodes: codes }));
  const json = JSON.parse(readFileSync(profile.file, 'utf8')) as Record<string, unknown>;
  writeFileSync(
    profile.file,
    JSON.stringify({ ...json, expectations: 'pinned.expectations.json' }),
  );
  return profile;
}

describe('expectations files pin the error codes a target was seen to use', () => {
  test('--pin-expectations writes the codes seen; a run against them passes', async () => {
    const first = loopbackProfile(sim.url);
    const pinned = join(dirname(first.file), 'seen.json');

    const pinning = await runCli(
      'conformance',
      ['--target', first.file, '--suite', 'tags', '--runs', '3', '--pin-expectations', pinned],
      { env: first.env },
    );
    const codes = (
      JSON.parse(readFileSync(pinned, 'utf8')) as { errorCodes: Record<string, number> }
    ).errorCodes;
    const again = profileExpecting(codes);
    const checked = await runCli(
      'conformance',
      ['--target', again.file, '--suite', 'tags', '--runs', '3'],
      {
        env: again.env,
      },
    );

    expect(pinning.code, pinning.stderr).toBe(0);
    expect(codes['TAGS-REMOVE-NEEDS-SET/remove-without-tag-set']).toBe(1922);
    expect(checked.code, checked.stderr).toBe(0);
  });

  test('a code other than the pinned one fails the rule, naming both', async () => {
    const profile = profileExpecting({ 'TAGS-REMOVE-NEEDS-SET/remove-without-tag-set': 1903 });

    const run = await runCli(
      'conformance',
      ['--target', profile.file, '--suite', 'tags', '--runs', '3'],
      {
        env: profile.env,
      },
    );

    const rule = run.results?.rules.find((r) => r.id === 'TAGS-REMOVE-NEEDS-SET');
    expect(run.code).toBe(1);
    expect(rule?.status).toBe('fail');
    expect(rule?.failures[0]?.message).toContain(
      'rejected with CODE 1922, the expectations file pins 1903',
    );
  });

  test('a broken expectations file gets one error naming the file', async () => {
    const profile = loopbackProfile(sim.url);
    const json = JSON.parse(readFileSync(profile.file, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dirname(profile.file), 'bad.json'), '{"errorCodes": {"no-slash": "x"}}');
    writeFileSync(profile.file, JSON.stringify({ ...json, expectations: 'bad.json' }));

    const run = await runCli(
      'conformance',
      ['--target', profile.file, '--suite', 'tags', '--runs', '3'],
      {
        env: profile.env,
      },
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /expectations file .*bad\.json: "no-slash": "x" is not "RULE-ID\/case"/,
    );
  });
});
