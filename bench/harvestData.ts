/**
 * Deterministic bench data for the tax-loss-harvest scan: a household of 50
 * accounts (30 taxable, 10 tax-deferred, 10 tax-free) holding 24 funds —
 * several of them share classes of one another (VTI/VTSAX, VOO/VFIAX,
 * VWO/VEMAX…) — with 10,000 opening lots bought over five years and 20,000
 * trades over the next eight (buys, reinvested dividends, FIFO sells that never
 * sell more than is held), the last 20 of them in the two months around the
 * scan date so that some lots are blocked by a recent purchase and some not. Prices are daily random walks, so some lots end
 * at a loss and some sells realize losses the wash-sale rule catches.
 */
import { parseDay } from '@/utils/portfolio/dates';
import { QTY_SCALE, valueOf } from '@/utils/portfolio/quantity';
import {
  DEFAULT_PORTFOLIO_SETTINGS,
  type Day,
  type Portfolio,
  type PortfolioAccount,
  type PortfolioLot,
  type PortfolioTaxType,
  type PortfolioTrade,
} from '@/utils/portfolio/types';
import { randomInt, seededRandom } from './random';

export const HARVEST_LOTS = 10_000;
export const HARVEST_TRADES = 20_000;
export const HARVEST_ACCOUNTS = 50;

const SYMBOLS = [
  'VTI', 'VTSAX', 'ITOT', 'SCHB', 'FSKAX',
  'VOO', 'VFIAX', 'IVV', 'SPY',
  'VEA', 'IEFA', 'SCHF', 'VXUS',
  'VWO', 'VEMAX', 'IEMG',
  'BND', 'AGG', 'BNDX',
  'VNQ', 'SCHH',
  'SCHP', 'TIP', 'SGOV',
];
const LOTS_FROM = parseDay('2014-01-02')!;
const TRADES_FROM = parseDay('2019-01-02')!;
/** Most trades end here; the last RECENT_TRADES fall around the scan date. */
const TRADES_BUSY_TO = parseDay('2026-10-31')!;
const TRADES_TO = parseDay('2026-12-31')!;
const RECENT_TRADES = 20;
/** The scan date: a few weeks before the last trade, so recorded later purchases fall in some windows. */
export const HARVEST_DATE: Day = parseDay('2026-12-10')!;

export function harvestBenchPortfolio(seed = 20261210): Portfolio {
  const random = seededRandom(seed);
  const taxTypes: PortfolioTaxType[] = ['taxable', 'taxable', 'taxable', 'tax-deferred', 'tax-free'];
  const accounts: PortfolioAccount[] = Array.from({ length: HARVEST_ACCOUNTS }, (_, i) => {
    const id = `account-${String(i).padStart(2, '0')}`;
    return { id, name: id, taxType: taxTypes[i % taxTypes.length]! };
  });

  // Daily prices in cents per symbol: a random walk of up to ±1.7% a day around
  // a drift of about 7% a year (each fund's own path, so some end below where
  // they were bought).
  const days = TRADES_TO - LOTS_FROM + 1;
  const prices = new Map<string, Int32Array>();
  for (const symbol of SYMBOLS) {
    const series = new Int32Array(days);
    let price = randomInt(random, 20_00, 500_00);
    for (let d = 0; d < days; d++) {
      price = Math.max(1_00, Math.round(price * (1.00027 + (random() - 0.5) * 0.034)));
      series[d] = price;
    }
    prices.set(symbol, series);
  }
  const priceOn = (symbol: string, day: Day) => prices.get(symbol)![day - LOTS_FROM]!;

  // Shares held per account + symbol, so sells never sell more than is held.
  const held = new Map<string, number>();
  const heldKeys: string[] = [];
  const hold = (account: string, symbol: string, quantity: number) => {
    const key = `${account}|${symbol}`;
    if (!held.has(key)) heldKeys.push(key);
    held.set(key, (held.get(key) ?? 0) + quantity);
  };
  const pickAccount = () => accounts[randomInt(random, 0, accounts.length - 1)]!.id;
  const pickSymbol = () => SYMBOLS[randomInt(random, 0, SYMBOLS.length - 1)]!;

  const lots: PortfolioLot[] = [];
  for (let i = 0; i < HARVEST_LOTS; i++) {
    const account = pickAccount();
    const symbol = pickSymbol();
    const quantity = randomInt(random, 1, 200) * QTY_SCALE + randomInt(random, 0, 9) * 100_000;
    const acquired = randomInt(random, LOTS_FROM, TRADES_FROM - 1);
    lots.push({ account, symbol, quantity, costBasisMinor: valueOf(quantity, priceOn(symbol, acquired)), acquired });
    hold(account, symbol, quantity);
  }

  const dates = Array.from({ length: HARVEST_TRADES }, (_, i) =>
    i < HARVEST_TRADES - RECENT_TRADES ? randomInt(random, TRADES_FROM, TRADES_BUSY_TO) : randomInt(random, TRADES_BUSY_TO + 1, TRADES_TO),
  ).sort((a, b) => a - b);
  const trades: PortfolioTrade[] = dates.map((date) => {
    const roll = random();
    if (roll < 0.3) {
      const key = heldKeys[randomInt(random, 0, heldKeys.length - 1)]!;
      const have = held.get(key)!;
      if (have >= QTY_SCALE) {
        const [account, symbol] = key.split('|') as [string, string];
        const quantity = Math.max(QTY_SCALE, Math.floor((have * randomInt(random, 5, 30)) / 100 / QTY_SCALE) * QTY_SCALE);
        held.set(key, have - quantity);
        return { account, symbol, side: 'sell', quantity, date, priceMinor: priceOn(symbol, date) };
      }
    }
    const account = pickAccount();
    const symbol = pickSymbol();
    const reinvest = roll > 0.88;
    const quantity = reinvest ? randomInt(random, 10_000, 2 * QTY_SCALE) : randomInt(random, 1, 100) * QTY_SCALE;
    hold(account, symbol, quantity);
    return { account, symbol, side: reinvest ? 'reinvest' : 'buy', quantity, date, priceMinor: priceOn(symbol, date) };
  });

  return {
    currency: 'USD',
    accounts,
    lots,
    trades,
    income: [],
    prices: Object.fromEntries(SYMBOLS.map((s) => [s, { priceMinor: priceOn(s, HARVEST_DATE), date: HARVEST_DATE }])),
    cash: {},
    targets: {},
    classes: {},
    identical: [],
    settings: { ...DEFAULT_PORTFOLIO_SETTINGS },
  };
}
