import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import type { QualysClient } from '../../engine/client/qualys-client.ts';
import { readPolicyTags } from '../../engine/journal/policy-list-reader.ts';
import { POLICY_PATH } from '../../engine/journal/policy-tags.ts';
import { validateXml } from '../../engine/oracles/xml/index.ts';
import { readRejection } from '../../engine/oracles/rejection.ts';
import { SIM_FIXTURES } from '../../engine/simulator/sim-fixtures.ts';
import { startSimulator, type Simulator } from '../../engine/simulator/simulator.ts';
import { send, SIM_INITIAL_TAGS, simClient } from './tag-fixtures.ts';

let sim: Simulator;
let client: QualysClient;

beforeAll(async () => {
  sim = await startSimulator();
  client = simClient(sim);
});

afterAll(async () => {
  await client.close();
  await sim.close();
});

async function list(params: [string, string][], method: 'GET' | 'POST' = 'GET') {
  return send(client, { method, path: POLICY_PATH, params: [['action', 'list'], ...params] });
}

describe('the simulator policy list', () => {
  test.each([
    [[['details', 'Basic']]],
    [
      [
        ['details', 'All'],
        ['ids', `${SIM_FIXTURES.policyIds[0]}-${SIM_FIXTURES.policyIds[1]}`],
      ],
    ],
    [[]],
  ] as [[string, string][]][])(
    'action=list %j is valid against the pinned policy_list_output.dtd',
    async (params) => {
      const { status, text } = await list(params, 'POST');

      expect(status).toBe(200);
      expect(validateXml(text, { dtd: 'policy_list_output' })).toMatchObject({
        status: 'valid',
        errors: [],
      });
    },
  );

  // NOTES.md section c: details=None gives "an ID-only list"; the reconstructed DTD requires
  // TITLE after ID in every POLICY, so it refuses such a list. Reported, dtds/ left as it is.
  it.fails(
    'details=None (IDs only, NOTES.md section c) is valid against the reconstructed DTD',
    async () => {
      const { text } = await list([['details', 'None']]);

      expect(validateXml(text, { dtd: 'policy_list_output' }).status).toBe('valid');
    },
  );

  test('a policy reports its tags as TAG_SET_INCLUDE/TAG_ID children and both selectors', async () => {
    const { text } = await list([
      ['ids', String(SIM_FIXTURES.policyIds[0])],
      ['details', 'Basic'],
    ]);

    expect(text).toContain(
      `<TAG_SET_INCLUDE>\n          <TAG_ID>${SIM_FIXTURES.tags[0].id}</TAG_ID>`,
    );
    expect(readPolicyTags(text, SIM_FIXTURES.policyIds[0])).toEqual({
      kind: 'found',
      tags: SIM_INITIAL_TAGS,
    });
    expect(readPolicyTags(text, SIM_FIXTURES.policyIds[1])).toEqual({ kind: 'absent' });
  });

  test('an invalid ids or details value is a 1905 request error', async () => {
    for (const params of [[['ids', 'abc123']], [['details', 'Full']]] as [string, string][][]) {
      const { status, text } = await list(params);

      expect(readRejection(status, text)).toMatchObject({ status: 400, code: 1905 });
    }
  });

  test('a subscription without the fixture policies lists none', async () => {
    const plain = simClient(sim, 'plain');
    try {
      const { text } = await send(plain, {
        method: 'GET',
        path: POLICY_PATH,
        params: [['action', 'list']],
      });

      expect(text).not.toContain('<POLICY>');
      expect(validateXml(text, { dtd: 'policy_list_output' }).status).toBe('valid');
    } finally {
      await plain.close();
    }
  });

  test('the reader calls a SIMPLE_RETURN or another root unreadable', () => {
    expect(
      readPolicyTags(
        '<SIMPLE_RETURN><RESPONSE><DATETIME/><CODE>1905</CODE><TEXT>bad</TEXT></RESPONSE></SIMPLE_RETURN>',
        1,
      ),
    ).toEqual({
      kind: 'unreadable',
      reason: 'a SIMPLE_RETURN, CODE 1905: bad',
    });
    expect(readPolicyTags('<html/>', 1)).toMatchObject({ kind: 'unreadable' });
    expect(readPolicyTags('<POLICY_LIST_OUTPUT', 1)).toMatchObject({ kind: 'unreadable' });
  });
});
