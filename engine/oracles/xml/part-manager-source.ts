/** Indices of the Int32 control array shared by the main thread and the part managers. */
export const CONTROL = {
  /** Next part to claim (Atomics.add). */
  next: 0,
  /** Set to 1 by the first part that is not valid, or by anything that fails. */
  failed: 1,
  /** Incremented on every event (a part done, a manager gone); the main thread waits on it. */
  signal: 2,
  /** Managers that have finished. */
  exited: 3,
} as const;

/** Length of the control array. */
export const CONTROL_LENGTH = 4;

/** What a part manager receives as `workerData`. */
export interface PartManagerData {
  /** The MAP_REQUEST content, copied once, shared with the main thread. */
  content: SharedArrayBuffer;
  /** Part boundaries, offsets into `content`. */
  bounds: number[];
  /** Int32 control array, see {@link CONTROL}. */
  control: SharedArrayBuffer;
  /** Code of the helper process (PART_HELPER_SOURCE). */
  helperSource: string;
  /** JSON configuration of the helper process. */
  helperConfig: string;
}

/**
 * The code of a part manager, a worker thread (CommonJS, `eval: true`: no TypeScript loader
 * reaches a worker). It does not load libxmljs2 (see PART_HELPER_SOURCE): it starts a helper
 * process, then claims parts from the shared counter, as the main thread does, sends each to
 * the helper and records its answer, so that the main thread can block on Atomics.wait while
 * the helper's I/O still runs. The first part that is not valid stops every claimant.
 */
export const PART_MANAGER_SOURCE = `
'use strict';
const { workerData } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { content, bounds, control, helperSource, helperConfig } = workerData;
const ctrl = new Int32Array(control);
const NEXT = ${CONTROL.next};
const FAILED = ${CONTROL.failed};
const SIGNAL = ${CONTROL.signal};
const EXITED = ${CONTROL.exited};
const signal = () => {
  Atomics.add(ctrl, SIGNAL, 1);
  Atomics.notify(ctrl, SIGNAL);
};

async function manage() {
  const helper = spawn(process.execPath, ['-e', helperSource, helperConfig], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const answers = [];
  let waiting = null;
  let closed = false;
  const answer = (value) => {
    if (waiting === null) answers.push(value);
    else {
      const resolve = waiting;
      waiting = null;
      resolve(value);
    }
  };
  helper.stdout.on('data', (chunk) => {
    for (const byte of chunk) answer(byte);
  });
  const gone = () => {
    closed = true;
    if (waiting !== null) answer(-1);
  };
  helper.on('error', gone);
  helper.on('close', gone);
  helper.stdin.on('error', gone);
  const next = () =>
    answers.length > 0
      ? Promise.resolve(answers.shift())
      : closed
        ? Promise.resolve(-1)
        : new Promise((resolve) => (waiting = resolve));

  try {
    for (;;) {
      if (Atomics.load(ctrl, FAILED) !== 0) break;
      const part = Atomics.add(ctrl, NEXT, 1);
      if (part >= bounds.length - 1) break;
      const start = bounds[part];
      const length = bounds[part + 1] - start;
      const frame = Buffer.alloc(4);
      frame.writeUInt32BE(length);
      helper.stdin.write(frame);
      helper.stdin.write(Buffer.from(content, start, length));
      if ((await next()) !== 0x31) Atomics.store(ctrl, FAILED, 1);
      signal();
    }
  } finally {
    helper.stdin.end();
  }
}

manage()
  .catch(() => Atomics.store(ctrl, FAILED, 1))
  .finally(() => {
    Atomics.add(ctrl, EXITED, 1);
    signal();
  });
`;
