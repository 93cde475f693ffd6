/**
 * The fixed records of a ZIP archive (PKWARE APPNOTE 6.3.x, sections 4.3.7–4.3.16 and 4.5.3),
 * parsed from buffers. Each parser takes a buffer that starts at the record's signature.
 */

export const SIGNATURE = {
  localHeader: 0x04034b50,
  dataDescriptor: 0x08074b50,
  centralHeader: 0x02014b50,
  zip64End: 0x06064b50,
  zip64Locator: 0x07064b50,
  end: 0x06054b50,
} as const;

export const MAX32 = 0xffffffff;
export const LOCAL_HEADER_FIXED = 30;
export const CENTRAL_HEADER_FIXED = 46;
export const END_FIXED = 22;
export const ZIP64_LOCATOR_BYTES = 20;

/** A local file header. Sizes are `undefined` where the header defers them. */
export interface LocalHeader {
  versionNeeded: number;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  name: string;
  /** True when the header carries a ZIP64 extended information field. */
  zip64: boolean;
  /** Total header length, fixed part + name + extra. */
  length: number;
}

/** Length of the local header starting `fixed` (its first 30 bytes). */
export function localHeaderLength(fixed: Buffer): number {
  return LOCAL_HEADER_FIXED + fixed.readUInt16LE(26) + fixed.readUInt16LE(28);
}

/** Parses a whole local header. */
export function parseLocalHeader(buf: Buffer): LocalHeader {
  const nameLength = buf.readUInt16LE(26);
  const extraLength = buf.readUInt16LE(28);
  const name = buf.subarray(LOCAL_HEADER_FIXED, LOCAL_HEADER_FIXED + nameLength);
  const extra = buf.subarray(
    LOCAL_HEADER_FIXED + nameLength,
    LOCAL_HEADER_FIXED + nameLength + extraLength,
  );
  const header: LocalHeader = {
    versionNeeded: buf.readUInt16LE(4),
    flags: buf.readUInt16LE(6),
    method: buf.readUInt16LE(8),
    crc32: buf.readUInt32LE(14),
    compressedSize: buf.readUInt32LE(18),
    uncompressedSize: buf.readUInt32LE(22),
    name: decodeName(name, buf.readUInt16LE(6)),
    zip64: false,
    length: LOCAL_HEADER_FIXED + nameLength + extraLength,
  };
  const zip64 = findExtra(extra, 0x0001);
  if (zip64 !== undefined) {
    header.zip64 = true;
    // 4.5.3: the local header's ZIP64 field holds both sizes, uncompressed first.
    if (zip64.length >= 16) {
      header.uncompressedSize = Number(zip64.readBigUInt64LE(0));
      header.compressedSize = Number(zip64.readBigUInt64LE(8));
    }
  }
  return header;
}

/** A central directory file header. */
export interface CentralHeader {
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  name: string;
  zip64: boolean;
  length: number;
}

/** Length of the central header starting `fixed` (its first 46 bytes). */
export function centralHeaderLength(fixed: Buffer): number {
  return (
    CENTRAL_HEADER_FIXED + fixed.readUInt16LE(28) + fixed.readUInt16LE(30) + fixed.readUInt16LE(32)
  );
}

/** Parses a whole central directory header, reading ZIP64 values where fields are 0xFFFFFFFF. */
export function parseCentralHeader(buf: Buffer): CentralHeader {
  const nameLength = buf.readUInt16LE(28);
  const extraLength = buf.readUInt16LE(30);
  const at = CENTRAL_HEADER_FIXED;
  const header: CentralHeader = {
    flags: buf.readUInt16LE(8),
    method: buf.readUInt16LE(10),
    crc32: buf.readUInt32LE(16),
    compressedSize: buf.readUInt32LE(20),
    uncompressedSize: buf.readUInt32LE(24),
    localHeaderOffset: buf.readUInt32LE(42),
    name: decodeName(buf.subarray(at, at + nameLength), buf.readUInt16LE(8)),
    zip64: false,
    length: centralHeaderLength(buf),
  };
  const zip64 = findExtra(buf.subarray(at + nameLength, at + nameLength + extraLength), 0x0001);
  if (zip64 !== undefined) {
    header.zip64 = true;
    // 4.5.3: only the fields that are 0xFFFFFFFF in the header appear, in this order.
    let p = 0;
    const next = () => {
      const value = p + 8 <= zip64.length ? Number(zip64.readBigUInt64LE(p)) : Number.NaN;
      p += 8;
      return value;
    };
    if (header.uncompressedSize === MAX32) header.uncompressedSize = next();
    if (header.compressedSize === MAX32) header.compressedSize = next();
    if (header.localHeaderOffset === MAX32) header.localHeaderOffset = next();
  }
  return header;
}

/** The end of central directory record (ZIP64 values filled in by the reader). */
export interface EndRecord {
  entries: number;
  centralSize: number;
  centralOffset: number;
  commentLength: number;
}

/** Parses the end of central directory record's fixed part. */
export function parseEnd(buf: Buffer): EndRecord {
  return {
    entries: buf.readUInt16LE(10),
    centralSize: buf.readUInt32LE(12),
    centralOffset: buf.readUInt32LE(16),
    commentLength: buf.readUInt16LE(20),
  };
}

/** Length of a ZIP64 end record starting `fixed` (its first 12 bytes). */
export function zip64EndLength(fixed: Buffer): number {
  return 12 + Number(fixed.readBigUInt64LE(4));
}

/** Parses a ZIP64 end of central directory record. */
export function parseZip64End(buf: Buffer): Omit<EndRecord, 'commentLength'> {
  return {
    entries: Number(buf.readBigUInt64LE(32)),
    centralSize: Number(buf.readBigUInt64LE(40)),
    centralOffset: Number(buf.readBigUInt64LE(48)),
  };
}

/** Parses a ZIP64 end locator: where the ZIP64 end record starts. */
export function parseZip64Locator(buf: Buffer): { zip64EndOffset: number } {
  return { zip64EndOffset: Number(buf.readBigUInt64LE(8)) };
}

function findExtra(extra: Buffer, tag: number): Buffer | undefined {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === tag) return extra.subarray(p + 4, p + 4 + size);
    p += 4 + size;
  }
  return undefined;
}

function decodeName(bytes: Buffer, flags: number): string {
  // Bit 11: UTF-8 name; otherwise CP437, of which the ASCII range is all a report name needs.
  return (flags & 0x0800) !== 0 ? bytes.toString('utf8') : bytes.toString('latin1');
}
