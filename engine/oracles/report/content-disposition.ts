/**
 * The filename of a Content-Disposition header. Qualys sends it unquoted, spaces and all
 * (`attachment; filename=Compliance Report PCRA 326 xxx.csv`, release notes 10.18); quoted
 * and RFC 6266 `filename*=UTF-8''…` forms are read too, the latter first.
 */
export function dispositionFilename(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(header);
  if (extended?.[1] !== undefined) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Not percent-encoded after all: fall back to the plain parameter.
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted?.[1] !== undefined) return quoted[1].replace(/\\(.)/g, '$1');
  const bare = /filename\s*=\s*([^;]*)/i.exec(header);
  const name = bare?.[1]?.trim();
  return name === undefined || name === '' ? undefined : name;
}

/** The lower-case extension of a file name (`zip`, `csv`), or undefined when it has none. */
export function fileExtension(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const dot = name.lastIndexOf('.');
  return dot < 0 || dot === name.length - 1 ? undefined : name.slice(dot + 1).toLowerCase();
}
