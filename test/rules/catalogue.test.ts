import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES, SUITES, ruleIdOfTestName } from '../../engine/rules/catalogue.ts';
import { ROOT } from '../helpers/run-cli.ts';

function suiteFiles(dir = join(ROOT, 'suites')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return suiteFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Rule ids the suites declare tests for: `ruleTest('ID', ...)`. */
function declaredRuleTests(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of suiteFiles()) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/ruleTest\(\s*['"]([^'"]+)['"]/g)) {
      const id = match[1] ?? '';
      found.set(id, [...(found.get(id) ?? []), relative(ROOT, file)]);
    }
  }
  return found;
}

describe('rule catalogue', () => {
  test('rule ids are unique, upper-case and start with their suite’s prefix', () => {
    const ids = RULES.map((r) => r.id);
    const prefix = { limits: 'LIMIT-', tags: 'TAGS-', map: 'MAP-', reports: 'RPT-' } as const;

    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(ruleIdOfTestName(`${rule.id} x`)).toBe(rule.id);
      expect(rule.id.startsWith(prefix[rule.suite])).toBe(true);
      expect(SUITES).toContain(rule.suite);
    }
  });

  test('every catalogued rule has at least one test', () => {
    const declared = declaredRuleTests();

    const untested = RULES.filter((rule) => !declared.has(rule.id)).map((r) => r.id);

    expect(untested).toEqual([]);
  });

  test('every test names a catalogued rule', () => {
    const known = new Set(RULES.map((r) => r.id));

    const unknown = [...declaredRuleTests()].filter(([id]) => !known.has(id));

    expect(unknown).toEqual([]);
  });

  test('suites declare tests only through ruleTest, so every name starts with a rule id', () => {
    const bare = suiteFiles().filter((file) =>
      /^\s*(test|it)(\.\w+)*\(/m.test(readFileSync(file, 'utf8')),
    );

    expect(bare.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
