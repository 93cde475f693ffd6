import type { SimFault } from '../sim-types.ts';

/** Faults of the report operations (rules RPT-*). */
export const REPORT_FAULTS: SimFault[] = [];
