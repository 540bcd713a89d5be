/**
 * The trading lab as the worker exposes it (utils/analytics/api.ts): from
 * stored bars (micro-units, as utils/db/trading.ts loads them) and a
 * strategy's text to everything the page shows — the backtest against
 * buy-and-hold, the walk-forward check, the learned signal's honest score —
 * and the fills a paper or real account records when new bars arrive.
 * Pure; every argument and result is structured-clone safe.
 */
import { formatDay } from '../portfolio/dates';
import { formatQty } from '../portfolio/quantity';
import { backtest, prepareBacktest } from './backtest';
import { toSeries } from './bars';
import { trainMomentumModel } from './model';
import { parseStrategy } from './strategy';
import type { BacktestResult, Bar, Day, ModelReport, PriceSeries, Strategy, WalkForwardReport } from './types';
import { walkForwardOf } from './walkforward';

export interface LabSymbolBars {
  symbol: string;
  bars: Bar[];
  /** Every bar came from a close-only file. */
  closeOnly: boolean;
}

export interface LabBacktestInput {
  text: string;
  /** The symbols' bars; a rules strategy trades the first. */
  symbols: LabSymbolBars[];
  /** Analyse Adj Close–adjusted prices where the file gave them. */
  useAdjusted: boolean;
  from?: Day;
  to?: Day;
  folds?: number;
}

export type LabBacktestReport =
  | {
      ok: true;
      strategy: Strategy;
      result: BacktestResult;
      walkForward: WalkForwardReport;
      /** The learned signal's report when the strategy uses model() (its probability series left out). */
      model: Omit<ModelReport, 'probability'> | null;
    }
  | { ok: false; error: string; at: number | null };

/** The series in the order the strategy names its symbols (rotation), else as given. */
function seriesFor(strategy: Strategy, input: Pick<LabBacktestInput, 'symbols' | 'useAdjusted'>): PriceSeries[] | string {
  const bySymbol = new Map(input.symbols.map((s) => [s.symbol, s]));
  const wanted = strategy.kind === 'rotation' ? strategy.symbols : input.symbols.slice(0, 1).map((s) => s.symbol);
  if (wanted.length === 0) return 'Choose a symbol with prices to trade.';
  const missing = wanted.filter((s) => !bySymbol.get(s)?.bars.length);
  if (missing.length > 0) return `No prices for ${missing.join(', ')}: import a price file for ${missing.length === 1 ? 'it' : 'each'} first.`;
  return wanted.map((symbol) => {
    const s = bySymbol.get(symbol)!;
    return toSeries(symbol, s.bars, { adjusted: input.useAdjusted, closeOnly: s.closeOnly });
  });
}

export function labBacktest(input: LabBacktestInput): LabBacktestReport {
  const parsed = parseStrategy(input.text);
  if (!parsed.ok) return { ok: false, error: parsed.error, at: parsed.at };
  const strategy = parsed.strategy;
  const series = seriesFor(strategy, input);
  if (typeof series === 'string') return { ok: false, error: series, at: null };
  try {
    // One preparation: the signals (and the model, when a rule uses it) are computed once for both.
    const prepared = prepareBacktest(strategy, series);
    const result = prepared.run({ from: input.from, to: input.to });
    const wf = walkForwardOf(prepared, input.folds ?? 4);
    const trained = prepared.modelReport();
    let model: Omit<ModelReport, 'probability'> | null = null;
    if (trained !== null) {
      const { probability: _dropped, ...rest } = trained;
      model = rest;
    }
    return { ok: true, strategy, result, walkForward: wf, model };
  } catch (error) {
    return { ok: false, error: (error as Error).message, at: null };
  }
}

/** The learned momentum signal on one symbol, without a strategy: its walk-forward accuracy against the base rate. */
export function labModel(input: { symbol: LabSymbolBars; useAdjusted: boolean }): Omit<ModelReport, 'probability'> {
  const series = toSeries(input.symbol.symbol, input.symbol.bars, { adjusted: input.useAdjusted, closeOnly: input.symbol.closeOnly });
  const { probability: _dropped, ...rest } = trainMomentumModel(series);
  return rest;
}

/** A fill as the database records it (utils/db/trading-writes.ts NewLabFill). */
export interface ForwardFill {
  symbol: string;
  side: 'buy' | 'sell';
  date: string;
  signalDate: string;
  quantity: string;
  priceMicros: number;
  fee: { minor: number; currency: string };
  reason: string;
}

export interface ForwardInput {
  text: string;
  symbols: LabSymbolBars[];
  useAdjusted: boolean;
  currency: string;
  /** The account's starting cash, minor units: it replaces the strategy's `capital`. */
  capitalMinor: number;
  startDay: Day;
  /** The last bar already processed (null: none yet). */
  processedThrough: Day | null;
}

export type ForwardResult = { ok: true; fills: ForwardFill[]; processedThrough: string | null } | { ok: false; error: string };

/**
 * Runs the account's strategy forward: trading starts flat at the close of
 * its start day (earlier bars only warm the indicators up), and the fills
 * dated after the last processed bar are returned to be recorded. Signals
 * on the last bar fill when the next bar arrives.
 */
export function labForward(input: ForwardInput): ForwardResult {
  const parsed = parseStrategy(input.text);
  if (!parsed.ok) return { ok: false, error: `The strategy does not read: ${parsed.error}` };
  const strategy: Strategy = { ...parsed.strategy, costs: { ...parsed.strategy.costs, capital: input.capitalMinor / 100 } };
  const series = seriesFor(strategy, input);
  if (typeof series === 'string') return { ok: false, error: series };
  const last = series[0]!.dates[series[0]!.dates.length - 1]!;
  if (last <= input.startDay) return { ok: true, fills: [], processedThrough: input.processedThrough === null ? null : formatDay(input.processedThrough) };
  const result = backtest(strategy, series, { from: input.startDay });
  const after = input.processedThrough ?? -Infinity;
  const fills = result.fills
    .filter((f) => f.date > after)
    .map((f) => ({
      symbol: f.symbol,
      side: f.side,
      date: formatDay(f.date),
      signalDate: formatDay(f.signalDate),
      quantity: formatQty(Math.round(f.shares * 1e6)),
      priceMicros: Math.round(f.price * 1e6),
      fee: { minor: Math.round(f.fee * 100), currency: input.currency },
      reason: f.reason.slice(0, 500),
    }));
  const end = result.dates.length > 0 ? result.dates[result.dates.length - 1]! : last;
  return { ok: true, fills, processedThrough: formatDay(end) };
}
