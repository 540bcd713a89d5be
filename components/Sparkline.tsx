import type uPlot from 'uplot';
import { UPlotChart, cssVar } from './UPlotChart';

/** A small line of the last days' totals: no axes, no legend, just the shape. */
export function Sparkline(props: { days: Float64Array; values: Float64Array; label: string }) {
  const options = (width: number): uPlot.Options => ({
    width,
    height: 48,
    cursor: { show: false },
    legend: { show: false },
    scales: { x: { time: true } },
    axes: [{ show: false }, { show: false }],
    series: [{}, { stroke: () => cssVar('--accent'), width: 2, fill: () => cssVar('--accent') + '22', points: { show: false } }],
  });
  return (
    <UPlotChart
      options={options}
      optionsKey="sparkline"
      data={[props.days, props.values] as unknown as uPlot.AlignedData}
      height={48}
      label={props.label}
    />
  );
}
