import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XML_FIXTURES } from './fixtures.ts';
import { runValidateCli } from './run-validate-cli.ts';

const fixture = (name: string) => join(XML_FIXTURES, name);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validate-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run validate', () => {
  it('prints one line per valid file and exits 0', async () => {
    const files = [
      fixture('simple_return_1905_http400_kb.xml'),
      fixture('release-notes-map-sample.xml'),
    ];

    const run = await runValidateCli(files);

    expect(run).toEqual({
      code: 0,
      stdout: `${files[0]}: valid (simple_return.dtd)\n${files[1]}: valid (map-2.dtd)\n`,
      stderr: '',
    });
  });

  it('prints the errors of an invalid file with their lines and exits 1', async () => {
    const file = fixture('map-2-broken.xml');

    const run = await runValidateCli([file, fixture('map-2-every-element.xml')]);

    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      `${file}: invalid (3 errors)`,
      '  line 8: Element IP content does not follow the DTD, expecting (PORT* , DISCOVERY* , LINK*), got (DISCOVERY PORT)',
      '  line 11: Element IP does not carry attribute value',
      '  line 12: No declaration for attribute networkid of element IP',
    ]);
  });

  it('exits 2 when a file is missing or malformed, even beside an invalid one', async () => {
    const missing = join(dir, 'missing.xml');
    const malformed = fixture('map-2-not-well-formed.xml');

    const run = await runValidateCli([fixture('map-2-broken.xml'), missing, malformed]);

    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      `${missing}: unreadable (xml)\n  cannot read: ENOENT: no such file or directory, stat '${missing}'\n`,
    );
    expect(run.stdout).toContain(
      `${malformed}: unreadable (map-2.dtd)\n  malformed XML: line 7: Opening and ending tag mismatch: IP line 5 and MAP\n`,
    );
  });

  it('uses the DTD named with --dtd, by name or by path', async () => {
    const printed = fixture('release-notes-map-sample.as-printed.txt');
    const dtdFile = join(dir, 'any.dtd');
    const elements = ['SIMPLE_RETURN', 'RESPONSE', 'DATETIME', 'CODE', 'TEXT'];
    await writeFile(dtdFile, elements.map((name) => `<!ELEMENT ${name} ANY>\n`).join(''));

    const byName = await runValidateCli(['--dtd', 'map-2', printed]);
    const byPath = await runValidateCli([
      '--dtd',
      dtdFile,
      fixture('simple_return_1905_http400_kb.xml'),
    ]);

    expect(byName.stdout).toBe(
      `${printed}: unreadable (map-2.dtd)\n  malformed XML: line 20: Specification mandates value for attribute ENTERED\n`,
    );
    expect(byPath.stdout).toContain(`: valid (${dtdFile})`);
  });

  it('prints the verdicts as JSON with --json', async () => {
    const file = fixture('map-2-broken.xml');

    const run = await runValidateCli(['--json', file]);

    const [verdict] = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(verdict).toMatchObject({ file, kind: 'map-2.dtd', status: 'invalid' });
    expect(verdict?.['detail']).toHaveLength(3);
    expect(verdict?.['xml']).toMatchObject({
      root: 'MAP_REQUEST',
      errors: [{ line: 8 }, { line: 11 }, { line: 12 }],
    });
  });

  it('says which DTD to name when none fits, and refuses an unknown --dtd', async () => {
    const portal = fixture('portal_version_10.18.2_2022-05.xml');

    const noDtd = await runValidateCli([portal]);
    const unknown = await runValidateCli(['--dtd', 'map-3', portal]);

    expect(noDtd.stdout).toBe(
      `${portal}: unreadable (xml)\n  no pinned DTD for root element ServiceResponse: name one with --dtd NAME|PATH\n`,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^DTD "map-3" cannot be read/);
  });

  it('hands .csv and .zip files to the report-file oracle', async () => {
    const csv = join(dir, 'report.csv');
    await writeFile(csv, 'not,a,report\r\n');

    const run = await runValidateCli(['--json', '--depth', 'quick', csv]);

    const [verdict] = JSON.parse(run.stdout) as { file: string; kind: string; status: string }[];
    expect(verdict?.file).toBe(csv);
    expect(verdict?.status).not.toBe('valid');
    expect(verdict?.kind).not.toMatch(/\.dtd$|^xml$/);
  });
});
