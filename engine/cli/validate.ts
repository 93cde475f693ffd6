/**
 * `npm run validate -- [--dtd NAME|PATH] [--depth quick|full] [--max-bytes N] [--json] FILE...`
 *
 * Checks saved responses. `.csv` and `.zip` files (saved policy reports) go to the report-file
 * oracle (engine/oracles/report/validate-file.ts; `--depth`, default full). Every other file
 * is read as XML and validated against a pinned DTD, chosen from its DOCTYPE system id or root
 * element or named with --dtd; files over --max-bytes (default
 * 256 MB) are refused unread. Prints one line per file (`path: valid (map-2.dtd)`,
 * or `path: invalid (3 errors)` followed by the errors, indented); `--json` prints the verdicts.
 * Exit code: 0 all valid, 1 any invalid, 2 any unreadable (missing, malformed, too large) or a
 * usage error; 2 wins over 1.
 */
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { FileVerdict } from '../oracles/file-verdict.ts';
import { validateReportFile } from '../oracles/report/validate-file.ts';
import { DEFAULT_MAX_XML_BYTES, loadDtd, validateXmlFile } from '../oracles/xml/index.ts';

type Depth = 'quick' | 'full';

const USAGE =
  'usage: npm run validate -- [--dtd NAME|PATH] [--depth quick|full] [--max-bytes N] [--json] FILE...';
const REPORT_EXTENSIONS = new Set(['.csv', '.zip']);

async function validateReport(file: string, depth: Depth): Promise<FileVerdict> {
  const kind = `report${extname(file).toLowerCase()}`;
  try {
    return await validateReportFile(file, { depth });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { file, kind, status: 'unreadable', detail: [`report-file oracle failed: ${reason}`] };
  }
}

function render(verdict: FileVerdict): string {
  const count = verdict.detail.length;
  const head =
    verdict.status === 'valid'
      ? `${verdict.file}: valid (${verdict.kind})`
      : verdict.status === 'invalid'
        ? `${verdict.file}: invalid (${count} error${count === 1 ? '' : 's'})`
        : `${verdict.file}: unreadable (${verdict.kind})`;
  return [head, ...verdict.detail.map((line) => `  ${line}`)].join('\n');
}

function exitCode(verdicts: FileVerdict[]): number {
  if (verdicts.some((v) => v.status === 'unreadable')) return 2;
  return verdicts.some((v) => v.status === 'invalid') ? 1 : 0;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        dtd: { type: 'string' },
        depth: { type: 'string', default: 'full' },
        'max-bytes': { type: 'string', default: String(DEFAULT_MAX_XML_BYTES) },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals: files } = args;
  if (files.length === 0) fail('no FILE given');
  const depth = values.depth;
  if (depth !== 'quick' && depth !== 'full') fail(`--depth is "${depth}": use quick or full`);
  const maxBytes = Number(values['max-bytes']);
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    fail(`--max-bytes is "${values['max-bytes']}": give a number of bytes`);
  }
  if (values.dtd !== undefined) {
    try {
      loadDtd(values.dtd);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }

  const verdicts: FileVerdict[] = [];
  for (const file of files) {
    const verdict = REPORT_EXTENSIONS.has(extname(file).toLowerCase())
      ? await validateReport(file, depth)
      : await validateXmlFile(file, { dtd: values.dtd, maxBytes });
    verdicts.push(verdict);
    if (!values.json) process.stdout.write(`${render(verdict)}\n`);
  }
  if (values.json) process.stdout.write(`${JSON.stringify(verdicts, null, 2)}\n`);
  process.exitCode = exitCode(verdicts);
}

await main();
