import type { SimFault } from '../sim-types.ts';

/** Faults of the Launch Map API, /msp/map-2.php (rules MAP-*). */
export const MAP_FAULTS: SimFault[] = [
  {
    name: 'network-id-ignored',
    rules: ['MAP-NETWORK-SCOPED'],
    suite: 'map',
    description:
      'network_id is checked, then ignored: every map runs in network 0, the Global Default Network',
  },
  {
    name: 'network-id-on-disabled-accepted',
    rules: ['MAP-NETWORK-NOT-ENABLED'],
    suite: 'map',
    description: 'a subscription without Network Support accepts network_id (and ignores it)',
  },
  {
    name: 'ip-network-id-missing',
    rules: ['MAP-NETWORK-SCOPED', 'MAP-NETWORK-DEFAULT'],
    suite: 'map',
    description: 'IP elements of a map carry network but not network_id',
  },
  {
    name: 'default-network-not-zero',
    rules: ['MAP-NETWORK-DEFAULT'],
    suite: 'map',
    description: 'without network_id the map runs in the first custom network instead of network 0',
  },
  {
    name: 'map-dtd-violation',
    rules: ['MAP-DTD'],
    suite: 'map',
    description: 'HEADER holds OPTION_PROFILE before USER_ENTERED_DOMAINS, against map-2.dtd',
  },
  {
    name: 'map-malformed-xml',
    rules: ['MAP-DTD', 'MAP-NETWORK-SCOPED', 'MAP-NETWORK-DEFAULT'],
    suite: 'map',
    description:
      'maps spell element names as the release notes print them (<USER ENTERED DOMAINS>): not well-formed XML',
  },
];
