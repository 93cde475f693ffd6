import type { RuleFailure } from '../results/results-schema.ts';

/**
 * A deviation from the release notes, thrown by a rule's test. Its fields travel to
 * results.json, the run report and the vitest UI; its message reads as a report.
 */
export class ConformanceFailure extends Error {
  readonly failure: RuleFailure;

  constructor(failure: RuleFailure) {
    super(renderFailure(failure));
    this.name = 'ConformanceFailure';
    this.failure = failure;
  }
}

/** The failure as text: what was observed, received vs documented, how to reproduce. */
export function renderFailure(failure: RuleFailure): string {
  const lines = [failure.message];
  if (failure.received !== undefined) lines.push('', 'Received:', indent(failure.received));
  if (failure.documented !== undefined) lines.push('', 'Documented:', indent(failure.documented));
  if (failure.responseExcerpt !== undefined) {
    lines.push('', 'Response excerpt:', indent(failure.responseExcerpt));
  }
  const reproduce: string[] = [];
  if (failure.seed !== undefined) {
    reproduce.push(
      `npm run conformance -- --seed ${failure.seed}${failure.path ? ` (path ${failure.path})` : ''}`,
    );
  }
  if (failure.curl !== undefined) reproduce.push(failure.curl);
  if (reproduce.length > 0) lines.push('', 'Reproduce with:', indent(reproduce.join('\n')));
  return lines.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
