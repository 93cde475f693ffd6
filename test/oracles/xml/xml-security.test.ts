import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import libxml from 'libxmljs2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXml } from '../../../engine/oracles/xml/index.ts';
import { runValidateCli } from './run-validate-cli.ts';

const MARKER = `SECRET-MARKER-${randomUUID()}`;
const RESPONSE = '<RESPONSE><DATETIME>2022-03-14T10:00:00Z</DATETIME><TEXT>&xxe;</TEXT></RESPONSE>';

let dir: string;
let secret: string;
let evilDtd: string;
let server: Server;
let base: string;
const requests: string[] = [];

/** Documents that try to read the secret file or reach the loopback server, by name. */
function attacks(): Record<string, string | Buffer> {
  const simpleReturn = `<SIMPLE_RETURN>${RESPONSE}</SIMPLE_RETURN>`;
  const subset = (declarations: string) => `<!DOCTYPE SIMPLE_RETURN [\n${declarations}\n]>\n`;
  const external = (id: string) => `<!DOCTYPE SIMPLE_RETURN ${id}>\n`;
  const bomb = [
    '<!ENTITY lol0 "lol">',
    ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`),
  ].join('\n');
  const xinclude = [
    '<SIMPLE_RETURN xmlns:xi="http://www.w3.org/2001/XInclude">',
    `<xi:include href="file://${secret}" parse="text"/><xi:include href="${base}/x"/>`,
    '</SIMPLE_RETURN>',
  ].join('');
  return {
    'external entity, file': subset(`<!ENTITY xxe SYSTEM "file://${secret}">`) + simpleReturn,
    'external entity, URL': subset(`<!ENTITY xxe SYSTEM "${base}/secret">`) + simpleReturn,
    'external entity in an attribute':
      `<!DOCTYPE MAP_REQUEST [<!ENTITY xxe SYSTEM "file://${secret}">]>\n` +
      '<MAP_REQUEST><MAP value="&xxe;"/></MAP_REQUEST>',
    'external DTD, URL': external(`SYSTEM "${base}/evil.dtd"`) + simpleReturn,
    'external DTD, file path': external(`SYSTEM "${evilDtd}"`) + simpleReturn,
    'external DTD, PUBLIC': external(`PUBLIC "-//X//EN" "${base}/evil.dtd"`) + simpleReturn,
    'parameter entity, URL':
      subset(`<!ENTITY % ext SYSTEM "${base}/evil.dtd"> %ext;`) + simpleReturn,
    'parameter entity, file':
      subset(`<!ENTITY % ext SYSTEM "file://${evilDtd}"> %ext;`) + simpleReturn,
    XInclude: xinclude,
    'billion laughs': `${subset(bomb)}<SIMPLE_RETURN>&lol9;</SIMPLE_RETURN>`,
    'DOCTYPE after a prolog the oracle cannot read':
      '<![CDATA[x]]>' + subset(`<!ENTITY xxe SYSTEM "file://${secret}">`) + simpleReturn,
    'encoding switched to UTF-16LE after an ASCII declaration': Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="UTF-16LE"?>'),
      Buffer.from(subset(`<!ENTITY xxe SYSTEM "file://${secret}">`) + simpleReturn, 'utf16le'),
    ]),
    'quadratic blowup':
      subset(`<!ENTITY big "${'x'.repeat(50_000)}">`) +
      `<SIMPLE_RETURN>${'&big;'.repeat(50_000)}</SIMPLE_RETURN>`,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xml-oracle-security-'));
  secret = join(dir, 'secret.txt');
  evilDtd = join(dir, 'evil.dtd');
  // Read as XML, the secret is a reference to an entity named after the marker: a parser that
  // loads the file reports "Entity 'SECRET-MARKER-…' not defined", so a read shows in the verdict.
  await writeFile(secret, `&${MARKER};\n`, 'utf8');
  await writeFile(evilDtd, `<!ENTITY xxe SYSTEM "file://${secret}">`, 'utf8');
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end(`<!ENTITY xxe "${MARKER}">`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  await rm(dir, { recursive: true, force: true });
});

describe('validateXml against hostile documents', () => {
  it.each(Object.keys(attacks()))(
    'ends %s in a verdict without reading or fetching anything',
    (name) => {
      const body = attacks()[name] ?? '';

      const verdict = validateXml(body, {
        dtd: name.includes('attribute') ? 'map-2' : 'simple_return',
      });

      expect(['malformed', 'invalid']).toContain(verdict.status);
      expect(JSON.stringify(verdict)).not.toContain(MARKER);
      expect(requests).toEqual([]);
    },
  );

  it('reports the undefined entity of an external-entity attack', () => {
    const verdict = validateXml(attacks()['external entity, file'] ?? '', { dtd: 'simple_return' });

    expect(verdict.status).toBe('malformed');
    expect(verdict.errors).toEqual([{ message: "Entity 'xxe' not defined", line: 4, column: 78 }]);
    expect(verdict.warnings.map((w) => w.message)).toEqual([
      'the DOCTYPE carries an internal subset: ignored, its entities are undefined',
    ]);
  });

  it('finishes a billion-laughs document quickly with bounded memory', () => {
    const body = attacks()['billion laughs'] ?? '';
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();

    const verdict = validateXml(body, { dtd: 'simple_return' });

    // Not a benchmark: an expanding bomb would take minutes and gigabytes, not this.
    expect(performance.now() - started).toBeLessThan(5_000); // 5 s
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024); // 200 MB
    expect(verdict.errors[0]?.message).toBe("Entity 'lol9' not defined");
  });

  it('relies on a libxml2 that stops a billion-laughs bomb on its own while huge is off', () => {
    const body = String(attacks()['billion laughs']);

    const parse = () => libxml.parseXml(body, { dtdvalid: true, nonet: true, noent: true });

    expect(parse).toThrow('Detected an entity reference loop');
  });
});

describe('npm run validate against hostile documents', () => {
  it('prints no secret, fetches nothing and exits 2 with one verdict per file', async () => {
    const files = await Promise.all(
      Object.entries(attacks()).map(async ([name, body], i) => {
        const file = join(dir, `attack-${i}.xml`);
        await writeFile(file, body, 'utf8');
        return { name, file };
      }),
    );

    const run = await runValidateCli([
      '--json',
      '--dtd',
      'simple_return',
      ...files.map((f) => f.file),
    ]);

    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toContain(MARKER);
    expect(requests).toEqual([]);
    const verdicts = JSON.parse(run.stdout) as { file: string; status: string }[];
    expect(verdicts.map((v) => v.file)).toEqual(files.map((f) => f.file));
    expect(new Set(verdicts.map((v) => v.status))).toEqual(new Set(['unreadable', 'invalid']));
  });

  it('refuses a file over --max-bytes unread and says so', async () => {
    const file = join(dir, 'large.xml');
    await writeFile(file, `<SIMPLE_RETURN>${'x'.repeat(500)}</SIMPLE_RETURN>`, 'utf8');

    const run = await runValidateCli(['--max-bytes', '100', file]);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      `${file}: unreadable (xml)\n  too large: 531 bytes, over the limit of 100 bytes: not read\n`,
    );
  });
});
