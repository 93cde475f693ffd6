import { fileURLToPath } from 'node:url';

/** Names of the DTDs pinned in `dtds/` (see dtds/README.md for their sources). */
export type DtdName =
  | 'map-2'
  | 'simple_return'
  | 'policy_list_output'
  | 'network_list_output'
  | 'report_list_output'
  | 'generic_return';

/** The root element each pinned DTD is written for. */
export const PINNED_DTD_ROOTS: Readonly<Record<DtdName, string>> = {
  'map-2': 'MAP_REQUEST',
  simple_return: 'SIMPLE_RETURN',
  policy_list_output: 'POLICY_LIST_OUTPUT',
  network_list_output: 'NETWORK_LIST_OUTPUT',
  report_list_output: 'REPORT_LIST_OUTPUT',
  generic_return: 'GENERIC_RETURN',
};

/** Absolute path of the `dtds/` folder. */
export const DTDS_DIRECTORY = fileURLToPath(new URL('../../../dtds/', import.meta.url));

/** True when `name` is one of the pinned DTD names. */
export function isDtdName(name: string): name is DtdName {
  return Object.hasOwn(PINNED_DTD_ROOTS, name);
}

/** The pinned DTD written for root element `root`, or undefined when none is. */
export function dtdForRoot(root: string): DtdName | undefined {
  for (const [name, pinnedRoot] of Object.entries(PINNED_DTD_ROOTS)) {
    if (pinnedRoot === root && isDtdName(name)) return name;
  }
  return undefined;
}
