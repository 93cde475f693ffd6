import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { SIM_CREDENTIAL_ENV } from '../../engine/simulator/sim-fixtures.ts';
import { SIM_PCRS, SIM_REPORT_SIZES } from '../../engine/simulator/sim-profile.ts';
import { startSimulator } from '../../engine/simulator/simulator.ts';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'saved-reports-'));
const csv = join(dir, 'small.csv');
const zip = join(dir, 'large.zip');

/** Saves the simulator's two fixture reports as a user would save a fetch. */
beforeAll(async () => {
  const sim = await startSimulator({ pcrs: SIM_PCRS, reportSizes: SIM_REPORT_SIZES });
  const { login, password } = SIM_CREDENTIAL_ENV.main;
  const authorization = `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
  try {
    for (const [id, file] of [
      [123456, csv],
      [654321, zip],
    ] as const) {
      const response = await fetch(`${sim.url}/api/2.0/fo/report/`, {
        method: 'POST',
        headers: {
          authorization,
          'x-requested-with': 'test',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `action=fetch&id=${id}`,
      });
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    }
  } finally {
    await sim.close();
  }
});

describe('npm run validate on saved policy reports', () => {
  test('a saved CSV report and a saved ZIP report are valid, exit 0', async () => {
    const run = await runCli('validate', [csv, zip]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${csv}: valid (report.csv)`);
    expect(run.stdout).toContain(`${zip}: valid (report.zip)`);
  });

  test('a flipped byte in the zip is invalid with the CRC mismatch named, exit 1', async () => {
    const broken = join(dir, 'broken.zip');
    const bytes = readFileSync(zip);
    bytes[5_000] = (bytes[5_000] ?? 0) ^ 0xff;
    writeFileSync(broken, bytes);

    const run = await runCli('validate', [broken]);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/invalid \(\d+ errors?\)/);
    expect(run.stdout).toContain('CRC-32');
  });

  test('a missing file is unreadable and wins over invalid, exit 2', async () => {
    const run = await runCli('validate', [join(dir, 'missing.zip'), zip]);

    expect(run.code).toBe(2);
    expect(run.stdout).toContain('missing.zip: unreadable');
  });
});
