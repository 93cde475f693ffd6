/** CSS of the trend page: the failing and flipping tables, the scrolling rule × night matrix
 * with its sticky rule column, and the calls chart. */
export const TREND_STYLES = `
.trend-section { margin: 26px 0 0; }
.trend-section > h2 { margin: 0 0 8px; }
.trend-section > p.note { margin: -4px 0 10px; color: var(--muted); font-size: 0.9rem; }
.run-span { margin: 0; color: var(--muted); }
.list-table { width: 100%; border-collapse: separate; border-spacing: 0; background: var(--surface);
  border: 1px solid var(--border); border-radius: 10px; }
.list-table th { text-align: left; font-size: 0.75rem; text-transform: uppercase;
  letter-spacing: 0.04em; color: var(--muted); padding: 8px 12px;
  border-bottom: 1px solid var(--border); }
.list-table td { padding: 8px 12px; border-top: 1px solid var(--border); vertical-align: top;
  overflow-wrap: anywhere; }
.list-table tbody tr:first-child td { border-top: 0; }
.list-table .num { text-align: right; font-variant-numeric: tabular-nums; width: 9em; }
.list-table th.num { white-space: nowrap; }
.more-rows { margin-top: 8px; }
.more-rows > summary { cursor: pointer; color: var(--accent); margin-bottom: 8px; }
.rule-id { display: block; font-weight: 700; font-size: 0.85rem; }
.rule-title { display: block; color: var(--muted); font-size: 0.88rem; }
.list-table time { white-space: nowrap; }
.failing-since time { font-weight: 700; color: var(--fail); }
.latest-label { margin-top: 16px; }
#failing-table tbody td:first-child { box-shadow: inset 4px 0 var(--fail); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; list-style: none; padding: 0;
  margin: 0 0 10px; font-size: 0.88rem; }
.legend li { display: flex; align-items: center; gap: 6px; }
.matrix-scroll { overflow-x: auto; background: var(--surface); border: 1px solid var(--border);
  border-radius: 10px; max-width: 100%; }
.trend-matrix { border-collapse: separate; border-spacing: 0; font-size: 0.8rem;
  width: max-content; }
.trend-matrix th, .trend-matrix td { padding: 0; }
.trend-matrix .rule-col { position: sticky; left: 0; z-index: 2; background: var(--surface);
  text-align: left; padding: 3px 12px 3px 10px; border-right: 1px solid var(--border);
  min-width: 140px; font-weight: 400; }
.trend-matrix thead .rule-col { z-index: 3; vertical-align: bottom; font-size: 0.75rem;
  text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 600; }
.trend-matrix .rule-col code { display: block; max-width: 300px; overflow-wrap: anywhere;
  font-size: 0.8rem; }
.trend-matrix .night { vertical-align: bottom; padding: 6px 0 4px; font-weight: 500;
  color: var(--muted); }
.trend-matrix .night span { display: inline-block; writing-mode: vertical-rl;
  transform: rotate(180deg); font-family: var(--mono); font-size: 0.72rem; white-space: nowrap; }
.trend-matrix .night a { color: var(--accent); text-decoration: none; }
.trend-matrix tbody td, .cell-swatch { width: 22px; min-width: 22px; height: 22px;
  text-align: center; line-height: 20px; font-weight: 700; border: 1px solid var(--surface); }
.cell-swatch { display: inline-block; border-radius: 4px; border: 1px solid var(--border); }
.trend-matrix tbody tr:hover .rule-col,
.trend-matrix tbody tr:hover td { filter: brightness(0.95); }
.trend-matrix .fail, .cell-swatch.fail { background: var(--fail); color: #fff; }
.trend-matrix .pass, .cell-swatch.pass { background: var(--pass-bg); color: var(--pass); }
.trend-matrix .skip, .cell-swatch.skip { background: var(--skip-bg); color: var(--skip); }
.trend-matrix .deferred, .cell-swatch.deferred { background: var(--deferred-bg);
  color: var(--deferred); }
.trend-matrix .absent, .cell-swatch.absent { background: repeating-linear-gradient(45deg,
  transparent 0 3px, var(--border) 3px 4px); }
.chart-legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 0 0 8px; font-size: 0.88rem;
  list-style: none; padding: 0; }
.chart-legend li::before { content: ""; display: inline-block; width: 14px; height: 10px;
  margin-right: 6px; vertical-align: middle; border-radius: 2px; }
.chart-legend .made::before { background: var(--accent); }
.chart-legend .budget::before { height: 0; border-top: 2px dashed var(--text); }
.chart-legend .throttled::before { background: var(--fail); }
.chart-scroll { overflow-x: auto; background: var(--surface); border: 1px solid var(--border);
  border-radius: 10px; padding: 10px; }
.chart { display: block; width: 100%; min-width: 560px; height: auto; }
.chart .made { fill: var(--accent); }
.chart .throttled { fill: var(--fail); }
.chart .budget { fill: none; stroke: var(--text); stroke-width: 1.5; stroke-dasharray: 5 4; }
.chart .grid { stroke: var(--border); stroke-width: 1; }
.chart .tick { fill: var(--muted); font: 12px var(--sans); }
.chart .axis-label { fill: var(--muted); font: 600 12px var(--sans); text-transform: uppercase; }
@media (max-width: 760px) {
  .list-table, .list-table tbody, .list-table tr, .list-table td { display: block; }
  .list-table { background: none; border: 0; }
  .list-table thead { display: none; }
  .list-table tr { background: var(--surface); border: 1px solid var(--border);
    border-radius: 10px; margin: 0 0 10px; padding: 8px 12px; }
  #failing-table tbody tr { border-left: 5px solid var(--fail); }
  #failing-table tbody td:first-child { box-shadow: none; }
  .list-table td { border: 0; padding: 2px 0; }
  .list-table .num { text-align: left; }
  .list-table td[data-label]:not(:first-child)::before { content: attr(data-label) ": ";
    color: var(--muted); }
  .trend-matrix .rule-col { min-width: 0; padding: 3px 6px; }
  .trend-matrix .rule-col code { max-width: 112px; font-size: 0.7rem; }
  .list-table .num { width: auto; }
  .chart { min-width: 960px; }
}
`;
