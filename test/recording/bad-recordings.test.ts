import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { exchangeFiles } from '../../engine/recording/read-recording.ts';
import { runCli } from '../helpers/run-cli.ts';

// One real recording of the limits suite against the simulator; each test breaks a copy of it
// the way a hand edit or an old checkout would, and replays it.
let original: string;

beforeAll(async () => {
  original = join(mkdtempSync(join(tmpdir(), 'bad-recordings-')), 'limits');
  const run = await runCli('conformance', [
    '--target',
    'sim',
    '--suite',
    'limits',
    '--record',
    original,
  ]);
  expect(run.code, run.stderr).toBe(0);
}, 60_000);

/** A copy of the recording after `edit`, and the one replay of it. */
async function replayBroken(edit: (dir: string, files: string[]) => void, extra: string[] = []) {
  const dir = join(mkdtempSync(join(tmpdir(), 'broken-')), 'rec');
  cpSync(original, dir, { recursive: true });
  const files = exchangeFiles(dir);
  edit(dir, files);
  const run = await runCli('conformance', ['--target', `replay:${dir}`, ...extra]);
  return { run, dir, files };
}

function editJson(file: string, change: (value: Record<string, unknown>) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(value);
  writeFileSync(file, JSON.stringify(value, null, 2));
}

function oneLine(stderr: string): string {
  return stderr.trim();
}

describe('replaying a recording that cannot be used', () => {
  test('an exchange file edited into invalid JSON is one error naming the file', async () => {
    const { run, files } = await replayBroken((_dir, files) => {
      writeFileSync(files[0] ?? '', '{ "format": 1, ');
    });

    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(
      /^conformance: .*0001-get-report-list\.json is not valid JSON \(.*\): fix it by hand or record it again with npm run recordings:refresh/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(files.length).toBeGreaterThan(1);
  });

  test('a missing body file is one error naming both files', async () => {
    const { run } = await replayBroken((_dir, files) => {
      rmSync((files[0] ?? '').replace(/\.json$/, '.body.xml'));
    });

    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(
      /0001-get-report-list\.json names a body file .*0001-get-report-list\.body\.xml that does not exist/,
    );
  });

  test('a recording from another harness version is stale, naming its manifest', async () => {
    const { run } = await replayBroken((dir) => {
      editJson(join(dir, 'manifest.json'), (m) => (m.harnessVersion = '0.0.9'));
    });

    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(
      /manifest\.json was recorded by harness 0\.0\.9, this is .*: the recording is stale; record it again/,
    );
  });

  test('a recording from another generator version is stale', async () => {
    const { run } = await replayBroken((dir) => {
      editJson(join(dir, 'manifest.json'), (m) => (m.generatorVersion = '0'));
    });

    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(
      /recorded with generator version 0, the generators are now version 1, so the cases differ: the recording is stale/,
    );
  });

  test('a replay with another seed says the recording is stale, not that rules fail', async () => {
    const { run } = await replayBroken(() => undefined, ['--seed', '1']);

    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(
      /is stale for this run: it asks for seed 1 \(recorded: \d+\), so its cases were never recorded/,
    );
    expect(run.results).toBeUndefined();
  });

  test('a recording holding a login is refused, naming the file', async () => {
    const { run } = await replayBroken((_dir, files) => {
      const body = (files[0] ?? '').replace(/\.json$/, '.body.xml');
      writeFileSync(
        body,
        readFileSync(body, 'utf8').replace(
          '<RESPONSE>',
          '<RESPONSE><USER_LOGIN>jdoe_real</USER_LOGIN>',
        ),
      );
    });

    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(
      /0001-get-report-list\.json holds a secret \(a SIMPLE_RETURN USER_LOGIN\): replace it with a placeholder/,
    );
  });

  test('an intact copy replays the recorded verdicts', async () => {
    const { run } = await replayBroken(() => undefined);

    expect(run.code, run.stderr).toBe(0);
    expect(run.results?.mode).toBe('replay');
  });
});
