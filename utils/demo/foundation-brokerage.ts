/**
 * The demo household's taxable brokerage as a real portfolio: opening tax
 * lots from before the history, a buy every month when the contribution
 * arrives, cash dividends (BND monthly, the stock funds quarterly) as
 * Foundation income on the dividend stream, month-end closes of every fund,
 * the allocation targets, the portfolio settings (today's uninvested cash)
 * and a balance snapshot at every month's last weekday and today.
 *
 * The story the Portfolio section shows:
 * - month 5: the developed-markets lots (VEA, bought before the history near
 *   a high) are sold at a long-term loss and the money goes to VXUS, which is
 *   not substantially identical (a tax-loss harvest done right: no purchase
 *   of VEA within 30 days either side);
 * - months 0–17: each contribution buys what is furthest below its target
 *   (cash-flow rebalancing); from month 18 the household's automatic
 *   investment buys only stocks (2/3 VTI, 1/3 VXUS), so by today bonds have
 *   drifted below their band (10 % target, ±2.5 points);
 * - month 22: a $7,500 bonus bought VWO near its peak; VWO has fallen since,
 *   so today that lot is a harvestable loss (no VWO bought since).
 *
 * Consistency, to the cent: the snapshot of a day is every open lot valued
 * at that day's close (valueOf per lot, as the portfolio engine values them)
 * plus the cash left from deposits (the checking account's transfers, see
 * foundation-household.ts), dividends and sales less purchases.
 */
import { DEFAULT_PORTFOLIO_SETTINGS } from '@/utils/portfolio/types';
import { formatQty, valueOf, mulDivRound, QTY_SCALE } from '@/utils/portfolio/quantity';
import type { BackupTables } from '@/utils/backup/format';
import { addDays, isoDay, noonOf } from './calendar';
import { householdSchedule, lastWeekdayOf, weekdayOnOrAfter, weekdayOnOrBefore } from './foundation-household';
import { MarketPath, SYMBOLS, type DemoSymbol } from './foundation-market';
import { DEMO_IDS, type DemoContext } from './types';
import { DEMO_PROVENANCE } from './records';

const PROVENANCE = DEMO_PROVENANCE;

/** Targets in basis points, by the engine's asset class ids (utils/portfolio/classes.ts). */
export const TARGETS = { 'us-total-market': 6000, 'intl-developed': 3000, 'us-bonds': 1000 } as const;
const CLASS_OF: Record<DemoSymbol, keyof typeof TARGETS | 'emerging'> = {
  VTI: 'us-total-market',
  VXUS: 'intl-developed',
  VEA: 'intl-developed',
  BND: 'us-bonds',
  VWO: 'emerging',
};
/** The fund each targeted class buys. */
const BUY_FUND: Record<keyof typeof TARGETS, DemoSymbol> = { 'us-total-market': 'VTI', 'intl-developed': 'VXUS', 'us-bonds': 'BND' };

/** From this month on, contributions buy stocks only. */
export const STOCKS_ONLY_FROM = 18;
/** The month the VEA lots are sold at a loss. */
export const VEA_SALE_MONTH = 5;

/** The lots held before the history: days before the first day, shares, cost per share in cents. */
const OPENING_LOTS: readonly { symbol: DemoSymbol; daysBefore: number; shares: number; priceMinor: number }[] = [
  { symbol: 'VTI', daysBefore: 910, shares: 150, priceMinor: 20_540 },
  { symbol: 'VEA', daysBefore: 700, shares: 220, priceMinor: 5_230 },
  { symbol: 'VXUS', daysBefore: 560, shares: 100, priceMinor: 5_710 },
  { symbol: 'BND', daysBefore: 430, shares: 80, priceMinor: 7_240 },
];
/** Uninvested cash the day before the history starts. */
export const OPENING_CASH_MINOR = 31_245;

/** A quarter's (or BND's month's) dividend as a share of the price. */
const DIVIDEND_YIELD: Record<DemoSymbol, number> = { VTI: 0.0034, VXUS: 0.0078, BND: 0.0029, VEA: 0.0075, VWO: 0.008 };
const QUARTER_END_MONTHS = new Set([3, 6, 9, 12]);

interface Lot {
  symbol: DemoSymbol;
  quantity: number;
}

/** The brokerage's records (its snapshots included). */
export type BrokerageTables = Pick<BackupTables, 'taxLots' | 'trades' | 'prices' | 'incomeEvents' | 'balanceSnapshots' | 'allocationTargets' | 'portfolioSettings'>;

/** The shares (micro-shares, whole thousandths of a share) that `amountMinor` buys at `priceMinor`: never more than the amount. */
function sharesFor(amountMinor: number, priceMinor: number): number {
  return Math.floor((amountMinor * 1000) / priceMinor) * (QTY_SCALE / 1000);
}

export function brokerageHistory(ctx: DemoContext, market: MarketPath): BrokerageTables {
  const account = DEMO_IDS.brokerage;
  const schedule = householdSchedule(ctx);
  const lots: Lot[] = [];
  const taxLots: BackupTables['taxLots'] = [];
  const trades: BackupTables['trades'] = [];
  const prices: BackupTables['prices'] = [];
  const incomeEvents: BackupTables['incomeEvents'] = [];
  const balanceSnapshots: BackupTables['balanceSnapshots'] = [];
  let cash = OPENING_CASH_MINOR;

  for (const opening of OPENING_LOTS) {
    const day = weekdayOnOrBefore(addDays(ctx.firstDay, -opening.daysBefore));
    const quantity = opening.shares * QTY_SCALE;
    lots.push({ symbol: opening.symbol, quantity });
    taxLots.push({
      id: `demo-lot-${opening.symbol.toLowerCase()}-${day}`,
      accountId: account,
      symbol: opening.symbol,
      acquiredAt: noonOf(day),
      quantity: formatQty(quantity),
      costBasis: { minor: opening.shares * opening.priceMinor, currency: ctx.currency },
      source: 'import',
      provenance: PROVENANCE,
    });
  }

  const held = (symbol: DemoSymbol) => lots.filter((l) => l.symbol === symbol).reduce((sum, l) => sum + l.quantity, 0);
  const valueOn = (day: string) => lots.reduce((sum, l) => sum + valueOf(l.quantity, market.price(l.symbol, day)), 0);
  const money = (minor: number) => ({ minor, currency: ctx.currency });

  const payDividend = (symbol: DemoSymbol, day: string) => {
    const quantity = held(symbol);
    if (quantity === 0) return;
    // Per share in hundredths of a cent (as funds declare them: $1.0512), then shares × that, to the cent.
    const perShare = Math.round(market.price(symbol, day) * DIVIDEND_YIELD[symbol] * 100);
    const amount = mulDivRound(quantity, perShare, QTY_SCALE * 100);
    if (amount === 0) return;
    cash += amount;
    incomeEvents.push({
      id: `demo-div-${symbol.toLowerCase()}-${day.slice(0, 7)}`,
      streamId: DEMO_IDS.dividendStream,
      at: noonOf(day),
      amount: money(amount),
      kind: 'dividend',
      source: 'import',
      provenance: { ...PROVENANCE, label: symbol, rawText: `DIVIDEND RECEIVED ${symbol} ${formatQty(quantity)} SH @ $${(perShare / 10_000).toFixed(4)}` },
    });
  };

  const trade = (day: string, symbol: DemoSymbol, side: 'buy' | 'sell', quantity: number) => {
    const price = market.price(symbol, day);
    trades.push({
      id: `demo-trade-${day}-${String(trades.filter((t) => t.date === day).length + 1)}`,
      accountId: account,
      symbol,
      side,
      quantity: formatQty(quantity),
      price: money(price),
      date: day,
      source: 'import',
      provenance: PROVENANCE,
    });
    return valueOf(quantity, price);
  };
  const buy = (day: string, symbol: DemoSymbol, amountMinor: number) => {
    const quantity = sharesFor(amountMinor, market.price(symbol, day));
    if (quantity === 0) return;
    cash -= trade(day, symbol, 'buy', quantity);
    lots.push({ symbol, quantity });
  };

  /** The month's contribution: what is furthest below target first (months before STOCKS_ONLY_FROM), else 2/3 VTI and 1/3 VXUS. */
  const invest = (day: string, index: number, amountMinor: number) => {
    if (index >= STOCKS_ONLY_FROM) {
      const us = Math.floor((amountMinor * 2) / 3);
      buy(day, 'VTI', us);
      buy(day, 'VXUS', amountMinor - us);
      return;
    }
    const values = new Map<string, number>();
    let total = amountMinor;
    for (const lot of lots) {
      const v = valueOf(lot.quantity, market.price(lot.symbol, day));
      values.set(CLASS_OF[lot.symbol], (values.get(CLASS_OF[lot.symbol]) ?? 0) + v);
      total += v;
    }
    const classes = Object.keys(TARGETS) as (keyof typeof TARGETS)[];
    const deficits = classes.map((c) => Math.max(0, Math.floor((total * TARGETS[c]) / 10_000) - (values.get(c) ?? 0)));
    const short = deficits.reduce((a, b) => a + b, 0);
    classes.forEach((c, i) => {
      const amount =
        short >= amountMinor
          ? Math.floor((amountMinor * deficits[i]!) / short)
          : deficits[i]! + Math.floor(((amountMinor - short) * TARGETS[c]) / 10_000);
      buy(day, BUY_FUND[c], amount);
    });
  };

  for (const m of schedule) {
    const { month, index } = m;
    const monthEnd = month.current ? weekdayOnOrBefore(ctx.today) : lastWeekdayOf(month);
    // BND pays on the month's first weekday.
    const bndDay = weekdayOnOrAfter(isoDay(month.year, month.month, 1));
    if (bndDay >= market.firstDay && bndDay <= ctx.today) payDividend('BND', bndDay);

    for (const transfer of m.brokerageTransfers) {
      cash += transfer.amountMinor;
      if (transfer.bonus) {
        buy(transfer.day, 'VWO', transfer.amountMinor);
        continue;
      }
      if (index === VEA_SALE_MONTH && held('VEA') > 0) {
        cash += trade(transfer.day, 'VEA', 'sell', held('VEA'));
        for (let i = lots.length - 1; i >= 0; i--) if (lots[i]!.symbol === 'VEA') lots.splice(i, 1);
      }
      invest(transfer.day, index, Math.floor(cash / 100) * 100);
    }

    // The stock funds pay on the quarter's last weekday.
    const quarterDay = lastWeekdayOf(month);
    if (QUARTER_END_MONTHS.has(month.month) && quarterDay <= ctx.today) {
      for (const symbol of ['VTI', 'VXUS', 'VEA', 'VWO'] as const) payDividend(symbol, quarterDay);
    }

    // Month-end closes of every fund (today's month: the latest weekday so far, when it is in this month).
    if (monthEnd >= isoDay(month.year, month.month, 1)) {
      for (const symbol of SYMBOLS) {
        prices.push({
          id: `demo-price-${symbol.toLowerCase()}-${month.key}`,
          symbol,
          date: monthEnd,
          price: money(market.price(symbol, monthEnd)),
          source: 'import',
          provenance: PROVENANCE,
        });
      }
    }
    // The statement: a complete month's last weekday, or today (valued at the latest closes).
    const snapshotDay = month.current ? ctx.today : monthEnd;
    balanceSnapshots.push({
      id: `demo-bal-brokerage-${month.key}`,
      accountId: account,
      at: noonOf(snapshotDay),
      amount: money(valueOn(weekdayOnOrBefore(snapshotDay)) + cash),
      source: 'import',
      provenance: PROVENANCE,
    });
  }

  const allocationTargets: BackupTables['allocationTargets'] = (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).map((assetClass) => ({
    id: `demo-target-${assetClass}`,
    assetClass,
    targetBasisPoints: TARGETS[assetClass],
    bandBasisPoints: 500,
  }));
  const portfolioSettings: BackupTables['portfolioSettings'] = [
    {
      key: 'portfolio',
      currency: ctx.currency,
      ...DEFAULT_PORTFOLIO_SETTINGS,
      classOverrides: {},
      identical: [],
      cash: { [account]: cash },
      driftNotifications: true,
    },
  ];
  return { taxLots, trades, prices, incomeEvents, balanceSnapshots, allocationTargets, portfolioSettings };
}
