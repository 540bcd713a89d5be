import type { RebalancePlan, RebalanceTrade } from '@/utils/portfolio/types';
import { classLabel } from '@/utils/portfolio/classes';
import { TAX_TYPE_LABELS } from '@/utils/labels';
import { listAnd } from '@/utils/labels';
import { afterSummary, taxCostText, type PortfolioFormat } from './portfolioText';

/**
 * The rebalance plan: the trades that bring every class back inside its
 * band (each with its reason and estimated tax), the totals, the classes the
 * plan could not bring back and why, and where the plan leaves the
 * allocation.
 */
export function PortfolioRebalance(props: { plan: RebalancePlan; format: PortfolioFormat }) {
  const { plan, format } = props;
  const nothingOutside = plan.before.outside.length === 0;
  return (
    <section aria-labelledby="portfolio-rebalance-heading" data-testid="portfolio-rebalance">
      <h3 id="portfolio-rebalance-heading" style="margin-bottom:0.25rem">
        Rebalance plan
      </h3>
      {nothingOutside && plan.trades.length === 0 ? (
        <p data-testid="portfolio-rebalance-none">Every class is inside its band — nothing to trade.</p>
      ) : (
        <>
          <p style="margin:0.25rem 0">
            {nothingOutside
              ? 'Every class is inside its band; these trades invest your uninvested cash in the underweight classes.'
              : `Outside ${plan.before.outside.length === 1 ? 'its band' : 'their bands'}: ${listAnd(plan.before.outside.map(classLabel))}. ` +
                (plan.trades.length === 0 ? 'No trade can bring them back (see below).' : 'The trades that bring them back:')}
          </p>
          {plan.trades.length > 0 && <RebalanceTrades trades={plan.trades} format={format} />}
          <p data-testid="portfolio-rebalance-totals" style="margin:0.5rem 0;font-variant-numeric:tabular-nums">
            Cash used: <strong>{format.money(plan.cashUsedMinor)}</strong>. Estimated tax:{' '}
            <strong class={plan.taxCostMinor < 0 ? 'positive' : ''}>{taxCostText(plan.taxCostMinor, format.money)}</strong>.
          </p>
          {plan.unresolved.length > 0 && (
            <>
              <p style="margin:0.5rem 0 0.25rem">Not brought inside the band:</p>
              <ul data-testid="portfolio-rebalance-unresolved" style="margin:0">
                {plan.unresolved.map((u) => (
                  <li key={u.assetClass} data-class={u.assetClass}>
                    <strong>{classLabel(u.assetClass)}</strong>: {u.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p data-testid="portfolio-rebalance-after" style="margin:0.5rem 0">
            {afterSummary(plan.after)}
          </p>
        </>
      )}
    </section>
  );
}

function RebalanceTrades(props: { trades: readonly RebalanceTrade[]; format: PortfolioFormat }) {
  const { trades, format } = props;
  return (
    <div class="scroll-box" tabIndex={0}>
      <table data-testid="portfolio-rebalance-trades">
        <caption style="text-align:left;font-weight:600;padding-bottom:0.25rem">Trades</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Action</th>
            <th scope="col" class="num">Quantity</th>
            <th scope="col">Symbol</th>
            <th scope="col">Class</th>
            <th scope="col" class="num">Amount</th>
            <th scope="col" class="num" title="Estimated tax on the gains a sale realizes; a loss saves tax">
              Tax cost
            </th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {trades.map((t, i) => (
            <tr key={i} data-symbol={t.symbol} data-class={t.assetClass} data-side={t.side} data-account={t.account}>
              <td>
                {format.account(t.account)} <span class="muted">({TAX_TYPE_LABELS[t.taxType]})</span>
              </td>
              <td>{t.side === 'sell' ? 'Sell' : 'Buy'}</td>
              <td class="num">{format.qty(t.quantity)}</td>
              <th scope="row">{t.symbol}</th>
              <td>{classLabel(t.assetClass)}</td>
              <td class="num">{format.money(t.amountMinor)}</td>
              <td class={`num ${t.taxCostMinor < 0 ? 'positive' : ''}`}>{t.side === 'buy' ? '—' : taxCostText(t.taxCostMinor, format.money)}</td>
              <td style="font-size:0.9em">{t.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
