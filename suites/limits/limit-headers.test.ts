import { describe } from 'vitest';
import type { ApiRequest } from '../../engine/client/api-request.ts';
import { limitHeadersConformance } from '../../engine/oracles/limits/limit-headers-conformance.ts';
import { ConformanceFailure } from '../../engine/run/conformance-failure.ts';
import { ruleTest, type RuleCase } from '../../engine/run/rule-test.ts';
import { harnessTarget, type CallResult } from '../../engine/run/target.ts';

// Read-only calls every subscription answers: the report list, by GET and by POST, and one
// refused request (an unknown parameter), since 400 answers carry the headers too.
const REPORT_LIST_GET: ApiRequest = {
  method: 'GET',
  path: '/api/2.0/fo/report/',
  params: [['action', 'list']],
  label: 'LIMIT-HEADERS',
};
const REPORT_LIST_POST: ApiRequest = { ...REPORT_LIST_GET, method: 'POST' };
const UNKNOWN_PARAMETER: ApiRequest = {
  ...REPORT_LIST_GET,
  params: [
    ['action', 'list'],
    ['conformance_unknown_parameter', '1'],
  ],
};

function check(ruleCase: RuleCase, result: CallResult): void {
  ruleCase.countCases();
  const failure = limitHeadersConformance({
    request: result.described,
    path: result.request.path,
    status: result.status,
    headers: result.headers,
    kind: result.classification.kind,
    code: result.classification.code,
  });
  if (failure !== undefined) {
    throw new ConformanceFailure({
      ...failure,
      curl: result.curl,
      responseExcerpt: result.text.slice(0, 400),
    });
  }
}

describe('API limits headers', () => {
  ruleTest(
    'LIMIT-HEADERS',
    'a report list answer carries the six limit headers',
    async (ruleCase) => {
      const target = harnessTarget();

      const byGet = await target.call(REPORT_LIST_GET);
      const byPost = await target.call(REPORT_LIST_POST);

      check(ruleCase, byGet);
      check(ruleCase, byPost);
    },
  );

  ruleTest(
    'LIMIT-HEADERS',
    'a refused request (HTTP 400) carries the six limit headers',
    async (ruleCase) => {
      const refused = await harnessTarget().call(UNKNOWN_PARAMETER);

      check(ruleCase, refused);
    },
  );

  ruleTest(
    'LIMIT-HEADERS',
    'two calls in flight at once report Running within the limit',
    async (ruleCase) => {
      const target = harnessTarget();

      const answers = await Promise.all([
        target.call(REPORT_LIST_GET),
        target.call(REPORT_LIST_GET),
      ]);

      for (const answer of answers) check(ruleCase, answer);
    },
  );
});
