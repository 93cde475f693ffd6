/**
 * `npm run bench:report`: validates zipped compliance policy reports of 1 GiB and 4.5 GiB
 * (ZIP64) over loopback, as the report oracle reads them in a run, and compares its throughput
 * with `unzip -p FILE | wc -c` on the same bytes in the same run. The simulator serves them
 * (release-note thresholds 1 GB / 5 GB) from a child process, and each validation runs in a
 * child of its own, so the peak RSS printed is the validator's alone. The children run plain
 * Node on JavaScript that TypeScript emits into the temp folder: the tsx loader's own ~25 MB
 * (a hooks thread) would otherwise be counted as the oracle's. Targets: full depth at
 * least 1.0× the unzip pipeline, peak RSS under 150 MB, quick depth under 3 s on 4.5 GiB.
 * Temp files are deleted afterwards. Takes a few minutes on 2 cores.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { REQUESTED_WITH } from '../engine/client/qualys-client.ts';
import { DEFAULT_PCRS } from '../engine/profile/profile.ts';
import { SIM_CREDENTIAL_ENV, SIM_FIXTURES } from '../engine/simulator/sim-fixtures.ts';

const GIB = 1_073_741_824;
const REPORTS = [
  { id: SIM_FIXTURES.reports[0], size: GIB, label: '1 GiB' },
  { id: SIM_FIXTURES.reports[1], size: 4.5 * GIB, label: '4.5 GiB (ZIP64)' },
];
const { login, password } = SIM_CREDENTIAL_ENV.main;
const AUTHORIZATION = `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;

/** What one validation child reports. */
interface Measured {
  seconds: number;
  received: number;
  inflated: number;
  maxRssMb: number;
  /** Peak RSS before the fetch: Node, tsx and the modules loaded. */
  baselineMb: number;
  readTo: string;
  problems: string[];
}

async function fetchReport(url: string, id: number) {
  return request(`${url}/api/2.0/fo/report/`, {
    method: 'POST',
    headers: {
      authorization: AUTHORIZATION,
      'x-requested-with': REQUESTED_WITH,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: `action=fetch&id=${id}`,
    bodyTimeout: 0,
  });
}

/** Child: serve the bench reports until stdin closes. */
async function serve(): Promise<void> {
  const { startSimulator } = await import('../engine/simulator/simulator.ts');
  const simulator = await startSimulator({
    pcrs: DEFAULT_PCRS,
    reportSizes: Object.fromEntries(REPORTS.map((r) => [r.id, r.size])),
    rateLimit: { limit: 1_000, concurrency: 4 },
  });
  process.stdout.write(`${JSON.stringify({ url: simulator.url })}\n`);
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.once('end', resolve));
  await simulator.close();
}

/** Child: validate one report over loopback and print what it measured. */
async function validate(url: string, id: number, depth: 'quick' | 'full'): Promise<void> {
  // Imported here, so the validator's RSS holds the oracle and not the simulator.
  const { inspectReportBody } = await import('../engine/oracles/report/inspect-report-body.ts');
  const { reportSide, zipDelivery } = await import('../engine/oracles/report/delivery-checks.ts');
  const { typeMatchesBody } = await import('../engine/oracles/report/type-matches-body.ts');
  const { controlStatisticsHeader } = await import('../engine/oracles/report/header-checks.ts');
  const baselineMb = process.resourceUsage().maxRSS / 1024;
  const started = performance.now();
  const response = await fetchReport(url, id);
  const inspection = await inspectReportBody(
    { status: response.statusCode, headers: response.headers, body: response.body },
    { depth, thresholds: DEFAULT_PCRS },
  );
  const seconds = (performance.now() - started) / 1000;
  const side = reportSide(inspection, DEFAULT_PCRS, undefined);
  const problems = [
    ...typeMatchesBody(inspection).problems,
    ...(depth === 'full' ? zipDelivery(inspection, side, DEFAULT_PCRS).problems : []),
    ...controlStatisticsHeader(inspection).problems,
  ];
  const measured: Measured = {
    seconds,
    received: inspection.received,
    inflated: inspection.zip?.entries[0]?.inflatedBytes ?? 0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    baselineMb,
    readTo: inspection.readTo,
    problems,
  };
  process.stdout.write(`${JSON.stringify(measured)}\n`);
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let emitted: string | undefined;

/** Emits this script and what it imports as JavaScript under `dir` (no type check: fast). */
async function emitJavaScript(dir: string): Promise<void> {
  // Imported here: the emitted children must not load the compiler.
  const { default: ts } = await import('typescript');
  const program = ts.createProgram([fileURLToPath(import.meta.url)], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    rewriteRelativeImportExtensions: true,
    allowImportingTsExtensions: true,
    noCheck: true,
    skipLibCheck: true,
    types: ['node'],
    rootDir: ROOT,
    outDir: dir,
  });
  const result = program.emit();
  if (result.emitSkipped) throw new Error('TypeScript emitted nothing for bench/report.ts');
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  emitted = join(dir, 'bench', 'report.js');
}

function child(args: string[]) {
  const script = emitted ?? fileURLToPath(import.meta.url);
  const execArgv = emitted === undefined ? process.execArgv : [];
  return spawn(process.execPath, [...execArgv, script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0] ?? '';
}

async function validateInChild(
  url: string,
  id: number,
  depth: 'quick' | 'full',
): Promise<Measured> {
  const proc = child(['--validate', url, String(id), depth]);
  const line = await firstLine(proc.stdout);
  await new Promise((resolve) => proc.once('exit', resolve));
  return JSON.parse(line) as Measured;
}

async function unzipPipeline(file: string): Promise<{ seconds: number; bytes: number }> {
  const started = performance.now();
  const proc = spawn('bash', ['-c', `unzip -p "$1" | wc -c`, 'bench', file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const out = await firstLine(proc.stdout);
  await new Promise((resolve) => proc.once('exit', resolve));
  return { seconds: (performance.now() - started) / 1000, bytes: Number(out.trim()) };
}

function best<T extends { seconds: number }>(runs: T[]): T {
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

function mbps(bytes: number, seconds: number): string {
  return `${(bytes / 1e6 / seconds).toFixed(0)} MB/s`;
}

async function orchestrate(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-report-'));
  await mkdir(join(dir, 'js'));
  await emitJavaScript(join(dir, 'js'));
  const server = child(['--serve']);
  const { url } = JSON.parse(await firstLine(server.stdout)) as { url: string };
  let failed = false;
  try {
    for (const report of REPORTS) {
      const file = join(dir, `report-${report.id}.zip`);
      const download = await fetchReport(url, report.id);
      await pipeline(download.body, createWriteStream(file));
      const zipBytes = (await stat(file)).size;
      // Best of two of each: other work on the machine slows single runs unevenly.
      const unzip = best([await unzipPipeline(file), await unzipPipeline(file)]);
      await rm(file);
      const fulls = [
        await validateInChild(url, report.id, 'full'),
        await validateInChild(url, report.id, 'full'),
      ];
      const quicks = [
        await validateInChild(url, report.id, 'quick'),
        await validateInChild(url, report.id, 'quick'),
      ];
      // Time: the better run; peak RSS: the worse one.
      const full = { ...best(fulls), maxRssMb: Math.max(...fulls.map((r) => r.maxRssMb)) };
      const quick = { ...best(quicks), maxRssMb: Math.max(...quicks.map((r) => r.maxRssMb)) };
      const ratio = full.inflated / full.seconds / (unzip.bytes / unzip.seconds);
      console.log(
        [
          `report ${report.label}: ${report.size} bytes CSV, ${zipBytes} bytes zipped`,
          `  unzip -p | wc -c   ${unzip.seconds.toFixed(1)} s  ${mbps(unzip.bytes, unzip.seconds)}`,
          `  oracle, full depth ${full.seconds.toFixed(1)} s  ${mbps(full.inflated, full.seconds)} ` +
            `inflated  (${ratio.toFixed(2)}× unzip)  peak RSS ${full.maxRssMb.toFixed(0)} MB ` +
            `(${full.baselineMb.toFixed(0)} MB before the fetch)`,
          `  oracle, quick      ${quick.seconds.toFixed(2)} s  ${quick.received} bytes read ` +
            `(${quick.readTo})  peak RSS ${quick.maxRssMb.toFixed(0)} MB`,
          `  findings: ${[...full.problems, ...quick.problems].join('; ') || 'none'}`,
        ].join('\n'),
      );
      failed ||= full.inflated !== report.size || full.problems.length > 0 || ratio < 1;
      failed ||= full.maxRssMb >= 150 || quick.maxRssMb >= 150 || quick.seconds >= 3;
    }
  } finally {
    server.stdin.end();
    await rm(dir, { recursive: true, force: true });
  }
  console.log(failed ? 'report bench: a target was missed' : 'report bench: every target met');
}

const [role, ...rest] = process.argv.slice(2);
if (role === '--serve') await serve();
else if (role === '--validate') {
  await validate(rest[0] ?? '', Number(rest[1]), rest[2] === 'quick' ? 'quick' : 'full');
} else await orchestrate();
