import type { SimFeature, SimResponse } from '../sim-types.ts';
import { requestError } from '../simple-return-xml.ts';
import { xmlEscape } from '../xml-escape.ts';
import type { FeatureOptions } from './index.ts';
import { subscriptionNetworks } from './network-catalogue.ts';
import { listOutput } from '../list-output-xml.ts';

/**
 * What a subscription without Network Support answers to the network list. The vendor documents
 * no answer (NOTES.md h: "error code/text when it is disabled not found"); the simulator chooses
 * a request error, since Appendix D's 1905 covers a value "not available" to the caller.
 */
export const NETWORK_LIST_NOT_ENABLED = {
  code: 1905,
  text: 'parameter action has invalid value: list (the Network Support feature is not enabled for this subscription)',
} as const;

/**
 * /api/2.0/fo/network/?action=list: NETWORK_LIST_OUTPUT/RESPONSE/(DATETIME, NETWORK_LIST/NETWORK
 * (ID, NAME)), ID 0 first (NOTES.md h). `ids` filters by a comma-separated list of ids.
 * Subscriptions without Network Support get {@link NETWORK_LIST_NOT_ENABLED}.
 */
export function networkListFeature(_options: FeatureOptions): SimFeature {
  return {
    name: 'network-list',
    routes: [
      {
        path: '/api/2.0/fo/network/',
        action: 'list',
        methods: ['GET', 'POST'],
        params: ['ids'],
        handle(request, context): SimResponse {
          if (!request.user.subscription.networkSupport) {
            return requestError(NETWORK_LIST_NOT_ENABLED.code, NETWORK_LIST_NOT_ENABLED.text);
          }
          const idsText = request.params.get('ids');
          const ids = idsText === null ? undefined : idsText.split(',').map((s) => s.trim());
          if (ids !== undefined && ids.some((id) => !/^\d+$/.test(id))) {
            return requestError(1905, `parameter ids has invalid value: ${idsText ?? ''}`);
          }
          const networks = subscriptionNetworks(request.user.subscription).filter(
            (n) => ids === undefined || ids.some((id) => Number(id) === n.id),
          );
          const rows = networks.map((n) =>
            [
              '      <NETWORK>',
              `        <ID>${n.id}</ID>`,
              `        <NAME>${xmlEscape(n.name)}</NAME>`,
              '      </NETWORK>',
            ].join('\n'),
          );
          return listOutput(
            'NETWORK_LIST_OUTPUT',
            'https://qualysapi.qualys.com/api/2.0/fo/network/network_list_output.dtd',
            rows,
            context.now(),
          );
        },
      },
    ],
  };
}
