import fc from 'fast-check';
import type { NetworkIdKind } from './map-case.ts';
import type { MapNetwork } from './map-model.ts';

/** Unknown network ids come from this range, far above the ids seen in samples (7343, 4234545). */
export const UNKNOWN_NETWORK_IDS = { min: 900_000_000, max: 999_999_999 } as const;

/**
 * A network_id value of the given kind, or undefined for `absent`. Malformed values are built
 * from a known id where there is one, so a target that read them leniently would still map in
 * a network the profile names.
 * @param known the subscription's custom networks (network 0 is never among them)
 * @throws Error for `known` when `known` is empty
 */
export function networkIdValue(
  kind: NetworkIdKind,
  known: readonly MapNetwork[],
): fc.Arbitrary<string | undefined> {
  const ids = known.map((n) => n.id).filter((id) => id !== 0);
  const base = fc.constantFrom(...(ids.length > 0 ? ids : [4234545]));
  switch (kind) {
    case 'absent':
      return fc.constant(undefined);
    case 'zero':
      return fc.constant('0');
    case 'known':
      if (ids.length === 0) throw new Error('networkIdValue: no custom network to pick from');
      return base.map(String);
    case 'unknown':
      return fc
        .integer(UNKNOWN_NETWORK_IDS)
        .filter((id) => !ids.includes(id))
        .map(String);
    case 'non-numeric':
      return fc.oneof(
        fc.constantFrom('abc', 'null', 'default', '1e3', '0x10', '4.5'),
        base.map((id) => `${id}abc`),
        base.map((id) => `${id}.0`),
        base.map((id) => `${id},${id}`),
      );
    case 'negative':
      return fc.oneof(
        base.map((id) => `-${id}`),
        fc.integer({ min: 1, max: 1_000_000 }).map((n) => `-${n}`),
      );
  }
}

/** Kinds of network_id whose value names a network of a network-enabled subscription. */
export const VALID_NETWORK_ID_KINDS: readonly NetworkIdKind[] = ['absent', 'zero', 'known'];

/** Kinds of network_id that no subscription accepts. */
export const INVALID_NETWORK_ID_KINDS: readonly NetworkIdKind[] = [
  'unknown',
  'non-numeric',
  'negative',
];
