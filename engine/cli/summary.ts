import type { RunResults, RuleStatus } from '../results/results-schema.ts';

const LABEL: Record<RuleStatus, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  skip: 'SKIP',
  deferred: 'DEFR',
};

/** Prints the per-rule summary of a run to stdout. */
export function printSummary(results: RunResults, file: string): void {
  const width = Math.max(...results.rules.map((r) => r.id.length), 10);
  const lines: string[] = [];
  for (const rule of results.rules) {
    const cases = `${rule.cases} case${rule.cases === 1 ? '' : 's'}`.padStart(10);
    lines.push(`  ${LABEL[rule.status]}  ${rule.id.padEnd(width)} ${cases}  ${rule.title}`);
    if (rule.status === 'fail') {
      for (const failure of rule.failures.slice(0, 3)) {
        lines.push(`        ${''.padEnd(width)} ↳ ${failure.message.split('\n')[0]}`);
      }
    } else if (rule.reason !== undefined) {
      lines.push(`        ${''.padEnd(width)} ↳ ${rule.reason}`);
    }
  }
  const count = (s: RuleStatus) => results.rules.filter((r) => r.status === s).length;
  const { made, budget, throttled, waitedSeconds } = results.calls;
  lines.push(
    '',
    `calls ${made} of ${budget} · throttled ${throttled} · waited ${waitedSeconds} s · depth ${results.depth}`,
    `results: ${file}`,
    `rules: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped, ${count('deferred')} deferred`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}
