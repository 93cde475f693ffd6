import libxml from 'libxmljs2';
import type { Element } from 'libxmljs2';
import type { MapNetwork } from './map-network.ts';

/**
 * Reads NETWORK_LIST_OUTPUT/RESPONSE/NETWORK_LIST/NETWORK (ID, NAME) (NOTES.md h). Returns
 * undefined for any other answer (a refusal, another root, not XML).
 */
export function readNetworkList(body: string): MapNetwork[] | undefined {
  let root: Element | null;
  try {
    root = libxml.parseXml(body, { nonet: true, noent: false, dtdload: false }).root();
  } catch {
    return undefined;
  }
  if (root?.name() !== 'NETWORK_LIST_OUTPUT') return undefined;
  const networks: MapNetwork[] = [];
  for (const network of root.find<Element>('RESPONSE/NETWORK_LIST/NETWORK')) {
    const id = network.get<Element>('ID')?.text().trim() ?? '';
    const name = network.get<Element>('NAME')?.text().trim();
    if (/^\d+$/.test(id) && name !== undefined) networks.push({ id: Number(id), name });
  }
  return networks;
}
