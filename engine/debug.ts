import { debuglog } from 'node:util';

/**
 * Opt-in diagnostics: `NODE_DEBUG=qualys-conformance` turns them on. Quiet by default.
 * Callers pass values that are already free of secrets; never log a header or a profile whole.
 */
export const debug = debuglog('qualys-conformance');
