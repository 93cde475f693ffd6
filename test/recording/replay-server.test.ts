import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readBody } from '../../engine/client/qualys-client.ts';
import type { ApiRequest } from '../../engine/client/api-request.ts';
import { HARNESS_HEADERS } from '../../engine/governor/harness-headers.ts';
import { simulatorProfile } from '../../engine/simulator/sim-profile.ts';
import { HarnessTarget } from '../../engine/run/target.ts';
import { SIM_MAIN, startRecordingRig, startReplayRig } from './recording-rig.ts';

/** A stateful target: each call of action=next counts up; the answer names the caller. */
let server: Server;
let apiUrl: string;
let recordingDir: string;

const NEXT: ApiRequest = {
  method: 'POST',
  path: '/api/2.0/fo/counter/',
  query: [['action', 'next']],
  params: [
    ['b', '2'],
    ['a', '1'],
  ],
};

const STATIC: ApiRequest = {
  method: 'GET',
  path: '/api/2.0/fo/static/',
  params: [['action', 'list']],
};

beforeAll(async () => {
  let count = 0;
  server = createServer((req, res) => {
    res.setHeader('content-type', 'text/xml');
    if (req.url?.startsWith(STATIC.path) === true) {
      res.setHeader('x-ratelimit-remaining', String(100 - count));
      res.end('<STATIC/>');
      return;
    }
    count += 1;
    res.setHeader('set-cookie', 'QualysSession=8c3f2a1b; path=/api; secure');
    res.end(`<COUNT><USER_LOGIN>${SIM_MAIN.username}</USER_LOGIN><N>${count}</N></COUNT>`);
    req.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const rig = await startRecordingRig(apiUrl);
  for (const label of ['STEP', 'STEP', 'OTHER']) {
    const response = await rig.client.send(NEXT, { [HARNESS_HEADERS.label]: label });
    await readBody(response.body, 10_000);
  }
  for (let i = 0; i < 2; i += 1) {
    await readBody((await rig.client.send(STATIC, { [HARNESS_HEADERS.label]: 'READ' })).body, 100);
  }
  await rig.close();
  await rig.recorder.close();
  recordingDir = rig.recorder.dir;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function target(proxyUrl: string, label: string): HarnessTarget {
  const t = new HarnessTarget({
    proxyUrl,
    mode: 'live',
    seed: 7,
    runs: 1,
    depth: 'quick',
    faults: [],
    suites: [],
    profile: simulatorProfile(apiUrl),
    stateDir: recordingDir,
    outDir: recordingDir,
  });
  t.startLog(label);
  return t;
}

describe('a recording', () => {
  test('keeps each exchange in a readable file under its suite and label, scrubbed', () => {
    const file = join(recordingDir, 'harness', 'STEP', '0001-post-counter-next.json');
    const body = join(recordingDir, 'harness', 'STEP', '0001-post-counter-next.body.xml');

    const exchange = readFileSync(file, 'utf8');

    expect(exchange).toContain('"form": [\n      ["a", "1"],\n      ["b", "2"]\n    ]');
    expect(exchange).toContain('QualysSession=[session-1]');
    expect(readFileSync(body, 'utf8')).toBe(
      '<COUNT><USER_LOGIN>[username-1]</USER_LOGIN><N>1</N></COUNT>',
    );
  });
});

describe('the replay server, behind the governor', () => {
  test('gives the k-th identical call within a label the k-th answer, parameters in any order', async () => {
    const replay = await startReplayRig(recordingDir);
    try {
      const step = target(replay.proxy.url, 'STEP');
      const reordered: ApiRequest = {
        ...NEXT,
        params: [
          ['a', '1'],
          ['b', '2'],
          ['echo_request', '1'],
        ],
      };

      const first = await step.call(NEXT);
      const second = await step.call(reordered);
      const other = await target(replay.proxy.url, 'OTHER').call(NEXT);

      expect(first.text).toContain('<N>1</N>');
      expect(second.text).toContain('<N>2</N>');
      expect(other.text).toContain('<N>3</N>');
      expect(first.headers['set-cookie']).toBe('QualysSession=[session-1]; path=/api; secure');
    } finally {
      await replay.close();
    }
  });

  test('answers a read asked more often than recorded again when its answers never changed', async () => {
    const replay = await startReplayRig(recordingDir);
    try {
      const read = target(replay.proxy.url, 'READ');

      const answers = [await read.call(STATIC), await read.call(STATIC), await read.call(STATIC)];

      expect(answers.map((a) => a.text)).toEqual(['<STATIC/>', '<STATIC/>', '<STATIC/>']);
    } finally {
      await replay.close();
    }
  });

  test('fails a call it has no recording of, saying what was asked and how to record it', async () => {
    const replay = await startReplayRig(recordingDir);
    try {
      const step = target(replay.proxy.url, 'STEP');
      await step.call(NEXT);
      await step.call(NEXT);

      const third = step.call(NEXT);
      const unknown = step.call({ ...NEXT, params: [['a', '9']] });

      await expect(third).rejects.toThrow(
        /no recording for POST \/api\/2\.0\/fo\/counter\/ \(action=next, b=2, a=1\) as main under label STEP \(call 3 of it; 2 recorded\) in .*; record it again with npm run conformance -- --target PROFILE --record /,
      );
      await expect(unknown).rejects.toThrow(
        /no recording for POST .* \(action=next, a=9\) as main under label STEP in /,
      );
      expect(replay.server.misses).toHaveLength(2);
      expect(replay.proxy.governor.stats().made).toBe(4);
    } finally {
      await replay.close();
    }
  });
});
