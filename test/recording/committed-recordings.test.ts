import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, test } from 'vitest';
import { HARNESS_HEADERS } from '../../engine/governor/harness-headers.ts';
import { readRecording } from '../../engine/recording/read-recording.ts';
import { RECORDINGS_ROOT, DEFAULT_REPLAY_DIR } from '../../engine/recording/recording-paths.ts';
import { startReplayServer } from '../../engine/recording/replay-server.ts';
import { scanForSecrets } from '../../engine/recording/secret-scan.ts';
import { SIM_CREDENTIAL_ENV } from '../../engine/simulator/sim-fixtures.ts';
import { ROOT, runCli } from '../helpers/run-cli.ts';

const recordings = readdirSync(RECORDINGS_ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(RECORDINGS_ROOT, e.name, 'manifest.json')))
  .map((e) => e.name);

const SIM_SECRETS = Object.values(SIM_CREDENTIAL_ENV).flatMap((u) => [
  u.login,
  u.password,
  Buffer.from(`${u.login}:${u.password}`).toString('base64'),
]);

describe('the committed recordings', () => {
  test('include the simulator recording --target replay plays, labelled as simulator-made', () => {
    const { manifest, exchanges } = readRecording(DEFAULT_REPLAY_DIR);

    expect(manifest.madeAgainst).toBe('simulator');
    expect(manifest.note).toMatch(/embedded simulator, not a Qualys platform/);
    expect(manifest.exchanges).toBe(exchanges.length);
    expect(new Set(exchanges.map((e) => e.file.split('/').at(-3)))).toEqual(
      new Set([...manifest.suites, 'harness']),
    );
  });

  test('replay on a fresh clone plays the simulator recording to every rule passing', async () => {
    const run = await runCli('conformance', ['--target', 'replay']);

    expect(run.code, `${run.stderr}\nstale? run npm run recordings:refresh`).toBe(0);
    expect(run.results?.mode).toBe('replay');
    expect(run.results?.rules.every((r) => r.status === 'pass')).toBe(true);
  }, 120_000);

  test.each(recordings)('%s reads without an error and holds no credential in any form', (name) => {
    const dir = join(RECORDINGS_ROOT, name);

    expect(() => readRecording(dir)).not.toThrow();
    expect(scanForSecrets([dir], SIM_SECRETS)).toEqual([]);
  });

  test('the release-notes recording says it is transcribed, and replays the corrected map sample', async () => {
    const dir = join(RECORDINGS_ROOT, 'release-notes');
    const recording = readRecording(dir);
    const server = await startReplayServer(recording, new Map([['replay.main', 'main']]));
    const headers = {
      authorization: `Basic ${Buffer.from('replay.main:x').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    };
    try {
      const map = await request(`${server.url}/msp/map-2.php`, {
        method: 'POST',
        headers: { ...headers, [HARNESS_HEADERS.label]: 'map sample network_id' },
        body: 'map_title=my_map&domain=mydomain.com:10.10.10.10-10.10.10.20&iscanner_name=my_scanner&option=Initial+Options&network_id=4234545&save_report=yes',
      });
      const tags = await request(
        `${server.url}/api/2.0/fo/compliance/policy/?action=set_asset_tags`,
        {
          method: 'POST',
          headers: { ...headers, [HARNESS_HEADERS.label]: 'tags sample set_asset_tags' },
          body: 'id=4201701&tag_set_include=118766028&tag_include_selector=all',
        },
      );

      expect(recording.manifest.madeAgainst).toBe('release-notes');
      expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(/transcribed, not recorded/);
      expect(map.statusCode).toBe(200);
      expect(await map.body.text()).toBe(
        readFileSync(join(ROOT, 'test/fixtures/xml/release-notes-map-sample.xml'), 'utf8'),
      );
      expect(tags.headers[HARNESS_HEADERS.error]).toBe('no-recording');
      expect(await tags.body.text()).toMatch(/holds the request only: its source shows no answer/);
    } finally {
      await server.close();
    }
  });
});
