import type { ClassDrift } from '@/utils/portfolio/types';
import { classLabel } from '@/utils/portfolio/classes';

/** The chart's drawing area, in viewBox units (the SVG scales to its container's width). */
const WIDTH = 640;
const LABEL_RIGHT = 168;
const PLOT_LEFT = 176;
const PLOT_RIGHT = 566;
const VALUE_RIGHT = 636;
const TOP = 6;
const ROW = 32;
const AXIS = 22;
const LABEL_CHARS = 24;

/**
 * The scale's right end, in basis points: the largest share or band edge,
 * rounded up to a whole 10 points (5 under 30%), so small classes stay wide
 * enough to read; never past 100%.
 */
function scaleEnd(classes: readonly ClassDrift[]): { end: number; step: number } {
  const largest = Math.max(0, ...classes.map((c) => Math.max(c.shareBasisPoints, c.targetBasisPoints + c.bandBasisPoints)));
  const step = largest <= 3000 ? 500 : 1000;
  const end = Math.min(10_000, Math.max(step * 2, Math.ceil(largest / step) * step));
  return { end, step };
}

function shortLabel(text: string): string {
  return text.length <= LABEL_CHARS ? text : `${text.slice(0, LABEL_CHARS - 1)}…`;
}

/**
 * Allocation against target, one row per asset class: a bar for the actual
 * share (in the warning colour when the class is outside its band), the band
 * (target ± band) shaded behind it and a mark at the target. `label` is the
 * accessible summary (the drift table under the chart has every figure).
 * Colours are theme variables, so light and dark both read.
 */
export function AllocationChart(props: { classes: readonly ClassDrift[]; label: string; locale: string }) {
  const { classes, label, locale } = props;
  const sharePercent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2 });
  const tickPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const { end, step } = scaleEnd(classes);
  const height = TOP + classes.length * ROW + AXIS;
  const x = (bp: number) => PLOT_LEFT + (Math.min(Math.max(bp, 0), end) / end) * (PLOT_RIGHT - PLOT_LEFT);
  const ticks: number[] = [];
  for (let t = 0; t <= end; t += step) ticks.push(t);
  const axisY = TOP + classes.length * ROW;

  return (
    <div style="margin:0.5rem 0">
      <svg
        data-testid="allocation-chart"
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        style="display:block;max-width:52rem;height:auto;font-variant-numeric:tabular-nums"
      >
        {ticks.map((t) => (
          <g key={`tick-${t}`} aria-hidden="true">
            <line x1={x(t)} x2={x(t)} y1={TOP} y2={axisY} stroke="var(--border)" stroke-width={t === 0 ? 1.5 : 0.75} />
            <text x={x(t)} y={axisY + 15} text-anchor="middle" font-size="11" fill="var(--muted)">
              {tickPercent.format(t / 10_000)}
            </text>
          </g>
        ))}
        {classes.map((c, i) => {
          const mid = TOP + i * ROW + ROW / 2;
          const bandLeft = x(c.targetBasisPoints - c.bandBasisPoints);
          const bandRight = x(c.targetBasisPoints + c.bandBasisPoints);
          const barWidth = x(c.shareBasisPoints) - PLOT_LEFT;
          return (
            <g key={c.assetClass} data-class={c.assetClass} data-outside={c.outside ? 'true' : 'false'}>
              <text x={LABEL_RIGHT} y={mid + 4} text-anchor="end" font-size="13" fill="var(--text)">
                {shortLabel(classLabel(c.assetClass))}
              </text>
              <rect x={bandLeft} y={mid - 11} width={Math.max(0, bandRight - bandLeft)} height={22} rx={3} fill="var(--alloc-band)" />
              <rect
                x={PLOT_LEFT}
                y={mid - 6}
                width={c.shareBasisPoints > 0 ? Math.max(1, barWidth) : 0}
                height={12}
                rx={2}
                fill={c.outside ? 'var(--alloc-warn)' : 'var(--alloc-bar)'}
              />
              <line x1={x(c.targetBasisPoints)} x2={x(c.targetBasisPoints)} y1={mid - 13} y2={mid + 13} stroke="var(--alloc-target)" stroke-width={2.5} />
              <text
                x={VALUE_RIGHT}
                y={mid + 4}
                text-anchor="end"
                font-size="12"
                font-weight={c.outside ? 700 : 400}
                fill={c.outside ? 'var(--alloc-warn)' : 'var(--text)'}
              >
                {sharePercent.format(c.shareBasisPoints / 10_000)}
              </text>
            </g>
          );
        })}
      </svg>
      <div class="muted" style="display:flex;flex-wrap:wrap;gap:0.25rem 1rem;font-size:0.85em;margin-top:0.25rem" aria-hidden="true">
        <span>
          <Swatch colour="var(--alloc-bar)" /> Actual share
        </span>
        <span>
          <Swatch colour="var(--alloc-warn)" /> Outside its band
        </span>
        <span>
          <span style="display:inline-block;width:3px;height:0.9em;vertical-align:-0.1em;background:var(--alloc-target)" /> Target
        </span>
        <span>
          <Swatch colour="var(--alloc-band)" /> Band (target ± band)
        </span>
      </div>
    </div>
  );
}

function Swatch(props: { colour: string }) {
  return (
    <span
      style={`display:inline-block;width:0.9em;height:0.9em;vertical-align:-0.1em;border-radius:2px;background:${props.colour};border:1px solid var(--border)`}
    />
  );
}
