/** A timestamp as Qualys writes them: ISO 8601 in UTC, whole seconds (`2022-02-14T10:41:28Z`). */
export function qualysDatetime(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
