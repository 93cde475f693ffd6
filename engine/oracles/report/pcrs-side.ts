import type { PcrsThresholds } from '../../profile/profile.ts';

/**
 * Which delivery the release notes promise a report of a given size ("Support for Compressed
 * Reports with PCRS": ZIP between 1 GB and 5 GB, CSV under 1 GB). They do not say whether a
 * GB is 10^9 or 2^30 bytes, so each threshold has two readings, and a size between them may go
 * either way.
 * - `csv`, `zip`: both readings agree.
 * - `either`: between the decimal and binary readings of the lower threshold.
 * - `above`: over the upper threshold, where the notes say nothing.
 * - `unknown`: the size is not known precisely enough to tell.
 */
export type ReportSide = 'csv' | 'zip' | 'either' | 'above' | 'unknown';

/** A report size, possibly a range (the report list's SIZE is rounded), and where it came from. */
export interface SizeRange {
  low: number;
  high: number;
  /** E.g. `report list SIZE "2.4 MB"`, `inflated entry`. */
  source: string;
}

/** The expected side and why. */
export interface SideVerdict {
  side: ReportSide;
  explanation: string;
}

/**
 * The binary reading of a threshold given in decimal units: 1_000_000_000 (1 GB) is also read
 * as 2^30, 5_000_000 (5 MB) as 5 × 2^20. A value that is not a whole number of kB has one
 * reading.
 */
export function binaryReading(bytes: number): number {
  let k = bytes;
  let power = 0;
  while (k % 1000 === 0 && k > 0 && power < 4) {
    k /= 1000;
    power += 1;
  }
  return k * 1024 ** power;
}

/** Where a report of `size` should land, under both readings of `thresholds`. */
export function expectedSide(size: SizeRange, thresholds: PcrsThresholds): SideVerdict {
  const min = { decimal: thresholds.zipMinBytes, binary: binaryReading(thresholds.zipMinBytes) };
  const max = { decimal: thresholds.zipMaxBytes, binary: binaryReading(thresholds.zipMaxBytes) };
  const what = `${describe(size)} (${size.source})`;
  if (size.high < min.decimal) {
    return {
      side: 'csv',
      explanation: `${what} is below the lower threshold ${pair(min)} under either reading`,
    };
  }
  if (size.low >= min.binary && size.high <= max.decimal) {
    return {
      side: 'zip',
      explanation: `${what} lies within ${pair(min)} … ${pair(max)} under either reading`,
    };
  }
  if (size.low >= min.decimal && size.high < min.binary) {
    return {
      side: 'either',
      explanation: `${what} lies between the decimal and binary readings of the lower threshold ${pair(min)}`,
    };
  }
  if (size.low > max.decimal) {
    return {
      side: 'above',
      explanation: `${what} is above the upper threshold ${pair(max)}: the release notes say nothing of it`,
    };
  }
  return {
    side: 'unknown',
    explanation: `${what} straddles a threshold (${pair(min)} … ${pair(max)})`,
  };
}

/** Which reading of the lower threshold a delivery of a report on the `either` side shows. */
export function readingApplied(zipped: boolean, thresholds: PcrsThresholds): string {
  const min = thresholds.zipMinBytes;
  return zipped
    ? `the decimal reading applied: zipped at or above ${min.toLocaleString('en-US')} bytes`
    : `the binary reading applied: still CSV below ${binaryReading(min).toLocaleString('en-US')} bytes`;
}

function pair(reading: { decimal: number; binary: number }): string {
  const decimal = reading.decimal.toLocaleString('en-US');
  if (reading.binary === reading.decimal) return `${decimal} bytes`;
  return `${decimal} bytes (binary reading ${reading.binary.toLocaleString('en-US')})`;
}

function describe(size: SizeRange): string {
  if (size.low === size.high) return `${size.low.toLocaleString('en-US')} bytes`;
  return `${size.low.toLocaleString('en-US')}–${size.high.toLocaleString('en-US')} bytes`;
}
