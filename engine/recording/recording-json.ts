/**
 * JSON as recordings are written: two-space indentation like JSON.stringify, but a short
 * array of plain values (a `[name, value]` parameter pair) stays on one line, so a diff in
 * git shows one parameter per line.
 */
export function recordingJson(value: unknown): string {
  return `${format(value, '')}\n`;
}

const ONE_LINE = 96; // characters: a pair longer than this is split like any array

function format(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const line = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (line.length + inner.length <= ONE_LINE) return line;
    }
    return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}
