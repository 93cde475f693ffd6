import { describe } from 'vitest';
import { QualysClient, readBody } from '../../engine/client/qualys-client.ts';
import { blockedConformance } from '../../engine/oracles/limits/limit-headers-conformance.ts';
import { ConformanceFailure } from '../../engine/run/conformance-failure.ts';
import { ruleTest, type RuleCase } from '../../engine/run/rule-test.ts';
import { harnessTarget } from '../../engine/run/target.ts';
import { SIM_CREDENTIAL_ENV } from '../../engine/simulator/sim-fixtures.ts';
import { startSimulator, type SimulatorOptions } from '../../engine/simulator/simulator.ts';

const PROBE = {
  method: 'GET' as const,
  path: '/api/2.0/fo/report/',
  params: [['action', 'list']] as [string, string][],
};

/**
 * Blocks are provoked only on a simulator: a private one with tight limits and this run's
 * faults, called directly (its calls are not the target's and spend none of its budget).
 * On a live target the governor checks every 409 it meets instead.
 */
async function provoke(
  ruleCase: RuleCase,
  limits: NonNullable<SimulatorOptions['rateLimit']>,
  latencyMs: number,
  send: (client: QualysClient) => Promise<Awaited<ReturnType<QualysClient['send']>>[]>,
): Promise<void> {
  const target = harnessTarget();
  if (target.config.mode !== 'sim') {
    ruleCase.skip(
      'blocks are never provoked on a live target; the governor checks the 409s it meets',
    );
  }
  const sim = await startSimulator({ faults: target.config.faults, rateLimit: limits, latencyMs });
  const { login, password } = SIM_CREDENTIAL_ENV.main;
  const client = new QualysClient({ baseUrl: sim.url, credentials: { username: login, password } });
  try {
    const answers = await send(client);
    const blocked = [];
    for (const answer of answers) {
      const text = (await readBody(answer.body, 100_000)).text;
      if (answer.status === 409) blocked.push({ answer, text });
    }
    if (blocked.length === 0) {
      throw new ConformanceFailure({
        message: 'no call was blocked although the limit was exceeded',
        received: answers.map((a) => `HTTP ${a.status}`).join(', '),
        documented: 'API limits: a call over the limit answers 409 Conflict',
      });
    }
    for (const { answer, text } of blocked) {
      ruleCase.countCases();
      const failure = blockedConformance({
        request: 'GET /api/2.0/fo/report/?action=list',
        path: PROBE.path,
        status: answer.status,
        headers: answer.headers,
        kind: 'throttled',
        body: text,
      });
      if (failure !== undefined) throw new ConformanceFailure(failure);
    }
  } finally {
    await client.close();
    await sim.close();
  }
}

describe('API limits: blocked calls', () => {
  ruleTest(
    'LIMIT-BLOCKED',
    'a call over the rate limit is blocked with CODE 1965 and SECONDS_TO_WAIT',
    async (ruleCase) => {
      await provoke(ruleCase, { limit: 2, windowSec: 60, concurrency: 2 }, 0, async (client) => {
        const answers = [];
        for (let i = 0; i < 3; i += 1) answers.push(await client.send(PROBE));
        return answers;
      });
    },
  );

  ruleTest(
    'LIMIT-BLOCKED',
    'a call over the concurrency limit is blocked with CODE 1960 and CALLS_TO_FINISH',
    async (ruleCase) => {
      await provoke(ruleCase, { limit: 100, windowSec: 60, concurrency: 1 }, 300, (client) =>
        Promise.all([client.send(PROBE), client.send(PROBE)]),
      );
    },
  );
});
