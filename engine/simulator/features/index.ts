import type { PcrsThresholds } from '../../profile/profile.ts';
import type { SimulatorOptions } from '../simulator.ts';
import type { SimFeature } from '../sim-types.ts';
import { reportsFeature } from './reports.ts';

/** Options every feature receives: the simulator's, with defaults filled in. */
export type FeatureOptions = SimulatorOptions & { pcrs: PcrsThresholds };

/** Creates one instance of every feature, each with fresh state. */
export function createFeatures(options: FeatureOptions): SimFeature[] {
  return [reportsFeature(options)];
}
