import { SIM_FIXTURES } from '../sim-fixtures.ts';
import type { SimSubscription } from '../sim-types.ts';

/** A network of a subscription with the Network Support feature. */
export interface SimNetwork {
  id: number;
  name: string;
}

/**
 * Network 0, which every network-enabled subscription has (release notes: "When unspecified, we
 * default to "0" for Global Default Network"; NOTES.md h: network lists start with ID 0).
 */
export const GLOBAL_DEFAULT_NETWORK: SimNetwork = { id: 0, name: 'Global Default Network' };

/**
 * The networks a subscription has: the Global Default Network and the fixture's custom networks
 * when Network Support is on; none otherwise.
 */
export function subscriptionNetworks(subscription: SimSubscription): SimNetwork[] {
  if (!subscription.networkSupport) return [];
  return [GLOBAL_DEFAULT_NETWORK, ...SIM_FIXTURES.networks.map((n) => ({ ...n }))];
}

/** The subscription's network with this id, or undefined. */
export function findNetwork(subscription: SimSubscription, id: number): SimNetwork | undefined {
  return subscriptionNetworks(subscription).find((n) => n.id === id);
}
