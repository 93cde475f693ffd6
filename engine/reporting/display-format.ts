/** How times, durations and numbers read on the report pages. Dates are shown in UTC. */

/**
 * Formats an ISO timestamp as `2022-04-12 02:00:03 UTC`; returns the input unchanged when it
 * does not parse, so a malformed value is still shown as recorded.
 * @param iso a timestamp from results.json.
 */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * The UTC calendar day of an ISO timestamp, `2022-04-12`; the input when it does not parse.
 * @param iso a timestamp from results.json.
 */
export function formatDay(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().slice(0, 10);
}

/**
 * Formats the time between two ISO timestamps as `1 h 02 min`, `4 min 12 s` or `12 s`;
 * undefined when either does not parse or the end is before the start.
 * @param startIso start timestamp.
 * @param endIso end timestamp.
 */
export function formatDuration(startIso: string, endIso: string): string | undefined {
  const ms = Date.parse(endIso) - Date.parse(startIso);
  if (Number.isNaN(ms) || ms < 0) return undefined;
  const seconds = Math.round(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${seconds % 60} s`;
  return `${seconds} s`;
}

/**
 * Formats a count with thousands separators: `12,345`.
 * @param value a finite number.
 */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/**
 * Formats a share as a whole percentage, `71 %`; `–` when the total is 0.
 * @param part the part.
 * @param total the whole.
 */
export function formatPercent(part: number, total: number): string {
  return total > 0 ? `${Math.round((part / total) * 100)} %` : '–';
}
