const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count as the report list's SIZE shows it: one decimal and a unit (`293.0 KB`,
 * `2.4 MB`). Whether Qualys counts a KB as 1000 or 1024 bytes is not documented; the
 * simulator uses 1024, and the oracle reads SIZE as either.
 */
export function formatReportSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${UNITS[unit] as string}`;
}
