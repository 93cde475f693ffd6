import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvProblems } from '../../engine/oracles/report/csv-problems.ts';
import { CsvStreamChecker, type CsvFacts } from '../../engine/oracles/report/csv-stream-checker.ts';
import { Utf8StreamCheck } from '../../engine/oracles/report/utf8-stream-check.ts';
import { chunkCutsArbitrary, cutAt } from '../../generators/reports/chunk-split-arbitrary.ts';
import { reportCsv, reportSpec } from './report-fixtures.ts';

const SEED = 101_018; // fixed: the same cases every run; fast-check prints it on failure
const csv = reportCsv(reportSpec(120_000));

function check(chunks: Buffer[], maxHeadBytes?: number): CsvFacts {
  const checker = new CsvStreamChecker(maxHeadBytes);
  for (const chunk of chunks) checker.write(chunk);
  checker.end();
  return checker.facts();
}

/** The report with `from` replaced by `to` (first occurrence after `after`). */
function edit(from: string, to: Buffer | string, after = 0): Buffer {
  const at = csv.indexOf(from, after);
  if (at < 0) throw new Error(`"${from}" not in the report`);
  return Buffer.concat([csv.subarray(0, at), Buffer.from(to), csv.subarray(at + from.length)]);
}

const resultsStart = csv.indexOf('"RESULTS"');

describe('CsvStreamChecker', () => {
  it('finds the sections and counts RESULTS rows the same however the body is cut', () => {
    const whole = check([csv]);
    fc.assert(
      fc.property(chunkCutsArbitrary(csv.length, 40), (cuts) => {
        expect(check(cutAt(csv, cuts))).toEqual(whole);
      }),
      { seed: SEED, numRuns: 50 },
    );
    expect(csvProblems(whole)).toEqual([]);
    expect(whole.head?.sections.map((s) => s.header)).toContain(
      'Control Statistics (Percentage of Hosts Passed per Control)',
    );
    expect(whole.resultsRecords).toBeGreaterThan(100);
    expect(whole.lineEnds.lf).toBe(0);
  });

  it('reports a byte order mark', () => {
    const facts = check([Buffer.from([0xef, 0xbb, 0xbf]), csv]);

    expect(csvProblems(facts)).toEqual([
      expect.stringMatching(/^the CSV starts with a UTF-8 byte order mark/),
    ]);
    expect(facts.head).toBeDefined();
  });

  it('reports invalid UTF-8, even when the bad sequence is split across chunks', () => {
    const bad = edit('host-7.', Buffer.from([0x68, 0xc3, 0x28, 0x2e]), resultsStart);
    const at = bad.indexOf(Buffer.from([0xc3, 0x28]));

    const facts = check([bad.subarray(0, at + 1), bad.subarray(at + 1)]);

    expect(facts.utf8InvalidAt).toBeGreaterThanOrEqual(at - 4);
    expect(facts.utf8InvalidAt).toBeLessThanOrEqual(at);
    expect(csvProblems(facts)[0]).toMatch(
      /^the CSV is not valid UTF-8: an invalid byte sequence at byte \d+$/,
    );
  });

  it('reports an unbalanced quote at the end of the body', () => {
    const facts = check([Buffer.concat([csv, Buffer.from('"10.0.0.1","unterminated\r\n')])]);

    expect(facts.endsInsideQuotes).toBe(true);
    expect(csvProblems(facts).join('\n')).toMatch(/ends inside a quoted field .*unbalanced/);
  });

  it('reports RESULTS rows with the wrong field count and stray quotes', () => {
    const facts = check([Buffer.concat([csv, Buffer.from('"10.0.0.1","two"\r\n"a"b,"c"\r\n')])]);

    expect(facts.fieldCountMismatches.count).toBe(2);
    expect(facts.fieldCountMismatches.firstFields).toBe(2);
    expect(facts.strayQuotes.count).toBe(1);
    expect(csvProblems(facts)).toHaveLength(2);
  });

  it('says when there is no RESULTS section, or it starts too late', () => {
    expect(check([csv.subarray(0, resultsStart)]).headError?.kind).toBe('no-results');
    expect(check([csv], 1_000).headError?.kind).toBe('too-long');
  });

  it('reports a head csv-parse refuses', () => {
    const facts = check([edit('"SUMMARY"', '"SUM"MARY"')]);

    expect(facts.headError?.kind).toBe('not-csv');
    expect(csvProblems(facts).join('\n')).toMatch(/not valid CSV/);
  });
});

describe('Utf8StreamCheck', () => {
  it('accepts any UTF-8 text however it is cut, and finds a bad byte wherever it is', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
        fc.nat(),
        fc.nat(),
        (text, cutSeed, badSeed) => {
          const bytes = Buffer.from(text, 'utf8');
          const cut = cutSeed % (bytes.length + 1);
          const good = new Utf8StreamCheck();
          good.write(bytes.subarray(0, cut));
          good.write(bytes.subarray(cut));
          good.end();

          const at = badSeed % (bytes.length + 1);
          const bad = new Utf8StreamCheck();
          const broken = Buffer.concat([
            bytes.subarray(0, at),
            Buffer.from([0xff]),
            bytes.subarray(at),
          ]);
          bad.write(broken.subarray(0, cut));
          bad.write(broken.subarray(cut));
          bad.end();

          expect(good.firstInvalidAt).toBeUndefined();
          expect(bad.firstInvalidAt).toBeDefined();
          expect(bad.firstInvalidAt).toBeLessThanOrEqual(at);
          expect(bad.firstInvalidAt).toBeGreaterThanOrEqual(at - 4);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('reports a character cut off by the end of the body', () => {
    const check = new Utf8StreamCheck();
    check.write(Buffer.from([0x41, 0xe2, 0x82]));
    check.end();

    expect(check.firstInvalidAt).toBe(1);
  });
});
