import type { PcrsThresholds } from '../../profile/profile.ts';
import type { SimulatorOptions } from '../simulator.ts';
import type { SimFeature } from '../sim-types.ts';
import { reportsFeature } from './reports.ts';
import { mapFeature } from './map.ts';
import { networkListFeature } from './network-list.ts';
import { compliancePolicyFeature } from './compliance-policy.ts';

/** Options every feature receives: the simulator's, with defaults filled in. */
export type FeatureOptions = SimulatorOptions & { pcrs: PcrsThresholds };

/** Creates one instance of every feature, each with fresh state. */
export function createFeatures(options: FeatureOptions): SimFeature[] {
  return [
    reportsFeature(options),
    mapFeature(options),
    networkListFeature(options),
    compliancePolicyFeature(options),
  ];
}
