import type { SimSubscription } from '../sim-types.ts';
import {
  findNetwork,
  GLOBAL_DEFAULT_NETWORK,
  subscriptionNetworks,
  type SimNetwork,
} from './network-catalogue.ts';
import { parseMapTargets, type MapTarget } from './map-target.ts';

/** Parameters map-2.php accepts (launch_map.htm, plus 10.18's `network_id`). */
export const MAP_PARAMETERS = [
  'map_title',
  'domain',
  'iscanner_name',
  'option',
  'save_report',
  'network_id',
] as const;

/**
 * Error numbers the simulator answers with. The release notes fix none for map-2.php; these
 * follow Appendix D's meanings (1901 "not supported, or not available to the browsing user",
 * 1903 missing, 1905 invalid value), which v1 answers carry in GENERIC_RETURN's `number`.
 */
export const MAP_ERROR_NUMBERS = { unrecognized: 1901, missing: 1903, invalidValue: 1905 } as const;

/** launch_map.htm: "map_title={title}" (max 2,000 chars). */
export const MAX_MAP_TITLE_CHARS = 2_000;

/** A map-2.php request the simulator refuses, and how. */
export type MapRefusal =
  /** The request as a whole: GENERIC_RETURN, RETURN status="FAILED". */
  | { form: 'GENERIC_RETURN'; number: number; text: string }
  /** Entries of `domain` that cannot be mapped: MAP_REQUEST holding one ERROR each. */
  | { form: 'ERROR'; errors: { number: number; text: string }[] };

/** A map-2.php request the simulator accepts. */
export interface MapLaunch {
  title: string;
  targets: MapTarget[];
  scanner: string | undefined;
  optionProfile: string | undefined;
  /** The network the map runs in; undefined on subscriptions without Network Support. */
  network: SimNetwork | undefined;
}

/** Switches that make the simulator deviate from the release notes (see map-faults.ts). */
export interface MapRequestDeviations {
  /** Validate network_id, then map in network 0 anyway. */
  networkIdIgnored: boolean;
  /** Accept (and ignore) network_id on subscriptions without Network Support. */
  networkIdOnDisabledAccepted: boolean;
  /** Without network_id, map in the first custom network instead of network 0. */
  defaultNetworkNotZero: boolean;
}

const NO_DEVIATIONS: MapRequestDeviations = {
  networkIdIgnored: false,
  networkIdOnDisabledAccepted: false,
  defaultNetworkNotZero: false,
};

/**
 * Reads a map-2.php request, checks in this order: unknown parameters, missing map_title /
 * domain, network_id (feature, form, existence), save_report, map_title length, the domain
 * entries.
 */
export function readMapRequest(
  params: URLSearchParams,
  subscription: SimSubscription,
  deviations: MapRequestDeviations = NO_DEVIATIONS,
): MapLaunch | MapRefusal {
  const allowed: readonly string[] = MAP_PARAMETERS;
  const unknown = [...new Set(params.keys())].filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    return refuse(
      MAP_ERROR_NUMBERS.unrecognized,
      `Unrecognized parameter(s): ${unknown.join(', ')}`,
    );
  }
  const title = params.get('map_title') ?? '';
  const domain = params.get('domain') ?? '';
  const missing = [title === '' ? 'map_title' : '', domain.trim() === '' ? 'domain' : ''];
  if (missing.some((m) => m !== '')) {
    const names = missing.filter((m) => m !== '').join(', ');
    return refuse(MAP_ERROR_NUMBERS.missing, `Missing required parameter(s): ${names}`);
  }

  const network = chooseNetwork(params.get('network_id'), subscription, deviations);
  if ('form' in network) return network;

  const saveReport = params.get('save_report');
  if (saveReport !== null && saveReport !== 'yes' && saveReport !== 'no') {
    return invalid('save_report', saveReport, 'give yes or no');
  }
  if (title.length > MAX_MAP_TITLE_CHARS) {
    return invalid(
      'map_title',
      `${title.slice(0, 40)}…`,
      `at most ${MAX_MAP_TITLE_CHARS} characters`,
    );
  }
  const parsed = parseMapTargets(domain);
  if (!parsed.ok) {
    const errors = parsed.errors.map(({ entry, reason }) => ({
      number: MAP_ERROR_NUMBERS.invalidValue,
      text: `parameter domain has invalid value: ${entry} (${reason})`,
    }));
    return { form: 'ERROR', errors };
  }
  return {
    title,
    targets: parsed.targets,
    scanner: params.get('iscanner_name') ?? undefined,
    optionProfile: params.get('option') ?? undefined,
    network: network.network,
  };
}

/** The network a request maps in, or why network_id is refused. */
function chooseNetwork(
  networkId: string | null,
  subscription: SimSubscription,
  deviations: MapRequestDeviations,
): { network: SimNetwork | undefined } | MapRefusal {
  if (!subscription.networkSupport) {
    if (networkId === null || deviations.networkIdOnDisabledAccepted) return { network: undefined };
    // Appendix D, 1901: a parameter "not available to the browsing user".
    return refuse(
      MAP_ERROR_NUMBERS.unrecognized,
      'Unrecognized parameter(s): network_id (the Network Support feature is not enabled for this subscription)',
    );
  }
  if (networkId === null) {
    const network = deviations.defaultNetworkNotZero
      ? firstCustomNetwork(subscription)
      : GLOBAL_DEFAULT_NETWORK;
    return { network };
  }
  if (!/^\d+$/.test(networkId)) {
    return invalid('network_id', networkId, 'not a network ID');
  }
  const network = findNetwork(subscription, Number(networkId));
  if (network === undefined) return invalid('network_id', networkId, 'no such network');
  return { network: deviations.networkIdIgnored ? GLOBAL_DEFAULT_NETWORK : network };
}

function firstCustomNetwork(subscription: SimSubscription): SimNetwork {
  return subscriptionNetworks(subscription).find((n) => n.id !== 0) ?? GLOBAL_DEFAULT_NETWORK;
}

function refuse(number: number, text: string): MapRefusal {
  return { form: 'GENERIC_RETURN', number, text };
}

function invalid(name: string, value: string, why: string): MapRefusal {
  return refuse(
    MAP_ERROR_NUMBERS.invalidValue,
    `parameter ${name} has invalid value: ${value} (${why})`,
  );
}
