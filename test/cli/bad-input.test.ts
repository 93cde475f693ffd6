import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { writeLiveProfile } from '../helpers/live-profile.ts';
import { runCli } from '../helpers/run-cli.ts';

const ENV = { QC_LIVE_USERNAME: 'qa_user', QC_LIVE_PASSWORD: 'pw-for-tests' };
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** A loopback server answering every request with `handler`. */
async function hostile(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function runLimits(apiUrl: string) {
  return runCli('conformance', ['--target', writeLiveProfile(apiUrl), '--suite', 'limits'], {
    env: ENV,
  });
}

describe('bad input ends in a clear error or a failed rule, never a crash or hang', () => {
  test('a malformed profile gets one error naming the field, exit 2', async () => {
    const run = await runCli('conformance', [
      '--target',
      writeLiveProfile('http://127.0.0.1:9', { budget: { maxCalls: -1 } }),
    ]);

    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'conformance: profile field `budget.maxCalls` is -1: put a whole number ≥ 1 there',
    );
  });

  test('missing credentials name the variable, exit 2, nothing is called', async () => {
    let calls = 0;
    const url = await hostile((_req, res) => {
      calls += 1;
      res.end();
    });

    const run = await runCli('conformance', ['--target', writeLiveProfile(url)], {
      env: { QC_LIVE_USERNAME: 'x' },
    });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('environment variable QC_LIVE_PASSWORD is not set');
    expect(calls).toBe(0);
  });

  test('plain http to a host that is not loopback is refused before any call', async () => {
    const run = await runCli(
      'conformance',
      ['--target', writeLiveProfile('http://qualysapi.qualys.com')],
      { env: ENV },
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('credentials are never sent over http except to loopback');
  });

  test('an unreachable host fails the rules with the transport error as evidence', async () => {
    const url = await hostile(() => undefined);
    server?.close();
    server = undefined;

    const run = await runLimits(url);

    expect(run.code).toBe(1);
    const headers = run.results?.rules.find((r) => r.id === 'LIMIT-HEADERS');
    expect(headers?.status).toBe('fail');
    expect(headers?.failures[0]?.message).toMatch(/ECONNREFUSED/);
  });

  test('a server that accepts and never answers times out into a failed rule', async () => {
    const url = await hostile(() => undefined);

    const run = await runLimits(url);

    expect(run.code).toBe(1);
    expect(run.results?.rules.find((r) => r.id === 'LIMIT-HEADERS')?.failures[0]?.message).toMatch(
      /[Tt]imeout/,
    );
  });

  test('a body cut off before its Content-Length fails the rule, saying so', async () => {
    const url = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml', 'content-length': '5000' });
      res.write('<REPORT_LIST_OUTPUT>');
      setTimeout(() => res.destroy(), 50);
    });

    const run = await runLimits(url);

    expect(run.code).toBe(1);
    const headers = run.results?.rules.find((r) => r.id === 'LIMIT-HEADERS');
    expect(headers?.status).toBe('fail');
    expect(headers?.failures[0]?.message).toMatch(/closed|terminated|broke off/i);
  });

  test('HTML instead of XML fails LIMIT-HEADERS with the answer as evidence', async () => {
    const url = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Maintenance</body></html>');
    });

    const run = await runLimits(url);

    expect(run.code).toBe(1);
    const failure = run.results?.rules.find((r) => r.id === 'LIMIT-HEADERS')?.failures[0];
    expect(failure?.message).toContain('X-RateLimit-Limit is missing');
    expect(failure?.responseExcerpt).toContain('Maintenance');
  });
});
