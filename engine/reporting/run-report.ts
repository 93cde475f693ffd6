import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResults } from '../results/results-schema.ts';
import { BASE_STYLES } from './base-styles.ts';
import { escapeHtml, jsonForScript } from './html-escape.ts';
import { renderPage } from './page-shell.ts';
import { renderRunFacts } from './run-facts.ts';
import { RUN_REPORT_STYLES } from './run-report-styles.ts';
import { renderRuleMatrix } from './rule-matrix.ts';
import { groupBySection } from './rule-sections.ts';
import { countStatuses } from './status-counts.ts';
import { renderStatusSummary } from './status-summary.ts';

/** File name of the run report inside its output directory. */
export const RUN_REPORT_FILE = 'index.html';

const TOOLBAR = `<div class="toolbar">
<button type="button" id="toggle-evidence" aria-pressed="false" hidden>Expand all evidence</button>
</div>`;

// Progressive enhancement: without script the page is complete, only this button stays hidden.
const EXPAND_ALL_SCRIPT = `(function () {
  var button = document.getElementById('toggle-evidence');
  var all = document.querySelectorAll('details.evidence');
  if (!button || all.length === 0) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    var open = button.getAttribute('aria-pressed') !== 'true';
    all.forEach(function (details) { details.open = open; });
    button.setAttribute('aria-pressed', String(open));
    button.textContent = open ? 'Collapse all evidence' : 'Expand all evidence';
  });
})();`;

/**
 * Renders the run report: one self-contained HTML page (inline CSS and script, no URL loaded)
 * with the run's facts, the summary line and the rule matrix grouped by release-note section,
 * failures first. The raw results are embedded in `<script type="application/json"
 * id="results">`, so the page can be checked against the file it was built from.
 * @param results the run's results.json, as written by the run.
 */
export function renderRunReport(results: RunResults): string {
  const counts = countStatuses(results.rules);
  const sections = groupBySection(results.rules);
  const hasEvidence = results.rules.some((rule) => rule.status === 'fail');
  const toolbar = hasEvidence ? TOOLBAR : '';

  const body = `<main>
<header>
<p class="eyebrow">Conformance run report · ${escapeHtml(results.mode)}</p>
<h1>${escapeHtml(results.target.name)}</h1>
${renderStatusSummary(counts)}
</header>
${renderRunFacts(results)}
${toolbar}
${renderRuleMatrix(sections)}
</main>
<script type="application/json" id="results">
${jsonForScript(results)}
</script>`;

  return renderPage({
    title: `Run report · ${results.target.name} · ${results.startedAt}`,
    css: BASE_STYLES + RUN_REPORT_STYLES,
    body,
    script: EXPAND_ALL_SCRIPT,
  });
}

/**
 * Writes the run report as `<outDir>/index.html`, creating `outDir` when needed.
 * @param results the run's results.json.
 * @param outDir the run's report directory (where results.json was written).
 * @returns the path of the written page.
 * @throws the file-system error when the directory cannot be created or written.
 */
export async function writeRunReport(results: RunResults, outDir: string): Promise<string> {
  const path = join(outDir, RUN_REPORT_FILE);
  await mkdir(outDir, { recursive: true });
  await writeFile(path, renderRunReport(results), 'utf8');
  return path;
}
