/**
 * The lines of a body around `line` (1-based), numbered, for a failure's response excerpt;
 * the body's first lines when `line` is unknown. Long lines are cut.
 * @param around lines either side (default 3)
 */
export function bodyExcerpt(body: string, line: number | null, around = 3): string {
  const lines = body.split('\n');
  const at = line === null ? 1 : Math.min(Math.max(line, 1), lines.length);
  const from = Math.max(at - around, 1);
  const to = Math.min(at + around, lines.length);
  const width = String(to).length;
  const shown: string[] = [];
  for (let n = from; n <= to; n += 1) {
    const text = lines[n - 1] ?? '';
    const cut = text.length > 160 ? `${text.slice(0, 160)}…` : text;
    shown.push(`${n === at && line !== null ? '>' : ' '} ${String(n).padStart(width)} | ${cut}`);
  }
  return shown.join('\n');
}
