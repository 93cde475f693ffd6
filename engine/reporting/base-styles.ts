/**
 * CSS shared by the run report and the trend page: colour tokens (light and dark), type,
 * status badges and the summary bar. Status colours always sit next to a text label.
 */
export const BASE_STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f5f6f8; --surface: #ffffff; --text: #1b2230; --muted: #586174; --border: #d9dee7;
  --accent: #2450c8; --code-bg: #f0f2f5;
  --fail: #b42318; --fail-bg: #fee4e2; --pass: #067647; --pass-bg: #d3f8df;
  --skip: #475467; --skip-bg: #e4e7ec; --deferred: #8a4a00; --deferred-bg: #feefc6;
  --absent: #98a2b3;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1217; --surface: #171b22; --text: #e5e8ee; --muted: #9aa3b2; --border: #2c323d;
    --accent: #8fb0ff; --code-bg: #10141a;
    --fail: #ff9b8f; --fail-bg: #4b1a16; --pass: #72e3a6; --pass-bg: #0e3b27;
    --skip: #c2c8d2; --skip-bg: #2b303b; --deferred: #f8c16a; --deferred-bg: #46310d;
    --absent: #5d6676;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.5 var(--sans); }
main { max-width: 1240px; margin: 0 auto; padding: 28px 28px 56px; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 6px; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 0; }
h4 { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted);
  margin: 0 0 4px; font-weight: 600; }
code, pre { font-family: var(--mono); font-size: 0.85em; }
code { overflow-wrap: anywhere; }
pre { margin: 0; padding: 8px 10px; background: var(--code-bg); border: 1px solid var(--border);
  border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 22em;
  overflow: auto; }
.muted { color: var(--muted); }
.eyebrow { margin: 0 0 4px; color: var(--muted); font-size: 0.8rem; letter-spacing: 0.05em;
  text-transform: uppercase; font-weight: 600; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; }
.badge { display: inline-block; min-width: 5.6em; text-align: center; padding: 1px 8px;
  border-radius: 999px; border: 1px solid currentColor; font-size: 0.78rem; font-weight: 700;
  letter-spacing: 0.02em; white-space: nowrap; }
.badge-fail { color: var(--fail); background: var(--fail-bg); }
.badge-pass { color: var(--pass); background: var(--pass-bg); }
.badge-skip { color: var(--skip); background: var(--skip-bg); }
.badge-deferred { color: var(--deferred); background: var(--deferred-bg); }
.summary { margin: 14px 0 0; padding: 12px 16px; background: var(--surface);
  border: 1px solid var(--border); border-left: 6px solid var(--skip); border-radius: 10px; }
.summary-fail { border-left-color: var(--fail); }
.summary-pass { border-left-color: var(--pass); }
.summary-line { margin: 0 0 8px; font-size: 1.2rem; font-weight: 700; }
.status-bar { display: flex; height: 10px; border-radius: 5px; overflow: hidden;
  background: var(--skip-bg); }
.bar-fail { background: var(--fail); }
.bar-pass { background: var(--pass); }
.bar-skip { background: var(--skip); }
.bar-deferred { background: var(--deferred); }
.empty { padding: 24px; text-align: center; color: var(--muted); background: var(--surface);
  border: 1px dashed var(--border); border-radius: 10px; }
@media (max-width: 640px) {
  body { font-size: 14px; }
  main { padding: 16px 12px 40px; }
  h1 { font-size: 1.3rem; }
  .summary-line { font-size: 1.05rem; }
}
`;
