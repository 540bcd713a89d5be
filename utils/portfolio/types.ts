/**
 * The investing engine's contracts (issue 5): a portfolio as the engine reads
 * it, the ledger it replays, and what harvest, drift and rebalance report.
 *
 * Conventions, everywhere in utils/portfolio:
 * - money is integer minor units of `Portfolio.currency` (…Minor fields);
 * - quantities are integer micro-shares (1 share = 1_000_000, `Qty`), so
 *   fractional shares add up exactly; utils/portfolio/quantity.ts converts;
 * - dates are calendar days (`Day`: days since 1970-01-01), the trade date a
 *   statement prints, never a time of day; utils/portfolio/dates.ts converts;
 * - shares of a whole (targets, bands, drift, tax rates) are integer basis
 *   points (10000 = 100%).
 * Pure: no browser globals. Every result is structured-clone safe.
 */
import type { TaxType } from '../db/schema';

/** Days since 1970-01-01 (UTC calendar). */
export type Day = number;
/** Micro-shares: 1 share = 1_000_000. */
export type Qty = number;

export type PortfolioTaxType = Exclude<TaxType, 'none'>;
export const TRADE_SIDES = ['buy', 'sell', 'reinvest'] as const;
/** `reinvest` is a purchase paid by a dividend: a purchase for the wash-sale rule and dividend income. */
export type TradeSide = (typeof TRADE_SIDES)[number];
export const LOT_METHODS = ['fifo', 'chosen'] as const;
/** How a sell picks its lots when it names none: first in, first out. `chosen`: every sell must name its lots. */
export type LotMethod = (typeof LOT_METHODS)[number];
export const INCOME_KINDS_PORTFOLIO = ['dividend', 'interest'] as const;
export type PortfolioIncomeKind = (typeof INCOME_KINDS_PORTFOLIO)[number];

export interface PortfolioAccount {
  id: string;
  /** For people: "Fidelity brokerage". Defaults to the id. */
  name: string;
  taxType: PortfolioTaxType;
}

/** A lot held before the first trade in the file (or entered by hand). */
export interface PortfolioLot {
  account: string;
  symbol: string;
  quantity: Qty;
  /** The lot's total cost, fees included. */
  costBasisMinor: number;
  acquired: Day;
}

/** A sell names the lots it closes by acquisition date (specific identification). */
export interface ChosenLot {
  acquired: Day;
  quantity: Qty;
}

export interface PortfolioTrade {
  account: string;
  symbol: string;
  side: TradeSide;
  quantity: Qty;
  date: Day;
  /** Price per share. */
  priceMinor: number;
  /** Sells only: the lots it closes; absent means the lot method (FIFO). */
  lots?: ChosenLot[];
}

export interface PortfolioIncome {
  account: string;
  /** Absent for interest on cash. */
  symbol?: string;
  kind: PortfolioIncomeKind;
  date: Day;
  amountMinor: number;
}

export interface PortfolioPrice {
  priceMinor: number;
  /** The day the price is from; absent when the file does not say. */
  date?: Day;
}

export interface PortfolioSettings {
  /** Absolute band, in basis points of the whole (500 = 5 percentage points). */
  absoluteBandBasisPoints: number;
  /** Relative band, in basis points of the class's own target (2500 = 25%). */
  relativeBandBasisPoints: number;
  /** A lot is a harvest candidate when its loss is at least this much… */
  harvestMinLossMinor: number;
  /** …and at least this share of its cost basis. */
  harvestMinLossBasisPoints: number;
  shortTermRateBasisPoints: number;
  longTermRateBasisPoints: number;
  /** May the rebalance plan realize short-term gains in taxable accounts? */
  allowShortTermGains: boolean;
  lotMethod: LotMethod;
}

export const DEFAULT_PORTFOLIO_SETTINGS: PortfolioSettings = {
  absoluteBandBasisPoints: 500,
  relativeBandBasisPoints: 2500,
  harvestMinLossMinor: 100_000,
  harvestMinLossBasisPoints: 500,
  shortTermRateBasisPoints: 3200,
  longTermRateBasisPoints: 1500,
  allowShortTermGains: false,
  lotMethod: 'fifo',
};

/** Everything the engine needs, already validated (interchange.ts builds it). */
export interface Portfolio {
  currency: string;
  accounts: PortfolioAccount[];
  lots: PortfolioLot[];
  /** In file order; the ledger replays them by date, ties in file order. */
  trades: PortfolioTrade[];
  income: PortfolioIncome[];
  /** By symbol. */
  prices: Record<string, PortfolioPrice>;
  /** Uninvested cash per account id: counts as class "cash", spent first when rebalancing. */
  cash: Record<string, number>;
  /** Target per asset class, basis points summing to 10000. */
  targets: Record<string, number>;
  /** The person's symbol → class overrides (win over the built-in map). */
  classes: Record<string, string>;
  /** The person's groups of substantially identical symbols (added to the built-in ones). */
  identical: string[][];
  settings: PortfolioSettings;
}

// ------------------------------------------------------------------ ledger

/** Where a lot or a purchase came from: an opening lot or a trade, by index in the file. */
export type LotOrigin = { kind: 'lot'; index: number } | { kind: 'trade'; index: number };

/** A lot still held after the replay. */
export interface OpenLot {
  /** Stable within one replay: "lot:3", "trade:17", with ".2" for a part split off by a wash sale. */
  id: string;
  origin: LotOrigin;
  account: string;
  symbol: string;
  quantity: Qty;
  /** Cost basis of this quantity, wash-sale adjustments included. */
  basisMinor: number;
  /** The purchase date (what the wash-sale window looks at). */
  acquired: Day;
  /** Where the holding period starts: `acquired`, or earlier when a disallowed loss's holding period was carried over. */
  holdingFrom: Day;
  /** Disallowed loss added to this lot's basis (0 when none). */
  washAdjustmentMinor: number;
}

/** A purchase, for the wash-sale window: every opening lot, buy and reinvestment. */
export interface Purchase {
  origin: LotOrigin;
  account: string;
  symbol: string;
  side: 'lot' | TradeSide;
  date: Day;
  quantity: Qty;
}

/** Shares of a loss sale whose loss was disallowed, and the purchase that replaced them. */
export interface WashReplacement {
  purchase: LotOrigin;
  account: string;
  symbol: string;
  date: Day;
  quantity: Qty;
  disallowedMinor: number;
  /** True when the replacement is in a tax-deferred or tax-free account: the loss is lost for good, no basis carries. */
  permanent: boolean;
}

/** One lot (or part of one) closed by a sell. */
export interface Disposal {
  tradeIndex: number;
  account: string;
  taxType: PortfolioTaxType;
  symbol: string;
  quantity: Qty;
  acquired: Day;
  holdingFrom: Day;
  sold: Day;
  proceedsMinor: number;
  basisMinor: number;
  /** proceeds − basis, before any disallowance. */
  gainMinor: number;
  term: 'short' | 'long';
  /** Loss not deductible now (0 when none); the sum of the replacements'. */
  disallowedMinor: number;
  replacements: WashReplacement[];
}

export interface Ledger {
  open: OpenLot[];
  disposals: Disposal[];
  /** Sorted by date, ties in file order (opening lots first). */
  purchases: Purchase[];
}

export interface RealizedYear {
  year: number;
  /** Taxable accounts only; deductible amounts (disallowed losses left out). */
  shortTermMinor: number;
  longTermMinor: number;
  disallowedMinor: number;
  proceedsMinor: number;
}

// ------------------------------------------------------------------ harvest

/** What blocks a harvest: the purchase (trade or lot) inside the wash-sale window. */
export interface HarvestBlocker {
  kind: 'trade' | 'lot';
  /** Index in the file's `trades` or `lots`. */
  index: number;
  account: string;
  symbol: string;
  side: 'lot' | TradeSide;
  quantity: Qty;
  date: Day;
}

export type HarvestVerdict =
  | 'harvestable'
  /** A purchase of the same or a substantially identical symbol within 30 days: the whole loss would be disallowed. */
  | 'wash-sale'
  /** Purchases within 30 days cover part of the lot: that part of the loss would be disallowed. */
  | 'partial-wash-sale'
  | 'below-threshold'
  /** In a tax-deferred or tax-free account: a loss there is not deductible. */
  | 'not-taxable'
  | 'no-price';

export interface HarvestCandidate {
  lotId: string;
  account: string;
  symbol: string;
  acquired: Day;
  holdingFrom: Day;
  quantity: Qty;
  basisMinor: number;
  valueMinor: number;
  /** Positive: how much below its basis the lot is. */
  lossMinor: number;
  /** lossMinor / basisMinor, basis points. */
  lossBasisPoints: number;
  term: 'short' | 'long';
  /** Tax saved by deducting the loss at the term's rate (0 unless harvestable). */
  taxSavedMinor: number;
  /** Loss that would be disallowed by purchases inside the window. */
  disallowedMinor: number;
  harvestable: boolean;
  verdict: HarvestVerdict;
  blockedBy: HarvestBlocker | null;
  reason: string;
  /** Symbols to buy instead: same class, not substantially identical, not inside a wash window of their own. */
  replacements: string[];
}

export interface HarvestReport {
  date: Day;
  /** One per lot at a loss, largest loss first. */
  candidates: HarvestCandidate[];
  /** Sum of taxSavedMinor over harvestable candidates. */
  taxSavedMinor: number;
}

// ------------------------------------------------------------------ drift and rebalance

export interface ClassDrift {
  assetClass: string;
  valueMinor: number;
  shareBasisPoints: number;
  targetBasisPoints: number;
  /** share − target (positive: overweight). */
  driftBasisPoints: number;
  /** The band that applies: min(absolute, relative × target); absolute alone for a zero target. */
  bandBasisPoints: number;
  outside: boolean;
}

export interface DriftReport {
  totalMinor: number;
  classes: ClassDrift[];
  /** Classes outside their band. */
  outside: string[];
  /** Symbols with no price: their lots are left out of the values (named, never guessed). */
  unpriced: string[];
}

export interface RebalanceLotSale {
  lotId: string;
  quantity: Qty;
  basisMinor: number;
  proceedsMinor: number;
  gainMinor: number;
  term: 'short' | 'long';
}

export interface RebalanceTrade {
  account: string;
  taxType: PortfolioTaxType;
  symbol: string;
  assetClass: string;
  side: 'buy' | 'sell';
  quantity: Qty;
  amountMinor: number;
  /** Lots a sell closes (empty for buys). */
  lots: RebalanceLotSale[];
  /** Gains minus losses realized (0 outside taxable accounts and for buys). */
  realizedGainMinor: number;
  /** Estimated tax at the person's rates; negative when a loss saves tax. */
  taxCostMinor: number;
  reason: string;
}

export interface RebalancePlan {
  before: DriftReport;
  after: DriftReport;
  trades: RebalanceTrade[];
  /** Cash spent on buys without any sale (cash-flow rebalancing). */
  cashUsedMinor: number;
  taxCostMinor: number;
  /** Classes the plan could not bring inside their band, with why (for example: only short-term gains left to sell). */
  unresolved: { assetClass: string; reason: string }[];
}

/** All the Portfolio view shows, from one call in the worker. */
export interface PortfolioReport {
  currency: string;
  date: Day;
  drift: DriftReport;
  rebalance: RebalancePlan;
  harvest: HarvestReport;
  realized: RealizedYear[];
  open: OpenLot[];
  /** Dividends and interest per year (reinvested dividends included). */
  incomeByYear: { year: number; dividendsMinor: number; interestMinor: number }[];
}
