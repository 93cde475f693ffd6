import type { SimContext, SimFeature, SimRequest, SimResponse } from '../sim-types.ts';
import { genericReturnError, xmlDocument } from '../simple-return-xml.ts';
import type { FeatureOptions } from './index.ts';
import { discoverHosts } from './map-hosts.ts';
import { readMapRequest } from './map-request.ts';
import { mapErrorsXml, mapRequestXml } from './map-xml.ts';
import { qualysDatetime } from '../qualys-datetime.ts';

/** The v1 Launch Map endpoint (release notes 10.18: "APIs affected /msp/map-2.php"). */
export const MAP_PATH = '/msp/map-2.php';

/**
 * /msp/map-2.php, GET and POST: launches a map per entry of `domain` and answers at once with
 * the finished MAP_REQUEST (a real map streams keep-alive comments for minutes first). Hosts are
 * the same for the same request; only DATE and the map reference change. Refusals take v1
 * forms: GENERIC_RETURN for the request, a MAP_REQUEST of ERRORs for bad `domain` entries.
 */
export function mapFeature(_options: FeatureOptions): SimFeature {
  let launched = 0;
  return {
    name: 'map',
    routes: [
      {
        path: MAP_PATH,
        methods: ['GET', 'POST'],
        // No `params`: the core would refuse unknown ones in the v2 form (SIMPLE_RETURN).
        handle(request: SimRequest, context: SimContext): SimResponse {
          const read = readMapRequest(request.params, request.user.subscription, {
            networkIdIgnored: context.fault('network-id-ignored'),
            networkIdOnDisabledAccepted: context.fault('network-id-on-disabled-accepted'),
            defaultNetworkNotZero: context.fault('default-network-not-zero'),
          });
          if ('form' in read) {
            return read.form === 'GENERIC_RETURN'
              ? genericReturnError(read.number, read.text)
              : xmlDocument(mapErrorsXml(read.errors));
          }
          const seconds = Math.floor(context.now() / 1000);
          const maps = read.targets.map((target) => {
            launched += 1;
            const ref = `map/${seconds}.${String(launched).padStart(5, '0')}`;
            return { ref, target, hosts: discoverHosts(target) };
          });
          const answer = {
            login: request.user.login,
            company: request.user.subscription.company,
            date: qualysDatetime(seconds * 1000),
            title: read.title,
            scanner: read.scanner,
            optionProfile: read.optionProfile,
            network: read.network,
            maps,
          };
          const body = mapRequestXml(answer, {
            omitIpNetworkId: context.fault('ip-network-id-missing'),
            optionProfileFirst: context.fault('map-dtd-violation'),
            printedNames: context.fault('map-malformed-xml'),
          });
          return xmlDocument(body);
        },
      },
    ],
  };
}
