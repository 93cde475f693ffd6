// A stand-in for one vitest worker: fires N calls at once through the governor proxy and
// prints how they ended, as JSON on stdout. Run with `node --import tsx`.
import { HarnessTarget } from '../../engine/run/target.ts';
import { CallDeferred } from '../../engine/errors.ts';
import { simulatorProfile } from '../../engine/simulator/sim-profile.ts';

const [proxyUrl, countText] = process.argv.slice(2);
const target = new HarnessTarget({
  proxyUrl: proxyUrl ?? '',
  mode: 'sim',
  seed: 1,
  runs: 1,
  depth: 'quick',
  faults: [],
  suites: [],
  profile: simulatorProfile('http://127.0.0.1:1'),
  stateDir: '',
  outDir: '',
});
const outcomes = await Promise.all(
  Array.from({ length: Number(countText) }, async () => {
    try {
      const result = await target.call({
        method: 'GET',
        path: '/api/2.0/fo/report/',
        params: [['action', 'list']],
      });
      return result.status === 200 ? 'ok' : `status-${result.status}`;
    } catch (error) {
      return error instanceof CallDeferred ? 'deferred' : `error: ${(error as Error).message}`;
    }
  }),
);
const counts: Record<string, number> = {};
for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
process.stdout.write(JSON.stringify(counts));
