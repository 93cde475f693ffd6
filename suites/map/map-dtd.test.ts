import { describe } from 'vitest';
import { peekDocument } from '../../engine/oracles/xml/index.ts';
import { ConformanceFailure } from '../../engine/run/conformance-failure.ts';
import { ruleTest } from '../../engine/run/rule-test.ts';
import type { CallResult } from '../../engine/run/target.ts';
import { describeMapCase, type MapCase } from '../../generators/map/map-case.ts';
import { mapCaseArbitrary } from '../../generators/map/map-case-arbitrary.ts';
import { fixtureTarget } from '../../generators/map/map-target-arbitrary.ts';
import { mapDtdConformance } from '../../engine/oracles/map/map-dtd-check.ts';
import {
  fixtureMapCase,
  launchMap,
  LIVE_MAP_RUNS,
  mapCaseOptions,
  mapProperty,
  mapTestOptions,
  requireMapLaunches,
} from './map-suite.ts';

/** Judges one answer: `map`, or the rejection's form and number; throws the failure. */
function judge(result: CallResult, label: string): string {
  const verdict = mapDtdConformance(result);
  if (verdict.kind === 'failure') {
    throw new ConformanceFailure({
      ...verdict.failure,
      message: `${label}: ${verdict.failure.message}`,
    });
  }
  return verdict.kind === 'map' ? 'map' : `${verdict.form} ${verdict.code ?? '(no number)'}`;
}

describe('Launch Map: answers and map-2.dtd', () => {
  ruleTest(
    'MAP-DTD',
    'the release-note sample request (domain with netblock, network_id) answers a MAP_REQUEST valid against map-2.dtd',
    async (ruleCase) => {
      const fixture = requireMapLaunches(ruleCase);
      const options = await mapCaseOptions(fixture);
      const network =
        options.subscriptions.main?.networkSupport === true ? options.networks[0] : undefined;
      const mapCase = fixtureMapCase(
        options,
        'MAP-DTD sample',
        network === undefined ? undefined : { kind: 'known', value: String(network.id) },
      );

      const result = await launchMap(mapCase);

      const seen = judge(result, describeMapCase(mapCase));
      ruleCase.countCases();
      if (seen !== 'map') {
        throw new ConformanceFailure({
          message: `the sample request was rejected (${seen}), so no map could be checked`,
          received: result.text.slice(0, 600),
          documented: 'release notes 10.18, "Sample API": the request answers a MAP_REQUEST',
          request: result.described,
          curl: result.curl,
        });
      }
      const doctype = peekDocument(result.text).systemId ?? '(none)';
      await ruleCase.note(
        `valid MAP_REQUEST, ${result.text.length} characters, DOCTYPE ${doctype}`,
      );
    },
    mapTestOptions(1),
  );

  ruleTest(
    'MAP-DTD',
    'a map-2.php request without map_title answers a GENERIC_RETURN rejection, not a map',
    async (ruleCase) => {
      const fixture = requireMapLaunches(ruleCase);
      const mapCase: MapCase = {
        user: 'main',
        method: 'POST',
        params: [['domain', fixtureTarget(fixture)]],
        networkId: 'absent',
        shape: 'missing-map_title',
        expected: { kind: 'rejected', key: 'missing-map_title' },
      };

      const result = await launchMap(mapCase);

      const seen = judge(result, describeMapCase(mapCase));
      ruleCase.countCases();
      await ruleCase.note(seen === 'map' ? 'answered a valid map' : `rejected: ${seen}`);
    },
    mapTestOptions(1),
  );

  ruleTest(
    'MAP-DTD',
    'every generated map-2.php answer is a MAP_REQUEST valid against map-2.dtd or a GENERIC_RETURN rejection',
    async (ruleCase) => {
      const fixture = requireMapLaunches(ruleCase);
      const options = await mapCaseOptions(fixture);
      const arbitrary = mapCaseArbitrary({
        ...options,
        shapes: ['targets', 'malformed-netblock', 'missing-map_title', 'missing-domain'],
      });
      const seen = { maps: 0, rejections: new Map<string, number>() };

      await mapProperty(ruleCase, arbitrary, async (mapCase) => {
        const result = await launchMap(mapCase);
        const kind = judge(result, describeMapCase(mapCase));
        if (kind === 'map') seen.maps += 1;
        else seen.rejections.set(kind, (seen.rejections.get(kind) ?? 0) + 1);
      });

      const numbers = [...seen.rejections].map(([n, count]) => `${n} ×${count}`).join(', ');
      await ruleCase.note(`${seen.maps} valid maps; rejections: ${numbers || 'none'}`);
    },
    mapTestOptions(LIVE_MAP_RUNS),
  );
});
