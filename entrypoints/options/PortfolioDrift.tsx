import type { DriftReport } from '@/utils/portfolio/types';
import { classLabel } from '@/utils/portfolio/classes';
import { AllocationChart } from '@/components/AllocationChart';
import { allocationSummary, unpricedText, type PortfolioFormat } from './portfolioText';

/**
 * Allocation against target: the chart, then the drift of every class with
 * its band and whether it is outside (the figures behind the chart), and the
 * symbols left out for want of a price.
 */
export function PortfolioDrift(props: { drift: DriftReport; format: PortfolioFormat; locale: string }) {
  const { drift, format, locale } = props;
  const unpriced = unpricedText(drift.unpriced);
  return (
    <section aria-labelledby="portfolio-drift-heading">
      <h3 id="portfolio-drift-heading" style="margin-bottom:0.25rem">
        Allocation against target
      </h3>
      {unpriced !== null && (
        <p data-testid="portfolio-unpriced" style="color:var(--alloc-warn)">
          {unpriced}
        </p>
      )}
      {drift.classes.length === 0 ? (
        <p class="muted">No holdings and no targets yet.</p>
      ) : (
        <>
          <AllocationChart classes={drift.classes} label={allocationSummary(drift, format)} locale={locale} />
          <div class="scroll-box" tabIndex={0}>
            <table data-testid="portfolio-drift-table">
              <caption style="text-align:left;font-weight:600;padding-bottom:0.25rem">Drift per class</caption>
              <thead>
                <tr>
                  <th scope="col">Class</th>
                  <th scope="col" class="num">Value</th>
                  <th scope="col" class="num">Share</th>
                  <th scope="col" class="num">Target</th>
                  <th scope="col" class="num" title="Share minus target, in percentage points (positive: overweight)">
                    Drift
                  </th>
                  <th scope="col" class="num" title="How far from its target a class may drift before it is rebalanced">
                    Band
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {drift.classes.map((c) => (
                  <tr key={c.assetClass} data-class={c.assetClass} data-outside={c.outside ? 'true' : 'false'}>
                    <th scope="row">{classLabel(c.assetClass)}</th>
                    <td class="num">{format.money(c.valueMinor)}</td>
                    <td class="num">{format.share(c.shareBasisPoints)}</td>
                    <td class="num">{format.share(c.targetBasisPoints)}</td>
                    <td class="num">{format.points(c.driftBasisPoints)}</td>
                    <td class="num">{format.band(c.bandBasisPoints)}</td>
                    <td>
                      {c.outside ? <strong style="color:var(--alloc-warn)">Outside — rebalance</strong> : <span class="muted">Inside</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td class="num">{format.money(drift.totalMinor)}</td>
                  <td colSpan={5} />
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
