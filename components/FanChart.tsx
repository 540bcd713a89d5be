import type uPlot from 'uplot';
import { useMemo, useRef } from 'preact/hooks';
import type { ProjectionResult } from '@/utils/analytics/plan-types';
import { formatMoney } from '@/utils/money';
import { UPlotChart, cssVar } from './UPlotChart';
import { axisMoneyFormatter, monthDate, monthLabel } from './IncomeBarsChart';

/**
 * When passive income first covers expenses, written out: "March 2041", or
 * "not within 40 years" when the projection never gets there. `fiMonth` is
 * the 1-based count of months from `month` (the current month), as
 * ProjectionResult gives it.
 */
export function fiDateText(month: string, fiMonth: number | null, horizonMonths: number, locale: string): string {
  if (fiMonth === null) return `not within ${Math.round(horizonMonths / 12)} years`;
  return monthLabel(month, locale, fiMonth, 'long');
}

/**
 * The projection as a fan: passive income a month (balance × withdrawal
 * rate ÷ 12 plus the streams) between its 10th and 90th percentiles across
 * the Monte Carlo paths, the median as a line, and expenses (growing) as a
 * dashed line; where the median crosses expenses is the median FI date.
 * Without Monte Carlo it draws the deterministic projection alone. Below
 * the chart the FI date of each percentile is written out.
 */
export function FanChart(props: { projection: ProjectionResult; month: string; currency: string; locale: string }) {
  const { projection, month, currency, locale } = props;
  const latest = useRef(projection);
  latest.current = projection;
  const money = (minor: number) => formatMoney({ minor: Math.round(minor), currency }, locale);
  const axisMoney = useMemo(() => axisMoneyFormatter(locale, currency), [locale, currency]);
  const mc = projection.monteCarlo;
  const years = Math.round(projection.months / 12);

  const data = useMemo((): uPlot.AlignedData => {
    const x = projection.expenses.map((_, i) => i);
    return mc
      ? [x, mc.passiveIncome.p10, mc.passiveIncome.p90, mc.passiveIncome.p50, projection.expenses]
      : [x, projection.deterministic.passiveIncome, projection.expenses];
  }, [projection, mc]);

  const fi = mc?.fiMonth ?? { p10: projection.deterministic.fiMonth, p50: projection.deterministic.fiMonth, p90: projection.deterministic.fiMonth };
  const fiText = (m: number | null) => fiDateText(month, m, projection.months, locale);
  const end = projection.months;
  const label = mc
    ? `Projected passive income a month over ${years} years, ${mc.paths} simulated paths: the band runs from the 10th to the 90th percentile, ` +
      `the line is the median. In ${years} years: ${money(mc.passiveIncome.p10[end] ?? 0)} to ${money(mc.passiveIncome.p90[end] ?? 0)}, ` +
      `median ${money(mc.passiveIncome.p50[end] ?? 0)}, against expenses of ${money(projection.expenses[end] ?? 0)}. ` +
      `Median date passive income covers expenses: ${fiText(fi.p50)}.`
    : `Projected passive income a month over ${years} years (one projection, no simulation), against expenses. ` +
      `Passive income covers expenses: ${fiText(fi.p50)}.`;

  const tickLabel = (t: number) => (Number.isInteger(t) && t >= 0 && t <= end ? monthLabel(month, locale, t) : '');
  // Ticks fall every whole number of years from now: the year alone is enough there.
  const yearLabel = (t: number) =>
    Number.isInteger(t) && t >= 0 && t <= end ? new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(monthDate(month, t)) : '';
  const options = (width: number): uPlot.Options => {
    const value = (key: 'p10' | 'p50' | 'p90' | 'expenses' | 'deterministic') => (_u: uPlot, _v: number | null, _si: number, idx: number | null) => {
      const p = latest.current;
      if (idx == null) return '';
      const row =
        key === 'expenses' ? p.expenses : key === 'deterministic' ? p.deterministic.passiveIncome : p.monteCarlo?.passiveIncome[key];
      return row ? money(row[idx] ?? 0) : '';
    };
    const common = { points: { show: false } };
    const series: uPlot.Series[] = [
      { label: 'Month', value: (_u, v) => (v == null ? '' : tickLabel(v)) },
      ...(mc
        ? [
            { ...common, label: '10th percentile', stroke: () => cssVar('--accent') + '88', width: 1, value: value('p10') },
            { ...common, label: '90th percentile', stroke: () => cssVar('--accent') + '88', width: 1, value: value('p90') },
            { ...common, label: 'Median', stroke: () => cssVar('--accent'), width: 2, value: value('p50') },
          ]
        : [{ ...common, label: 'Projected', stroke: () => cssVar('--accent'), width: 2, value: value('deterministic') }]),
      { ...common, label: 'Expenses', stroke: () => cssVar('--danger'), width: 1.5, dash: [6, 4], value: value('expenses') },
    ];
    return {
      width,
      height: 280,
      scales: { x: { time: false } },
      legend: { live: true },
      axes: [
        {
          stroke: () => cssVar('--muted'),
          grid: { stroke: () => cssVar('--border'), width: 1 },
          space: 70,
          // Whole years from now.
          incrs: [12, 24, 60, 120, 240],
          values: (_u, ticks) => ticks.map(yearLabel),
        },
        {
          stroke: () => cssVar('--muted'),
          grid: { stroke: () => cssVar('--border'), width: 1 },
          size: 80,
          values: (_u, ticks) => ticks.map(axisMoney),
        },
      ],
      series,
      bands: mc ? [{ series: [2, 1], fill: () => cssVar('--accent') + '33' }] : [],
    };
  };

  return (
    <div data-testid="fan-chart">
      <UPlotChart
        options={options}
        optionsKey={`${currency}|${locale}|${month}|${label}`}
        data={data}
        height={280}
        label={label}
      />
      <p data-testid="fi-date">
        {mc ? (
          <>
            Passive income covers expenses — median: <strong>{fiText(fi.p50)}</strong>; in a good case (90th percentile):{' '}
            {fiText(fi.p90)}; in a poor case (10th percentile): {fiText(fi.p10)}.
          </>
        ) : (
          <>
            Passive income covers expenses: <strong>{fiText(fi.p50)}</strong>.
          </>
        )}
      </p>
    </div>
  );
}
