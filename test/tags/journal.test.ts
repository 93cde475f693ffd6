import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CallDeferred } from '../../engine/errors.ts';
import { startGovernorProxy, type GovernorProxy } from '../../engine/governor/governor-proxy.ts';
import {
  journalPath,
  readJournal,
  recordOriginalTags,
  restoringMarkerPath,
} from '../../engine/journal/journal-file.ts';
import { policyListRequest, type PolicyTags } from '../../engine/journal/policy-tags.ts';
import { RunJournal } from '../../engine/journal/run-journal.ts';
import { WorkerJournal } from '../../engine/journal/worker-journal.ts';
import { QualysClient } from '../../engine/client/qualys-client.ts';
import { SIM_CREDENTIAL_ENV } from '../../engine/simulator/sim-fixtures.ts';
import { simulatorProfile } from '../../engine/simulator/sim-profile.ts';
import { startSimulator, type Simulator } from '../../engine/simulator/simulator.ts';
import { tagRequest } from '../../generators/tags/tag-case.ts';
import {
  readSimPolicy,
  send,
  SIM_INITIAL_TAGS,
  SIM_TAG_TARGET,
  simClient,
} from './tag-fixtures.ts';

const P = SIM_TAG_TARGET.policyId;
const TARGET = { name: 'nightly us1', apiUrl: 'https://qualysapi.qualys.com' };
const TAGS: PolicyTags = {
  include: [1, 2],
  exclude: [],
  includeSelector: 'all',
  excludeSelector: undefined,
};

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the journal file', () => {
  test('lives under the state folder, named after the profile (and the port of a simulator)', () => {
    expect(journalPath('/state', TARGET, 'live')).toBe('/state/journal/nightly_us1.json');
    expect(
      journalPath('/state', { name: 'simulator', apiUrl: 'http://127.0.0.1:4567' }, 'sim'),
    ).toBe('/state/journal/simulator-4567.json');
  });

  test('keeps the first state of a policy, written atomically, and reads it back', () => {
    const file = journalPath(dir, TARGET, 'live');

    expect(recordOriginalTags(file, TARGET, 7, TAGS)).toBe(true);
    expect(recordOriginalTags(file, TARGET, 7, { ...TAGS, include: [] })).toBe(false);
    expect(recordOriginalTags(file, TARGET, 8, { ...TAGS, exclude: [3] })).toBe(true);

    const journal = readJournal(file);
    expect(journal?.policies.map((p) => [p.policyId, p.tags])).toEqual([
      [7, TAGS],
      [8, { ...TAGS, exclude: [3] }],
    ]);
    expect(readdirSync(join(dir, 'journal'))).toEqual(['nightly_us1.json']);
  });

  test('refuses a journal of another API server and an unreadable file, saying what to do', () => {
    const file = journalPath(dir, TARGET, 'live');
    recordOriginalTags(file, TARGET, 7, TAGS);

    expect(() =>
      recordOriginalTags(file, { ...TARGET, apiUrl: 'https://qualysapi.qualys.eu' }, 7, TAGS),
    ).toThrow(/belongs to https:\/\/qualysapi.qualys.com.*restore it with the profile/);
    writeFileSync(file, '{"format":1,"target":"x","apiUrl":"y","policies":[{"policyId":"7"}]}');
    expect(() => readJournal(file)).toThrow(/cannot be read .*restore its policies by hand/);
  });

  test('a worker journals a policy once and makes no change while the main process restores', async () => {
    const file = journalPath(dir, TARGET, 'live');
    const worker = new WorkerJournal(file, TARGET);
    let reads = 0;
    const read = () => Promise.resolve(((reads += 1), TAGS));

    await worker.beforeChange(7, read);
    await worker.beforeChange(7, read);
    writeFileSync(restoringMarkerPath(file), '1');

    expect(reads).toBe(1);
    await expect(worker.beforeChange(7, read)).rejects.toBeInstanceOf(CallDeferred);
  });
});

describe('restoring through the governor', () => {
  let sim: Simulator;
  let proxy: GovernorProxy;

  beforeEach(async () => {
    sim = await startSimulator();
    const { login, password } = SIM_CREDENTIAL_ENV.main;
    proxy = await startGovernorProxy({
      apiUrl: sim.url,
      users: { main: { username: login, password } },
      budget: { maxCalls: 8, maxConcurrency: 1, maxWaitSeconds: 5, maxRetries: 0 },
      timeouts: { connectMs: 2_000, headersMs: 5_000, bodyMs: 5_000 },
    });
  });

  afterEach(async () => {
    await proxy.close();
    await sim.close();
  });

  function runJournal(reserve: number): RunJournal {
    const profile = { ...simulatorProfile(sim.url), name: 'loopback' };
    const file = journalPath(dir, profile, 'live');
    return new RunJournal({
      file,
      profile,
      mode: 'live',
      faults: [],
      proxyUrl: proxy.url,
      budget: proxy.governor.budget,
      reserve,
    });
  }

  test('sets a changed policy back from the reserve after the suites spent their share', async () => {
    const journal = runJournal(2);
    await journal.begin(() => undefined);
    recordOriginalTags(journal.file, { name: 'loopback', apiUrl: sim.url }, P, SIM_INITIAL_TAGS);
    const direct = simClient(sim);
    await send(
      direct,
      tagRequest('set_asset_tags', [
        ['id', String(P)],
        ['tag_set_exclude', '118766030'],
      ]),
    );
    const worker = new QualysClient({ baseUrl: proxy.url });
    const answers = [];
    for (let i = 0; i < 7; i += 1) answers.push((await worker.send(policyListRequest(P))).status);

    const report = await journal.finish();

    expect(answers).toEqual([200, 200, 200, 200, 200, 200, 503]);
    expect(report).toEqual({ restored: [P], failed: [] });
    expect(proxy.governor.stats()).toMatchObject({ made: 8, budget: 8 });
    expect(existsSync(journal.file)).toBe(false);
    expect(await readSimPolicy(direct, P)).toEqual(SIM_INITIAL_TAGS);
    await worker.close();
    await direct.close();
  });

  test('keeps the journal when the policy cannot be confirmed, and refuses to start the next run', async () => {
    const journal = runJournal(2);
    recordOriginalTags(journal.file, { name: 'loopback', apiUrl: sim.url }, 999, SIM_INITIAL_TAGS);

    const report = await journal.restore('end');

    expect(report.failed).toEqual([
      {
        policyId: 999,
        reason: expect.stringMatching(/set_asset_tags was refused \(HTTP 400, CODE 1905/),
      },
    ]);
    expect(readFileSync(journal.file, 'utf8')).toContain('"policyId": 999');
    await expect(runJournal(2).begin(() => undefined)).rejects.toThrow(
      /could not be restored now:\ncould not restore policy 999/,
    );
  });
});
