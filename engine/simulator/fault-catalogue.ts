import { LIMIT_FAULTS } from './limit-faults.ts';
import { REPORT_FAULTS } from './features/report-faults.ts';
import { MAP_FAULTS } from './features/map-faults.ts';
import { TAGS_FAULTS } from './features/tags-faults.ts';
import type { SimFault } from './sim-types.ts';

/** Every fault the simulator knows, each with the rules it must make fail. */
export const FAULT_CATALOGUE: SimFault[] = [
  ...LIMIT_FAULTS,
  ...REPORT_FAULTS,
  ...MAP_FAULTS,
  ...TAGS_FAULTS,
];

/** Names of every known fault. */
export function knownFaultNames(): string[] {
  return FAULT_CATALOGUE.map((f) => f.name);
}
