/**
 * A backtest's result for people: the metrics beside buy-and-hold, the
 * equity and drawdown curves (uPlot, with a text alternative), the
 * walk-forward verdict (with an "Overfit" badge), the learned signal's
 * verdict when the rules use model(), the engine's notes and the trade list.
 * Presentational; amounts are currency units of the backtest, written with
 * Intl for the person's locale.
 */
import { useMemo } from 'preact/hooks';
import type { BacktestResult, ModelReport, WalkForwardReport } from '@/utils/trading/types';
import { EquityChart } from '@/components/EquityChart';
import { drawdownSummary, equitySummary, metricRows, tradingFormat, type TradingFormat } from './tradingText';

const MAX_TRADES_SHOWN = 500;

export function TradingBacktestResult(props: {
  result: BacktestResult;
  walkForward: WalkForwardReport;
  model: Omit<ModelReport, 'probability'> | null;
  currency: string;
  locale: string;
}) {
  const { result, walkForward, model, currency, locale } = props;
  const f = useMemo(() => tradingFormat(currency, locale), [currency, locale]);
  const rows = metricRows(result.metrics, result.benchmark, f);
  const equityCurves = useMemo(
    () => [
      { label: 'Strategy', values: result.equity, color: '--accent' },
      { label: 'Buy and hold', values: result.benchmarkEquity, color: '--muted', dash: [5, 4] },
    ],
    [result],
  );
  const drawdownCurves = useMemo(
    () => [
      { label: 'Strategy', values: result.drawdown, color: '--danger' },
      { label: 'Buy and hold', values: result.benchmarkDrawdown, color: '--muted', dash: [5, 4] },
    ],
    [result],
  );
  return (
    <div data-testid="trading-backtest-result">
      <p class="muted">
        {result.symbols.join(', ')}, {result.dates.length > 0 ? `${f.day(result.dates[0]!)} to ${f.day(result.dates[result.dates.length - 1]!)}` : 'no bars'}
        {result.firstSignalIndex > 0 ? ` (after a ${f.count(result.firstSignalIndex)}-bar warm-up)` : ''}, in {currency}.
      </p>
      <div class="scroll-box" tabIndex={0}>
        <table data-testid="trading-metrics">
          <caption class="visually-hidden">Backtest metrics, strategy against buy and hold</caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col" class="num">Strategy</th>
              <th scope="col" class="num">Buy and hold</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td class="num">{r.strategy}</td>
                <td class="num">{r.benchmark}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>Equity</h4>
      <EquityChart
        dates={result.dates}
        curves={equityCurves}
        kind="money"
        currency={currency}
        locale={locale}
        label={equitySummary('Equity of the strategy and of buy and hold', result.dates, equityCurves, f)}
      />
      <h4>Drawdown</h4>
      <EquityChart
        dates={result.dates}
        curves={drawdownCurves}
        kind="drawdown"
        currency={currency}
        locale={locale}
        label={drawdownSummary(result.dates, drawdownCurves, f)}
      />
      <WalkForward report={walkForward} f={f} />
      {model && <ModelVerdict model={model} f={f} testid="trading-model" title="The learned signal" />}
      {result.notes.length > 0 && (
        <ul class="muted" data-testid="trading-notes">
          {result.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      <Trades result={result} f={f} />
    </div>
  );
}

function WalkForward(props: { report: WalkForwardReport; f: TradingFormat }) {
  const { report, f } = props;
  return (
    <div data-testid="trading-walkforward">
      <h4>
        Walk-forward check{' '}
        {report.overfit && (
          <span class="trading-badge" data-testid="trading-overfit">
            Overfit
          </span>
        )}
      </h4>
      <p>{report.verdict}</p>
      {report.folds.length > 0 && (
        <details>
          <summary>Folds ({report.folds.length}): edge = strategy Sharpe − buy-and-hold Sharpe</summary>
          <div class="scroll-box" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Fold</th>
                  <th scope="col">In sample</th>
                  <th scope="col" class="num">Edge</th>
                  <th scope="col">Out of sample</th>
                  <th scope="col" class="num">Edge</th>
                </tr>
              </thead>
              <tbody>
                {report.folds.map((fold, i) => (
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    <td>
                      {f.day(fold.inSample.from)} – {f.day(fold.inSample.to)}
                    </td>
                    <td class="num">{f.ratio(fold.inSample.edge)}</td>
                    <td>
                      {f.day(fold.outOfSample.from)} – {f.day(fold.outOfSample.to)}
                    </td>
                    <td class="num">{f.ratio(fold.outOfSample.edge)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}

/** The learned signal's honest score: out-of-sample accuracy against always guessing the commoner side. */
export function ModelVerdict(props: { model: Omit<ModelReport, 'probability'>; f: TradingFormat; testid: string; title: string }) {
  const { model, f } = props;
  return (
    <div data-testid={props.testid}>
      <h4>{props.title}</h4>
      <p>{model.verdict}</p>
      <ul>
        <li>Accuracy out of sample: {model.accuracy === null ? '—' : f.percent(model.accuracy)}</li>
        <li>Base rate (share of up days): {model.baseRate === null ? '—' : f.percent(model.baseRate)}</li>
        <li>Edge over always guessing the commoner side: {model.edge === null ? '—' : f.percent(model.edge, true)}</li>
        <li>Predictions scored: {f.count(model.predictions)}</li>
      </ul>
    </div>
  );
}

function Trades(props: { result: BacktestResult; f: TradingFormat }) {
  const { result, f } = props;
  const trades = result.trades;
  if (trades.length === 0) return <p class="muted" data-testid="trading-trades">No trades: the rules never bought.</p>;
  const shown = trades.length > MAX_TRADES_SHOWN ? trades.slice(-MAX_TRADES_SHOWN) : trades;
  return (
    <details open={trades.length <= 50}>
      <summary>Trades ({f.count(trades.length)})</summary>
      {shown.length < trades.length && <p class="muted">The latest {MAX_TRADES_SHOWN} of {f.count(trades.length)}.</p>}
      <div class="scroll-box" tabIndex={0}>
        <table data-testid="trading-trades">
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Exit</th>
              {result.symbols.length > 1 && <th scope="col">Symbol</th>}
              <th scope="col" class="num">Shares</th>
              <th scope="col" class="num">Entry price</th>
              <th scope="col" class="num">Exit price</th>
              <th scope="col" class="num">Profit</th>
              <th scope="col" class="num">Return</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((t, i) => (
              <tr key={i}>
                <td>{f.day(t.entry.date)}</td>
                <td>{t.exit ? f.day(t.exit.date) : 'still open'}</td>
                {result.symbols.length > 1 && <td>{t.symbol}</td>}
                <td class="num">{f.count(t.entry.shares)}</td>
                <td class="num">{f.price(t.entry.price)}</td>
                <td class="num">{t.exit ? f.price(t.exit.price) : '—'}</td>
                <td class={`num ${t.profit < 0 ? 'negative' : 'positive'}`}>{f.units(t.profit)}</td>
                <td class="num">{f.percent(t.returnPct, true)}</td>
                <td>
                  {t.entry.reason}
                  {t.exit ? ` → ${t.exit.reason}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
