import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { QualysClient } from '../../engine/client/qualys-client.ts';
import { parseSimpleReturn } from '../../engine/client/simple-return.ts';
import { samePolicyState } from '../../engine/journal/policy-tags.ts';
import { hasDocumentedStatus, readRejection } from '../../engine/oracles/rejection.ts';
import { startSimulator, type Simulator } from '../../engine/simulator/simulator.ts';
import { invalidTagCase } from '../../generators/tags/invalid-tag-case.ts';
import { expectedOutcome } from '../../generators/tags/tag-case.ts';
import { validTagCase } from '../../generators/tags/valid-tag-case.ts';
import { readSimPolicy, send, SIM_TAG_TARGET, simClient } from './tag-fixtures.ts';

// High limits: these properties make a few hundred calls, far past the Standard 300 per hour.
const LIMITS = { limit: 1_000_000, windowSec: 3600, concurrency: 4 };
const P = SIM_TAG_TARGET.policyId;

let sim: Simulator;
let client: QualysClient;

beforeAll(async () => {
  sim = await startSimulator({ rateLimit: LIMITS });
  client = simClient(sim);
});

afterAll(async () => {
  await client.close();
  await sim.close();
});

describe('generated tag cases against the simulator', () => {
  test.prop([validTagCase(SIM_TAG_TARGET)], { numRuns: 80 })(
    'every valid case is accepted and leaves the policy as the model says',
    async (tagCase) => {
      const before = await readSimPolicy(client, P);
      const expected = expectedOutcome(tagCase, SIM_TAG_TARGET, before);

      const answer = await send(client, tagCase.request);
      const after = await readSimPolicy(client, P);

      expect(answer.status).toBe(200);
      expect(parseSimpleReturn(answer.text)).toMatchObject({
        code: undefined,
        text: 'Compliance Policy successfully modified.',
        items: new Map([['ID', [String(P)]]]),
      });
      if (expected.kind !== 'accepted') throw new Error(`the model rejects ${expected.key}`);
      expect(samePolicyState(after, expected.after)).toBe(true);
    },
  );

  test.prop([invalidTagCase(SIM_TAG_TARGET)], { numRuns: 80 })(
    'every invalid case is rejected with a request error and changes nothing',
    async (tagCase) => {
      const before = await readSimPolicy(client, P);

      const answer = await send(client, tagCase.request);
      const after = await readSimPolicy(client, P);

      const rejection = readRejection(answer.status, answer.text);
      expect(rejection).toBeDefined();
      expect(rejection !== undefined && hasDocumentedStatus(rejection)).toBe(true);
      expect(rejection?.code).toBeGreaterThanOrEqual(1901);
      expect(rejection?.code).toBeLessThanOrEqual(1922);
      expect(after).toEqual(before);
    },
  );

  test.prop(
    [
      validTagCase(SIM_TAG_TARGET),
      fc.constantFrom('plain' as const, 'noPolicyPermission' as const),
    ],
    { numRuns: 30 },
  )(
    'valid cases are rejected for a user without Asset Tagging or without permission',
    async (tagCase, user) => {
      const other = simClient(sim, user);
      try {
        const answer = await send(other, tagCase.request);

        expect(readRejection(answer.status, answer.text)?.code).toBe(
          user === 'plain' ? 1907 : 1905,
        );
      } finally {
        await other.close();
      }
    },
  );

  test('a failing case shrinks to the smallest request: set_asset_tags with the id alone', async () => {
    const faulty = await startSimulator({ rateLimit: LIMITS, faults: ['set-merges'] });
    const faultyClient = simClient(faulty);
    try {
      const details = await fc.check(
        fc.asyncProperty(validTagCase(SIM_TAG_TARGET), async (tagCase) => {
          const before = await readSimPolicy(faultyClient, P);
          await send(faultyClient, tagCase.request);
          const expected = expectedOutcome(tagCase, SIM_TAG_TARGET, before);
          return (
            expected.kind === 'accepted' &&
            samePolicyState(await readSimPolicy(faultyClient, P), expected.after)
          );
        }),
        { seed: 20_221_003, numRuns: 50 },
      );

      expect(details.failed).toBe(true);
      expect(details.counterexample?.[0].request).toMatchObject({
        query: [['action', 'set_asset_tags']],
        params: [['id', String(P)]],
      });
    } finally {
      await faultyClient.close();
      await faulty.close();
    }
  });
});
