import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type Listener = (...args: unknown[]) => void;

/**
 * Runs `restore` when the process gets SIGINT or SIGTERM, before the listeners that were
 * there (vitest's, which exit the process a millisecond later) run. Those listeners are held
 * back and called once `restore` settles; with none, the process exits with 128 + the signal
 * number. A second signal while restoring does not wait: the journal stays for the next run.
 * @returns a function that puts the held-back listeners back and stops listening
 */
export function restoreOnSignal(restore: (signal: NodeJS.Signals) => Promise<void>): () => void {
  const held = new Map<NodeJS.Signals, Listener[]>();
  let restoring = false;
  const handler = (signal: NodeJS.Signals) => {
    if (restoring) {
      passOn(signal);
      return;
    }
    restoring = true;
    restore(signal).then(
      () => passOn(signal),
      () => passOn(signal),
    );
  };
  const passOn = (signal: NodeJS.Signals) => {
    const listeners = held.get(signal) ?? [];
    const number = constants.signals[signal];
    if (listeners.length === 0) process.exit(128 + number);
    for (const listener of listeners) listener(signal, number);
  };
  for (const signal of SIGNALS) {
    const listeners = process.listeners(signal) as Listener[];
    held.set(signal, listeners);
    for (const listener of listeners) process.off(signal, listener);
    process.on(signal, handler);
  }
  return () => {
    for (const signal of SIGNALS) {
      process.off(signal, handler);
      for (const listener of held.get(signal) ?? []) process.on(signal, listener);
    }
  };
}
