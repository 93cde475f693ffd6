import { formatCount } from './display-format.ts';
import { element, escapeHtml } from './html-escape.ts';
import type { TrendNight } from './trend-data.ts';

// Chart geometry in SVG user units; the SVG scales to its container's width.
const WIDTH = 1180;
const LEFT = 56;
const RIGHT = 16;
const CALLS_TOP = 14;
const CALLS_HEIGHT = 170;
const THROTTLE_TOP = CALLS_TOP + CALLS_HEIGHT + 28;
const THROTTLE_HEIGHT = 70;
const AXIS_TOP = THROTTLE_TOP + THROTTLE_HEIGHT + 16;
const HEIGHT = AXIS_TOP + 8;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const MAX_BAR_WIDTH = 28;
const MAX_X_LABELS = 8;
const HALF_LABEL = 40; // half the width of a `2022-04-05` label at 12 px

/**
 * Renders calls spent and throttled responses per night as an inline SVG: bars of calls made
 * against a dashed line of the budget, and below them bars of throttled responses. Each bar has
 * a title with the night's numbers. No chart library, no script.
 * @param nights `Trend.nights`, in order.
 */
export function renderCallsChart(nights: readonly TrendNight[]): string {
  if (nights.length === 0) return '<p class="empty">No runs, so no calls to chart.</p>';

  const step = PLOT_WIDTH / nights.length;
  const barWidth = Math.max(1, Math.min(step * 0.72, MAX_BAR_WIDTH));
  const callsMax = niceCeiling(
    Math.max(...nights.map((n) => Math.max(n.calls.made, n.calls.budget))),
  );
  const throttleMax = niceCeiling(Math.max(...nights.map((n) => n.calls.throttled)));
  const x = (index: number): number => LEFT + step * index + (step - barWidth) / 2;
  const callsY = (value: number): number => CALLS_TOP + CALLS_HEIGHT * (1 - value / callsMax);
  const throttleY = (value: number): number =>
    THROTTLE_TOP + THROTTLE_HEIGHT * (1 - value / throttleMax);

  const bars = nights.map((night, index) => {
    const tip = `<title>${escapeHtml(tooltip(night))}</title>`;
    const left = x(index);
    return (
      bar(left, callsY(night.calls.made), barWidth, CALLS_TOP + CALLS_HEIGHT, 'made', tip) +
      bar(
        left,
        throttleY(night.calls.throttled),
        barWidth,
        THROTTLE_TOP + THROTTLE_HEIGHT,
        'throttled',
        tip,
      )
    );
  });

  const budget = nights
    .map((night, index) => {
      const y = callsY(night.calls.budget).toFixed(1);
      const from = (LEFT + step * index).toFixed(1);
      const to = (LEFT + step * (index + 1)).toFixed(1);
      return `${index === 0 ? 'M' : 'L'}${from} ${y} H${to}`;
    })
    .join(' ');

  const svg = {
    class: 'chart',
    id: 'calls-chart',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-labelledby': 'calls-chart-title calls-chart-desc',
  };
  return element(
    'svg',
    svg,
    [
      '<title id="calls-chart-title">Calls spent and throttled responses per night</title>',
      element('desc', { id: 'calls-chart-desc' }, escapeHtml(describe(nights))),
      axis(CALLS_TOP, CALLS_HEIGHT, callsMax, 'calls'),
      axis(THROTTLE_TOP, THROTTLE_HEIGHT, throttleMax, 'throttled'),
      `<g>${bars.join('')}</g>`,
      element('path', { class: 'budget', d: budget }),
      xLabels(nights, step),
    ].join('\n'),
  );
}

function bar(x: number, y: number, width: number, base: number, kind: string, tip: string): string {
  const height = Math.max(0, base - y);
  const box = {
    x: x.toFixed(1),
    y: y.toFixed(1),
    width: width.toFixed(1),
    height: height.toFixed(1),
  };
  return element('rect', { class: kind, ...box }, tip);
}

function axis(top: number, height: number, max: number, label: string): string {
  const ticks = [0, max / 2, max]
    .filter((value) => Number.isInteger(value))
    .map((value) => {
      const y = (top + height * (1 - value / max)).toFixed(1);
      const grid = { class: 'grid', x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y };
      const tick = { class: 'tick', x: LEFT - 8, y, dy: '0.32em', 'text-anchor': 'end' };
      return element('line', grid) + element('text', tick, formatCount(value));
    });
  const title = element('text', { class: 'axis-label', x: LEFT, y: top - 4 }, label);
  return element('g', { class: 'axis', 'data-axis': label }, ticks.join('') + title);
}

function xLabels(nights: readonly TrendNight[], step: number): string {
  const count = Math.min(nights.length, MAX_X_LABELS);
  const indexes = new Set<number>();
  for (let i = 0; i < count; i += 1) {
    indexes.add(count === 1 ? 0 : Math.round((i * (nights.length - 1)) / (count - 1)));
  }
  return [...indexes]
    .map((index) => {
      const center = LEFT + step * (index + 0.5);
      // A centred label near either edge would be cut off; anchor it to the edge instead.
      const anchor =
        center - LEFT < HALF_LABEL
          ? 'start'
          : WIDTH - RIGHT - center < HALF_LABEL
            ? 'end'
            : 'middle';
      const x = anchor === 'start' ? LEFT : anchor === 'end' ? WIDTH - RIGHT : center;
      const attributes = { class: 'tick', x: x.toFixed(1), y: AXIS_TOP, 'text-anchor': anchor };
      return element('text', attributes, escapeHtml(nights[index]?.label ?? ''));
    })
    .join('');
}

function describe(nights: readonly TrendNight[]): string {
  const throttled = nights.reduce((sum, night) => sum + night.calls.throttled, 0);
  const first = nights[0]?.label ?? '';
  const last = nights[nights.length - 1]?.label ?? '';
  return `${nights.length} nights from ${first} to ${last}; ${formatCount(throttled)} throttled responses in all.`;
}

function tooltip(night: TrendNight): string {
  const { made, budget, throttled, waitedSeconds } = night.calls;
  const spent = `${formatCount(made)} of ${formatCount(budget)} calls`;
  return `${night.label}: ${spent}, ${formatCount(throttled)} throttled, waited ${formatCount(waitedSeconds)} s`;
}

// Axis maxima are a round multiple of a power of ten whose half is also round: 2, 4, 6, 8, 10.
const NICE_FACTORS = [1, 2, 4, 6, 8, 10];

/** Rounds up to an even-ish round number, so the axis ticks (0, half, max) read easily; 1 for 0. */
function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const factor = NICE_FACTORS.find((candidate) => candidate * power >= value) ?? 10;
  return factor * power;
}
