import { LIMIT_RULES } from './limit-rules.ts';
import { MAP_RULES } from './map-rules.ts';
import { REPORT_RULES } from './report-rules.ts';
import { TAG_RULES } from './tag-rules.ts';
import type { Rule, SuiteName } from './rule.ts';

/** Every rule the harness checks, in report order. */
export const RULES: readonly Rule[] = [...LIMIT_RULES, ...TAG_RULES, ...MAP_RULES, ...REPORT_RULES];

/** Suite names, in run order. */
export const SUITES: readonly SuiteName[] = ['limits', 'tags', 'map', 'reports'];

/**
 * The rule with this id.
 * @throws Error naming the id when it is not in the catalogue
 */
export function ruleById(id: string): Rule {
  const rule = RULES.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`rule ${id} is not in the catalogue (engine/rules/)`);
  return rule;
}

/** The rule id a test name starts with, if any. */
export function ruleIdOfTestName(name: string): string | undefined {
  const id = /^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\b/.exec(name)?.[1];
  return id;
}
