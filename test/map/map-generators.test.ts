import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mapCaseArbitrary } from '../../generators/map/map-case-arbitrary.ts';
import { SIM_MAP_OPTIONS } from './map-simulator-client.ts';

// Fixed so a failure replays; fast-check's report repeats it with the counterexample's path.
const SEED = 20_220_314;

const ALL_SHAPES = [
  'targets',
  'malformed-netblock',
  'missing-map_title',
  'missing-domain',
] as const;

describe('map case generators', () => {
  test(`the same seed gives the same cases (seed ${SEED})`, () => {
    const arbitrary = mapCaseArbitrary({ ...SIM_MAP_OPTIONS, shapes: ALL_SHAPES });

    const first = fc.sample(arbitrary, { seed: SEED, numRuns: 50 });
    const second = fc.sample(arbitrary, { seed: SEED, numRuns: 50 });
    const other = fc.sample(arbitrary, { seed: SEED + 1, numRuns: 50 });

    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
  });

  test(`every case carries the model's verdict, and the draws cover every kind (seed ${SEED})`, () => {
    const arbitrary = mapCaseArbitrary({ ...SIM_MAP_OPTIONS, shapes: ALL_SHAPES });

    const cases = fc.sample(arbitrary, { seed: SEED, numRuns: 400 });

    const kinds = new Set(cases.map((c) => `${c.user} ${c.networkId} ${c.expected.kind}`));
    expect(kinds).toContain('main known map');
    expect(kinds).toContain('main absent map');
    expect(kinds).toContain('main unknown rejected');
    expect(kinds).toContain('networkDisabled zero rejected');
    expect(kinds).toContain('networkDisabled absent map');
    const keys = new Set(
      cases.flatMap((c) => (c.expected.kind === 'rejected' ? [c.expected.key] : [])),
    );
    expect([...keys].sort()).toEqual([
      'domain-malformed',
      'missing-domain',
      'missing-map_title',
      'network-id-malformed',
      'network-id-unknown',
      'network-not-enabled',
    ]);
  });

  test(`live options name only the fixture's domain and netblock, with save_report=no (seed ${SEED})`, () => {
    const fixture = { domain: 'fixture.example.com', netblock: '192.0.2.1-192.0.2.9' };
    const arbitrary = mapCaseArbitrary({
      ...SIM_MAP_OPTIONS,
      fixture,
      generatedTargets: false,
      saveReport: ['no'],
      shapes: ALL_SHAPES,
    });

    fc.assert(
      fc.property(arbitrary, (mapCase) => {
        const domain = mapCase.params.find(([n]) => n === 'domain')?.[1];
        const saveReport = mapCase.params.find(([n]) => n === 'save_report')?.[1];
        expect(saveReport).toBe('no');
        if (domain === undefined) return;
        if (mapCase.shape === 'malformed-netblock') {
          expect(domain.startsWith(`${fixture.domain}:`)).toBe(true);
          expect(domain).not.toMatch(/-/);
        } else {
          expect(domain).toBe(`${fixture.domain}:${fixture.netblock}`);
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  test('a network_id kind the options cannot draw is refused with a reason', () => {
    expect(() =>
      mapCaseArbitrary({ ...SIM_MAP_OPTIONS, networks: [], networkIds: ['known'] }),
    ).toThrow('mapCaseArbitrary: no network_id kind to draw');
  });
});
