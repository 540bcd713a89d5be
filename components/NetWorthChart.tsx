import type uPlot from 'uplot';
import { useMemo, useRef, useState } from 'preact/hooks';
import { LAYERS, type Layer } from '@/utils/db/schema';
import type { NetWorthSeries } from '@/utils/analytics/netWorth';
import { formatMoney, toMajorNumber } from '@/utils/money';
import { LAYER_LABELS } from '@/utils/labels';
import { UPlotChart, cssVar, timeValueAxes } from './UPlotChart';
import { localTzOffsetMinutes } from './useAppSettings';

const RANGES = [
  { key: '3m', label: '3 months', days: 91 },
  { key: '1y', label: '1 year', days: 365 },
  { key: '5y', label: '5 years', days: 1826 },
  { key: 'all', label: 'All', days: Infinity },
] as const;
type RangeKey = (typeof RANGES)[number]['key'] | 'custom';

const DAY = 86_400;

/**
 * The calendar day a point stands for, as a Date to read in UTC. A point's x
 * is the instant its local day starts (utils/analytics/netWorth.ts), at the
 * offset the series was computed with (useNetWorth: this browser's); east of
 * UTC that instant still falls on the day before in UTC.
 */
function calendarDay(daySeconds: number): Date {
  return new Date(daySeconds * 1000 + localTzOffsetMinutes() * 60_000);
}

/**
 * Net worth over time, stacked by layer (Foundation at the bottom), with
 * preset ranges and drag-to-zoom. Values stay in integer minor units of the
 * base currency; only the axis and legend format them.
 */
export function NetWorthChart(props: { series: NetWorthSeries; locale: string }) {
  const { series, locale } = props;
  const [range, setRange] = useState<RangeKey>('all');
  const [view, setView] = useState<{ min: number; max: number } | undefined>(undefined);
  const chart = useRef<uPlot | undefined>(undefined);
  // The chart is built once; its callbacks read the newest series through this ref.
  const latest = useRef(series);
  latest.current = series;
  const currency = series.baseCurrency;
  const money = (minor: number) => formatMoney({ minor: Math.round(minor), currency }, locale);
  const axisMoney = useMemo(() => {
    // Axis ticks only: compact, with enough digits that neighbouring ticks differ.
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 4 });
    return (minor: number) => format.format(toMajorNumber({ minor: Math.round(minor), currency }));
  }, [locale, currency]);

  // Cumulative layers: row i holds foundation + … + layer i, so each band sits on the one below.
  const { data, bands } = useMemo(() => stackLayers(series), [series]);

  const lastDay = series.days.length ? series.days[series.days.length - 1]! : 0;
  const firstDay = series.days.length ? series.days[0]! : 0;

  // The preset last asked for: when several fit the view (a history shorter
  // than five years makes "5 years" and "All" the same span), it stays pressed.
  const chosenRange = useRef<RangeKey>('all');

  function applyRange(key: RangeKey) {
    chosenRange.current = key;
    setRange(key);
    const preset = RANGES.find((r) => r.key === key);
    if (!preset || !chart.current) return;
    const min = preset.days === Infinity ? firstDay : Math.max(firstDay, lastDay - (preset.days - 1) * DAY);
    chart.current.setScale('x', { min, max: lastDay });
  }

  const options = (width: number): uPlot.Options => ({
    width,
    height: 280,
    scales: { x: { time: true } },
    cursor: { drag: { x: true, y: false, setScale: true } },
    legend: { live: true },
    axes: timeValueAxes(axisMoney),
    series: [
      { label: 'Date', value: (_u, v) => (v == null ? '' : calendarDay(v).toLocaleDateString(locale, { timeZone: 'UTC' })) },
      ...LAYERS.map((layer) => ({
        label: LAYER_LABELS[layer],
        stroke: () => cssVar(`--layer-${layer}`),
        fill: () => cssVar(`--layer-${layer}`) + '66',
        width: 1.5,
        // The legend shows the layer's own value, not the stacked sum.
        value: (_u: uPlot, _v: number | null, _si: number, idx: number | null) =>
          idx == null ? '' : money(latest.current.byLayer[layer][idx] ?? 0),
        points: { show: false },
      })),
      {
        label: 'Total',
        stroke: () => cssVar('--text'),
        width: 1,
        dash: [4, 3],
        value: (_u, v) => (v == null ? '' : money(v)),
        points: { show: false },
      },
    ],
    bands,
    hooks: {
      setScale: [
        (u, key) => {
          if (key !== 'x') return;
          const min = u.scales.x?.min;
          const max = u.scales.x?.max;
          if (min == null || max == null) return;
          setView({ min, max });
          const days = latest.current.days;
          const firstDay = days[0] ?? 0;
          const lastDay = days[days.length - 1] ?? 0;
          const fitting = RANGES.filter(
            (r) => Math.abs(max - lastDay) < DAY && Math.abs(min - Math.max(firstDay, lastDay - (r.days - 1) * DAY)) < DAY,
          );
          const preset = fitting.find((r) => r.key === chosenRange.current) ?? fitting[fitting.length - 1];
          chosenRange.current = preset ? preset.key : 'custom';
          setRange(chosenRange.current);
        },
      ],
    },
  });

  const change = rangeChange(series, view);

  return (
    <div>
      <div role="group" aria-label="Chart range" class="form-row" style="margin-bottom:0.5rem">
        {RANGES.map((r) => (
          <button type="button" aria-pressed={range === r.key ? 'true' : 'false'} onClick={() => applyRange(r.key)}>
            {r.label}
          </button>
        ))}
        <span class="muted" style="font-size:0.85rem">Drag across the chart to zoom; double-click to reset.</span>
      </div>
      <UPlotChart
        options={options}
        optionsKey={`${currency}|${locale}|${series.days.length > 0}`}
        data={data}
        height={280}
        label={`Net worth by layer in ${currency}`}
        onCreate={(u) => (chart.current = u)}
      />
      {change && (
        <p data-testid="range-change">
          {change.fromLabel(locale)} → {change.toLabel(locale)}: {money(change.from)} → {money(change.to)} (
          <span class={change.to - change.from < 0 ? 'negative' : 'positive'}>
            {formatMoney({ minor: change.to - change.from, currency }, locale, { signDisplay: 'exceptZero' })}
          </span>
          )
        </p>
      )}
      <MonthlyTable series={series} money={money} locale={locale} />
    </div>
  );
}

function stackLayers(series: NetWorthSeries): { data: uPlot.AlignedData; bands: uPlot.Band[] } {
  const n = series.days.length;
  const rows: Float64Array[] = [];
  const running = new Float64Array(n);
  for (const layer of LAYERS) {
    const own = series.byLayer[layer as Layer];
    for (let i = 0; i < n; i++) running[i] = running[i]! + own[i]!;
    rows.push(running.slice());
  }
  const bands: uPlot.Band[] = LAYERS.slice(1).map((_, i) => ({ series: [i + 2, i + 1] as [number, number] }));
  return { data: [series.days, ...rows, series.total] as unknown as uPlot.AlignedData, bands };
}

function rangeChange(series: NetWorthSeries, view: { min: number; max: number } | undefined) {
  const n = series.days.length;
  if (n === 0) return undefined;
  let from = 0;
  let to = n - 1;
  if (view) {
    while (from < n - 1 && series.days[from]! < view.min) from++;
    while (to > 0 && series.days[to]! > view.max) to--;
    if (to < from) return undefined;
  }
  const day = (i: number) => (locale: string) =>
    calendarDay(series.days[i]!).toLocaleDateString(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  return { from: series.total[from]!, to: series.total[to]!, fromLabel: day(from), toLabel: day(to) };
}

/** The same figures as a table, month by month, for people who would rather read. */
function MonthlyTable(props: { series: NetWorthSeries; money: (minor: number) => string; locale: string }) {
  const { series } = props;
  const rows = useMemo(() => {
    const out: { label: string; index: number }[] = [];
    for (let i = 0; i < series.days.length; i++) {
      const d = calendarDay(series.days[i]!);
      const next = i + 1 < series.days.length ? calendarDay(series.days[i + 1]!) : undefined;
      if (!next || next.getUTCMonth() !== d.getUTCMonth()) {
        out.push({ label: d.toLocaleDateString(props.locale, { timeZone: 'UTC', year: 'numeric', month: 'short' }), index: i });
      }
    }
    return out.slice(-24).reverse();
  }, [series, props.locale]);
  return (
    <details>
      <summary>Show as a table (month ends, last 24 months)</summary>
      <div class="scroll-box" tabIndex={0}>
        <table>
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
            {rows.map((r) => (
              <tr key={r.index}>
                <th scope="row">{r.label}</th>
                {LAYERS.map((l) => (
                  <td class="num">{props.money(series.byLayer[l][r.index]!)}</td>
                ))}
                <td class="num">{props.money(series.total[r.index]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
