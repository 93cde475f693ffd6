import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RuleResult, RunResults } from '../../engine/results/results-schema.ts';
import { renderRuleEvidence } from '../../engine/reporting/rule-evidence.ts';
import { renderRunReport, writeRunReport } from '../../engine/reporting/run-report.ts';
import { countStatuses } from '../../engine/reporting/status-counts.ts';
import { renderStatusSummary } from '../../engine/reporting/status-summary.ts';
import { loadResultsFixture } from './fixtures.ts';

const mixed = loadResultsFixture('run-mixed.json');

function embeddedResults(html: string): unknown {
  const match = /<script type="application\/json" id="results">\n([\s\S]*?)\n<\/script>/.exec(html);
  if (match?.[1] === undefined) throw new Error('no embedded results block in the page');
  return JSON.parse(match[1]);
}

function rowOrder(html: string): string[] {
  return [...html.matchAll(/<tr class="rule row-\w+" data-rule-id="([^"]*)"/g)].map(
    (m) => m[1] ?? '',
  );
}

function withRules(rules: RuleResult[]): RunResults {
  return { ...mixed, rules };
}

describe('renderRunReport', () => {
  it('embeds results.json exactly as given', () => {
    const html = renderRunReport(mixed);

    expect(embeddedResults(html)).toEqual(mixed);
  });

  it('shows the summary line computed from results.rules', () => {
    const html = renderRunReport(mixed);

    expect(html).toContain('>3 failed · 5 passed · 2 skipped · 2 deferred</p>');
  });

  it('lists sections with failures first and failed rules first within a section', () => {
    const order = rowOrder(renderRunReport(mixed));

    expect(order).toEqual([
      'TAGS-ADD-NEW-ONLY',
      'TAGS-SELECTOR-DEFAULT-ANY',
      'TAGS-SET-OVERWRITES',
      'TAGS-REMOVE-NEEDS-SET',
      'PCRS-ZIP-CONTENT-TYPE',
      'PCRS-CSV-CONTENT-TYPE',
      'ISSUE-HOST-NETWORK-MISMATCH',
      'ISSUE-POSTURE-TAG-FILTER',
      'ISSUE-SCHEDULE-SCAN-PRIVATE-IP',
      'MAP-NETWORK-ID-DTD',
      'MAP-NETWORK-ID-ACCEPTED',
      'CSV-HEADER-CONTROL-STATISTICS',
    ]);
    expect(order).toHaveLength(mixed.rules.length);
  });

  it('escapes hostile response excerpts and messages', () => {
    const html = renderRunReport(mixed);

    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>not bold</b>');
    expect(html).toContain('&lt;script&gt;window.__pwned = &#39;excerpt&#39;;&lt;/script&gt;');
    expect(html.match(/<script[\s>]/g)).toHaveLength(2);
  });

  it('loads nothing from outside the file', () => {
    const html = renderRunReport(mixed);

    expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain('default-src &#39;none&#39;');
  });

  it('shows skip and deferred reasons, and says when a reason is missing', () => {
    const html = renderRunReport(mixed);

    expect(html).toContain('<p class="reason">suite not selected</p>');
    expect(html).toContain(
      'a launched map takes up to 15 min: run with --depth full to wait for it',
    );
    expect(html).toContain('<p class="reason muted">No reason recorded.</p>');
  });

  it('renders a run without rules', () => {
    const empty = withRules([]);

    const html = renderRunReport(empty);

    expect(html).toContain('This run has no rules: nothing was checked.');
    expect(html).toContain('No rules in this run');
    expect(html).not.toContain('id="toggle-evidence"');
    expect(embeddedResults(html)).toEqual(empty);
  });

  it('keeps CJK, emoji and lone surrogates intact in the page and the embedded JSON', () => {
    const text = '策略标签 🔒 Überprüfung \u2028 \ud800 </script><!--';
    const results = withRules([
      {
        id: 'U-1',
        title: text,
        source: text,
        status: 'fail',
        cases: 1,
        failures: [{ message: text }],
      },
    ]);

    const html = renderRunReport(results);

    expect(embeddedResults(html)).toEqual(results);
    expect(html).toContain('策略标签 🔒 Überprüfung');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('puts a very long message in the page whole, for the CSS to wrap', () => {
    const message = `x${'A'.repeat(20_000)}`;
    const html = renderRunReport(
      withRules([
        { id: 'LONG', title: 't', source: 's', status: 'fail', cases: 1, failures: [{ message }] },
      ]),
    );

    expect(html).toContain(`<span class="message">${message}</span>`);
  });
});

describe('renderRuleEvidence', () => {
  it('shows the first failure with received vs documented, excerpt, curl, seed and path', () => {
    const rule: RuleResult = {
      id: 'R',
      title: 't',
      source: 's',
      status: 'fail',
      cases: 2,
      failures: [
        {
          message: 'CODE 1905 <missing>',
          received: '400',
          documented: '200',
          seed: 42,
          path: '0:1',
          responseExcerpt: '<CODE>1905</CODE>',
          curl: "curl -d 'id=1' 'http://127.0.0.1:1/'",
        },
        { message: 'second' },
      ],
    };

    expect(renderRuleEvidence(rule)).toMatchInlineSnapshot(`
      "<details class="evidence">
      <summary><span class="message">CODE 1905 &lt;missing&gt;</span></summary>
      <div class="evidence-body">
      <div class="compare">
      <div class="field" data-field="received"><h4>Received</h4><pre>400</pre></div>
      <div class="field" data-field="documented"><h4>Documented</h4><pre>200</pre></div>
      </div>
      <div class="field" data-field="response"><h4>Response excerpt</h4><pre>&lt;CODE&gt;1905&lt;/CODE&gt;</pre></div>
      <div class="field" data-field="curl"><h4>Reproduce with curl</h4><pre>curl -d &#39;id=1&#39; &#39;http://127.0.0.1:1/&#39;</pre></div>
      <p class="replay" data-field="replay">seed <code>42</code> · path <code>0:1</code></p>
      <p class="more muted">1 more failure of this rule in results.json.</p></div>
      </details>"
    `);
  });

  it('says so when a failed rule carries no failure', () => {
    const rule: RuleResult = {
      id: 'R',
      title: 't',
      source: 's',
      status: 'fail',
      cases: 0,
      failures: [],
    };

    expect(renderRuleEvidence(rule)).toMatchInlineSnapshot(
      `"<p class="reason muted">Failed, but no failure evidence was recorded.</p>"`,
    );
  });
});

describe('renderStatusSummary', () => {
  it('writes the counts as text and as data attributes', () => {
    const counts = countStatuses([{ status: 'fail' }, { status: 'pass' }, { status: 'pass' }]);

    expect(renderStatusSummary(counts)).toMatchInlineSnapshot(`
      "<div class="summary summary-fail">
      <p id="summary" class="summary-line" data-fail="1" data-pass="2" data-skip="0" data-deferred="0" data-total="3">1 failed · 2 passed · 0 skipped · 0 deferred</p>
      <div class="status-bar" aria-hidden="true"><span class="bar-fail" style="width:33.333%"></span><span class="bar-pass" style="width:66.667%"></span></div>
      </div>"
    `);
  });
});

describe('writeRunReport', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('writes index.html into a new output directory and returns its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'run-report-'));
    dirs.push(dir);

    const path = await writeRunReport(mixed, join(dir, 'nested', 'run'));

    expect(path).toBe(join(dir, 'nested', 'run', 'index.html'));
    expect(await readFile(path, 'utf8')).toBe(renderRunReport(mixed));
  });
});
