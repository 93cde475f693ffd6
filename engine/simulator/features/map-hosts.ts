import { formatIpv4, type MapTarget } from './map-target.ts';

/** A host the simulated discovery found. */
export interface DiscoveredHost {
  ip: string;
  /** DNS name, when the host has one. */
  name?: string;
  /** DISCOVERY method attribute (the release-note sample shows "TCP RST"). */
  method: string;
}

/**
 * Most hosts one map lists. A netblock can span millions of addresses; a map of them stays a
 * few hundred kilobytes (≈ 100 bytes a host).
 */
export const MAX_HOSTS_PER_MAP = 4_096;

const METHODS = ['TCP RST', 'ICMP', 'TCP SYN', 'UDP'] as const;

/**
 * The hosts a map of `target` discovers: the same for the same target, every time. Within a
 * netblock about three addresses in four answer, the first one always, at most `cap` of them in
 * address order; a domain without netblock resolves to two to four hosts in a /24 derived from
 * its name.
 */
export function discoverHosts(target: MapTarget, cap = MAX_HOSTS_PER_MAP): DiscoveredHost[] {
  const hosts: DiscoveredHost[] = [];
  const seed = fnv1a(target.domain.toLowerCase());
  const range = target.range ?? {
    start: (10 << 24) + (((seed >>> 8) & 255) << 16) + ((seed & 255) << 8) + 1,
    end: (10 << 24) + (((seed >>> 8) & 255) << 16) + ((seed & 255) << 8) + 2 + (seed % 3),
  };
  for (let n = range.start; n <= range.end && hosts.length < cap; n += 1) {
    const ip = formatIpv4(n >>> 0);
    const hash = fnv1a(ip);
    if (n !== range.start && target.range !== undefined && hash % 4 === 0) continue;
    const host: DiscoveredHost = { ip, method: METHODS[hash % METHODS.length] ?? 'TCP RST' };
    if (hash % 3 === 0) host.name = `host-${ip.replace(/\./g, '-')}.${target.domain}`;
    hosts.push(host);
  }
  return hosts;
}

/** 32-bit FNV-1a of a string's UTF-16 code units: cheap, stable, well spread. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
