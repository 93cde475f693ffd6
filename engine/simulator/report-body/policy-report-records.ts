import { csvRecord } from './csv-record.ts';
import type { Prng } from './prng.ts';

/** Column names of the RESULTS table of the synthetic compliance policy report. */
export const RESULTS_COLUMNS = [
  'Host IP',
  'DNS Hostname',
  'NetBIOS Hostname',
  'Tracking Method',
  'Operating System',
  'Last Scan Date',
  'Evaluation Date',
  'Control ID',
  'Technology',
  'Control',
  'Criticality',
  'Status',
  'Remediation',
  'Evidence',
] as const;

/** A host of the synthetic subscription. */
export interface ReportHost {
  ip: string;
  dns: string;
  netbios: string;
  os: string;
}

/** A control of the synthetic policy. */
export interface ReportControl {
  id: number;
  technology: string;
  title: string;
}

const OPERATING_SYSTEMS = [
  'Red Hat Enterprise Linux 8.5',
  'Windows Server 2019 Datacenter 64 bit Edition Version 1809',
  'Ubuntu Linux 20.04.3 LTS',
  'Windows 10 Enterprise 64 bit Edition Version 21H2',
];

// Titles hold commas and quotes, as real control statements do.
const CONTROL_TITLES = [
  "Status of the 'Minimum password length' setting",
  'Status of the "Audit Logon" setting (Success, Failure)',
  'Status of permissions on /etc/passwd, /etc/shadow and /etc/group',
  "Status of the 'PermitRootLogin' setting in sshd_config",
  'Status of the "Interactive logon: Message text" setting',
  'List of packages installed, with versions',
  'Status of the NTP servers configured (server, pool)',
  "Status of the 'Contrôle de compte d’utilisateur' setting (UAC)",
];

const TECHNOLOGIES = ['Red Hat Enterprise Linux 8.x', 'Windows 2019 Server', 'Ubuntu 20.x'];
const STATUSES = ['Passed', 'Passed', 'Passed', 'Failed', 'Failed', 'Error'];
const CRITICALITIES = ['SERIOUS', 'CRITICAL', 'MEDIUM', 'MINIMAL', 'URGENT'];

/** The hosts of the synthetic report: deterministic in `count`. */
export function reportHosts(count: number): ReportHost[] {
  return Array.from({ length: count }, (_, n) => ({
    ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${(n & 255) + 1}`,
    dns: `host-${n}.corp.example.com`,
    netbios: `HOST-${n}`,
    os: OPERATING_SYSTEMS[n % OPERATING_SYSTEMS.length] as string,
  }));
}

/** The controls of the synthetic policy: deterministic in `count`. */
export function reportControls(count: number): ReportControl[] {
  return Array.from({ length: count }, (_, n) => ({
    id: 1071 + n * 13,
    technology: TECHNOLOGIES[n % TECHNOLOGIES.length] as string,
    title: CONTROL_TITLES[n % CONTROL_TITLES.length] as string,
  }));
}

/**
 * One RESULTS record. Its Evidence field holds commas, doubled quotes and line breaks, so a
 * reader that splits on newlines or commas breaks on it. `evidencePadding` extra characters
 * (ASCII, no quotes) make the record longer by exactly that many bytes.
 */
export function resultsRecord(
  rng: Prng,
  hosts: readonly ReportHost[],
  controls: readonly ReportControl[],
  evidencePadding = 0,
): string {
  const host = rng.pick(hosts);
  const control = rng.pick(controls);
  const status = rng.pick(STATUSES);
  const day = 1 + rng.below(28);
  const expected = 8 + rng.below(8);
  const actual = status === 'Passed' ? expected + rng.below(4) : rng.below(expected);
  const evidence = [
    'Expected value(s):',
    `greater than or equal to ${expected}`,
    'Actual value(s):',
    status === 'Error' ? 'Setting not found, "N/A"' : `"${actual}", "${actual + 1}"`,
    ...observed(rng),
    ...(evidencePadding > 0 ? [padding(evidencePadding - 1)] : []),
  ].join('\n');
  return csvRecord([
    host.ip,
    host.dns,
    host.netbios,
    'IP',
    host.os,
    `2022-03-${pad2(day)}T0${rng.below(10)}:${pad2(rng.below(60))}:${pad2(rng.below(60))}Z`,
    `2022-03-${pad2(day)}T1${rng.below(10)}:${pad2(rng.below(60))}:${pad2(rng.below(60))}Z`,
    String(control.id),
    control.technology,
    control.title,
    rng.pick(CRITICALITIES),
    status,
    status === 'Passed' ? '' : `Set the value to ${expected} or more, then re-evaluate.`,
    evidence,
  ]);
}

// Observed values differ from host to host (file hashes, package versions), which keeps the
// deflate ratio near that of real reports (about 6:1) rather than that of repeated text.
function observed(rng: Prng): string[] {
  const lines = [`sha256: ${hex(rng)}${hex(rng)}${hex(rng)}${hex(rng)}`];
  for (let n = rng.below(3); n > 0; n -= 1) {
    lines.push(`openssl-libs,1:1.1.1k-${rng.below(100)}.el8_${rng.below(10)},x86_64,${hex(rng)}`);
  }
  return lines;
}

function hex(rng: Prng): string {
  return rng.nextUint32().toString(16).padStart(8, '0');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const FILLER = 'No further evidence was collected for this control on this host. ';

function padding(length: number): string {
  return FILLER.repeat(Math.ceil(length / FILLER.length) + 1).slice(0, length);
}
