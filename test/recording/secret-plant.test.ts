import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SIM_CREDENTIAL_ENV } from '../../engine/simulator/sim-fixtures.ts';
import { startSimulator, type Simulator } from '../../engine/simulator/simulator.ts';
import { writeLiveProfile } from '../helpers/live-profile.ts';
import { runCli } from '../helpers/run-cli.ts';

const { login, password } = SIM_CREDENTIAL_ENV.main;
const ENV = { QC_LIVE_USERNAME: login, QC_LIVE_PASSWORD: password };

let sim: Simulator;
let plant: (xml: string) => string = (xml) => xml;
let hostile: Server;
let hostileUrl: string;

/** A target that answers like the simulator but adds `plant` to every XML body. */
beforeAll(async () => {
  sim = await startSimulator();
  hostile = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const upstream = await request(`${sim.url}${req.url ?? '/'}`, {
          method: req.method === 'POST' ? 'POST' : 'GET',
          headers: req.headers,
          body: req.method === 'POST' ? Buffer.concat(chunks) : null,
        });
        const text = await upstream.body.text();
        const xml = /xml/.test(String(upstream.headers['content-type']));
        for (const [name, value] of Object.entries(upstream.headers)) {
          if (
            value !== undefined &&
            !['content-length', 'transfer-encoding', 'connection'].includes(name)
          )
            res.setHeader(name, value);
        }
        res.statusCode = upstream.statusCode;
        res.end(xml ? plant(text) : text);
      })();
    });
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => hostile.close(() => resolve()));
  await sim.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe('a record run against a target that leaks a credential', () => {
  test('fails with exit 2 naming the file when the password slips past the scrub rules', async () => {
    // Base64 of the password behind two other bytes: no scrub rule knows this form.
    const blob = Buffer.concat([Buffer.from('id'), Buffer.from(password)]).toString('base64');
    plant = (xml) => xml.replace(/(<\/[A-Z_]+>\s*)$/, `<!-- trace ${blob} -->$1`);
    const dir = join(mkdtempSync(join(tmpdir(), 'planted-')), 'rec');

    const run = await runCli(
      'conformance',
      ['--target', writeLiveProfile(hostileUrl), '--suite', 'limits', '--record', dir],
      { env: ENV },
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /secret check failed:\n.*\/limits\/LIMIT-HEADERS\/0001-get-report-list\.body\.xml holds a credential of the run \(base64\)/,
    );
    expect(run.stderr).not.toContain(password);
    expect(run.stderr).not.toContain(blob);
  });

  test('fails with exit 2 when an answer holds the password itself, which is written scrubbed', async () => {
    plant = (xml) => xml.replace(/(<\/[A-Z_]+>\s*)$/, `<!-- ${password} -->$1`);
    const dir = join(mkdtempSync(join(tmpdir(), 'planted-')), 'rec');

    const run = await runCli(
      'conformance',
      ['--target', writeLiveProfile(hostileUrl), '--suite', 'limits', '--record', dir],
      { env: ENV },
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /0001-get-report-list\.json: the target's answer held a password of a profile user/,
    );
    for (const file of filesUnder(dir)) expect(readFileSync(file, 'utf8')).not.toContain(password);
  });

  test('passes when nothing leaks', async () => {
    plant = (xml) => xml;
    const dir = join(mkdtempSync(join(tmpdir(), 'planted-')), 'rec');

    const run = await runCli(
      'conformance',
      ['--target', writeLiveProfile(hostileUrl), '--suite', 'limits', '--record', dir],
      { env: ENV },
    );

    expect(run.code, run.stderr).toBe(0);
    const written = filesUnder(dir)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(written).not.toContain(login);
    expect(written).toContain('[username-1]');
  });
});
