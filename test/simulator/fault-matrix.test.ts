import { describe, expect, test } from 'vitest';
import { RULES } from '../../engine/rules/catalogue.ts';
import { FAULT_CATALOGUE } from '../../engine/simulator/fault-catalogue.ts';
import { limiter, runCli } from '../helpers/run-cli.ts';

// Each CLI run starts its own vitest; two at a time is what 2 cores carry.
const slot = limiter(2);
const SEED = '20261203'; // fixed so a failure here replays with the same cases

describe('simulator faults', () => {
  test('the clean simulator passes every rule of the catalogue', async () => {
    const run = await slot(() => runCli('conformance', ['--seed', SEED, '--runs', '10']));

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.results?.rules.map((r) => [r.id, r.status])).toEqual(
      RULES.map((r) => [r.id, 'pass']),
    );
  });

  test.concurrent.each(FAULT_CATALOGUE.map((f) => [f.name, f] as const))(
    'fault %s makes the rules it targets fail',
    async (name, fault) => {
      const run = await slot(() =>
        runCli('conformance', [
          '--suite',
          fault.suite,
          '--fault',
          name,
          '--seed',
          SEED,
          '--runs',
          '10',
        ]),
      );

      expect(run.code, run.stderr).toBe(1);
      const statuses = Object.fromEntries(run.results?.rules.map((r) => [r.id, r.status]) ?? []);
      for (const rule of fault.rules) expect(statuses[rule], `${rule} under ${name}`).toBe('fail');
      const failing = run.results?.rules.find((r) => r.id === fault.rules[0]);
      expect(failing?.failures[0]?.message).toBeTruthy();
    },
  );
});
