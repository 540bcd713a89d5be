/**
 * Equity curves (money, in currency units) or drawdowns (falls from the
 * running peak, 0..1, drawn below zero) over trading days, on uPlot
 * (./UPlotChart.tsx). x is the bar's Day × 86,400 seconds, read in UTC so a
 * bar's date is the date the price file printed, whatever the time zone.
 * Colours come from the theme's CSS variables at draw time (light and
 * dark). `label` is the text alternative a screen reader gets.
 */
import uPlot from 'uplot';
import { useMemo, useRef } from 'preact/hooks';
import { UPlotChart, cssVar, timeValueAxes } from './UPlotChart';

const DAY_SECONDS = 86_400;

export interface EquityCurve {
  label: string;
  values: ArrayLike<number>;
  /** A theme variable: "--accent", "--muted", "--layer-acceleration"… */
  color: string;
  dash?: number[];
}

export function EquityChart(props: {
  dates: ArrayLike<number>;
  curves: readonly EquityCurve[];
  kind: 'money' | 'drawdown';
  currency: string;
  locale: string;
  height?: number;
  /** What the chart shows, in words (the canvas's aria-label). */
  label: string;
}) {
  const { dates, curves, kind, currency, locale } = props;
  const height = props.height ?? (kind === 'money' ? 240 : 120);
  const data = useMemo<uPlot.AlignedData>(() => {
    const x = new Float64Array(dates.length);
    for (let i = 0; i < dates.length; i++) x[i] = dates[i]! * DAY_SECONDS;
    const ys = curves.map((c) => {
      const y = new Float64Array(dates.length);
      for (let i = 0; i < dates.length; i++) y[i] = kind === 'drawdown' ? -(c.values[i] ?? 0) : (c.values[i] ?? NaN);
      return y;
    });
    return [x, ...ys] as unknown as uPlot.AlignedData;
  }, [dates, curves, kind]);

  const formats = useMemo(() => {
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2 });
    const axisMoney = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 4 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return {
      value: (v: number) => (kind === 'money' ? money.format(v) : percent.format(v)),
      axis: (v: number) => (kind === 'money' ? axisMoney.format(v) : percent.format(v)),
      date: (seconds: number) => date.format(new Date(seconds * 1000)),
    };
  }, [locale, currency, kind]);
  // The chart is built once per options key; its callbacks read the newest formats.
  const latest = useRef(formats);
  latest.current = formats;

  const options = (width: number): uPlot.Options => ({
    width,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true } },
    cursor: { drag: { x: true, y: false, setScale: true } },
    legend: { live: true },
    axes: timeValueAxes((t) => latest.current.axis(t)),
    series: [
      { label: 'Date', value: (_u, v) => (v == null ? '' : latest.current.date(v)) },
      ...curves.map((c) => ({
        label: c.label,
        stroke: () => cssVar(c.color),
        ...(kind === 'drawdown' ? { fill: () => cssVar(c.color) + '33' } : {}),
        width: 1.5,
        ...(c.dash ? { dash: c.dash } : {}),
        points: { show: false },
        value: (_u: uPlot, v: number | null) => (v == null || Number.isNaN(v) ? '' : latest.current.value(v)),
      })),
    ],
  });

  if (dates.length === 0) return <p class="muted">No bars to chart.</p>;
  return (
    <figure style="margin:0.5rem 0">
      <UPlotChart
        options={options}
        optionsKey={`${kind}|${currency}|${locale}|${height}|${curves.map((c) => c.label).join('|')}`}
        data={data}
        height={height}
        label={props.label}
      />
      <figcaption class="visually-hidden">{props.label}</figcaption>
    </figure>
  );
}
