import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A uPlot chart on a container: created once per `optionsKey`, fed with
 * `setData`, resized by a ResizeObserver, redrawn when the theme changes
 * (colours are read from CSS variables at draw time), destroyed on unmount.
 */
export function UPlotChart(props: {
  /** Builds the options for a given width; rebuilt only when optionsKey changes. */
  options: (width: number) => uPlot.Options;
  optionsKey: string;
  data: uPlot.AlignedData;
  height: number;
  label: string;
  onCreate?: (chart: uPlot) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | undefined>(undefined);
  const latestData = useRef(props.data);
  latestData.current = props.data;

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const width = Math.max(el.clientWidth, 200);
    const instance = new uPlot(props.options(width), latestData.current, el);
    chart.current = instance;
    // The drawing is the image; the legend beside it stays readable text.
    const canvas = instance.root.querySelector('canvas');
    canvas?.setAttribute('role', 'img');
    canvas?.setAttribute('aria-label', props.label);
    props.onCreate?.(instance);
    const resize = new ResizeObserver(() => {
      instance.setSize({ width: Math.max(el.clientWidth, 200), height: props.height });
    });
    resize.observe(el);
    const redraw = () => instance.redraw(false, true);
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', redraw);
    window.addEventListener('strata-theme', redraw);
    return () => {
      resize.disconnect();
      media.removeEventListener('change', redraw);
      window.removeEventListener('strata-theme', redraw);
      instance.destroy();
      chart.current = undefined;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.optionsKey, props.height]);

  useEffect(() => {
    chart.current?.setData(props.data);
  }, [props.data]);

  return <div ref={container} />;
}

/** A CSS custom property of the document, read at draw time so dark mode follows. */
export function cssVar(name: string, fallback = '#888'): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** A time x axis and a value y axis in the theme's colours (read at draw time), y labels from `formatY`. */
export function timeValueAxes(formatY: (value: number) => string): uPlot.Axis[] {
  return [
    { stroke: () => cssVar('--muted'), grid: { stroke: () => cssVar('--border'), width: 1 } },
    {
      stroke: () => cssVar('--muted'),
      grid: { stroke: () => cssVar('--border'), width: 1 },
      size: 80,
      values: (_u, ticks) => ticks.map(formatY),
    },
  ];
}
