import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReportFile } from '../../engine/oracles/report/validate-file.ts';
import { SECTION_HEADERS_BEFORE_10_18 } from '../../engine/simulator/report-body/policy-report-head.ts';
import { reportCsv, reportEntry, reportSpec, zipBytes } from './report-fixtures.ts';

const spec = reportSpec(600_000);
const csv = reportCsv(spec);
const zip = zipBytes([reportEntry(spec)], { descriptor: 'signed', zip64: 'always' });
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validate-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function verdictOf(name: string, bytes: Buffer, depth: 'quick' | 'full' = 'full') {
  const file = join(dir, name);
  await writeFile(file, bytes);
  const verdict = await validateReportFile(file, { depth });
  return { ...verdict, file: name };
}

describe('validateReportFile', () => {
  it('finds a saved CSV and a saved ZIP64 zip valid, at both depths', async () => {
    expect(await verdictOf('r.csv', csv)).toEqual({
      file: 'r.csv',
      kind: 'report.csv',
      status: 'valid',
      detail: [],
    });
    expect(await verdictOf('r.zip', zip)).toEqual({
      file: 'r.zip',
      kind: 'report.zip',
      status: 'valid',
      detail: [],
    });
    expect((await verdictOf('q.zip', zip, 'quick')).status).toBe('valid');
  });

  it('finds a truncated zip unreadable, saying where it ends', async () => {
    const verdict = await verdictOf('cut.zip', zip.subarray(0, zip.length - 30));

    expect(verdict.status).toBe('unreadable');
    expect(verdict.detail).toEqual([expect.stringMatching(/^the archive ends at byte \d+/)]);
  });

  it('finds an encrypted entry unreadable', async () => {
    const verdict = await verdictOf('enc.zip', zipBytes([{ ...reportEntry(spec), extraFlags: 1 }]));

    expect(verdict).toMatchObject({
      status: 'unreadable',
      detail: [expect.stringMatching(/is encrypted/)],
    });
  });

  it('finds an archive of two entries invalid', async () => {
    const verdict = await verdictOf(
      'two.zip',
      zipBytes([reportEntry(spec), reportEntry(spec, 'b.csv')]),
    );

    expect(verdict).toMatchObject({
      status: 'invalid',
      detail: ['the archive holds 2 entries, not one CSV'],
    });
  });

  it('finds a CRC mismatch invalid', async () => {
    const entry = reportEntry(spec);
    const verdict = await verdictOf(
      'crc.zip',
      zipBytes([{ ...entry, crc32: (entry.crc32 + 1) >>> 0 }]),
    );

    expect(verdict.status).toBe('invalid');
    expect(verdict.detail[0]).toMatch(/CRC-32 of its 600000 inflated bytes/);
  });

  it('finds the pre-10.18 headers invalid, inside a zip too', async () => {
    const old = reportSpec(600_000, { headers: SECTION_HEADERS_BEFORE_10_18 });

    const verdict = await verdictOf('old.zip', zipBytes([reportEntry(old)]));

    expect(verdict.status).toBe('invalid');
    expect(verdict.detail).toEqual([
      expect.stringMatching(/^no section header reads exactly "Control Statistics/),
      expect.stringMatching(/^no section header reads exactly "Host Statistics/),
      expect.stringMatching(/pre-10.18 section header "Control Summary"/),
      expect.stringMatching(/pre-10.18 section header "Host Statistics"/),
    ]);
  });

  it('finds invalid UTF-8 and unbalanced quotes invalid', async () => {
    const broken = Buffer.concat([csv, Buffer.from([0x22, 0xff, 0x0d, 0x0a])]);

    const verdict = await verdictOf('bad.csv', broken);

    expect(verdict.status).toBe('invalid');
    expect(verdict.detail).toEqual([
      expect.stringMatching(/not valid UTF-8: an invalid byte sequence at byte 600001/),
      expect.stringMatching(/ends inside a quoted field/),
    ]);
  });

  it('finds a .zip that is not an archive, an empty file and a missing file unreadable', async () => {
    expect((await verdictOf('text.zip', csv)).detail).toEqual([
      expect.stringMatching(/not a ZIP archive/),
    ]);
    expect((await verdictOf('empty.csv', Buffer.alloc(0))).detail).toEqual(['the file is empty']);
    expect((await validateReportFile(join(dir, 'missing.csv'), { depth: 'full' })).status).toBe(
      'unreadable',
    );
  });

  it('finds a .csv holding a zip invalid', async () => {
    expect(await verdictOf('zip.csv', zip)).toMatchObject({
      status: 'invalid',
      detail: ['the file is named .csv but holds a ZIP archive'],
    });
  });
});
