/**
 * `npm run bench:xml [-- sizeMB...]`: times the XML oracle (validateXml against dtds/map-2.dtd)
 * and `xmllint --noout --nonet --dtdvalid dtds/map-2.dtd` on the same generated map-2.php
 * documents (default about 10 MB and 150 MB), in the same run, and prints throughput and peak
 * memory of both. Targets: the oracle reaches at least 0.8× xmllint's throughput with at most
 * 2× its peak memory. Exit code 2 when xmllint is missing, 1 when a verdict is not `valid`.
 *
 * The oracle runs in a child process per measurement (its time: reading the file and
 * validating, measured inside the child, so node start-up is left out; xmllint's time includes
 * its own start-up, a few ms). Peak memory is the maximum resident set size of each process,
 * from `/usr/bin/time -v` when present, otherwise from the child's own rusage (oracle) and
 * /proc/PID/status VmHWM polled every 10 ms (xmllint). Above 16 MB the oracle validates by
 * parts with a helper process (engine/oracles/xml/split-validation.ts), whose memory rusage
 * does not add up: the oracle's peak is therefore also the largest sum of VmRSS over its
 * process tree, polled every 10 ms, when that is larger.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { validateXml } from '../engine/oracles/xml/index.ts';

const MB = 1024 * 1024;
const RUNS = 3;
const TIME = '/usr/bin/time';
const DTD = fileURLToPath(new URL('../dtds/map-2.dtd', import.meta.url));

/** One timed run: wall seconds of the work and peak RSS in bytes. */
interface Sample {
  seconds: number;
  peakBytes: number;
  ok: boolean;
}

/** One MAP per domain; each IP carries the network attributes of release 10.18. */
function mapChunk(map: number, ips: number): string {
  const lines = [
    `  <MAP value="map/1646000000.${map}">`,
    '    <HEADER>',
    '      <KEY value="USERNAME">joe user</KEY>',
    `      <KEY value="TITLE"><![CDATA[bench map ${map}]]></KEY>`,
    '      <KEY value="NETWORK ID">4234545</KEY>',
    '      <USER_ENTERED_DOMAINS>',
    `        <DOMAIN><![CDATA[domain${map}.example.com]]></DOMAIN>`,
    '        <NETBLOCK><RANGE><START>10.0.0.1</START><END>10.0.255.254</END></RANGE></NETBLOCK>',
    '      </USER_ENTERED_DOMAINS>',
    '      <OPTION_PROFILE>',
    '        <OPTION_PROFILE_TITLE option_profile_default="0"><![CDATA[Initial Options]]></OPTION_PROFILE_TITLE>',
    '      </OPTION_PROFILE>',
    '    </HEADER>',
  ];
  for (let i = 0; i < ips; i += 1) {
    const ip = `10.${map % 250}.${i >> 8}.${i & 255}`;
    lines.push(
      `    <IP value="${ip}" name="host${i}.domain${map}.example.com" type="server" os="Linux 4.x" ` +
        'network="Custom network 3" network_id="4234545">',
      '      <DISCOVERY method="TCP RST" />',
      '      <DISCOVERY method="ICMP" />',
      ...(i % 10 === 0 ? [`      <LINK value="10.${map % 250}.0.1" />`] : []),
      '    </IP>',
    );
  }
  lines.push('  </MAP>', '');
  return lines.join('\n');
}

/** Writes a map-2.php answer of about `bytes` bytes; returns its exact size. */
async function writeMapDocument(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('<?xml version="1.0" encoding="UTF-8" ?>\n');
  await write('<!DOCTYPE MAP_REQUEST SYSTEM "https://qualysapi.qualys.com/map-2.dtd">\n');
  await write('<!-- keep-alive -->\n<MAP_REQUEST>\n');
  let written = 0;
  for (let map = 0; written < bytes; map += 1) {
    const chunk = mapChunk(map, 2_000);
    written += Buffer.byteLength(chunk);
    await write(chunk);
  }
  await write('</MAP_REQUEST>\n');
  out.end();
  await once(out, 'finish');
  return (await stat(file)).size;
}

/** Peak RSS in bytes from `/usr/bin/time -v` output, or undefined. */
function peakFromTime(stderr: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
}

/** Pids of the descendants of `pid` (Linux /proc; empty where children files are missing). */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    const list = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    children = list === '' ? [] : list.split(/\s+/).map(Number);
  } catch {
    // The process has exited, or the kernel does not list children.
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** VmRSS of a process in bytes, 0 when it has exited. */
function rss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0; // exited between two polls
  }
}

/** Runs a command to completion; with `/usr/bin/time -v` when present, else polls VmHWM. */
async function measure(command: string, args: string[]) {
  const timed = existsSync(TIME);
  const started = performance.now();
  const child = timed
    ? spawn(TIME, ['-v', command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  let polledPeak = 0;
  let treePeak = 0;
  const poll = setInterval(() => {
    const pid = child.pid ?? 0;
    // Under time, the measured process is time's child: time itself is left out.
    const tree = timed ? descendants(pid) : [pid, ...descendants(pid)];
    treePeak = Math.max(
      treePeak,
      tree.reduce((sum, each) => sum + rss(each), 0),
    );
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      polledPeak = Math.max(polledPeak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // The process has exited between two polls.
    }
  }, 10); // 10 ms
  const [code] = (await once(child, 'close')) as [number | null];
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  const peakBytes = peakFromTime(stderr) ?? polledPeak;
  return { code, stdout, stderr, seconds, peakBytes, treePeak };
}

async function xmllintSample(file: string): Promise<Sample> {
  const run = await measure('xmllint', ['--noout', '--nonet', '--dtdvalid', DTD, file]);
  return { seconds: run.seconds, peakBytes: run.peakBytes, ok: run.code === 0 };
}

async function oracleSample(file: string): Promise<Sample> {
  const self = fileURLToPath(import.meta.url);
  const run = await measure(process.execPath, [...process.execArgv, self, '--child', file]);
  const child = JSON.parse(run.stdout) as { seconds: number; maxRssBytes: number; status: string };
  const peakBytes = Math.max(existsSync(TIME) ? run.peakBytes : child.maxRssBytes, run.treePeak);
  return { seconds: child.seconds, peakBytes, ok: child.status === 'valid' };
}

/** Child mode: read and validate one file, print time, verdict and own peak RSS as JSON. */
function child(file: string): void {
  const started = performance.now();
  const verdict = validateXml(readFileSync(file), { dtd: 'map-2' });
  const seconds = (performance.now() - started) / 1000;
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ seconds, maxRssBytes, status: verdict.status }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function bench(sizesMb: number[]): Promise<number> {
  if (spawnSync('xmllint', ['--version']).error !== undefined) {
    console.log(
      'bench:xml: xmllint not found: install libxml2-utils (apt-get install libxml2-utils)',
    );
    return 2;
  }
  const dir = await mkdtemp(join(tmpdir(), 'bench-xml-'));
  let exit = 0;
  try {
    console.log(`bench:xml: oracle (libxmljs2, libxml2 2.9.9 DOM + DTD) vs xmllint --dtdvalid`);
    console.log(
      `median of ${RUNS} runs each; peak = max resident set size of the process ` +
        '(oracle: or of its process tree, helper included, when larger)',
    );
    for (const sizeMb of sizesMb) {
      const file = join(dir, `map-${sizeMb}mb.xml`);
      const size = await writeMapDocument(file, sizeMb * MB);
      const oracle: Sample[] = [];
      const xmllint: Sample[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        xmllint.push(await xmllintSample(file));
        oracle.push(await oracleSample(file));
      }
      const allValid = [...oracle, ...xmllint].every((sample) => sample.ok);
      if (!allValid) exit = 1;

      const rate = (samples: Sample[]) => size / MB / median(samples.map((s) => s.seconds));
      const peak = (samples: Sample[]) => Math.max(...samples.map((s) => s.peakBytes)) / MB;
      const speed = rate(oracle) / rate(xmllint);
      const memory = peak(oracle) / peak(xmllint);
      console.log(
        `${(size / MB).toFixed(1)} MB: oracle ${rate(oracle).toFixed(1)} MB/s, peak ` +
          `${peak(oracle).toFixed(0)} MB; xmllint ${rate(xmllint).toFixed(1)} MB/s, peak ` +
          `${peak(xmllint).toFixed(0)} MB; throughput ${speed.toFixed(2)}× (target ≥ 0.8: ` +
          `${speed >= 0.8 ? 'met' : 'missed'}), memory ${memory.toFixed(2)}× (target ≤ 2: ` +
          `${memory <= 2 ? 'met' : 'missed'})` +
          (allValid ? '' : ' — a verdict was not valid'),
      );
    }
    console.log(
      'streaming: libxmljs2 0.35 has no validating streaming parser (its libxml2 is built ' +
        'without xmlReader; SaxParser/SaxPushParser switch validation off), so only DOM is measured',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return exit;
}

if (process.argv[2] === '--child') {
  child(process.argv[3] ?? '');
} else {
  const sizes = process.argv.slice(2).map(Number);
  process.exitCode = await bench(sizes.length > 0 ? sizes : [10, 150]);
}
