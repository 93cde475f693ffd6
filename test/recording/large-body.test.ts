import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HARNESS_HEADERS } from '../../engine/governor/harness-headers.ts';
import { typeMatchesBody } from '../../engine/oracles/report/type-matches-body.ts';
import {
  controlStatisticsHeader,
  hostStatisticsHeader,
  oldHeadersAbsent,
} from '../../engine/oracles/report/header-checks.ts';
import {
  inspectReportBody,
  type ReportInspection,
} from '../../engine/oracles/report/inspect-report-body.ts';
import { readRecordedSummary } from '../../engine/recording/recorded-summary.ts';
import { RECORDED_SUMMARY_HEADER } from '../../engine/recording/recording-format.ts';
import { simulatorProfile } from '../../engine/simulator/sim-profile.ts';
import { startSimulator, type Simulator } from '../../engine/simulator/simulator.ts';
import { startRecordingRig, startReplayRig } from './recording-rig.ts';

// Deliberately large: a 300 MB and a 1 GiB report stream through the real governor and
// recorder (about 10 s on 2 cores). The simulator makes both bodies on the fly.
const CSV_ID = 123456;
const ZIP_ID = 654321;
const CSV_BYTES = 300_000_000; // 300 MB of CSV, below the zip threshold
const ZIP_CSV_BYTES = 1_073_741_824; // 1 GiB of CSV, delivered zipped
const PCRS = { zipMinBytes: 1_000_000_000, zipMaxBytes: 5_000_000_000 };
const MAX_RECORDING_BYTES = 64 * 1024; // 64 KiB
const MAX_EXTRA_MEMORY = 150 * 1024 * 1024; // 150 MiB: far below the bodies' size

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({
    pcrs: PCRS,
    reportSizes: { [CSV_ID]: CSV_BYTES, [ZIP_ID]: ZIP_CSV_BYTES },
  });
});

afterAll(async () => {
  await sim.close();
});

/** The simulator's profile with the release notes' thresholds, as the simulator runs here. */
function profile() {
  const p = simulatorProfile(sim.url);
  p.subscription.pcrs = { ...PCRS };
  return p;
}

function fetchReport(id: number) {
  return {
    method: 'POST' as const,
    path: '/api/2.0/fo/report/',
    params: [
      ['action', 'fetch'],
      ['id', String(id)],
    ] as [string, string][],
  };
}

function sizeOfTree(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => statSync(join(dir, f)))
    .filter((s) => s.isFile())
    .reduce((sum, s) => sum + s.size, 0);
}

/** Samples heap and buffer memory until stopped; returns the peak above the start. */
function memoryWatch(): () => number {
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const start = used();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, used())), 20);
  return () => {
    clearInterval(timer);
    return Math.max(peak, used()) - start;
  };
}

function verdicts(inspection: ReportInspection): string[][] {
  return [typeMatchesBody, controlStatisticsHeader, hostStatisticsHeader, oldHeadersAbsent].map(
    (check) => check(inspection).problems,
  );
}

describe('a large report body', () => {
  test('a 300 MB CSV read whole is recorded in under 64 KiB, in bounded memory, with its length and sha256', async () => {
    const rig = await startRecordingRig(sim.url, { profile: profile(), depth: 'full' });
    const watch = memoryWatch();
    const hash = createHash('sha256');
    let bytes = 0;

    const response = await rig.client.send(fetchReport(CSV_ID), {
      [HARNESS_HEADERS.label]: 'RPT fetch',
    });
    for await (const chunk of response.body) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    await rig.close();
    await rig.recorder.close();
    const extra = watch();

    expect(bytes).toBe(CSV_BYTES);
    expect(sizeOfTree(rig.recorder.dir)).toBeLessThan(MAX_RECORDING_BYTES);
    expect(extra).toBeLessThan(MAX_EXTRA_MEMORY);
    const file = rig.recorder.files.find((f) => f.endsWith('fetch.json')) ?? '';
    const summary = readRecordedSummary(join(rig.recorder.dir, file));
    expect(summary.bytes).toBe(CSV_BYTES);
    expect(summary.complete).toBe(true);
    expect(summary.summaries.default).toMatchObject({
      bytes: CSV_BYTES,
      sha256: hash.digest('hex'),
    });
    expect(summary.summaries['report-digest']).toMatchObject({
      readTo: 'end',
      received: CSV_BYTES,
    });
  });

  test('a 1 GiB zipped report read quickly is recorded in under 64 KiB and replays to the same verdicts', async () => {
    const rig = await startRecordingRig(sim.url, { profile: profile(), depth: 'quick' });
    const watch = memoryWatch();

    const response = await rig.client.send(fetchReport(ZIP_ID), {
      [HARNESS_HEADERS.label]: 'RPT fetch',
    });
    const live = await inspectReportBody(
      { status: response.status, headers: response.headers, body: response.body },
      { depth: 'quick', thresholds: PCRS },
    );
    response.body.destroy();
    await rig.recorder.close();
    await rig.close();
    const extra = watch();

    expect(live.readTo).toBe('quick-stop');
    expect(sizeOfTree(rig.recorder.dir)).toBeLessThan(MAX_RECORDING_BYTES);
    expect(extra).toBeLessThan(MAX_EXTRA_MEMORY);
    const replay = await startReplayRig(rig.recorder.dir);
    try {
      const replayed = await replay.client.send(fetchReport(ZIP_ID), {
        [HARNESS_HEADERS.label]: 'RPT fetch',
      });
      await replayed.body.dump();
      const file = replayed.headers[RECORDED_SUMMARY_HEADER] as string;
      const digest = readRecordedSummary(file).summaries['report-digest'] as ReportInspection;
      expect(replayed.headers['content-type']).toBe('application/zip');
      expect(digest.zip?.entries.length).toBe(live.zip?.entries.length);
      expect(verdicts(digest)).toEqual(verdicts(live));
    } finally {
      await replay.close();
    }
  });
});
