import { SECTIONS, type Rule } from './rule.ts';

/**
 * Rules of release 10.18's "New Parameter in Launch Map API for Network-enabled Subscription":
 * /msp/map-2.php's `network_id` and the updated map-2.dtd (`IP` gained `network`, `network_id`).
 */
export const MAP_RULES: Rule[] = [
  {
    id: 'MAP-DTD',
    title:
      'every map-2.php answer whose root is MAP_REQUEST is valid against map-2.dtd; any other ' +
      'answer is a GENERIC_RETURN rejection (RETURN status="FAILED" with a number)',
    source: `${SECTIONS.map} (DTD update)`,
    suite: 'map',
  },
  {
    id: 'MAP-NETWORK-SCOPED',
    title:
      'with a valid network_id, the HEADER KEY "NETWORK ID" and every IP network_id equal it, ' +
      'and every IP network names that network',
    source: SECTIONS.map,
    suite: 'map',
  },
  {
    id: 'MAP-NETWORK-DEFAULT',
    title: 'without network_id the map runs in network 0, the Global Default Network',
    source: SECTIONS.map,
    suite: 'map',
  },
  {
    id: 'MAP-NETWORK-NOT-ENABLED',
    title: 'a subscription without the Network Support feature rejects network_id',
    source: SECTIONS.map,
    suite: 'map',
  },
  {
    id: 'MAP-NETWORK-INVALID',
    title: 'an unknown or malformed network_id is rejected',
    source: SECTIONS.map,
    suite: 'map',
  },
];
