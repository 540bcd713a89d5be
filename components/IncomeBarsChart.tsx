import uPlot from 'uplot';
import { useMemo, useRef } from 'preact/hooks';
import { LAYERS, type Layer } from '@/utils/db/schema';
import type { StreamMonthlySeries } from '@/utils/analytics/plan-types';
import { formatMoney, toMajorNumber } from '@/utils/money';
import { LAYER_LABELS } from '@/utils/labels';
import { UPlotChart, cssVar } from './UPlotChart';

/** "2026-11" → that month's first day, as a Date to read in UTC. */
export function monthDate(month: string, plusMonths = 0): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + plusMonths, 1));
}

/** "Nov 2026" (or the locale's way of writing a month and year). */
export function monthLabel(month: string, locale: string, plusMonths = 0, style: 'short' | 'long' = 'short'): string {
  return monthDate(month, plusMonths).toLocaleDateString(locale, { timeZone: 'UTC', month: style, year: 'numeric' });
}

/** Axis ticks only: compact money ("$1.2K"), with enough digits that neighbouring ticks differ. */
export function axisMoneyFormatter(locale: string, currency: string): (minor: number) => string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 4 });
  return (minor: number) => format.format(toMajorNumber({ minor: Math.round(minor), currency }));
}

/**
 * Income per month, one bar a month stacked by layer (Foundation at the
 * bottom). uPlot has no stacked bars of its own: each layer is drawn as a bar
 * from zero to the running total up to and including it, the tallest first,
 * so each shorter bar covers the lower part of the one before and the visible
 * slices are the layers' own amounts. Values stay in minor units of the base
 * currency; only the axis, the legend and the table format them. The same
 * figures are in a table under the chart.
 */
export function IncomeBarsChart(props: { series: StreamMonthlySeries; locale: string }) {
  const { series, locale } = props;
  // The chart is built once per optionsKey; its legend reads the newest series through this ref.
  const latest = useRef(series);
  latest.current = series;
  const currency = series.baseCurrency;
  const money = (minor: number) => formatMoney({ minor: Math.round(minor), currency }, locale);
  const axisMoney = useMemo(() => axisMoneyFormatter(locale, currency), [locale, currency]);
  const n = series.months.length;

  // Drawn top layer first: row k holds foundation + … + layer (3 − k).
  const drawOrder = useMemo(() => [...LAYERS].reverse() as Layer[], []);
  const data = useMemo((): uPlot.AlignedData => {
    const running: number[][] = [];
    let sum = new Array<number>(n).fill(0);
    for (const layer of LAYERS) {
      sum = sum.map((s, i) => s + Math.max(0, series.incomeByLayer[layer][i] ?? 0));
      running.push(sum);
    }
    const x = series.months.map((_, i) => i);
    return [x, ...running.reverse()];
  }, [series, n]);

  const lastIndex = n - 1;
  const summary =
    n === 0
      ? `No income recorded in ${currency}`
      : `Income by layer a month, ${monthLabel(series.months[0]!, locale)} to ${monthLabel(series.months[lastIndex]!, locale)}. ` +
        `This month ${money(series.totalIncome[lastIndex] ?? 0)}: ` +
        LAYERS.map((l) => `${LAYER_LABELS[l]} ${money(series.incomeByLayer[l][lastIndex] ?? 0)}`).join(', ') +
        '. The table below lists every month.';

  const bars = uPlot.paths.bars!({ size: [0.7, 60], align: 0 });
  const options = (width: number): uPlot.Options => ({
    width,
    height: 260,
    scales: { x: { time: false, range: [-0.5, Math.max(0.5, n - 0.5)] } },
    legend: { live: true },
    cursor: { points: { show: false } },
    axes: [
      {
        stroke: () => cssVar('--muted'),
        grid: { show: false },
        space: 50,
        values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) && series.months[t] ? monthLabel(series.months[t]!, locale) : '')),
      },
      {
        stroke: () => cssVar('--muted'),
        grid: { stroke: () => cssVar('--border'), width: 1 },
        size: 80,
        values: (_u, ticks) => ticks.map(axisMoney),
      },
    ],
    series: [
      { label: 'Month', value: (_u, v) => (v == null || !latest.current.months[v] ? '' : monthLabel(latest.current.months[v]!, locale)) },
      ...drawOrder.map((layer) => ({
        label: LAYER_LABELS[layer],
        stroke: () => cssVar(`--layer-${layer}`),
        fill: () => cssVar(`--layer-${layer}`),
        width: 0,
        paths: bars,
        points: { show: false },
        // The legend shows the layer's own amount, not the running total.
        value: (_u: uPlot, _v: number | null, _si: number, idx: number | null) =>
          idx == null ? '' : money(latest.current.incomeByLayer[layer][idx] ?? 0),
      })),
    ],
  });

  return (
    <div data-testid="income-bars-chart">
      <UPlotChart
        options={options}
        // The summary (the canvas's accessible name) is part of the key, so it never goes stale.
        optionsKey={`${currency}|${locale}|${series.months.join(',')}|${summary}`}
        data={data}
        height={260}
        label={summary}
      />
      <details>
        <summary>Show as a table (income a month by layer)</summary>
        <div class="scroll-box" tabIndex={0}>
          <table data-testid="income-by-layer-table">
            <thead>
              <tr>
                <th scope="col">Month</th>
                {LAYERS.map((l) => (
                  <th scope="col" class="num">
                    {LAYER_LABELS[l]}
                  </th>
                ))}
                <th scope="col" class="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {series.months
                .map((month, i) => (
                  <tr key={month}>
                    <th scope="row">{monthLabel(month, locale)}</th>
                    {LAYERS.map((l) => (
                      <td class="num">{money(series.incomeByLayer[l][i] ?? 0)}</td>
                    ))}
                    <td class="num">{money(series.totalIncome[i] ?? 0)}</td>
                  </tr>
                ))
                .reverse()}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
