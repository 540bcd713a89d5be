import type { HarvestCandidate, HarvestReport } from '@/utils/portfolio/types';
import { TERM_LABELS, VERDICT_LABELS, describeBlocker, type PortfolioFormat } from './portfolioText';

/**
 * Tax-loss harvesting: every lot at a loss, largest loss first, with its
 * verdict in words, why, the purchase that blocks it (wash sale), the tax
 * a harvest would save and what to buy instead.
 */
export function PortfolioHarvest(props: { harvest: HarvestReport; format: PortfolioFormat }) {
  const { harvest, format } = props;
  const harvestable = harvest.candidates.filter((c) => c.harvestable).length;
  return (
    <section aria-labelledby="portfolio-harvest-heading" data-testid="portfolio-harvest">
      <h3 id="portfolio-harvest-heading" style="margin-bottom:0.25rem">
        Tax-loss harvesting
      </h3>
      {harvest.candidates.length === 0 ? (
        <p data-testid="portfolio-harvest-none">No lot is at a loss.</p>
      ) : (
        <>
          <p data-testid="portfolio-harvest-total" style="margin:0.25rem 0">
            {harvestable === 0 ? (
              <>No lot at a loss is worth harvesting now ({harvest.candidates.length} at a loss; see why below).</>
            ) : (
              <>
                Harvesting {harvestable === 1 ? 'the harvestable lot' : `the ${harvestable} harvestable lots`} would save about{' '}
                <strong class="positive" style="font-variant-numeric:tabular-nums">
                  {format.money(harvest.taxSavedMinor)}
                </strong>{' '}
                in tax.
              </>
            )}
          </p>
          <div class="scroll-box" tabIndex={0}>
            <table data-testid="portfolio-harvest-table">
              <caption style="text-align:left;font-weight:600;padding-bottom:0.25rem">Lots at a loss</caption>
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">Symbol</th>
                  <th scope="col">Acquired</th>
                  <th scope="col" class="num">Quantity</th>
                  <th scope="col" class="num">Loss</th>
                  <th scope="col">Term</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">Why</th>
                  <th scope="col" class="num">Tax saved</th>
                  <th scope="col">Buy instead</th>
                </tr>
              </thead>
              <tbody>
                {harvest.candidates.map((c) => (
                  <CandidateRow key={c.lotId} candidate={c} format={format} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function CandidateRow(props: { candidate: HarvestCandidate; format: PortfolioFormat }) {
  const { candidate: c, format } = props;
  const verdictColour = c.harvestable ? 'var(--ok)' : c.verdict === 'wash-sale' || c.verdict === 'partial-wash-sale' ? 'var(--alloc-warn)' : 'var(--muted)';
  return (
    <tr data-symbol={c.symbol} data-account={c.account} data-lot-id={c.lotId} data-verdict={c.verdict}>
      <td>{format.account(c.account)}</td>
      <th scope="row">{c.symbol}</th>
      <td style="white-space:nowrap">{format.day(c.acquired)}</td>
      <td class="num">{format.qty(c.quantity)}</td>
      <td class="num negative">
        {format.money(c.lossMinor)}
        <span class="muted" style="font-size:0.85em">
          {' '}
          ({format.share(c.lossBasisPoints)})
        </span>
      </td>
      <td>{TERM_LABELS[c.term]}</td>
      <td>
        <strong style={`color:${verdictColour}`} data-testid="harvest-verdict">
          {VERDICT_LABELS[c.verdict]}
        </strong>
      </td>
      <td style="font-size:0.9em;min-width:12rem">
        {c.reason}
        {c.disallowedMinor > 0 && <div>Loss disallowed by the wash-sale rule: {format.money(c.disallowedMinor)}</div>}
        {c.blockedBy !== null && (
          <div data-testid="harvest-blocker">
            Blocked by: {describeBlocker(c.blockedBy, { account: format.account })}
          </div>
        )}
      </td>
      <td class="num">{c.harvestable ? <span class="positive">{format.money(c.taxSavedMinor)}</span> : '—'}</td>
      <td>{c.replacements.length === 0 ? <span class="muted">—</span> : c.replacements.join(', ')}</td>
    </tr>
  );
}
