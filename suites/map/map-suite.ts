import fc from 'fast-check';
import type { MapFixture } from '../../engine/profile/profile.ts';
import type { RuleCase } from '../../engine/run/rule-test.ts';
import { harnessTarget, type CallResult } from '../../engine/run/target.ts';
import {
  mapCaseRequest,
  type MapCase,
  type MapUser,
  type NetworkIdKind,
} from '../../generators/map/map-case.ts';
import type { MapCaseOptions } from '../../generators/map/map-case-arbitrary.ts';
import { expectedMapOutcome, type MapNetwork } from '../../generators/map/map-model.ts';
import { fixtureTarget } from '../../generators/map/map-target-arbitrary.ts';
import { readNetworkList } from '../../engine/oracles/map/read-network-list.ts';

/**
 * Property runs per map property on a live target, where each run may launch a real network
 * discovery lasting minutes. Shrinking is off there too: every shrink step would be a launch.
 */
export const LIVE_MAP_RUNS = 3;

const MAP_TEXT_CAP = 256 * 1024 * 1024; // 256 MB: the XML oracle's own limit
const TEST_MARGIN_MS = 5 * 60_000; // 5 min for the calls around the launches

/** What a map test needs from the profile; each missing need skips the test with its reason. */
export interface MapNeeds {
  /** A custom network in fixtures.networks (and Network Support on the main subscription). */
  customNetwork?: boolean;
  /** Network Support on the main user's subscription. */
  networkSupport?: boolean;
  /** The `networkDisabled` user, of a subscription without Network Support. */
  plainUser?: boolean;
}

/**
 * Skips the test unless the profile allows map launches and names a map fixture (and whatever
 * else `needs` lists); returns the fixture. Rejection tests need it too: a target that does not
 * conform would launch the map.
 */
export function requireMapLaunches(ruleCase: RuleCase, needs: MapNeeds = {}): MapFixture {
  const { profile } = harnessTarget().config;
  if (!profile.allow.launchMaps) {
    ruleCase.skip(
      'profile allow.launchMaps is false: a map launch is a real network discovery; set it to true to check this rule',
    );
  }
  const fixture = profile.fixtures.map;
  if (fixture === undefined) {
    ruleCase.skip(
      'profile fixtures.map is missing: name the domain (and netblock) this run may map',
    );
  }
  if (
    (needs.networkSupport === true || needs.customNetwork === true) &&
    !profile.subscription.networkSupport
  ) {
    ruleCase.skip(
      'the main subscription has no Network Support (profile subscription.networkSupport is false)',
    );
  }
  if (needs.customNetwork === true && customNetworks().length === 0) {
    ruleCase.skip(
      'profile fixtures.networks lists no custom network: name one this run may map in',
    );
  }
  const plain = profile.users.networkDisabled;
  if (needs.plainUser === true && (plain === undefined || plain.networkSupport === true)) {
    ruleCase.skip(
      'profile users.networkDisabled is missing: add a user of a subscription without Network Support',
    );
  }
  return fixture;
}

/** The profile's custom networks (fixtures.networks without network 0). */
export function customNetworks(): MapNetwork[] {
  return harnessTarget().config.profile.fixtures.networks.filter((n) => n.id !== 0);
}

let listed: Promise<MapNetwork[] | undefined> | undefined;

/**
 * Generator options for this target: subscriptions from the profile, their networks from one
 * network list call (once per worker; the profile's fixtures where the list is refused), the
 * map fixture, and generated domains on the simulator only.
 */
export async function mapCaseOptions(fixture: MapFixture): Promise<MapCaseOptions> {
  const target = harnessTarget();
  const { profile, mode } = target.config;
  listed ??= target
    .call({
      method: 'GET',
      path: '/api/2.0/fo/network/',
      params: [['action', 'list']],
      label: 'map networks',
    })
    .then((result) => readNetworkList(result.text));
  const fromList = (await listed) ?? [];
  const fixtures = customNetworks();
  const all = [...fromList, ...fixtures.filter((f) => !fromList.some((n) => n.id === f.id))];
  const subscriptions: MapCaseOptions['subscriptions'] = {
    main: { networkSupport: profile.subscription.networkSupport, networks: all },
  };
  const plain = profile.users.networkDisabled;
  if (plain !== undefined && plain.networkSupport !== true) {
    subscriptions.networkDisabled = { networkSupport: false, networks: [] };
  }
  // Names as the target lists them win over the profile's: IP network attributes use them.
  const networks = fixtures.map((f) => fromList.find((n) => n.id === f.id) ?? f);
  return {
    subscriptions,
    networks,
    fixture,
    generatedTargets: mode === 'sim',
    ...(mode === 'live' ? { saveReport: ['no' as const] } : {}),
  };
}

/**
 * A fixed case on the map fixture: `map_title`, `domain` (the fixture's domain and netblock),
 * its scanner and option profile, then `network_id` when given. POST, as in the release notes'
 * sample; save_report=no on live targets, so no saved map is left behind.
 */
export function fixtureMapCase(
  options: MapCaseOptions,
  title: string,
  networkId?: { kind: NetworkIdKind; value: string },
  user: MapUser = 'main',
): MapCase {
  const { fixture } = options;
  const params: [string, string][] = [
    ['map_title', `conformance map ${title}`],
    ['domain', fixtureTarget(fixture)],
  ];
  if (fixture.scanner !== undefined) params.push(['iscanner_name', fixture.scanner]);
  if (fixture.optionProfile !== undefined) params.push(['option', fixture.optionProfile]);
  if (networkId !== undefined) params.push(['network_id', networkId.value]);
  params.push(['save_report', options.generatedTargets ? 'yes' : 'no']);
  const subscription = options.subscriptions[user] ?? { networkSupport: false, networks: [] };
  return {
    user,
    method: 'POST',
    params,
    networkId: networkId?.kind ?? 'absent',
    shape: 'targets',
    expected: expectedMapOutcome(params, subscription),
  };
}

/** Sends a case's request with the profile's map timeout, reading the answer whole. */
export async function launchMap(mapCase: MapCase): Promise<CallResult> {
  const target = harnessTarget();
  return target.call(mapCaseRequest(mapCase, target.config.profile.timeouts.mapMs), MAP_TEXT_CAP);
}

/**
 * `ruleCase.property`, capped on live targets to LIVE_MAP_RUNS runs without shrinking.
 */
export async function mapProperty<T>(
  ruleCase: RuleCase,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
): Promise<void> {
  const { mode, runs } = harnessTarget().config;
  if (mode !== 'live') return ruleCase.property(arbitrary, predicate);
  return ruleCase.property(arbitrary, predicate, {
    numRuns: Math.min(runs, LIVE_MAP_RUNS),
    endOnFailure: true,
  });
}

/**
 * Test options for a map test making up to `launches` launches: on live targets each may take
 * the profile's timeouts.mapMs (default 15 min); on the simulator vitest's default stands.
 */
export function mapTestOptions(launches: number): { timeout?: number } {
  const { mode, profile } = harnessTarget().config;
  if (mode !== 'live') return {};
  return { timeout: launches * profile.timeouts.mapMs + TEST_MARGIN_MS };
}
