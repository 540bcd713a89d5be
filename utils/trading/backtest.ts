/**
 * The backtest engine (issue 6, trading lab): signals in, fills, trades and
 * an equity curve out, with no look-ahead.
 *
 * Conventions:
 * - a signal is known at the CLOSE of bar t and fills at the OPEN of bar t+1
 *   (at the CLOSE of t+1 when the series has only closes); a signal on the
 *   last bar of the range does nothing, signals before `start` are ignored;
 * - the account starts flat with `costs.capital` cash at the close of
 *   `start`, so result arrays cover bars start..end and equity[0] = capital;
 * - long-only, one position at a time (rotation: one per chosen symbol);
 * - buys pay open × (1 + slippage), sells get open × (1 − slippage); the fee
 *   of a fill is feePerTrade + price × shares × feeBasisPoints / 10000;
 * - equity at the close of t = cash + shares × close[t].
 * The core (`runSignals`, `buyAndHold`) takes plain signal arrays and allocates
 * nothing per bar; `backtest` wires in the rule language (signals.ts) and the
 * learned signal (model.ts); `prepareBacktest` evaluates the signals once for
 * many runs (walk-forward). Rotation lives in backtest-rotation.ts.
 */
import { formatDay } from '../portfolio/dates';
import { prepareRotation } from './backtest-rotation';
import { computeMetrics, drawdownSeries } from './metrics';
import { trainMomentumModel } from './model';
import { evaluateCondition, explainAt, firstKnownIndex, type SignalContext } from './signals';
import type { BacktestResult, Day, Fill, ModelOptions, ModelReport, PriceSeries, Strategy, StrategyCosts, TradeRecord } from './types';

export interface BarRange {
  /** Index of the first close (flat, all cash). */
  start: number;
  /** Index of the last close, inclusive. */
  end: number;
}

export interface SignalRun {
  /** Equity at each close from start to end (length end − start + 1). */
  equity: Float64Array;
  fills: Fill[];
  trades: TradeRecord[];
  /** Closes start..end that ended holding shares. */
  barsInMarket: number;
  /** Statements for people, e.g. buy signals that could not afford one share. */
  notes: string[];
}

export interface BacktestOptions {
  from?: Day;
  to?: Day;
  model?: Partial<ModelOptions>;
}

// ------------------------------------------------------------------ fill arithmetic (shared with rotation)

/** Shares `money` buys at `price` after fees: whole shares unless fractional; 0 when not even one. */
export function sharesFor(money: number, price: number, costs: StrategyCosts): number {
  if (!(price > 0)) return 0;
  const raw = (money - costs.feePerTrade) / (price * (1 + costs.feeBasisPoints / 10000));
  if (!(raw > 0)) return 0;
  // The tiny tolerance keeps 9.999999999 (rounding of an exact 10) at 10 shares.
  return costs.fractional ? raw : Math.floor(raw + 1e-9);
}

export function feeFor(price: number, shares: number, costs: StrategyCosts): number {
  return costs.feePerTrade + (price * shares * costs.feeBasisPoints) / 10000;
}

/** The prices orders fill at: next open, or next close when the series has only closes. */
export function fillPrices(series: PriceSeries): Float64Array {
  return series.closeOnly ? series.close : series.open;
}

export function makeTrade(entry: Fill, exit: Fill | null, exitValue: number, barsHeld: number): TradeRecord {
  const cost = entry.price * entry.shares + entry.fee;
  const profit = exitValue - cost;
  return { symbol: entry.symbol, entry, exit, profit, returnPct: cost > 0 ? profit / cost : 0, barsHeld };
}

export function skippedBuysNote(count: number, firstDay: Day): string {
  const times = count === 1 ? 'signal' : `signals (${count})`;
  return `Buy ${times} did not fill: the money for the position did not cover one share plus fees (first on ${formatDay(firstDay)}).`;
}

// ------------------------------------------------------------------ core

/**
 * Trades one symbol from buy/sell signal arrays (1 = true at the close of t).
 * Flat and buy[t] → buy at t+1; holding and sell[t] → sell everything at t+1.
 */
export function runSignals(
  series: PriceSeries,
  buy: Uint8Array,
  sell: Uint8Array,
  costs: StrategyCosts,
  range: BarRange,
  explain?: (side: 'buy' | 'sell', t: number) => string,
): SignalRun {
  const { start, end } = range;
  const equity = new Float64Array(end - start + 1);
  const fills: Fill[] = [];
  const trades: TradeRecord[] = [];
  const notes: string[] = [];
  const px = fillPrices(series);
  const close = series.close;
  const dates = series.dates;
  const buyFactor = 1 + costs.slippageBasisPoints / 10000;
  const sellFactor = 1 - costs.slippageBasisPoints / 10000;
  const size = costs.sizeBasisPoints / 10000;
  const reason = (side: 'buy' | 'sell', t: number) => (explain ? explain(side, t) : `${side} signal on ${formatDay(dates[t]!)}`);

  let cash = costs.capital;
  let shares = 0;
  let entry: Fill | null = null;
  let entryIndex = 0;
  let barsInMarket = 0;
  let skipped = 0;
  let firstSkipped = 0;
  equity[0] = cash;
  for (let t = start; t < end; t++) {
    const next = t + 1;
    if (shares === 0) {
      if (buy[t]) {
        const price = px[next]! * buyFactor;
        const money = Math.min(cash, equity[t - start]! * size);
        const bought = sharesFor(money, price, costs);
        if (bought > 0) {
          const fee = feeFor(price, bought, costs);
          cash -= price * bought + fee;
          shares = bought;
          entryIndex = next;
          entry = { symbol: series.symbol, side: 'buy', date: dates[next]!, signalDate: dates[t]!, shares, price, fee, reason: reason('buy', t) };
          fills.push(entry);
        } else {
          if (skipped === 0) firstSkipped = dates[t]!;
          skipped++;
        }
      }
    } else if (sell[t]) {
      const price = px[next]! * sellFactor;
      const fee = feeFor(price, shares, costs);
      cash += price * shares - fee;
      const exit: Fill = { symbol: series.symbol, side: 'sell', date: dates[next]!, signalDate: dates[t]!, shares, price, fee, reason: reason('sell', t) };
      fills.push(exit);
      trades.push(makeTrade(entry!, exit, price * shares - fee, next - entryIndex));
      shares = 0;
      entry = null;
    }
    equity[next - start] = cash + shares * close[next]!;
    if (shares > 0) barsInMarket++;
  }
  if (entry !== null) trades.push(makeTrade(entry, null, close[end]! * shares, end - entryIndex));
  if (skipped > 0) notes.push(skippedBuysNote(skipped, firstSkipped));
  return { equity, fills, trades, barsInMarket, notes };
}

/** Buy-and-hold with its exposure: all capital at the first fill after `start`, held to `end`. */
export function runBuyAndHold(series: PriceSeries, costs: StrategyCosts, range: BarRange): { equity: Float64Array; barsInMarket: number } {
  const { start, end } = range;
  const equity = new Float64Array(end - start + 1);
  equity[0] = costs.capital;
  if (end <= start) return { equity, barsInMarket: 0 };
  const price = fillPrices(series)[start + 1]! * (1 + costs.slippageBasisPoints / 10000);
  const shares = sharesFor(costs.capital, price, costs);
  const cash = shares > 0 ? costs.capital - price * shares - feeFor(price, shares, costs) : costs.capital;
  const close = series.close;
  for (let t = start + 1; t <= end; t++) equity[t - start] = cash + shares * close[t]!;
  return { equity, barsInMarket: shares > 0 ? end - start : 0 };
}

/** Equity of buying with all the capital at the open of start+1 (close when close-only) and holding to `end`. */
export function buyAndHold(series: PriceSeries, costs: StrategyCosts, range: BarRange): Float64Array {
  return runBuyAndHold(series, costs, range).equity;
}

// ------------------------------------------------------------------ ranges and results

/** Index of the first date >= day (dates.length when none). */
export function indexAtOrAfter(dates: Int32Array, day: Day): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last date <= day (−1 when none). */
export function indexAtOrBefore(dates: Int32Array, day: Day): number {
  return indexAtOrAfter(dates, day + 1) - 1;
}

/**
 * The bars to trade: from the later of the warm-up end and `from`, to `to`
 * (or the last bar). When nothing is left, a one-bar range and a note.
 */
export function tradingRange(dates: Int32Array, warmup: number, options: BacktestOptions, notes: string[]): BarRange {
  const last = dates.length - 1;
  const fromIndex = options.from === undefined ? 0 : indexAtOrAfter(dates, options.from);
  let end = options.to === undefined ? last : indexAtOrBefore(dates, options.to);
  const known = warmup >= 0 && warmup <= last;
  let start = Math.max(known ? warmup : last + 1, fromIndex);
  if (end < 0) end = 0;
  if (start > end) {
    notes.push(
      known
        ? `The strategy's indicators need ${warmup} bars of history before the first signal; the chosen dates leave no bar to trade.`
        : `The strategy's indicators never get enough history on these ${dates.length} bars: nothing to trade.`,
    );
    start = end;
  }
  return { start, end };
}

/** Puts the pieces of a finished run into a BacktestResult (drawdowns and both metrics). */
export function finishResult(parts: {
  strategy: Strategy;
  symbols: string[];
  dates: Int32Array;
  range: BarRange;
  run: SignalRun;
  benchmark: { equity: Float64Array; barsInMarket: number };
  notes: string[];
}): BacktestResult {
  const { run, benchmark, range } = parts;
  const dates = parts.dates.slice(range.start, range.end + 1);
  return {
    strategyText: parts.strategy.text,
    symbols: parts.symbols,
    dates,
    equity: run.equity,
    benchmarkEquity: benchmark.equity,
    drawdown: drawdownSeries(run.equity),
    benchmarkDrawdown: drawdownSeries(benchmark.equity),
    fills: run.fills,
    trades: run.trades,
    metrics: computeMetrics(run.equity, dates, run.trades, run.barsInMarket),
    benchmark: computeMetrics(benchmark.equity, dates, [], benchmark.barsInMarket),
    firstSignalIndex: range.start,
    notes: [...parts.notes, ...run.notes],
  };
}

export function costNotes(costs: StrategyCosts, closeOnlySymbols: string[]): string[] {
  const notes: string[] = [];
  if (closeOnlySymbols.length > 0) {
    notes.push(`Only closing prices for ${closeOnlySymbols.join(', ')}: orders fill at the next bar's close, not its open.`);
  }
  if (!costs.fractional) notes.push('Whole shares only: money that does not buy a whole share stays in cash.');
  return notes;
}

// ------------------------------------------------------------------ strategies

/** A strategy with its signals evaluated once, ready to run over any from/to (walk-forward runs it many times). */
export interface PreparedBacktest {
  /** `withReasons` false skips the explanation of each fill (reason = "buy signal on <date>"), for runs nobody reads. */
  run(range?: { from?: Day; to?: Day }, withReasons?: boolean): BacktestResult;
  /** The learned signal's report when a rules strategy uses model() (trained once, with the signals); null otherwise. */
  modelReport(): ModelReport | null;
}

/**
 * Evaluates the strategy's signals on the whole history once. Rules trade
 * seriesList[0]; rotation trades the series named by its symbols, aligned on
 * the dates they all have. Indicators are causal, so evaluating them on the
 * whole series and trading a part of it uses no later data.
 */
export function prepareBacktest(strategy: Strategy, seriesList: PriceSeries[], model?: Partial<ModelOptions>): PreparedBacktest {
  if (strategy.kind === 'rotation') return prepareRotation(strategy, seriesList, model);
  const series = seriesList[0];
  if (series === undefined || series.dates.length === 0) throw new Error('A backtest needs a price series with at least one bar.');
  let trained: ModelReport | null = null;
  const ctx: SignalContext = {
    series,
    cache: new Map(),
    // Trained once, on demand; its probabilities are walk-forward, so using them stays free of look-ahead.
    model: () => (trained ??= trainMomentumModel(series, model)).probability,
  };
  const buy = evaluateCondition(strategy.buy, ctx);
  const sell = evaluateCondition(strategy.sell, ctx);
  // firstKnownIndex gives the series length when an operand never exists.
  const warmup = Math.max(firstKnownIndex(strategy.buy, ctx), firstKnownIndex(strategy.sell, ctx));
  const baseNotes = costNotes(strategy.costs, series.closeOnly ? [series.symbol] : []);
  const explain = (side: 'buy' | 'sell', t: number) => explainAt(side === 'buy' ? strategy.buy : strategy.sell, ctx, t);
  return {
    run(options = {}, withReasons = true) {
      const notes = [...baseNotes];
      const range = tradingRange(series.dates, warmup, options, notes);
      const run = runSignals(series, buy, sell, strategy.costs, range, withReasons ? explain : undefined);
      const benchmark = runBuyAndHold(series, strategy.costs, range);
      return finishResult({ strategy, symbols: [series.symbol], dates: series.dates, range, run, benchmark, notes });
    },
    modelReport: () => trained,
  };
}

/**
 * Backtests a strategy over the bars from the end of its warm-up (or `from`)
 * to `to` (or the last bar); result arrays cover exactly those bars.
 */
export function backtest(strategy: Strategy, seriesList: PriceSeries[], options: BacktestOptions = {}): BacktestResult {
  return prepareBacktest(strategy, seriesList, options.model).run(options);
}
