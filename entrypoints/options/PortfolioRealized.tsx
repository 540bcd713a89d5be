import type { PortfolioReport, RealizedYear } from '@/utils/portfolio/types';
import { yearOf } from '@/utils/portfolio/dates';
import { realizedFor, type PortfolioFormat } from './portfolioText';

/**
 * Realized gains and losses this year (taxable accounts: short-term,
 * long-term, and losses disallowed by wash sales), earlier years in a small
 * table, and dividends and interest per year.
 */
export function PortfolioRealized(props: { report: PortfolioReport; format: PortfolioFormat }) {
  const { report, format } = props;
  const year = yearOf(report.date);
  const thisYear = realizedFor(report.realized, year);
  const otherYears = report.realized.filter((r) => r.year !== year).sort((a, b) => b.year - a.year);
  const income = report.incomeByYear.slice().sort((a, b) => b.year - a.year);
  const signed = (minor: number) => <span class={minor < 0 ? 'negative' : ''}>{format.money(minor)}</span>;
  return (
    <section aria-labelledby="portfolio-realized-heading" data-testid="portfolio-realized">
      <h3 id="portfolio-realized-heading" style="margin-bottom:0.25rem">
        Realized gains in {year}
      </h3>
      <p class="muted" style="margin:0 0 0.25rem;font-size:0.9em">
        Taxable accounts only. A loss disallowed by a wash sale is left out and added to the basis of the replacement lot.
      </p>
      <dl
        data-testid="portfolio-realized-this-year"
        data-year={year}
        style="display:grid;grid-template-columns:auto auto;justify-content:start;gap:0.15rem 1rem;margin:0.25rem 0;font-variant-numeric:tabular-nums"
      >
        <dt class="muted">Short-term</dt>
        <dd style="margin:0" data-testid="realized-short">
          {signed(thisYear.shortTermMinor)}
        </dd>
        <dt class="muted">Long-term</dt>
        <dd style="margin:0" data-testid="realized-long">
          {signed(thisYear.longTermMinor)}
        </dd>
        <dt class="muted">Net</dt>
        <dd style="margin:0;font-weight:600" data-testid="realized-net">
          {signed(thisYear.shortTermMinor + thisYear.longTermMinor)}
        </dd>
        <dt class="muted">Disallowed by wash sales</dt>
        <dd style="margin:0" data-testid="realized-disallowed">
          {format.money(thisYear.disallowedMinor)}
        </dd>
        <dt class="muted">Proceeds</dt>
        <dd style="margin:0">{format.money(thisYear.proceedsMinor)}</dd>
      </dl>
      {otherYears.length > 0 && <RealizedYears years={otherYears} format={format} />}
      <h4 id="portfolio-income-heading" style="margin:0.75rem 0 0.25rem">
        Dividends and interest
      </h4>
      {income.length === 0 ? (
        <p class="muted">No dividends or interest recorded.</p>
      ) : (
        <div class="scroll-box" tabIndex={0}>
          <table aria-labelledby="portfolio-income-heading" data-testid="portfolio-income-table">
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col" class="num">Dividends</th>
                <th scope="col" class="num">Interest</th>
                <th scope="col" class="num">Total</th>
              </tr>
            </thead>
            <tbody>
              {income.map((y) => (
                <tr key={y.year} data-year={y.year}>
                  <th scope="row">{y.year}</th>
                  <td class="num">{format.money(y.dividendsMinor)}</td>
                  <td class="num">{format.money(y.interestMinor)}</td>
                  <td class="num">{format.money(y.dividendsMinor + y.interestMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RealizedYears(props: { years: readonly RealizedYear[]; format: PortfolioFormat }) {
  const { years, format } = props;
  const cell = (minor: number) => <td class={`num ${minor < 0 ? 'negative' : ''}`}>{format.money(minor)}</td>;
  return (
    <div class="scroll-box" tabIndex={0}>
      <table data-testid="portfolio-realized-years">
        <caption style="text-align:left;font-weight:600;padding-bottom:0.25rem">Other years</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col" class="num">Short-term</th>
            <th scope="col" class="num">Long-term</th>
            <th scope="col" class="num">Net</th>
            <th scope="col" class="num">Disallowed by wash sales</th>
          </tr>
        </thead>
        <tbody>
          {years.map((r) => (
            <tr key={r.year} data-year={r.year}>
              <th scope="row">{r.year}</th>
              {cell(r.shortTermMinor)}
              {cell(r.longTermMinor)}
              {cell(r.shortTermMinor + r.longTermMinor)}
              <td class="num">{format.money(r.disallowedMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
