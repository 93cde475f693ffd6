/**
 * A streaming ZIP writer (PKWARE APPNOTE 6.3.x) for entries whose raw deflate data is given in
 * parts. It computes the archive's exact length before the first byte, so a server can send
 * Content-Length, and lays the archive out as a streaming producer does: sizes and CRC in a
 * data descriptor after the data, ZIP64 fields once an entry passes 4 GiB.
 */

/** One entry: its name, its raw deflate (or stored) data in parts, and what that data holds. */
export interface ZipEntryInput {
  name: string;
  /** The entry's compressed data, part by part (a raw deflate stream for method 8). */
  data: () => Iterable<Buffer>;
  compressedSize: number;
  uncompressedSize: number;
  /** CRC-32 written to the archive (a fault may write a wrong one on purpose). */
  crc32: number;
  /** 8 deflate (default), 0 stored. */
  method?: 0 | 8;
  /** Extra general-purpose flag bits, e.g. 0x0001 (encrypted) to build bad input in tests. */
  extraFlags?: number;
  modified?: Date;
}

/** Where sizes go, and when ZIP64 fields are written. */
export interface ZipLayout {
  /** `signed` (PK\x07\x08 first, the default), `unsigned`, or `none` (sizes in the header). */
  descriptor: 'signed' | 'unsigned' | 'none';
  /** `auto` (default): ZIP64 only past 0xFFFFFFFF; `always`: ZIP64 for every entry. */
  zip64: 'auto' | 'always';
}

/** An archive ready to stream. */
export interface ZipArchive {
  /** Exact length in bytes. */
  length: number;
  /** The archive's bytes, piece by piece. */
  parts: () => Generator<Buffer>;
}

const MAX32 = 0xffffffff;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8_NAME = 0x0800;

/** Lays out `entries` as one archive. */
export function zipArchive(
  entries: readonly ZipEntryInput[],
  layout: ZipLayout = { descriptor: 'signed', zip64: 'auto' },
): ZipArchive {
  const planned: {
    entry: ZipEntryInput;
    zip64: boolean;
    local: Buffer;
    descriptor: Buffer;
    central: Buffer;
  }[] = [];
  let offset = 0;
  for (const entry of entries) {
    const zip64 =
      layout.zip64 === 'always' ||
      entry.uncompressedSize >= MAX32 ||
      entry.compressedSize >= MAX32 ||
      offset >= MAX32;
    const local = localHeader(entry, layout, zip64);
    const descriptor = dataDescriptor(entry, layout, zip64);
    const central = centralHeader(entry, layout, zip64, offset);
    planned.push({ entry, zip64, local, descriptor, central });
    offset += local.length + entry.compressedSize + descriptor.length;
  }
  const centralOffset = offset;
  const centralSize = planned.reduce((sum, p) => sum + p.central.length, 0);
  const anyZip64 =
    planned.some((p) => p.zip64) ||
    entries.length >= 0xffff ||
    centralSize >= MAX32 ||
    centralOffset >= MAX32;
  const end = endRecords(entries.length, centralSize, centralOffset, anyZip64);
  return {
    length: centralOffset + centralSize + end.length,
    *parts() {
      for (const p of planned) {
        yield p.local;
        yield* p.entry.data();
        if (p.descriptor.length > 0) yield p.descriptor;
      }
      for (const p of planned) yield p.central;
      yield end;
    },
  };
}

function localHeader(entry: ZipEntryInput, layout: ZipLayout, zip64: boolean): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const streamed = layout.descriptor !== 'none';
  // A streaming writer has no sizes yet; a ZIP64 local header still carries the extra field.
  const extra = zip64
    ? zip64Extra(streamed ? [0, 0] : [entry.uncompressedSize, entry.compressedSize])
    : Buffer.alloc(0);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(zip64 ? 45 : 20, 4);
  header.writeUInt16LE(flags(entry, layout), 6);
  header.writeUInt16LE(entry.method ?? 8, 8);
  writeDosTime(header, 10, entry.modified);
  header.writeUInt32LE(streamed ? 0 : entry.crc32 >>> 0, 14);
  header.writeUInt32LE(zip64 ? MAX32 : streamed ? 0 : entry.compressedSize, 18);
  header.writeUInt32LE(zip64 ? MAX32 : streamed ? 0 : entry.uncompressedSize, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, name, extra]);
}

function dataDescriptor(entry: ZipEntryInput, layout: ZipLayout, zip64: boolean): Buffer {
  if (layout.descriptor === 'none') return Buffer.alloc(0);
  const signature = layout.descriptor === 'signed' ? 4 : 0;
  const out = Buffer.alloc(signature + 4 + (zip64 ? 16 : 8));
  if (signature > 0) out.writeUInt32LE(0x08074b50, 0);
  out.writeUInt32LE(entry.crc32 >>> 0, signature);
  if (zip64) {
    out.writeBigUInt64LE(BigInt(entry.compressedSize), signature + 4);
    out.writeBigUInt64LE(BigInt(entry.uncompressedSize), signature + 12);
  } else {
    out.writeUInt32LE(entry.compressedSize, signature + 4);
    out.writeUInt32LE(entry.uncompressedSize, signature + 8);
  }
  return out;
}

function centralHeader(
  entry: ZipEntryInput,
  layout: ZipLayout,
  zip64: boolean,
  offset: number,
): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const bigOffset = offset >= MAX32;
  const extra = zip64
    ? zip64Extra([entry.uncompressedSize, entry.compressedSize, ...(bigOffset ? [offset] : [])])
    : Buffer.alloc(0);
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(0x0300 | (zip64 ? 45 : 20), 4); // made by: Unix
  header.writeUInt16LE(zip64 ? 45 : 20, 6);
  header.writeUInt16LE(flags(entry, layout), 8);
  header.writeUInt16LE(entry.method ?? 8, 10);
  writeDosTime(header, 12, entry.modified);
  header.writeUInt32LE(entry.crc32 >>> 0, 16);
  header.writeUInt32LE(zip64 ? MAX32 : entry.compressedSize, 20);
  header.writeUInt32LE(zip64 ? MAX32 : entry.uncompressedSize, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
  header.writeUInt32LE(bigOffset ? MAX32 : offset, 42);
  return Buffer.concat([header, name, extra]);
}

function endRecords(count: number, size: number, offset: number, zip64: boolean): Buffer {
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(count, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(count, 0xffff), 10);
  eocd.writeUInt32LE(Math.min(size, MAX32), 12);
  eocd.writeUInt32LE(Math.min(offset, MAX32), 16);
  if (!zip64) return eocd;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4); // size of the rest of the record
  record.writeUInt16LE(0x0300 | 45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + size), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, eocd]);
}

function zip64Extra(values: number[]): Buffer {
  const out = Buffer.alloc(4 + 8 * values.length);
  out.writeUInt16LE(0x0001, 0);
  out.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, n) => out.writeBigUInt64LE(BigInt(v), 4 + 8 * n));
  return out;
}

function flags(entry: ZipEntryInput, layout: ZipLayout): number {
  let value = entry.extraFlags ?? 0;
  if (layout.descriptor !== 'none') value |= FLAG_DESCRIPTOR;
  if (/[^\x20-\x7e]/.test(entry.name)) value |= FLAG_UTF8_NAME;
  return value;
}

function writeDosTime(out: Buffer, at: number, date = new Date(Date.UTC(2022, 2, 16, 10))): void {
  const time =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day =
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  out.writeUInt16LE(time, at);
  out.writeUInt16LE(day, at + 2);
}
