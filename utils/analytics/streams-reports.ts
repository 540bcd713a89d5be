/**
 * Per-stream figures read off the monthly series (streams-series.ts): this
 * month, trailing averages, net income, real return per dollar and per hour,
 * the build phase of content and business streams, and the coverage of
 * expenses by passive income.
 *
 * Which months count:
 * - `currentMonth` is partial: only `thisMonth` reads it. Everything else
 *   reads complete months, the months of the series before `currentMonth`.
 * - A stream's months are the complete months from the local month of its
 *   `startedAt` on. Averages divide by the months it existed within the
 *   window, at most 12 (3 for trailing3), and at least 1: a stream started 5
 *   months ago averages its 5 complete months, not 12 with 7 zeros; a stream
 *   started this month has no complete months and reports 0 (÷ 1). When the
 *   series is shorter than the stream's life, only the series' months count.
 * - Averages (trailing3, trailing12, costsMonthly), perHour and the reported
 *   trend are rounded half-to-even to whole minor units; net12 is an exact sum.
 */
import type { Stream } from '@/utils/db/schema';
import { makeMinorConverters } from './convert';
import type { BuildPhase, Coverage, StreamMonthlySeries, StreamReport } from './plan-types';
import { monthNumber, monthOf, roundHalfEven } from './streams-months';

export interface StreamReportOptions {
  /** "YYYY-MM": the current, partial month (normally the series' last month). */
  currentMonth: string;
  tzOffsetMinutes: number;
  /** Capital per stream id, base minor units; null or absent when unknown. */
  capitalByStream: Record<string, number | null>;
  /** To convert each stream's self-sustaining target into the series' base currency. */
  rates: Record<string, string>;
}

export type ReportStream = Pick<
  Stream,
  'id' | 'name' | 'layer' | 'startedAt' | 'hoursPerMonth' | 'selfSustainingMonthly'
>;

/** The complete months looked at: trailing averages and net over 12, trend over 6. */
const NET_WINDOW = 12;
const TRAILING_SHORT = 3;
const TREND_WINDOW = 6;
/** Slack for float noise in (target − current) ÷ trend before rounding the months up. */
const CEIL_SLACK = 1e-9;

/**
 * One report per stream, in the order of `streams`:
 * - thisMonth: income of currentMonth (0 when the series does not hold it);
 * - trailing3 / trailing12: average income of the stream's last 3 / 12
 *   complete months (see the module comment for a young stream);
 * - costsMonthly: average costs over the same months as trailing12;
 * - net12: Σ (income − costs) over those months; netMonths: how many (1–12);
 * - annualizedReturn = (net12 × 12 ÷ netMonths) ÷ capital (0.24 = 24 %);
 *   null when the capital is unknown or ≤ 0;
 * - perHour = net12 ÷ (hoursPerMonth × netMonths), null when hoursPerMonth is 0;
 * - buildPhase: for 'leverage' and 'compounding' streams (see buildPhase).
 */
export function streamReports(
  series: StreamMonthlySeries,
  streams: readonly ReportStream[],
  options: StreamReportOptions,
): StreamReport[] {
  const monthCount = series.months.length;
  const current = monthNumber(options.currentMonth);
  const firstMonth = monthCount > 0 ? monthNumber(series.months[0]!) : current;
  const currentIndex = current - firstMonth;
  /** Exclusive end of the complete months in the series. */
  const completeEnd = Math.max(0, Math.min(monthCount, currentIndex));
  const converterFor = makeMinorConverters(series.baseCurrency, options.rates);
  const zeros = new Array<number>(monthCount).fill(0);

  return streams.map((stream) => {
    const income = series.income[stream.id] ?? zeros;
    const costs = series.costs[stream.id] ?? zeros;
    const startMonth = monthNumber(monthOf(stream.startedAt, options.tzOffsetMinutes));
    /** First complete month index the stream existed in. */
    const existedFrom = Math.max(0, Math.min(completeEnd, startMonth - firstMonth));
    const windowFrom = (size: number) => Math.max(existedFrom, completeEnd - size);

    const net12From = windowFrom(NET_WINDOW);
    const netMonths = Math.max(1, completeEnd - net12From);
    let income12 = 0;
    let costs12 = 0;
    for (let i = net12From; i < completeEnd; i++) {
      income12 += income[i]!;
      costs12 += costs[i]!;
    }
    const net12 = income12 - costs12;
    const short = averageOf(income, windowFrom(TRAILING_SHORT), completeEnd);

    const capitalValue = Object.hasOwn(options.capitalByStream, stream.id) ? options.capitalByStream[stream.id] : null;
    const capital = capitalValue ?? null;
    const annualizedReturn = capital !== null && capital > 0 ? (net12 * 12) / netMonths / capital : null;
    const perHour = stream.hoursPerMonth > 0 ? roundHalfEven(net12 / (stream.hoursPerMonth * netMonths)) : null;

    let buildPhase: BuildPhase | null = null;
    if (stream.layer === 'leverage' || stream.layer === 'compounding') {
      const target = stream.selfSustainingMonthly
        ? (converterFor(stream.selfSustainingMonthly.currency)?.(stream.selfSustainingMonthly.minor) ?? null)
        : null;
      let firstIncome = -1;
      for (let i = 0; i < monthCount && i <= currentIndex; i++) {
        if (income[i]! > 0) {
          firstIncome = i;
          break;
        }
      }
      buildPhase = buildPhaseOf({
        monthsSinceStart: Math.max(0, current - startMonth),
        monthsSinceFirstIncome: firstIncome < 0 ? null : currentIndex - firstIncome,
        target,
        current: short,
        trendIncome: income.slice(windowFrom(TREND_WINDOW), completeEnd),
      });
    }

    return {
      streamId: stream.id,
      name: stream.name,
      layer: stream.layer,
      thisMonth: currentIndex >= 0 && currentIndex < monthCount ? income[currentIndex]! : 0,
      trailing3: short,
      trailing12: roundHalfEven(income12 / netMonths),
      costsMonthly: roundHalfEven(costs12 / netMonths),
      net12,
      netMonths,
      capital,
      annualizedReturn,
      perHour,
      hoursPerMonth: stream.hoursPerMonth,
      buildPhase,
    };
  });
}

/**
 * The build phase from its parts:
 * - trendPerMonth: the least-squares slope of `trendIncome` (the stream's
 *   last ≤ 6 complete months, oldest first) against 0, 1, 2…; null with fewer
 *   than 2 months. Reported rounded to minor units; monthsToTarget uses the
 *   unrounded slope;
 * - monthsToTarget: 0 when current ≥ target; ⌈(target − current) ÷ trend⌉
 *   when the trend rises; null when it is flat, falling or unknown, or there
 *   is no target;
 * - selfSustaining: a target is set and current ≥ target.
 */
export function buildPhaseOf(parts: {
  monthsSinceStart: number;
  monthsSinceFirstIncome: number | null;
  target: number | null;
  current: number;
  trendIncome: readonly number[];
}): BuildPhase {
  const { target, current } = parts;
  const slope = leastSquaresSlope(parts.trendIncome);
  let monthsToTarget: number | null = null;
  if (target !== null) {
    if (current >= target) monthsToTarget = 0;
    else if (slope !== null && slope > 0) monthsToTarget = Math.ceil((target - current) / slope - CEIL_SLACK);
  }
  return {
    monthsSinceStart: parts.monthsSinceStart,
    monthsSinceFirstIncome: parts.monthsSinceFirstIncome,
    target,
    current,
    trendPerMonth: slope === null ? null : roundHalfEven(slope),
    monthsToTarget,
    selfSustaining: target !== null && current >= target,
  };
}

/**
 * Passive income against expenses: passiveMonthly is the average of the
 * series' totalNet over the last 3 complete months (months before
 * currentMonth; fewer when the series holds fewer; 0 when none), rounded
 * half-to-even; ratio = passiveMonthly ÷ monthlyExpenses, null when expenses
 * are 0.
 */
export function coverage(series: StreamMonthlySeries, currentMonth: string, monthlyExpenses: number): Coverage {
  const monthCount = series.months.length;
  const firstMonth = monthCount > 0 ? monthNumber(series.months[0]!) : monthNumber(currentMonth);
  const completeEnd = Math.max(0, Math.min(monthCount, monthNumber(currentMonth) - firstMonth));
  const passiveMonthly = averageOf(series.totalNet, Math.max(0, completeEnd - TRAILING_SHORT), completeEnd);
  return {
    passiveMonthly,
    expensesMonthly: monthlyExpenses,
    ratio: monthlyExpenses === 0 ? null : passiveMonthly / monthlyExpenses,
  };
}

/** Average of values[from..to), rounded half-to-even; 0 for no values. */
function averageOf(values: readonly number[], from: number, to: number): number {
  if (to <= from) return 0;
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return roundHalfEven(sum / (to - from));
}

/** Slope of the least-squares line through (i, values[i]); null with fewer than 2 values. */
function leastSquaresSlope(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const meanX = (n - 1) / 2;
  let meanY = 0;
  for (const y of values) meanY += y;
  meanY /= n;
  let covariance = 0;
  let varianceX = 0;
  for (let i = 0; i < n; i++) {
    covariance += (i - meanX) * (values[i]! - meanY);
    varianceX += (i - meanX) ** 2;
  }
  return covariance / varianceX;
}
