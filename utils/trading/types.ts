/**
 * The trading lab's contracts (issue 6): price bars, indicator outputs,
 * strategies, backtest results, the learned signal, paper trading and the
 * options income log.
 *
 * Conventions, everywhere in utils/trading:
 * - a bar's date is the trading day a price file prints ("YYYY-MM-DD");
 *   inside the engine it is a `Day` (days since 1970-01-01, utils/portfolio/dates.ts);
 * - STORED prices are integer micro-units of the currency (1.5 USD =
 *   1_500_000, `PriceMicros`), stored money is integer minor units; the
 *   analytics (indicators, backtests, the model) run on Float64Array of
 *   prices in currency units, because they are statistics, not balances;
 * - an indicator value that does not exist yet (warm-up) is NaN in a typed
 *   array and null in JSON;
 * - shares of a whole in settings are basis points (10000 = 100%).
 * Pure: no browser globals. Every result is structured-clone safe.
 */
import type { Day } from '../portfolio/types';

export type { Day };

/** Price in micro-units of the currency: 1.5 USD = 1_500_000. */
export type PriceMicros = number;

// ------------------------------------------------------------------ bars (bars.ts)

/** One daily bar as a price file gives it (prices in micro-units, before any adjustment). */
export interface Bar {
  date: Day;
  open: PriceMicros;
  high: PriceMicros;
  low: PriceMicros;
  close: PriceMicros;
  /** The file's "Adj Close" (splits and dividends), when it has one. */
  adjClose: PriceMicros | null;
  /** Shares traded; 0 when the file has no volume. */
  volume: number;
}

/** `ohlcv`: Date,Open,High,Low,Close[,Adj Close],Volume. `close-only`: Date,Close (open/high/low = close). */
export type BarLayout = 'ohlcv' | 'close-only';

export interface BarsFileProblem {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  /** The header name of the column, or null for the whole line. */
  column: string | null;
  reason: string;
}

/** Trading days missing between two bars (weekdays that are not NYSE holidays), or calendar days when the file trades on weekends. */
export interface BarGap {
  /** The last bar before the gap and the first after it. */
  after: Day;
  before: Day;
  /** How many trading days are missing. */
  missing: number;
}

export type ParsedBars =
  | {
      ok: true;
      layout: BarLayout;
      /** Sorted by date ascending, whatever order the file had. */
      bars: Bar[];
      gaps: BarGap[];
      /** Statements for people: rounding to 6 decimals, a jump that looks like an unadjusted split, the layout's adjustment rule. */
      notes: string[];
    }
  | { ok: false; problems: BarsFileProblem[] };

/**
 * The analysis series of one symbol: prices in currency units, adjusted when
 * `adjusted` (open/high/low/close × adjClose/close of the same day, so splits
 * and dividends do not show as price jumps).
 */
export interface PriceSeries {
  symbol: string;
  dates: Int32Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  adjusted: boolean;
  /** true when the source had only closes: fills happen at the next close, not the next open. */
  closeOnly: boolean;
}

// ------------------------------------------------------------------ indicators (indicators.ts)

export const INDICATOR_NAMES = ['sma', 'ema', 'rsi', 'macd', 'bbands', 'atr', 'roc'] as const;
export type IndicatorName = (typeof INDICATOR_NAMES)[number];

export interface MacdOutput {
  macd: Float64Array;
  signal: Float64Array;
  histogram: Float64Array;
}
export interface BandsOutput {
  lower: Float64Array;
  middle: Float64Array;
  upper: Float64Array;
}

// ------------------------------------------------------------------ strategies (strategy.ts)

/** A number a rule compares: a price field, an indicator output, the learned signal or a constant. */
export type Operand =
  | { kind: 'number'; value: number }
  | { kind: 'price'; field: 'open' | 'high' | 'low' | 'close' | 'volume' }
  /** `field` picks one output of a multi-output indicator: macd.signal, bbands.lower… (default: macd→macd, bbands→middle). */
  | { kind: 'indicator'; name: IndicatorName; params: number[]; field: string | null }
  /** The learned momentum signal (model.ts): probability that the next close is higher, 0..1. */
  | { kind: 'model' };

export type Condition =
  | { kind: 'compare'; op: '<' | '<=' | '>' | '>=' ; left: Operand; right: Operand }
  /** left crosses above right on bar t: left[t-1] <= right[t-1] and left[t] > right[t] (below: mirrored). */
  | { kind: 'cross'; direction: 'above' | 'below'; left: Operand; right: Operand }
  | { kind: 'and' | 'or'; items: Condition[] }
  | { kind: 'not'; item: Condition };

/** How much of the equity a new position takes, and what trading costs. */
export interface StrategyCosts {
  /** Share of equity per position, basis points (10000 = all of it). */
  sizeBasisPoints: number;
  /** Fixed fee per fill, in currency units (1 = $1.00). */
  feePerTrade: number;
  /** Fee as a share of the fill's value, basis points. */
  feeBasisPoints: number;
  /** Slippage against the fill price, basis points: buys pay more, sells get less. */
  slippageBasisPoints: number;
  /** Starting cash, currency units. */
  capital: number;
  /** Whole shares only (default) or fractional. */
  fractional: boolean;
}

export type Strategy =
  | { kind: 'rules'; text: string; buy: Condition; sell: Condition; costs: StrategyCosts }
  /**
   * Momentum rotation: every `every` bars, hold the `top` symbols with the
   * highest score (equal weight), nothing when `absolute` and the score is <= 0.
   */
  | {
      kind: 'rotation';
      text: string;
      symbols: string[];
      score: Operand;
      top: number;
      every: number;
      absolute: boolean;
      costs: StrategyCosts;
    };

export type ParsedStrategy = { ok: true; strategy: Strategy } | { ok: false; error: string; /** 0-based character offset of the problem in the text */ at: number };

// ------------------------------------------------------------------ backtests (backtest.ts, metrics.ts, walkforward.ts)

export interface Fill {
  symbol: string;
  side: 'buy' | 'sell';
  /** The day of the fill (t+1); the signal was on `signalDate` (t). */
  date: Day;
  signalDate: Day;
  shares: number;
  /** Price paid or received per share, slippage included, currency units. */
  price: number;
  fee: number;
  /** Why, for people: "rsi(14) < 30 on 2024-03-04 (27.41)". */
  reason: string;
}

/** A round trip: entry and exit (exit null while still open at the end). */
export interface TradeRecord {
  symbol: string;
  entry: Fill;
  exit: Fill | null;
  /** Profit after fees and slippage, currency units; marked to the last close when open. */
  profit: number;
  /** profit ÷ money put in at entry (price × shares + fee). */
  returnPct: number;
  barsHeld: number;
}

export interface Metrics {
  totalReturn: number;
  cagr: number;
  /** Largest peak-to-trough fall of the equity, as a positive share (0.25 = −25%). */
  maxDrawdown: number;
  /** Daily returns, rf = 0, annualized ×√252; sample standard deviation. null when it has no variance. */
  sharpe: number | null;
  /** Daily, annualized ×√252, downside deviation over all days. null without a down day. */
  sortino: number | null;
  /** Share of closed trades with a profit; null without closed trades. */
  winRate: number | null;
  /** Share of bars that ended holding a position. */
  exposure: number;
  /** Closed round trips. */
  tradeCount: number;
  finalEquity: number;
}

export interface BacktestResult {
  strategyText: string;
  symbols: string[];
  dates: Int32Array;
  /** Equity at each close, currency units. */
  equity: Float64Array;
  /** Buy-and-hold on the same data: all capital into the first symbol (equal parts for rotation) at the first bar's open after the first close, held. */
  benchmarkEquity: Float64Array;
  /** Fall from the running peak, 0..1, at each close. */
  drawdown: Float64Array;
  benchmarkDrawdown: Float64Array;
  fills: Fill[];
  trades: TradeRecord[];
  metrics: Metrics;
  benchmark: Metrics;
  /** Index of the first bar where every operand of the strategy exists (end of the warm-up). */
  firstSignalIndex: number;
  notes: string[];
}

export interface WalkForwardFold {
  inSample: { from: Day; to: Day; edge: number };
  outOfSample: { from: Day; to: Day; edge: number };
}

/** edge = strategy Sharpe − buy-and-hold Sharpe over the same bars. */
export interface WalkForwardReport {
  folds: WalkForwardFold[];
  inSampleEdge: number;
  outOfSampleEdge: number;
  /** In-sample edge > 0 and out-of-sample edge <= 0. */
  overfit: boolean;
  verdict: string;
}

// ------------------------------------------------------------------ learned signal (model.ts)

export interface ModelOptions {
  /** Lagged daily returns used as features (r[t], r[t-1], …). */
  lags: number;
  /** Bars in the first training window. */
  minTrain: number;
  /** Retrain every `step` bars; predictions between retrains use the last model. */
  step: number;
  /** L2 penalty. */
  l2: number;
}

export interface ModelReport {
  /** P(close[t+1] > close[t]) known at the close of t; NaN before the first model. */
  probability: Float64Array;
  features: string[];
  /** Predictions scored out of sample (each made by a model that never saw its label). */
  predictions: number;
  /** Share of those predictions (up when p > 0.5) that were right. */
  accuracy: number | null;
  /** Share of up days among those same bars: always guessing the commoner side scores max(baseRate, 1 − baseRate). */
  baseRate: number | null;
  /** accuracy − max(baseRate, 1 − baseRate). */
  edge: number | null;
  verdict: string;
  /** The last model's weights (standardized features, intercept first). */
  weights: number[];
}

// ------------------------------------------------------------------ options income (options.ts)

export const OPTION_KINDS = ['covered-call', 'cash-secured-put'] as const;
export type OptionKind = (typeof OPTION_KINDS)[number];
export const OPTION_OUTCOMES = ['closed', 'expired', 'assigned', 'rolled'] as const;
export type OptionOutcomeKind = (typeof OPTION_OUTCOMES)[number];

/** Money below is integer minor units of `currency`; strike and underlying per share. */
export interface OptionPosition {
  id: string;
  accountId: string;
  kind: OptionKind;
  symbol: string;
  currency: string;
  openedOn: Day;
  expiry: Day;
  strikeMinor: number;
  contracts: number;
  /** Premium received at open, all contracts, after fees. */
  premiumMinor: number;
  /** Share price at open (covered calls: the capital at risk is the shares). */
  underlyingMinor: number | null;
  /** Null while open. `rolled` closes this one (buy-back cost) and names the new position. */
  outcome: null | {
    kind: OptionOutcomeKind;
    on: Day;
    /** Paid to buy back (closed, rolled), minor units; 0 otherwise. */
    costMinor: number;
    rolledIntoId?: string;
  };
}

export interface OptionPositionView {
  id: string;
  status: 'open' | OptionOutcomeKind;
  /** Cash secured (puts: strike × 100 × contracts) or shares covered (calls: underlying × 100 × contracts). */
  capitalMinor: number;
  netPremiumMinor: number;
  /** Days from open to outcome (or to expiry while open), at least 1. */
  days: number;
  /** net premium ÷ capital × 365 ÷ days. */
  annualizedYield: number;
  /** Assignment: shares the account receives (put, > 0) or delivers (call, < 0), at the strike. */
  sharesDelta: number;
  /** Put assignment: strike − premium per share, minor units; null otherwise. */
  effectiveCostPerShareMinor: number | null;
  daysToExpiry: number | null;
}

export interface OptionsReport {
  currency: string;
  positions: OptionPositionView[];
  /** Cash basis: premium in the month opened, buy-backs in the month closed. "YYYY-MM". */
  premiumByMonth: { month: string; premiumMinor: number; buybackMinor: number; netMinor: number }[];
  netPremiumMinor: number;
  /** Net premium ÷ capital-days × 365 over every position. */
  annualizedYield: number | null;
  assignments: { id: string; symbol: string; on: Day; sharesDelta: number; strikeMinor: number }[];
  openCapitalMinor: number;
  /** Open positions expiring within `reminderDays` of today, soonest first. */
  expiringSoon: { id: string; symbol: string; expiry: Day; daysLeft: number }[];
}

// ------------------------------------------------------------------ risk (risk.ts)

export interface RiskReport {
  currency: string;
  /** The plan's cap on capital in this layer (plan cap a month × months), minor units; 0 while the gate is closed. */
  capMinor: number;
  capReason: string;
  /** Open options capital + real strategy capital. */
  atRiskMinor: number;
  items: { label: string; minor: number }[];
  over: boolean;
  warning: string | null;
}
