/**
 * `strata indicator NAME PRICES.csv [--period N] [--fast N --slow N --signal N] [--k X] [--prices adjusted|raw]`
 * and `strata backtest PRICES.csv [MORE.csv…] --strategy "…" [--from YYYY-MM-DD] [--to YYYY-MM-DD]
 * [--symbol SYM] [--prices adjusted|raw] [--folds N]`: the trading lab's indicators and backtests on
 * price files (README "strata indicator", "strata backtest"). Nothing is stored.
 * A refused file or strategy prints {"error": "...", "problems"?: [...]} with exit code 2.
 */
import { readFileSync } from 'node:fs';
import { formatDay, parseDay } from '../../utils/portfolio/dates';
import { prepareBacktest } from '../../utils/trading/backtest';
import { parseBarsCsv, symbolFromFileName, toSeries } from '../../utils/trading/bars';
import { computeIndicator, INDICATOR_DEFAULTS } from '../../utils/trading/indicators';
import { parseStrategy } from '../../utils/trading/strategy';
import { walkForwardOf } from '../../utils/trading/walkforward';
import { INDICATOR_NAMES, type Fill, type IndicatorName, type Metrics, type PriceSeries, type TradeRecord } from '../../utils/trading/types';
import { parseArgs } from '../args';
import { EXIT_USAGE, printJson as print, usageError, type CliResult, type Command } from '../types';


/** Rounds for stable, readable JSON: money to cents, prices to 6 decimals, ratios to 6 decimals. */
const round = (x: number, decimals: number) => (Number.isFinite(x) ? Number(x.toFixed(decimals)) : null);
const maybe = (x: number | null, decimals: number) => (x === null ? null : round(x, decimals));

type LoadedSeries = { ok: true; series: PriceSeries } | { ok: false; result: CliResult };

function loadSeries(file: string, symbol: string | undefined, prices: string): LoadedSeries {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, result: print({ error: `cannot read ${file}: ${(error as Error).message}` }, EXIT_USAGE) };
  }
  const parsed = parseBarsCsv(text);
  if (!parsed.ok) return { ok: false, result: print({ error: `${file} is not a price file Strata can read`, problems: parsed.problems }, EXIT_USAGE) };
  const name = symbol ?? symbolFromFileName(file) ?? 'PRICES';
  return { ok: true, series: toSeries(name, parsed.bars, { adjusted: prices === 'adjusted', closeOnly: parsed.layout === 'close-only' }) };
}

const INDICATOR_USAGE =
  'indicator sma|ema|rsi|macd|bbands|atr|roc PRICES.csv [--period N] [--fast N --slow N --signal N] [--k X] [--prices adjusted|raw]';

function indicatorParams(name: IndicatorName, flags: Record<string, string>): number[] | string {
  const number = (flag: string, fallback: number): number | string => {
    if (flags[flag] === undefined) return fallback;
    const value = Number(flags[flag]);
    return Number.isFinite(value) && flags[flag]!.trim() !== '' ? value : `--${flag} "${flags[flag]}" is not a number`;
  };
  const defaults = INDICATOR_DEFAULTS[name];
  const allowed = name === 'macd' ? ['fast', 'slow', 'signal'] : name === 'bbands' ? ['period', 'k'] : ['period'];
  const extra = ['period', 'fast', 'slow', 'signal', 'k'].find((f) => flags[f] !== undefined && !allowed.includes(f));
  if (extra) return `--${extra} does not apply to ${name} (it takes ${allowed.map((f) => `--${f}`).join(', ')})`;
  const values = allowed.map((flag, i) => number(flag, defaults[i]!));
  const bad = values.find((v) => typeof v === 'string');
  return bad !== undefined ? (bad as string) : (values as number[]);
}

export const indicatorCommand: Command = {
  summary: 'an indicator over a price file, one JSON value per bar (null during warm-up)',
  usage: INDICATOR_USAGE,
  run(args) {
    const parsed = parseArgs(args, ['period', 'fast', 'slow', 'signal', 'k', 'prices']);
    if (!parsed.ok) return usageError('indicator', INDICATOR_USAGE, parsed.error);
    const [name, file, extra] = parsed.positionals;
    if (name === undefined || !(INDICATOR_NAMES as readonly string[]).includes(name)) {
      return usageError('indicator', INDICATOR_USAGE, name === undefined ? 'missing the indicator name' : `unknown indicator "${name}" (known: ${INDICATOR_NAMES.join(', ')})`);
    }
    if (file === undefined) return usageError('indicator', INDICATOR_USAGE, 'missing PRICES.csv');
    if (extra !== undefined) return usageError('indicator', INDICATOR_USAGE, `unexpected argument "${extra}"`);
    const prices = parsed.flags.prices ?? 'adjusted';
    if (prices !== 'adjusted' && prices !== 'raw') return usageError('indicator', INDICATOR_USAGE, `--prices must be adjusted or raw, not "${prices}"`);
    const params = indicatorParams(name as IndicatorName, parsed.flags);
    if (typeof params === 'string') return usageError('indicator', INDICATOR_USAGE, params);
    const loaded = loadSeries(file, undefined, prices);
    if (!loaded.ok) return loaded.result;
    let outputs: Record<string, Float64Array>;
    try {
      outputs = computeIndicator(name as IndicatorName, params, loaded.series);
    } catch (error) {
      if (error instanceof RangeError) return usageError('indicator', INDICATOR_USAGE, error.message);
      throw error;
    }
    const value = (x: number) => (Number.isNaN(x) ? null : x);
    const fields = Object.keys(outputs);
    const n = loaded.series.close.length;
    const out: unknown[] = new Array(n);
    if (fields.length === 1) {
      const only = outputs[fields[0]!]!;
      for (let i = 0; i < n; i++) out[i] = value(only[i]!);
    } else {
      // Multi-output: null until the first line exists, then an object (a later line may still be null).
      const primary = outputs[name === 'macd' ? 'macd' : 'middle']!;
      for (let i = 0; i < n; i++) {
        out[i] = Number.isNaN(primary[i]!) ? null : Object.fromEntries(fields.map((f) => [f, value(outputs[f]![i]!)]));
      }
    }
    return print(out);
  },
};

const BACKTEST_USAGE =
  'backtest PRICES.csv [MORE.csv ...] --strategy "buy when rsi(14) < 30; sell when rsi(14) > 70" [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--symbol SYM] [--prices adjusted|raw] [--folds N]';

function metricsToJson(m: Metrics) {
  return {
    totalReturn: round(m.totalReturn, 6),
    cagr: round(m.cagr, 6),
    maxDrawdown: round(m.maxDrawdown, 6),
    sharpe: maybe(m.sharpe, 4),
    sortino: maybe(m.sortino, 4),
    winRate: maybe(m.winRate, 4),
    exposure: round(m.exposure, 4),
    tradeCount: m.tradeCount,
    finalEquity: round(m.finalEquity, 2),
  };
}

function fillToJson(f: Fill) {
  return {
    side: f.side,
    date: formatDay(f.date),
    signalDate: formatDay(f.signalDate),
    shares: round(f.shares, 6),
    price: round(f.price, 6),
    fee: round(f.fee, 2),
    reason: f.reason,
  };
}

function tradeToJson(t: TradeRecord) {
  return {
    symbol: t.symbol,
    entry: fillToJson(t.entry),
    exit: t.exit === null ? null : fillToJson(t.exit),
    profit: round(t.profit, 2),
    returnPct: round(t.returnPct, 6),
    barsHeld: t.barsHeld,
  };
}

export const backtestCommand: Command = {
  summary: 'backtest a rule strategy on price files: metrics against buy-and-hold, trades, walk-forward check',
  usage: BACKTEST_USAGE,
  run(args) {
    const parsed = parseArgs(args, ['strategy', 'from', 'to', 'symbol', 'prices', 'folds']);
    if (!parsed.ok) return usageError('backtest', BACKTEST_USAGE, parsed.error);
    const files = parsed.positionals;
    if (files.length === 0) return usageError('backtest', BACKTEST_USAGE, 'missing PRICES.csv');
    const text = parsed.flags.strategy;
    if (text === undefined) return usageError('backtest', BACKTEST_USAGE, 'missing --strategy "…"');
    if (parsed.flags.symbol !== undefined && files.length > 1) return usageError('backtest', BACKTEST_USAGE, '--symbol names one file; with several, each file is named after its symbol (SPY.csv)');
    const prices = parsed.flags.prices ?? 'adjusted';
    if (prices !== 'adjusted' && prices !== 'raw') return usageError('backtest', BACKTEST_USAGE, `--prices must be adjusted or raw, not "${prices}"`);
    const day = (flag: 'from' | 'to') => {
      const value = parsed.flags[flag];
      return value === undefined ? undefined : parseDay(value) ?? null;
    };
    const from = day('from');
    const to = day('to');
    if (from === null || to === null) return usageError('backtest', BACKTEST_USAGE, `--${from === null ? 'from' : 'to'} must be a real date written YYYY-MM-DD`);
    const folds = parsed.flags.folds === undefined ? 4 : Number(parsed.flags.folds);
    if (!Number.isInteger(folds) || folds < 1 || folds > 20) return usageError('backtest', BACKTEST_USAGE, '--folds must be a whole number from 1 to 20');

    const strategy = parseStrategy(text);
    if (!strategy.ok) return print({ error: `--strategy: ${strategy.error}`, at: strategy.at }, EXIT_USAGE);
    const seriesList: PriceSeries[] = [];
    for (const file of files) {
      const loaded = loadSeries(file, parsed.flags.symbol, prices);
      if (!loaded.ok) return loaded.result;
      seriesList.push(loaded.series);
    }
    const s = strategy.strategy;
    if (s.kind === 'rotation') {
      const have = new Set(seriesList.map((x) => x.symbol));
      const missing = s.symbols.filter((sym) => !have.has(sym));
      if (missing.length > 0) return print({ error: `the rotation needs a price file for ${missing.join(', ')} (name each file after its symbol, e.g. ${missing[0]}.csv)` }, EXIT_USAGE);
      seriesList.sort((a, b) => s.symbols.indexOf(a.symbol) - s.symbols.indexOf(b.symbol));
    } else if (seriesList.length > 1) {
      return usageError('backtest', BACKTEST_USAGE, 'a buy/sell strategy trades one symbol: give one price file');
    }
    let prepared;
    let result;
    try {
      // One preparation: the signals (and the model, when a rule uses it) serve the backtest and the walk-forward check.
      prepared = prepareBacktest(s, seriesList);
      result = prepared.run({ from, to });
    } catch (error) {
      return print({ error: (error as Error).message }, EXIT_USAGE);
    }
    const wf = walkForwardOf(prepared, folds);
    const model = prepared.modelReport();
    const dates = result.dates;
    return print({
      strategy: s.text,
      symbols: result.symbols,
      from: dates.length > 0 ? formatDay(dates[0]!) : null,
      to: dates.length > 0 ? formatDay(dates[dates.length - 1]!) : null,
      bars: dates.length,
      adjusted: seriesList.every((x) => x.adjusted),
      metrics: metricsToJson(result.metrics),
      benchmark: metricsToJson(result.benchmark),
      trades: result.trades.map(tradeToJson),
      walkForward: {
        folds: wf.folds.map((f) => ({
          inSample: { from: formatDay(f.inSample.from), to: formatDay(f.inSample.to), edge: round(f.inSample.edge, 4) },
          outOfSample: { from: formatDay(f.outOfSample.from), to: formatDay(f.outOfSample.to), edge: round(f.outOfSample.edge, 4) },
        })),
        inSampleEdge: round(wf.inSampleEdge, 4),
        outOfSampleEdge: round(wf.outOfSampleEdge, 4),
        overfit: wf.overfit,
        verdict: wf.verdict,
      },
      model:
        model === null
          ? null
          : { predictions: model.predictions, accuracy: maybe(model.accuracy, 4), baseRate: maybe(model.baseRate, 4), edge: maybe(model.edge, 4), verdict: model.verdict },
      notes: result.notes,
    });
  },
};
