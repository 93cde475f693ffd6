/**
 * Version of the case generators. Raise it whenever a generator changes what it produces for a
 * given seed: recordings made with another version are refused as stale, since a replay would
 * ask for cases that were never recorded.
 */
export const GENERATOR_VERSION = '1';
