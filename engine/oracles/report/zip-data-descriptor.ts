import { SIGNATURE } from './zip-records.ts';

/**
 * How an entry's data descriptor was written: with or without its optional PK\x07\x08
 * signature, with 32- or 64-bit sizes; `none` when the local header holds the sizes, `unread`
 * before the reader got there.
 */
export type DescriptorKind =
  | 'signed-64'
  | 'signed-32'
  | 'unsigned-64'
  | 'unsigned-32'
  | 'none'
  | 'unread';

/** A data descriptor as found after an entry's data. */
export interface FoundDescriptor {
  kind: DescriptorKind;
  /** Bytes it takes. */
  length: number;
  values: { crc32: number; compressedSize: number; uncompressedSize: number };
}

const LAYOUTS = [
  { kind: 'signed-64', signed: true, wide: true, length: 24 },
  { kind: 'signed-32', signed: true, wide: false, length: 16 },
  { kind: 'unsigned-64', signed: false, wide: true, length: 20 },
  { kind: 'unsigned-32', signed: false, wide: false, length: 12 },
] as const;

/**
 * Reads the data descriptor at the start of `bytes` (APPNOTE 4.3.9). Its form is not marked:
 * the signature is optional, and writers use 64-bit sizes with or without a ZIP64 field in the
 * local header (Java does the latter). So every form is tried, and the one whose sizes equal
 * what inflate measured and that a known record signature follows wins; failing that, one a
 * known signature follows (its sizes are then reported as a mismatch).
 * @param bytes what follows the entry's data (28 bytes suffice)
 */
export function readDataDescriptor(
  bytes: Buffer,
  measured: { compressedBytes: number; inflatedBytes: number; zip64: boolean },
  signatures: ReadonlySet<number>,
): FoundDescriptor | undefined {
  const signed = bytes.length >= 4 && bytes.readUInt32LE(0) === SIGNATURE.dataDescriptor;
  const candidates: (FoundDescriptor & { matches: boolean; followed: boolean })[] = [];
  for (const layout of LAYOUTS) {
    if (layout.signed && !signed) continue;
    if (bytes.length < layout.length) continue;
    const at = layout.signed ? 4 : 0;
    const values = {
      crc32: bytes.readUInt32LE(at),
      compressedSize: layout.wide
        ? Number(bytes.readBigUInt64LE(at + 4))
        : bytes.readUInt32LE(at + 4),
      uncompressedSize: layout.wide
        ? Number(bytes.readBigUInt64LE(at + 12))
        : bytes.readUInt32LE(at + 8),
    };
    const matches =
      values.compressedSize === measured.compressedBytes &&
      values.uncompressedSize === measured.inflatedBytes;
    const followed =
      bytes.length >= layout.length + 4 && signatures.has(bytes.readUInt32LE(layout.length));
    candidates.push({ kind: layout.kind, length: layout.length, values, matches, followed });
  }
  // A ZIP64 local header announces 64-bit sizes; prefer the width it announces.
  candidates.sort((a, b) => widthRank(a.kind, measured.zip64) - widthRank(b.kind, measured.zip64));
  const best =
    candidates.find((c) => c.matches && c.followed) ??
    candidates.find((c) => c.followed) ??
    candidates.find((c) => c.matches);
  if (best === undefined) return undefined;
  return { kind: best.kind, length: best.length, values: best.values };
}

function widthRank(kind: DescriptorKind, zip64: boolean): number {
  const wide = kind.endsWith('64');
  const signedFirst = kind.startsWith('signed') ? 0 : 2;
  return signedFirst + (wide === zip64 ? 0 : 1);
}
