import type { LayerCard } from '@/utils/analytics/plan-types';
import { LAYER_LABELS, LAYER_METHODS } from '@/utils/labels';
import { RISK_LABELS, STATUS_LABELS, type PlanFormat } from './PlanFormat';

/**
 * The four layers as cards in a grid (one column on a phone-width screen):
 * status with its reason, time to passive income, capital, risk, this
 * month's income and the real return.
 */
export function PlanCards(props: { layers: readonly LayerCard[]; format: PlanFormat }) {
  return (
    <ul
      aria-label="Layers"
      style="list-style:none;padding:0;margin:0.5rem 0;display:grid;gap:0.75rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,15rem),1fr))"
    >
      {props.layers.map((card) => (
        <li key={card.layer}>
          <LayerCardView card={card} format={props.format} />
        </li>
      ))}
    </ul>
  );
}

function LayerCardView(props: { card: LayerCard; format: PlanFormat }) {
  const { card, format } = props;
  const headingId = `layer-card-${card.layer}-heading`;
  const statusColour = card.status === 'passive' ? 'var(--ok)' : card.status === 'building' ? 'var(--accent)' : 'var(--muted)';
  return (
    <article
      data-testid={`layer-card-${card.layer}`}
      aria-labelledby={headingId}
      style={`height:100%;box-sizing:border-box;background:var(--bg);border:1px solid var(--border);border-left:6px solid var(--layer-${card.layer});border-radius:8px;padding:0.75rem`}
    >
      <h3 id={headingId} style="margin:0;font-size:1.05em">
        {LAYER_LABELS[card.layer]} <span class="muted" style="font-weight:400;font-size:0.85em">({LAYER_METHODS[card.layer]})</span>
      </h3>
      <p style="margin:0.4rem 0">
        <span
          data-testid="layer-status"
          data-status={card.status}
          style={`display:inline-block;font-weight:700;font-size:0.85em;padding:0.05rem 0.5rem;border-radius:999px;border:1.5px solid ${statusColour};color:${statusColour}`}
        >
          {STATUS_LABELS[card.status]}
        </span>
      </p>
      <p style="margin:0 0 0.5rem;font-size:0.9em">{card.statusReason}</p>
      <dl style="display:grid;grid-template-columns:auto 1fr;gap:0.15rem 0.75rem;margin:0;font-size:0.9em">
        <dt class="muted">Time to passive</dt>
        <dd style="margin:0">{card.timeToPassive}</dd>
        <dt class="muted">Capital</dt>
        <dd style="margin:0;font-variant-numeric:tabular-nums">{format.money(card.capital)}</dd>
        <dt class="muted">Risk</dt>
        <dd style="margin:0">{RISK_LABELS[card.risk]}</dd>
        <dt class="muted">This month</dt>
        <dd style="margin:0;font-variant-numeric:tabular-nums">{format.money(card.thisMonthIncome)}</dd>
        <dt class="muted">Real return</dt>
        <dd style="margin:0;font-variant-numeric:tabular-nums" title="Net income of the last 12 months, a year, ÷ capital">
          {card.realReturn === null ? <span class="muted">— (no capital)</span> : `${format.percent(card.realReturn)} a year`}
        </dd>
      </dl>
    </article>
  );
}
