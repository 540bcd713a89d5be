import { useMemo } from 'preact/hooks';
import type { PortfolioReport } from '@/utils/portfolio/types';
import { portfolioFormat } from './portfolioText';
import { PortfolioDrift } from './PortfolioDrift';
import { PortfolioRebalance } from './PortfolioRebalance';
import { PortfolioHarvest } from './PortfolioHarvest';
import { PortfolioRealized } from './PortfolioRealized';

/**
 * Everything the engine reports on a portfolio, as of the report's date:
 * allocation and drift, the rebalance plan, harvest candidates, and realized
 * gains with dividends and interest. Presentational: the Portfolio section
 * computes the report and passes it in.
 */
export function PortfolioReportView(props: { report: PortfolioReport; locale: string; accountNames?: Readonly<Record<string, string>> }) {
  const { report, locale, accountNames } = props;
  const format = useMemo(() => portfolioFormat(report.currency, locale, accountNames), [report.currency, locale, accountNames]);
  return (
    <div data-testid="portfolio-report">
      <p class="muted" style="margin:0.25rem 0;font-size:0.9em">
        As of {format.day(report.date)}, in {report.currency}.
      </p>
      <PortfolioDrift drift={report.drift} format={format} locale={locale} />
      <PortfolioRebalance plan={report.rebalance} format={format} />
      <PortfolioHarvest harvest={report.harvest} format={format} />
      <PortfolioRealized report={report} format={format} />
    </div>
  );
}
