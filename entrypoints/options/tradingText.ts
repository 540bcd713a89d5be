/**
 * How the Trading lab section writes its figures and statements: money in
 * minor units and in currency units (the engine's backtests), prices in
 * micro-units, shares of a whole, ratios, calendar days, gaps and problems of
 * a price file, and the fixed sentences (the disclaimer, the rules grammar).
 * Pure: no DOM. Every string is plain text; file contents, symbols and
 * reasons are the person's own data and are never parsed as markup.
 */
import { formatMoney, minorDigits } from '@/utils/money';
import { formatDay, timestampOfDay } from '@/utils/portfolio/dates';
import { isNyseTradingDay } from '@/utils/trading/bars';
import type { BarGap, BarsFileProblem, Day, Metrics, OptionKind, OptionOutcomeKind } from '@/utils/trading/types';

export const DISCLAIMER =
  'Backtests are not predictions: they show how rules would have traded on past prices, after costs, with no look-ahead — not what they will earn. Trade only money the plan allows.';

export const RSI_EXAMPLE = 'buy when rsi(14) < 30\nsell when rsi(14) > 70\nsize 100%; fee 1 + 0.1%; slippage 5bp; capital 10,000';

/** The rules language, in short, for the help beside the Rules box. */
export const GRAMMAR_HELP: readonly string[] = [
  'buy when … ; sell when … — one rule each; combine with and, or, not and parentheses.',
  'Compare with <, <=, >, >=, crosses above, crosses below: close crosses above sma(200).',
  'Values: open high low close volume, sma(n) ema(n) rsi(n) macd(12,26,9).signal bbands(20,2).lower atr(n) roc(n), and model() — the learned signal, 0 to 1.',
  'Rotation: rotate SPY, EFA, AGG by roc(126) top 1 every 21 days only positive.',
  'Costs: size 50%; fee 1 + 0.1%; slippage 5bp; capital 10,000; fractional.',
];

export const KIND_LABELS: Record<OptionKind, string> = { 'covered-call': 'Covered call', 'cash-secured-put': 'Cash-secured put' };
export const STATUS_LABELS: Record<'open' | OptionOutcomeKind, string> = {
  open: 'Open',
  closed: 'Closed',
  expired: 'Expired',
  assigned: 'Assigned',
  rolled: 'Rolled',
};
export const MODE_LABELS = { paper: 'Paper', real: 'Real' } as const;

export interface TradingFormat {
  /** Minor units → "$1,234.56". */
  money(minor: number): string;
  /** Currency units (a backtest's equity) → "$12,345.67". */
  units(value: number): string;
  /** A price per share in currency units → "$123.4567" (up to 4 decimals). */
  price(value: number): string;
  /** Micro-units → "$123.45". */
  micros(micros: number): string;
  /** 0.1234 → "12.34%"; signed → "+12.34%". */
  percent(share: number, signed?: boolean): string;
  /** A ratio such as Sharpe → "1.23"; null → "—". */
  ratio(value: number | null): string;
  /** A whole count → "1,234". */
  count(n: number): string;
  /** A Day → "Mar 29, 2024". */
  day(day: Day): string;
}

export function tradingFormat(currency: string, locale: string): TradingFormat {
  const digits = minorDigits(currency);
  const units = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  const price = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 4) });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const signed = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const ratio = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    money: (minor) => formatMoney({ minor: Math.round(minor), currency }, locale),
    units: (value) => units.format(value),
    price: (value) => price.format(value),
    micros: (micros) => price.format(micros / 1e6),
    percent: (share, isSigned = false) => (Number.isFinite(share) ? (isSigned ? signed : percent).format(share) : '—'),
    ratio: (value) => (value === null || !Number.isFinite(value) ? '—' : ratio.format(value)),
    count: (n) => count.format(n),
    day: (d) => date.format(new Date(timestampOfDay(d))),
  };
}

/** "Imported 250 bars of SPY (2 unchanged)", with replaced days when any. */
export function importOutcomeText(symbol: string, result: { added: number; unchanged: number; replaced: number }): string {
  const parts: string[] = [];
  if (result.unchanged > 0) parts.push(`${result.unchanged} unchanged`);
  if (result.replaced > 0) parts.push(`${result.replaced} replaced`);
  const bars = result.added + result.replaced;
  if (bars === 0) return `Nothing new: every bar of ${symbol} in this file is already stored (${result.unchanged} unchanged).`;
  return `Imported ${bars} bar${bars === 1 ? '' : 's'} of ${symbol}${parts.length ? ` (${parts.join(', ')})` : ''}.`;
}

/** "Missing trading days: 2024-03-29 … 2024-04-01 (2), 2024-07-05 (1)"; null without gaps. At most `limit` gaps are listed. */
export function gapsText(gaps: readonly BarGap[], limit = 8): string | null {
  if (gaps.length === 0) return null;
  const one = (g: BarGap) => {
    // The first and last trading days inside the gap (weekends and NYSE holidays are not missing).
    let first = g.after + 1;
    while (first < g.before - 1 && !isNyseTradingDay(first)) first++;
    let last = g.before - 1;
    while (last > first && !isNyseTradingDay(last)) last--;
    return g.missing === 1 || first === last ? `${formatDay(first)} (${g.missing})` : `${formatDay(first)} … ${formatDay(last)} (${g.missing})`;
  };
  const shown = gaps.slice(0, limit).map(one).join(', ');
  const more = gaps.length > limit ? ` and ${gaps.length - limit} more gaps` : '';
  return `Missing trading days: ${shown}${more}.`;
}

/** "line 4, Close: not a price" / "line 1: …". */
export function problemText(p: BarsFileProblem): string {
  return `line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.reason}`;
}

/** Where a parse error sits in the rules: 1-based line and column, and that line with a caret under it. */
export function errorPosition(text: string, at: number): { line: number; column: number; excerpt: string; caret: string } {
  const offset = Math.max(0, Math.min(at, text.length));
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const start = before.lastIndexOf('\n') + 1;
  const endAt = text.indexOf('\n', offset);
  const excerpt = text.slice(start, endAt < 0 ? undefined : endAt);
  const column = offset - start + 1;
  return { line, column, excerpt, caret: `${' '.repeat(column - 1)}^` };
}

export interface MetricRow {
  label: string;
  strategy: string;
  benchmark: string;
}

/** The metrics table's rows, strategy beside buy-and-hold. */
export function metricRows(strategy: Metrics, benchmark: Metrics, f: TradingFormat): MetricRow[] {
  const row = (label: string, write: (m: Metrics) => string): MetricRow => ({ label, strategy: write(strategy), benchmark: write(benchmark) });
  return [
    row('Total return', (m) => f.percent(m.totalReturn, true)),
    row('CAGR', (m) => f.percent(m.cagr, true)),
    row('Max drawdown', (m) => (m.maxDrawdown === 0 ? f.percent(0) : f.percent(-m.maxDrawdown, true))),
    row('Sharpe', (m) => f.ratio(m.sharpe)),
    row('Sortino', (m) => f.ratio(m.sortino)),
    row('Win rate', (m) => (m.winRate === null ? '—' : f.percent(m.winRate))),
    row('Exposure', (m) => f.percent(m.exposure)),
    row('Trades', (m) => f.count(m.tradeCount)),
    row('Final equity', (m) => f.units(m.finalEquity)),
  ];
}

/** The chart's text alternative: where each curve starts and ends, and the deepest fall. */
export function equitySummary(
  what: string,
  dates: ArrayLike<number>,
  curves: readonly { label: string; values: ArrayLike<number> }[],
  f: TradingFormat,
): string {
  const n = dates.length;
  if (n === 0) return `${what}: no bars.`;
  const span = `${f.day(dates[0]!)} to ${f.day(dates[n - 1]!)}`;
  const parts = curves.map((c) => `${c.label} from ${f.units(c.values[0]!)} to ${f.units(c.values[n - 1]!)}`);
  return `${what}, ${span}: ${parts.join('; ')}.`;
}

export function drawdownSummary(dates: ArrayLike<number>, curves: readonly { label: string; values: ArrayLike<number> }[], f: TradingFormat): string {
  if (dates.length === 0) return 'Drawdown: no bars.';
  const parts = curves.map((c) => {
    let worst = 0;
    let at = 0;
    for (let i = 0; i < c.values.length; i++) if (c.values[i]! > worst) (worst = c.values[i]!), (at = i);
    return worst === 0 ? `${c.label} never fell below its peak` : `${c.label} fell at most ${f.percent(worst)} below its peak, on ${f.day(dates[at]!)}`;
  });
  return `Drawdown from the running peak: ${parts.join('; ')}.`;
}

/** A stored "YYYY-MM-DD" for people, through the same date format. */
export function isoDayText(iso: string | undefined, f: TradingFormat, parse: (s: string) => number | null): string {
  if (!iso) return '—';
  const d = parse(iso);
  return d === null ? iso : f.day(d);
}
