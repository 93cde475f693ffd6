import { QualysClient, readBody } from '../../engine/client/qualys-client.ts';
import type { ApiRequest } from '../../engine/client/api-request.ts';
import { readPolicyTags } from '../../engine/journal/policy-list-reader.ts';
import { policyListRequest, type PolicyTags } from '../../engine/journal/policy-tags.ts';
import { SIM_CREDENTIAL_ENV, SIM_FIXTURES } from '../../engine/simulator/sim-fixtures.ts';
import type { Simulator } from '../../engine/simulator/simulator.ts';
import type { TagTarget } from '../../generators/tags/tag-world.ts';

/** The simulator's tag world as its main user sees it. */
export const SIM_TAG_TARGET: TagTarget = {
  policyId: SIM_FIXTURES.policyIds[0],
  world: { tags: SIM_FIXTURES.tags, assetTagging: true, canModifyPolicies: true },
};

/** The tags fixture policy 4201701 starts with in every new simulator. */
export const SIM_INITIAL_TAGS: PolicyTags = {
  include: [SIM_FIXTURES.tags[0].id, SIM_FIXTURES.tags[1].id],
  exclude: [],
  includeSelector: 'any',
  excludeSelector: 'any',
};

type SimUserKey = keyof typeof SIM_CREDENTIAL_ENV;

/** A client that calls a simulator directly (no governor) as one of its users. */
export function simClient(sim: Simulator, user: SimUserKey = 'main'): QualysClient {
  const { login, password } = SIM_CREDENTIAL_ENV[user];
  return new QualysClient({ baseUrl: sim.url, credentials: { username: login, password } });
}

/** Sends a request and reads its body. */
export async function send(
  client: QualysClient,
  request: ApiRequest,
): Promise<{ status: number; text: string }> {
  const response = await client.send(request);
  return { status: response.status, text: (await readBody(response.body, 1_000_000)).text };
}

/**
 * Reads a policy's tags from a simulator's action=list.
 * @throws Error when the list does not show the policy
 */
export async function readSimPolicy(client: QualysClient, policyId: number): Promise<PolicyTags> {
  const { text } = await send(client, policyListRequest(policyId));
  const reading = readPolicyTags(text, policyId);
  if (reading.kind !== 'found') throw new Error(`policy ${policyId} not listed: ${text}`);
  return reading.tags;
}
