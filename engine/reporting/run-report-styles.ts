/** CSS of the run report: run facts, the calls meter, and the rule matrix that turns into
 * stacked cards below 760 px. */
export const RUN_REPORT_STYLES = `
.facts { margin: 16px 0 0; padding: 14px 16px; background: var(--surface);
  border: 1px solid var(--border); border-radius: 10px; }
.facts dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
  gap: 10px 20px; margin: 0; }
.facts dt { color: var(--muted); font-size: 0.75rem; text-transform: uppercase;
  letter-spacing: 0.04em; font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.calls { margin-top: 14px; padding-top: 12px; border-top: 1px solid var(--border); }
.calls-title { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em;
  color: var(--muted); }
.calls p { margin: 2px 0 6px; }
.meter { height: 8px; border-radius: 4px; background: var(--code-bg);
  border: 1px solid var(--border); overflow: hidden; max-width: 480px; }
.meter span { display: block; height: 100%; background: var(--accent); }
.meter-over span { background: var(--fail); }
.toolbar { display: flex; justify-content: flex-end; margin: 18px 0 0; }
.toolbar button { font: inherit; font-size: 0.85rem; padding: 4px 12px; border-radius: 6px;
  border: 1px solid var(--border); background: var(--surface); color: var(--text);
  cursor: pointer; }
.rule-section { margin: 22px 0 0; }
.rule-section h2 { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px;
  margin: 0 0 8px; overflow-wrap: anywhere; }
.section-counts { font-size: 0.85rem; font-weight: 400; color: var(--muted); }
.matrix { width: 100%; border-collapse: separate; border-spacing: 0; table-layout: fixed;
  background: var(--surface); border: 1px solid var(--border); border-radius: 10px; }
.matrix th { text-align: left; font-size: 0.75rem; text-transform: uppercase;
  letter-spacing: 0.04em; color: var(--muted); padding: 8px 12px;
  border-bottom: 1px solid var(--border); }
.matrix td { padding: 10px 12px; vertical-align: top; border-top: 1px solid var(--border);
  overflow-wrap: anywhere; min-width: 0; }
.matrix tbody tr:first-child td { border-top: 0; }
.matrix .num { text-align: right; font-variant-numeric: tabular-nums; }
.col-status { width: 118px; }
.col-rule { width: 34%; }
.col-cases { width: 76px; }
.row-fail td:first-child { box-shadow: inset 4px 0 var(--fail); }
.row-deferred td:first-child { box-shadow: inset 4px 0 var(--deferred); }
.rule-id { display: block; font-weight: 700; font-size: 0.85rem; }
.rule-title { display: block; color: var(--muted); font-size: 0.9rem; }
.reason { margin: 0; }
.evidence summary { cursor: pointer; font-weight: 600; color: var(--fail); }
.evidence summary .message { color: var(--text); }
.evidence[open] summary { margin-bottom: 10px; }
.evidence-body { display: grid; gap: 10px; }
.compare { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 10px; }
.field[data-field="received"] pre { border-left: 4px solid var(--fail); }
.field[data-field="documented"] pre { border-left: 4px solid var(--pass); }
.replay, .more { margin: 0; font-size: 0.85rem; }
@media (max-width: 760px) {
  .facts dl { grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); }
  .matrix, .matrix tbody, .matrix tr, .matrix td { display: block; width: auto; }
  .matrix { background: none; border: 0; }
  .matrix colgroup, .matrix thead { display: none; }
  .matrix tr { background: var(--surface); border: 1px solid var(--border); border-radius: 10px;
    margin: 0 0 10px; padding: 10px 12px; }
  .row-fail { border-left: 5px solid var(--fail) !important; }
  .row-deferred { border-left: 5px solid var(--deferred) !important; }
  .matrix td { border: 0; padding: 3px 0; }
  .matrix td:first-child { box-shadow: none; }
  .matrix .num { text-align: left; }
  .cases-cell::before { content: attr(data-label) ": "; color: var(--muted); }
  .empty-cell { display: none !important; }
}
@media print {
  .toolbar { display: none; }
}
`;
