import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipArchive, type ZipLayout } from '../../engine/simulator/report-body/zip-archive.ts';
import { reportCsv, reportEntry, reportSpec, zipBytes } from './report-fixtures.ts';

const LAYOUTS: ZipLayout[] = [
  { descriptor: 'signed', zip64: 'auto' },
  { descriptor: 'unsigned', zip64: 'always' },
  { descriptor: 'none', zip64: 'auto' },
  { descriptor: 'none', zip64: 'always' },
];
const spec = reportSpec(700_000);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zip-archive-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The entries of a zip file as yauzl (a third-party reader, random access) sees them. */
async function readWithYauzl(file: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, strictFileNames: true }, (e, z) =>
      e ? reject(e) : resolve(z),
    ),
  );
  const entries: { name: string; data: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', reject);
        stream.on('end', () => {
          entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

describe('zipArchive', () => {
  it.each(LAYOUTS)(
    'writes an archive yauzl reads back, CRC checked (descriptor $descriptor, ZIP64 $zip64)',
    async (layout) => {
      const file = join(dir, `${layout.descriptor}-${layout.zip64}.zip`);
      const bytes = zipBytes([reportEntry(spec)], layout);
      await writeFile(file, bytes);

      const entries = await readWithYauzl(file);

      expect(entries).toHaveLength(1);
      expect(entries[0]?.name).toBe('Compliance Report 123456.csv');
      expect(entries[0]?.data.equals(reportCsv(spec))).toBe(true);
    },
  );

  it('announces its exact length before the first byte', () => {
    const entry = reportEntry(spec);
    for (const layout of LAYOUTS) {
      const archive = zipArchive([entry, reportEntry(spec, 'second.csv')], layout);
      expect(Buffer.concat([...archive.parts()]).length).toBe(archive.length);
    }
  });

  it.skipIf(!existsSync('/usr/bin/unzip'))(
    'passes unzip -t (Info-ZIP), ZIP64 fields included',
    async () => {
      const file = join(dir, 'unzip-t.zip');
      await writeFile(
        file,
        zipBytes([reportEntry(spec)], { descriptor: 'signed', zip64: 'always' }),
      );

      const out = execFileSync('unzip', ['-t', file]).toString();

      expect(out).toContain('No errors detected');
    },
  );
});
