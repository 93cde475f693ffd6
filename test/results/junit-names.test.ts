import { describe, expect, test } from 'vitest';
import { junitNamesByRuleId } from '../../engine/results/junit-names.ts';

describe('JUnit names', () => {
  test('each test case is named and classed by its rule id, describe blocks dropped', () => {
    const xml =
      '<testcase classname="suites/limits/limit-blocked.test.ts" ' +
      'name="API limits: blocked calls &gt; LIMIT-BLOCKED a call over the rate limit is blocked" time="0.1">';

    expect(junitNamesByRuleId(xml)).toMatchInlineSnapshot(
      `"<testcase classname="LIMIT-BLOCKED" name="LIMIT-BLOCKED a call over the rate limit is blocked" time="0.1">"`,
    );
  });

  test('a test case without a rule id is left as it was', () => {
    const xml = '<testcase classname="a.test.ts" name="outer &gt; plain name" time="0">';

    expect(junitNamesByRuleId(xml)).toBe(xml);
  });
});
