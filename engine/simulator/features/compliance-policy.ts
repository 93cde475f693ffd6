import type { SimFeature, SimRoute } from '../sim-types.ts';
import type { FeatureOptions } from './index.ts';
import { handlePolicyList, POLICY_LIST_PARAMS } from './compliance-policy-list.ts';
import { initialPolicies } from './compliance-policy-store.ts';
import { handleTagAction, TAG_ACTION_PARAMS, type SimTagAction } from './compliance-policy-tags.ts';

const PATH = '/api/2.0/fo/compliance/policy/';
const TAG_ACTIONS: SimTagAction[] = ['set_asset_tags', 'add_asset_tags', 'remove_asset_tags'];

/**
 * /api/2.0/fo/compliance/policy/: action=list (GET or POST) and the 10.18 tag actions
 * set_asset_tags, add_asset_tags and remove_asset_tags (POST only; release notes "Compliance
 * Policy - Manage Asset Tags using API"). State: the fixture policies, fresh per simulator.
 */
export function compliancePolicyFeature(_options: FeatureOptions): SimFeature {
  const policies = initialPolicies();
  const list: SimRoute = {
    path: PATH,
    action: 'list',
    methods: ['GET', 'POST'],
    params: POLICY_LIST_PARAMS,
    handle: (request) => handlePolicyList(request, policies),
  };
  const tagRoutes = TAG_ACTIONS.map(
    (action): SimRoute => ({
      path: PATH,
      action,
      methods: ['POST'],
      params: TAG_ACTION_PARAMS,
      handle: (request, context) => handleTagAction(action, request, policies, context),
    }),
  );
  return { name: 'compliance-policy', routes: [list, ...tagRoutes] };
}
