/** A Content-Type split into its media type and charset (both lower case). */
export interface MediaType {
  /** `text/csv`, `application/zip`… */
  type: string;
  charset: string | undefined;
}

/** Parses a Content-Type header value; undefined when absent. */
export function parseMediaType(value: string | undefined): MediaType | undefined {
  if (value === undefined) return undefined;
  const [type = '', ...parameters] = value.split(';');
  let charset: string | undefined;
  for (const parameter of parameters) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(parameter);
    if (match?.[1] !== undefined) charset = match[1].toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}
