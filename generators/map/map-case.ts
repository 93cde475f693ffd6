import type { ApiRequest } from '../../engine/client/api-request.ts';
import type { MapOutcome } from './map-model.ts';

/** The Launch Map endpoint (release notes 10.18: "APIs affected /msp/map-2.php"). */
export const MAP_PATH = '/msp/map-2.php';

/** Who calls: the profile's main user, or its `networkDisabled` user. */
export type MapUser = 'main' | 'networkDisabled';

/** What the generator put into network_id. */
export type NetworkIdKind = 'absent' | 'zero' | 'known' | 'unknown' | 'non-numeric' | 'negative';

/**
 * The shape of the rest of the request: every `domain` entry mappable, one entry with a
 * malformed netblock, or a required parameter left out.
 */
export type MapShape = 'targets' | 'malformed-netblock' | 'missing-map_title' | 'missing-domain';

/** A generated map-2.php request and its expected outcome under the model. */
export interface MapCase {
  user: MapUser;
  method: 'GET' | 'POST';
  params: [string, string][];
  networkId: NetworkIdKind;
  shape: MapShape;
  expected: MapOutcome;
}

/**
 * The API request of a case.
 * @param timeoutMs whole-call timeout; a map launch is a network discovery (profile mapMs)
 */
export function mapCaseRequest(mapCase: MapCase, timeoutMs?: number): ApiRequest {
  const request: ApiRequest = {
    method: mapCase.method,
    path: MAP_PATH,
    params: mapCase.params,
    label: `map ${mapCase.shape} network_id ${mapCase.networkId}`,
  };
  if (mapCase.user !== 'main') request.user = mapCase.user;
  if (timeoutMs !== undefined) request.timeoutMs = timeoutMs;
  return request;
}

/** A short description for evidence: `networkDisabled POST network_id=known, targets`. */
export function describeMapCase(mapCase: MapCase): string {
  const networkId = mapCase.params.find(([n]) => n === 'network_id')?.[1];
  const id =
    networkId === undefined ? 'no network_id' : `network_id=${networkId} (${mapCase.networkId})`;
  return `${mapCase.user} user, ${mapCase.method}, ${id}, ${mapCase.shape}`;
}
