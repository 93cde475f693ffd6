/**
 * Renames JUnit test cases so each name starts with its rule id: vitest's JUnit reporter
 * prefixes the describe blocks (`API limits &gt; LIMIT-HEADERS ...`), while CI systems list
 * and track tests by name. The classname becomes the rule id, so CI groups a rule's tests.
 */
export function junitNamesByRuleId(xml: string): string {
  return xml.replace(
    /<testcase classname="[^"]*" name="(?:[^"]*? &gt; )*([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)( [^"]*)"/g,
    (_match, id: string, rest: string) => `<testcase classname="${id}" name="${id}${rest}"`,
  );
}
