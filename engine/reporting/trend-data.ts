import type { CallStats, RuleStatus, RunMode, RunResults } from '../results/results-schema.ts';
import { formatDay } from './display-format.ts';
import { statusRank } from './rule-status.ts';
import { countStatuses, type StatusCounts } from './status-counts.ts';

/** One results.json given to the trend, with where it came from. */
export interface TrendInput {
  file: string;
  results: RunResults;
  /** Link from the trend page to that night's run report, when it exists. */
  reportHref?: string;
}

/** One run (night) of the trend, in startedAt order. */
export interface TrendNight {
  /** Position in `Trend.nights`; rule statuses and night references use it. */
  index: number;
  /** UTC day of startedAt; day and time when two runs started on the same day. */
  label: string;
  startedAt: string;
  finishedAt: string;
  file: string;
  reportHref?: string;
  target: string;
  mode: RunMode;
  seed: number;
  counts: StatusCounts;
  calls: CallStats;
}

/** A night a rule event happened on. */
export interface NightRef {
  night: number;
  label: string;
  startedAt: string;
}

/** One rule's history over the nights. */
export interface TrendRule {
  id: string;
  /** Title and source as of the latest night that ran the rule. */
  title: string;
  source: string;
  /** One status a night, aligned with `Trend.nights`; null where the run did not have the rule. */
  statuses: (RuleStatus | null)[];
  /** The status on the latest night that ran the rule. */
  latest: RuleStatus;
  /** First night of the current failing streak; null when the latest status is not `fail`. */
  failingSince: NightRef | null;
  /** Nights in the current failing streak (0 when not failing). */
  streakNights: number;
  /** First night the rule ever failed. */
  firstFailed: NightRef | null;
  failedNights: number;
  /** Status changes between consecutive nights that ran the rule. */
  flips: number;
  /** First failure message of the latest night, when the rule is failing now. */
  latestMessage?: string;
}

/** What the trend page shows, also written as trend.json. */
export interface Trend {
  format: 1;
  nights: TrendNight[];
  rules: TrendRule[];
}

/**
 * Derives the trend from many runs. Nights are ordered by startedAt (ties by file name). A
 * night that did not run a rule is ignored for that rule: it neither breaks a failing streak
 * nor counts as a status change. Rules are ordered failing first (newest breakage first),
 * then deferred, skipped, passing; then by status changes, most first; then by id.
 * @param inputs parsed results files, in any order.
 */
export function buildTrend(inputs: readonly TrendInput[]): Trend {
  const ordered = [...inputs].sort(compareInputs);
  const labels = nightLabels(ordered.map((input) => input.results.startedAt));
  const nights = ordered.map((input, index) => toNight(input, index, labels[index] ?? ''));

  const histories = new Map<string, { rule: TrendRuleBase; statuses: (RuleStatus | null)[] }>();
  const messages = new Map<string, string>();
  ordered.forEach((input, night) => {
    for (const rule of input.results.rules) {
      let history = histories.get(rule.id);
      if (history === undefined) {
        history = { rule: rule, statuses: new Array<RuleStatus | null>(nights.length).fill(null) };
        histories.set(rule.id, history);
      }
      history.rule = rule;
      history.statuses[night] = rule.status;
      const message = rule.failures[0]?.message;
      if (rule.status === 'fail' && message !== undefined) messages.set(rule.id, message);
      else messages.delete(rule.id);
    }
  });

  const rules = [...histories.values()].map(({ rule, statuses }) =>
    toTrendRule(rule, statuses, nights, messages.get(rule.id)),
  );
  return { format: 1, nights, rules: rules.sort(compareRules) };
}

type TrendRuleBase = Pick<RunResults['rules'][number], 'id' | 'title' | 'source'>;

function toTrendRule(
  base: TrendRuleBase,
  statuses: (RuleStatus | null)[],
  nights: readonly TrendNight[],
  message: string | undefined,
): TrendRule {
  const ran = statuses.flatMap((status, night) => (status === null ? [] : [{ status, night }]));
  const latest = ran[ran.length - 1]?.status ?? 'skip';

  let flips = 0;
  for (let i = 1; i < ran.length; i += 1) if (ran[i]?.status !== ran[i - 1]?.status) flips += 1;

  let streakStart = ran.length;
  while (streakStart > 0 && ran[streakStart - 1]?.status === 'fail') streakStart -= 1;
  const streakNights = ran.length - streakStart;

  const firstFail = ran.find((entry) => entry.status === 'fail');
  const rule: TrendRule = {
    id: base.id,
    title: base.title,
    source: base.source,
    statuses,
    latest,
    failingSince: streakNights > 0 ? nightRef(nights, ran[streakStart]?.night) : null,
    streakNights,
    firstFailed: nightRef(nights, firstFail?.night),
    failedNights: ran.filter((entry) => entry.status === 'fail').length,
    flips,
  };
  if (latest === 'fail' && message !== undefined) rule.latestMessage = message;
  return rule;
}

function nightRef(nights: readonly TrendNight[], index: number | undefined): NightRef | null {
  const night = index === undefined ? undefined : nights[index];
  if (night === undefined) return null;
  return { night: night.index, label: night.label, startedAt: night.startedAt };
}

function toNight(input: TrendInput, index: number, label: string): TrendNight {
  const { results } = input;
  const night: TrendNight = {
    index,
    label,
    startedAt: results.startedAt,
    finishedAt: results.finishedAt,
    file: input.file,
    target: results.target.name,
    mode: results.mode,
    seed: results.seed,
    counts: countStatuses(results.rules),
    calls: { ...results.calls },
  };
  if (input.reportHref !== undefined) night.reportHref = input.reportHref;
  return night;
}

function nightLabels(startedAt: readonly string[]): string[] {
  const days = startedAt.map(formatDay);
  const seen = new Map<string, number>();
  for (const day of days) seen.set(day, (seen.get(day) ?? 0) + 1);
  return days.map((day, index) => {
    if ((seen.get(day) ?? 0) < 2) return day;
    const time = Date.parse(startedAt[index] ?? '');
    return Number.isNaN(time) ? day : new Date(time).toISOString().slice(0, 16).replace('T', ' ');
  });
}

function compareInputs(a: TrendInput, b: TrendInput): number {
  const byTime = timeOf(a.results.startedAt) - timeOf(b.results.startedAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

// An unparseable startedAt sorts first rather than breaking the sort's ordering contract.
function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

function compareRules(a: TrendRule, b: TrendRule): number {
  const byStatus = statusRank(a.latest) - statusRank(b.latest);
  if (byStatus !== 0) return byStatus;
  const bySince = (b.failingSince?.night ?? -1) - (a.failingSince?.night ?? -1);
  if (bySince !== 0) return bySince;
  if (a.flips !== b.flips) return b.flips - a.flips;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
