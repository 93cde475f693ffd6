import { describeRequest } from '../../engine/client/api-request.ts';
import { classifyResponse } from '../../engine/client/classify.ts';
import { QualysClient, readBody } from '../../engine/client/qualys-client.ts';
import type { CallResult } from '../../engine/run/target.ts';
import { SIM_CREDENTIAL_ENV, SIM_FIXTURES } from '../../engine/simulator/sim-fixtures.ts';
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../engine/simulator/simulator.ts';
import { mapCaseRequest, type MapCase, type MapUser } from '../../generators/map/map-case.ts';
import type { MapCaseOptions } from '../../generators/map/map-case-arbitrary.ts';

/** A simulator on port 0 with a client per map user, calling it directly (no governor). */
export interface MapSimulator {
  sim: Simulator;
  /** Sends a case as its user and reads the answer like the harness target does. */
  send(mapCase: MapCase): Promise<CallResult>;
  close(): Promise<void>;
}

/** Generator options matching the embedded simulator profile. */
export const SIM_MAP_OPTIONS: MapCaseOptions = {
  subscriptions: {
    main: { networkSupport: true, networks: SIM_FIXTURES.networks },
    networkDisabled: { networkSupport: false, networks: [] },
  },
  networks: SIM_FIXTURES.networks,
  fixture: { ...SIM_FIXTURES.map },
  generatedTargets: true,
};

/**
 * Starts a simulator for map tests: limits high enough for hundreds of calls, the clock pinned
 * to 2022-03-14T10:00:00Z so DATE and map references are stable.
 */
export async function startMapSimulator(options: SimulatorOptions = {}): Promise<MapSimulator> {
  const sim = await startSimulator({
    rateLimit: { limit: 100_000, concurrency: 10 },
    now: () => Date.UTC(2022, 2, 14, 10, 0, 0),
    ...options,
  });
  const login = {
    main: SIM_CREDENTIAL_ENV.main,
    networkDisabled: SIM_CREDENTIAL_ENV.plain,
  } satisfies Record<MapUser, { login: string; password: string }>;
  const clients = new Map(
    Object.entries(login).map(([user, { login: username, password }]) => [
      user,
      new QualysClient({ baseUrl: sim.url, credentials: { username, password } }),
    ]),
  );
  return {
    sim,
    async send(mapCase) {
      const request = mapCaseRequest(mapCase);
      const client = clients.get(mapCase.user) as QualysClient;
      const { user: _user, ...direct } = request;
      const response = await client.send(direct);
      const body = await readBody(response.body, 64_000_000);
      const contentType = response.headers['content-type'];
      return {
        request,
        status: response.status,
        headers: response.headers,
        text: body.text,
        capped: body.capped,
        classification: classifyResponse({
          status: response.status,
          contentType: Array.isArray(contentType) ? contentType[0] : contentType,
          body: body.text,
        }),
        curl: `curl -u "$USER:$PASSWORD" '${MAP_CURL_URL}'`,
        described: describeRequest(request),
      };
    },
    async close() {
      for (const client of clients.values()) await client.close();
      await sim.close();
    },
  };
}

const MAP_CURL_URL = 'https://qualysapi.qualys.com/msp/map-2.php';
