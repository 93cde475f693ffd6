import libxml from 'libxmljs2';
import type { Element } from 'libxmljs2';

/** One IP of a MAP, with the 10.18 attributes (map-2.dtd `ATTLIST IP`). */
export interface MapIp {
  value: string;
  network: string | undefined;
  networkId: string | undefined;
  /** Line of the IP start tag in the body. */
  line: number;
}

/** One MAP of a MAP_REQUEST. */
export interface MapEntry {
  /** MAP `value`, the map reference. */
  ref: string | undefined;
  /** HEADER KEYs by `value`, text trimmed; the first of a repeated key counts. */
  keys: Map<string, string>;
  ips: MapIp[];
  /** Text of the MAP's ERROR child, when the map failed. */
  error: string | undefined;
  line: number;
}

/** A MAP_REQUEST read for its networks; `malformed` when the body is not well-formed XML. */
export type MapReading =
  | { kind: 'map-request'; maps: MapEntry[]; errors: string[] }
  | { kind: 'other-root'; root: string }
  | { kind: 'malformed'; message: string; line: number | null };

/**
 * Reads the parts of a map-2.php answer the network rules look at. Never loads a DTD, never
 * expands entities, never uses the network; validity is MAP-DTD's business, not this reader's.
 */
export function readMap(body: string): MapReading {
  let root: Element | null;
  try {
    root = libxml
      .parseXml(body, { nonet: true, noent: false, dtdload: false, dtdvalid: false })
      .root();
  } catch (error) {
    const e = error as Error & { line?: number };
    return { kind: 'malformed', message: e.message.trim(), line: e.line ?? null };
  }
  if (root === null) return { kind: 'malformed', message: 'no root element', line: null };
  if (root.name() !== 'MAP_REQUEST') return { kind: 'other-root', root: root.name() };

  const maps = root.find<Element>('MAP').map((map): MapEntry => {
    const keys = new Map<string, string>();
    for (const key of map.find<Element>('HEADER/KEY')) {
      const name = key.attr('value')?.value();
      if (name !== undefined && !keys.has(name)) keys.set(name, key.text().trim());
    }
    const ips = map.find<Element>('IP').map((ip) => ({
      value: ip.attr('value')?.value() ?? '',
      network: ip.attr('network')?.value(),
      networkId: ip.attr('network_id')?.value(),
      line: ip.line(),
    }));
    const error = map.get<Element>('ERROR')?.text().trim();
    return { ref: map.attr('value')?.value(), keys, ips, error, line: map.line() };
  });
  const errors = root.find<Element>('ERROR').map((e) => e.text().trim());
  return { kind: 'map-request', maps, errors };
}
