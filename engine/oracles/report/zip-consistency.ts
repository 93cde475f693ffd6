import type { ZipEntryFacts, ZipProblem, ZipReadResult } from './zip-read-result.ts';
import { MAX32, type EndRecord, type parseZip64End } from './zip-records.ts';

/**
 * An entry's CRC-32 and sizes as measured against what its local header or data descriptor
 * declares (APPNOTE 4.4.7–4.4.9).
 */
export function entryProblems(facts: ZipEntryFacts): ZipProblem[] {
  const declared = facts.declared;
  if (declared === undefined) return [];
  const problems: ZipProblem[] = [];
  if (facts.crc32 !== undefined && declared.crc32 !== facts.crc32) {
    problems.push(
      problem(
        'crc-mismatch',
        `entry "${facts.name}": CRC-32 of its ${facts.inflatedBytes} inflated bytes is ` +
          `0x${hex(facts.crc32)}, the ${declared.from} declares 0x${hex(declared.crc32)}`,
      ),
    );
  }
  const sizes = `${declared.compressedSize} compressed / ${declared.uncompressedSize} inflated`;
  if (
    declared.compressedSize !== facts.compressedBytes ||
    declared.uncompressedSize !== facts.inflatedBytes
  ) {
    problems.push(
      problem(
        'size-mismatch',
        `entry "${facts.name}": the ${declared.from} declares ${sizes} bytes, the data holds ` +
          `${facts.compressedBytes} / ${facts.inflatedBytes}`,
      ),
    );
  }
  return problems;
}

/**
 * The central directory against the local entries (names, offsets, CRC-32, sizes), and the
 * end record against the directory as read (entry count, size, offset).
 */
export function centralProblems(
  result: ZipReadResult,
  centralOffset: number,
  centralSize: number,
): ZipProblem[] {
  const { entries, central, end } = result;
  const problems: ZipProblem[] = [];
  if (central.length !== entries.length) {
    problems.push(
      problem(
        'central-mismatch',
        `the central directory lists ${central.length} entries, the archive holds ${entries.length}`,
      ),
    );
  }
  central.forEach((c, n) => {
    const local = entries[n];
    if (local === undefined) return;
    const differences: string[] = [];
    if (c.name !== local.name) differences.push(`name "${c.name}" vs "${local.name}"`);
    if (c.localHeaderOffset !== local.offset) {
      differences.push(`offset ${c.localHeaderOffset} vs ${local.offset}`);
    }
    if (local.crc32 !== undefined && c.crc32 !== local.crc32) {
      differences.push(`CRC-32 0x${hex(c.crc32)} vs computed 0x${hex(local.crc32)}`);
    }
    if (c.compressedSize !== local.compressedBytes) {
      differences.push(`compressed size ${c.compressedSize} vs ${local.compressedBytes}`);
    }
    if (c.uncompressedSize !== local.inflatedBytes) {
      differences.push(`size ${c.uncompressedSize} vs ${local.inflatedBytes}`);
    }
    if (differences.length > 0) {
      problems.push(
        problem('central-mismatch', `central directory entry ${n + 1}: ${differences.join('; ')}`),
      );
    }
  });
  if (end === undefined) return problems;
  const differences: string[] = [];
  if (end.entries !== central.length)
    differences.push(`${end.entries} entries vs ${central.length}`);
  if (end.centralSize !== centralSize) {
    differences.push(`directory size ${end.centralSize} vs ${centralSize}`);
  }
  if (end.centralOffset !== centralOffset) {
    differences.push(`directory offset ${end.centralOffset} vs ${centralOffset}`);
  }
  if (differences.length > 0) {
    problems.push(problem('end-mismatch', `end record: ${differences.join('; ')}`));
  }
  return problems;
}

/** The end record with the ZIP64 end record's values where its own fields are saturated. */
export function mergeEnd(
  end: EndRecord,
  zip64: ReturnType<typeof parseZip64End> | undefined,
): EndRecord {
  if (zip64 === undefined) return end;
  return {
    entries: end.entries === 0xffff ? zip64.entries : end.entries,
    centralSize: end.centralSize === MAX32 ? zip64.centralSize : end.centralSize,
    centralOffset: end.centralOffset === MAX32 ? zip64.centralOffset : end.centralOffset,
    commentLength: end.commentLength,
  };
}

/** A 32-bit value as 8 hex digits. */
export function hex(value: number, width = 8): string {
  return (value >>> 0).toString(16).padStart(width, '0');
}

function problem(code: ZipProblem['code'], message: string): ZipProblem {
  return { code, message, fatal: false };
}
