import type { MapNetwork } from '../../engine/oracles/map/map-network.ts';
import { readDomainParam, type ModelTarget } from './map-domain.ts';

/**
 * The expected-outcome model of map-2.php (release notes 10.18, "New Parameter in Launch Map API
 * for Network-enabled Subscription"): given a request's parameters and the caller's
 * subscription, whether the target must launch a map and in which network, or reject the
 * request and why. Pure: no I/O, no clock, no randomness. Generators, their unit properties and
 * the map suite all judge through this one module.
 */

/** Name of network 0 (release notes: "we default to "0" for Global Default Network"). */
export const GLOBAL_DEFAULT_NETWORK_NAME = 'Global Default Network';

/** A network of a subscription. */
export type { MapNetwork };

/** Network 0. */
export const GLOBAL_DEFAULT_NETWORK: MapNetwork = { id: 0, name: GLOBAL_DEFAULT_NETWORK_NAME };

/** What the model knows about the caller's subscription. */
export interface MapSubscription {
  /** Network Support feature enabled. */
  networkSupport: boolean;
  /** Custom networks (network 0 is implied when networkSupport is on). */
  networks: readonly MapNetwork[];
}

/** Parameters map-2.php takes (launch_map.htm and 10.18's network_id). */
export const MAP_PARAMS = [
  'map_title',
  'domain',
  'iscanner_name',
  'option',
  'save_report',
  'network_id',
] as const;

/** Why a request must be rejected; also the case key under which the rejection is recorded. */
export type MapRejectionKey =
  | 'unrecognized-parameter'
  | 'missing-map_title'
  | 'missing-domain'
  | 'network-not-enabled'
  | 'network-id-malformed'
  | 'network-id-unknown'
  | 'save_report-invalid'
  | 'map_title-too-long'
  | 'domain-malformed';

/** The model's verdict on one request. */
export type MapOutcome =
  | {
      kind: 'map';
      /** The network every MAP runs in; undefined on subscriptions without Network Support. */
      network: MapNetwork | undefined;
      /** One MAP per entry of `domain`. */
      targets: ModelTarget[];
    }
  | { kind: 'rejected'; key: MapRejectionKey };

const MAX_TITLE_CHARS = 2_000; // launch_map.htm: "map_title={title}" (max 2,000 chars)

/**
 * The expected outcome of a map-2.php request. Checks in the order a request is read: unknown
 * parameters, missing map_title / domain, network_id, save_report, title length, `domain`.
 * Where the notes are silent the model chooses (docs/map.md): an empty value counts as missing;
 * network_id=0 is rejected like any other value on a subscription without Network Support
 * ("valid only when the Network Support feature is enabled"); network ids are plain digits.
 * @param params the request's parameters; the first value of a name counts
 */
export function expectedMapOutcome(
  params: readonly (readonly [string, string])[],
  subscription: MapSubscription,
): MapOutcome {
  const known: readonly string[] = MAP_PARAMS;
  if (params.some(([name]) => !known.includes(name))) return reject('unrecognized-parameter');
  const value = (name: string) => params.find(([n]) => n === name)?.[1];

  const title = value('map_title') ?? '';
  const domain = value('domain') ?? '';
  if (title === '') return reject('missing-map_title');
  if (domain.trim() === '') return reject('missing-domain');

  const networkId = value('network_id');
  let network: MapNetwork | undefined;
  if (!subscription.networkSupport) {
    if (networkId !== undefined) return reject('network-not-enabled');
  } else if (networkId === undefined) {
    network = GLOBAL_DEFAULT_NETWORK;
  } else {
    if (!/^[0-9]+$/.test(networkId)) return reject('network-id-malformed');
    network = networksOf(subscription).find((n) => n.id === Number(networkId));
    if (network === undefined) return reject('network-id-unknown');
  }

  const saveReport = value('save_report');
  if (saveReport !== undefined && saveReport !== 'yes' && saveReport !== 'no') {
    return reject('save_report-invalid');
  }
  if (title.length > MAX_TITLE_CHARS) return reject('map_title-too-long');
  const targets = readDomainParam(domain);
  if (typeof targets === 'string') return reject('domain-malformed');
  return { kind: 'map', network, targets };
}

/** Every network of a subscription, network 0 first; none without Network Support. */
export function networksOf(subscription: MapSubscription): MapNetwork[] {
  if (!subscription.networkSupport) return [];
  return [GLOBAL_DEFAULT_NETWORK, ...subscription.networks.filter((n) => n.id !== 0)];
}

function reject(key: MapRejectionKey): MapOutcome {
  return { kind: 'rejected', key };
}
