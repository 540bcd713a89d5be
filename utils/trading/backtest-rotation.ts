/**
 * Momentum rotation backtest (issue 6, trading lab): every `every` bars from
 * the start, rank the symbols by their score at the close of t and hold the
 * `top` best, filling at t+1 like every other order (backtest.ts conventions).
 *
 * - Series are aligned on the dates all of them have (a note says how many
 *   dates were dropped); `firstSignalIndex` is an index into those dates.
 * - Ranking: highest score first, ties alphabetical; NaN never ranks;
 *   `absolute` drops scores <= 0 (that money stays in cash).
 * - At t+1: sell what leaves the top first, then buy what enters, each new
 *   position with equity(close of t) ÷ top × size, at most the cash left.
 *   Positions that stay are not resized.
 * - Benchmark: equal parts of every symbol bought at the first fill, held.
 */
import { formatDay } from '../portfolio/dates';
import {
  costNotes,
  feeFor,
  fillPrices,
  finishResult,
  makeTrade,
  sharesFor,
  skippedBuysNote,
  tradingRange,
  type BarRange,
  type PreparedBacktest,
  type SignalRun,
} from './backtest';
import { trainMomentumModel } from './model';
import { operandValues, type SignalContext } from './signals';
import { operandLabel } from './strategy';
import type { Fill, ModelOptions, PriceSeries, Strategy, StrategyCosts, TradeRecord } from './types';

type RotationStrategy = Extract<Strategy, { kind: 'rotation' }>;

/** The series of each symbol (by name, case-insensitive), in the strategy's order. */
function pickSeries(strategy: RotationStrategy, seriesList: PriceSeries[]): PriceSeries[] {
  if (strategy.symbols.length === 0) return seriesList;
  return strategy.symbols.map((symbol) => {
    const found = seriesList.find((s) => s.symbol.toUpperCase() === symbol.toUpperCase());
    if (found === undefined) throw new Error(`No prices for ${symbol}: the rotation needs a price series for every symbol.`);
    return found;
  });
}

/** The dates every series has, and how many distinct dates only some of them have. */
export function commonDates(list: PriceSeries[]): { dates: Int32Array; dropped: number } {
  const k = list.length;
  const pos = new Int32Array(k);
  const common: number[] = [];
  let distinct = 0;
  for (;;) {
    let min = Infinity;
    for (let i = 0; i < k; i++) {
      const d = list[i]!.dates;
      if (pos[i]! < d.length && d[pos[i]!]! < min) min = d[pos[i]!]!;
    }
    if (min === Infinity) break;
    distinct++;
    let holders = 0;
    for (let i = 0; i < k; i++) {
      const d = list[i]!.dates;
      if (pos[i]! < d.length && d[pos[i]!] === min) {
        holders++;
        pos[i]!++;
      }
    }
    if (holders === k) common.push(min);
  }
  return { dates: Int32Array.from(common), dropped: distinct - common.length };
}

/** `series` restricted to `dates` (which it all has). */
function restrict(series: PriceSeries, dates: Int32Array): PriceSeries {
  if (series.dates.length === dates.length) return series;
  const idx = new Int32Array(dates.length);
  let j = 0;
  for (let i = 0; i < dates.length; i++) {
    while (series.dates[j]! < dates[i]!) j++;
    idx[i] = j;
  }
  const pick = (a: Float64Array) => Float64Array.from(idx, (k) => a[k]!);
  return {
    ...series,
    dates,
    open: pick(series.open),
    high: pick(series.high),
    low: pick(series.low),
    close: pick(series.close),
    volume: pick(series.volume),
  };
}

function firstFinite(values: Float64Array): number {
  for (let t = 0; t < values.length; t++) if (!Number.isNaN(values[t]!)) return t;
  return -1;
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(2));

/** Trades the rotation over `range`; `ranked` is reused scratch space (symbol indices, best first). */
function runRotation(
  strategy: RotationStrategy,
  list: PriceSeries[],
  scores: Float64Array[],
  dates: Int32Array,
  range: BarRange,
): SignalRun {
  const { start, end } = range;
  const costs: StrategyCosts = strategy.costs;
  const k = list.length;
  const top = Math.max(1, Math.floor(strategy.top));
  const every = Math.max(1, Math.floor(strategy.every));
  const label = operandLabel(strategy.score);
  const px = list.map(fillPrices);
  const closes = list.map((s) => s.close);
  const shares = new Float64Array(k);
  const entryIndex = new Int32Array(k);
  const entries: (Fill | null)[] = new Array<Fill | null>(k).fill(null);
  const chosen = new Uint8Array(k);
  const ranked: number[] = [];
  const equity = new Float64Array(end - start + 1);
  const fills: Fill[] = [];
  const trades: TradeRecord[] = [];
  const buyFactor = 1 + costs.slippageBasisPoints / 10000;
  const sellFactor = 1 - costs.slippageBasisPoints / 10000;
  const size = costs.sizeBasisPoints / 10000;
  let cash = costs.capital;
  let barsInMarket = 0;
  let skipped = 0;
  let firstSkipped = 0;
  equity[0] = cash;

  const rankText = (i: number, t: number) => {
    const rank = ranked.indexOf(i);
    const where = rank < 0 ? 'unranked' : `#${rank + 1} of ${k}`;
    return `${list[i]!.symbol}: ${label} ${fmt(scores[i]![t]!)}, ${where} on ${formatDay(dates[t]!)}`;
  };

  for (let t = start; t < end; t++) {
    const next = t + 1;
    if ((t - start) % every === 0) {
      ranked.length = 0;
      for (let i = 0; i < k; i++) {
        const s = scores[i]![t]!;
        if (!Number.isNaN(s)) ranked.push(i);
      }
      ranked.sort((a, b) => scores[b]![t]! - scores[a]![t]! || (list[a]!.symbol < list[b]!.symbol ? -1 : list[a]!.symbol > list[b]!.symbol ? 1 : 0));
      chosen.fill(0);
      for (let r = 0, taken = 0; r < ranked.length && taken < top; r++) {
        const i = ranked[r]!;
        if (strategy.absolute && !(scores[i]![t]! > 0)) break;
        chosen[i] = 1;
        taken++;
      }
      // Sell what leaves first…
      for (let i = 0; i < k; i++) {
        if (shares[i] === 0 || chosen[i]) continue;
        const price = px[i]![next]! * sellFactor;
        const fee = feeFor(price, shares[i]!, costs);
        cash += price * shares[i]! - fee;
        const why = `${rankText(i, t)}: out of the top ${top}${strategy.absolute && !(scores[i]![t]! > 0) ? ' or not above 0' : ''}`;
        const exit: Fill = { symbol: list[i]!.symbol, side: 'sell', date: dates[next]!, signalDate: dates[t]!, shares: shares[i]!, price, fee, reason: why };
        fills.push(exit);
        trades.push(makeTrade(entries[i]!, exit, price * shares[i]! - fee, next - entryIndex[i]!));
        shares[i] = 0;
        entries[i] = null;
      }
      // …then buy what enters, in rank order, each with an equal share of the equity at the close of t.
      const budget = (equity[t - start]! / top) * size;
      for (const i of ranked) {
        if (!chosen[i] || shares[i]! > 0) continue;
        const price = px[i]![next]! * buyFactor;
        const bought = sharesFor(Math.min(cash, budget), price, costs);
        if (bought === 0) {
          if (skipped === 0) firstSkipped = dates[t]!;
          skipped++;
          continue;
        }
        const fee = feeFor(price, bought, costs);
        cash -= price * bought + fee;
        shares[i] = bought;
        entryIndex[i] = next;
        const entry: Fill = { symbol: list[i]!.symbol, side: 'buy', date: dates[next]!, signalDate: dates[t]!, shares: bought, price, fee, reason: `${rankText(i, t)}: in the top ${top}` };
        entries[i] = entry;
        fills.push(entry);
      }
    }
    let value = cash;
    let holding = false;
    for (let i = 0; i < k; i++) {
      if (shares[i]! > 0) {
        value += shares[i]! * closes[i]![next]!;
        holding = true;
      }
    }
    equity[next - start] = value;
    if (holding) barsInMarket++;
  }
  for (let i = 0; i < k; i++) {
    const entry = entries[i];
    if (entry) trades.push(makeTrade(entry, null, closes[i]![end]! * shares[i]!, end - entryIndex[i]!));
  }
  const notes = skipped > 0 ? [skippedBuysNote(skipped, firstSkipped)] : [];
  return { equity, fills, trades, barsInMarket, notes };
}

/** Equal parts of every symbol, bought at the first fill after `start` and held. */
export function equalWeightHold(list: PriceSeries[], costs: StrategyCosts, range: BarRange): { equity: Float64Array; barsInMarket: number } {
  const { start, end } = range;
  const equity = new Float64Array(end - start + 1);
  equity[0] = costs.capital;
  if (end <= start || list.length === 0) return { equity, barsInMarket: 0 };
  const part = costs.capital / list.length;
  const shares = new Float64Array(list.length);
  let cash = costs.capital;
  list.forEach((s, i) => {
    const price = fillPrices(s)[start + 1]! * (1 + costs.slippageBasisPoints / 10000);
    const n = sharesFor(part, price, costs);
    if (n > 0) {
      shares[i] = n;
      cash -= price * n + feeFor(price, n, costs);
    }
  });
  for (let t = start + 1; t <= end; t++) {
    let value = cash;
    for (let i = 0; i < list.length; i++) value += shares[i]! * list[i]!.close[t]!;
    equity[t - start] = value;
  }
  return { equity, barsInMarket: shares.some((n) => n > 0) ? end - start : 0 };
}

/** Aligns the series and computes every score once; `run` trades any from/to of the aligned dates. */
export function prepareRotation(strategy: RotationStrategy, seriesList: PriceSeries[], model?: Partial<ModelOptions>): PreparedBacktest {
  const picked = pickSeries(strategy, seriesList);
  if (picked.length === 0) throw new Error('A rotation needs at least one price series.');
  const { dates, dropped } = commonDates(picked);
  if (dates.length === 0) throw new Error(`${picked.map((s) => s.symbol).join(', ')} have no date in common: nothing to rotate.`);
  const list = picked.map((s) => restrict(s, dates));
  const scores = list.map((series) => {
    let probability: Float64Array | null = null;
    const ctx: SignalContext = {
      series,
      cache: new Map(),
      model: () => (probability ??= trainMomentumModel(series, model).probability),
    };
    return operandValues(strategy.score, ctx);
  });
  let warmup = 0;
  for (const s of scores) {
    const first = firstFinite(s);
    warmup = first < 0 || warmup < 0 ? -1 : Math.max(warmup, first);
  }
  const baseNotes = costNotes(strategy.costs, list.filter((s) => s.closeOnly).map((s) => s.symbol));
  if (dropped > 0) {
    baseNotes.push(`Aligned ${list.length} symbols on the ${dates.length} dates they all have: ${dropped} date${dropped === 1 ? '' : 's'} that not every symbol has ${dropped === 1 ? 'was' : 'were'} dropped.`);
  }
  const symbols = list.map((s) => s.symbol);
  return {
    run(options = {}) {
      const notes = [...baseNotes];
      const range = tradingRange(dates, warmup, options, notes);
      const run = runRotation(strategy, list, scores, dates, range);
      const benchmark = equalWeightHold(list, strategy.costs, range);
      return finishResult({ strategy, symbols, dates, range, run, benchmark, notes });
    },
    // A rotation may score by model(), one model per symbol: no single report to show.
    modelReport: () => null,
  };
}
