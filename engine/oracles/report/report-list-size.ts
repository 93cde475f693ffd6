import type { SizeRange } from './pcrs-side.ts';

const POWERS: Record<string, number> = { B: 0, BYTE: 0, BYTES: 0, KB: 1, MB: 2, GB: 3, TB: 4 };

/**
 * The byte range a report list SIZE stands for (`12.3 MB`, `293.0 KB`, `812 bytes`). SIZE is
 * rounded and its unit may be decimal or binary (report_list_output.dtd says only #PCDATA), so
 * the range runs from the smallest to the largest value either reading allows. Undefined for
 * `-` or anything unreadable.
 */
export function reportListSizeRange(size: string | undefined): SizeRange | undefined {
  const match = /^\s*([\d,]+(?:\.(\d+))?)\s*([A-Za-z]+)\s*$/.exec(size ?? '');
  if (match === null) return undefined;
  const value = Number((match[1] as string).replaceAll(',', ''));
  const power = POWERS[(match[3] as string).toUpperCase()];
  if (!Number.isFinite(value) || power === undefined) return undefined;
  const source = `report list SIZE "${(size as string).trim()}"`;
  if (power === 0) return { low: value, high: value, source };
  const half = 0.5 * 10 ** -(match[2]?.length ?? 0);
  return {
    low: Math.max(0, Math.floor((value - half) * 1000 ** power)),
    high: Math.ceil((value + half) * 1024 ** power),
    source,
  };
}
