import fc from 'fast-check';
import { inject } from 'vitest';
import './run-config.ts';

// Every property of the run uses the run's seed, so `--seed N` replays a whole run.
const config = inject('harness');
fc.configureGlobal({ seed: config.seed, numRuns: config.runs });
