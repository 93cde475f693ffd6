/**
 * The code of a part helper process, CommonJS, run as `node -e PART_HELPER_SOURCE CONFIG`
 * (CONFIG: JSON of `{ libxmljs2, head, tail, options }`). A separate process, not a worker
 * thread: libxmljs2 0.35 is not a context-aware addon, so it loads in one thread per process
 * only, and the parent's main thread has it already. Plain JavaScript, so that it needs no
 * TypeScript loader. Reads frames from stdin (4-byte big-endian length, then a part's bytes),
 * validates `head + part + tail` for each and answers one byte: `1` when the part has no
 * error and no warning, `0` otherwise (a fatal error throws and counts). Exits at end of input.
 */
export const PART_HELPER_SOURCE = `
'use strict';
const { libxmljs2, head, tail, options } = JSON.parse(process.argv[1]);
const libxml = require(libxmljs2);
const before = Buffer.from(head, 'utf8');
const after = Buffer.from(tail, 'utf8');
const push = Array.prototype.push;
Error.stackTraceLimit = 0;

function valid(part) {
  let overflow = false;
  // libxmljs2 collects every error; one is enough to say no, so keep at most one.
  Array.prototype.push = function (...items) {
    if (this.length + items.length <= 1) return push.apply(this, items);
    overflow = true;
    return this.length;
  };
  try {
    const found = libxml.parseXml(Buffer.concat([before, part, after]), options).errors;
    return found.length === 0 && !overflow;
  } catch {
    return false;
  } finally {
    Array.prototype.push = push;
  }
}

let pending = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
  while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
    const length = pending.readUInt32BE(0);
    const part = pending.subarray(4, 4 + length);
    pending = pending.subarray(4 + length);
    process.stdout.write(valid(part) ? '1' : '0');
  }
});
`;
