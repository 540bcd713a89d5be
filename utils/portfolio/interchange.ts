/**
 * The portfolio interchange file (README "Portfolio file"): what `strata
 * harvest` and `strata rebalance` read and what the options page imports and
 * exports. Parsing checks everything and names every problem by path
 * (`lots[3].acquired`); nothing is guessed. Serializing is stable: the same
 * portfolio always gives the same bytes.
 *
 *   {
 *     "format": "strata-portfolio", "version": 1,
 *     "accounts": [{ "id": "ira", "taxType": "tax-deferred", "name": "Vanguard IRA" }],
 *     "lots":   [{ "account": "ira", "symbol": "VTI", "quantity": 10, "costBasisMinor": 200000, "acquired": "2024-01-05" }],
 *     "trades": [{ "account": "ira", "symbol": "VTI", "side": "buy", "quantity": 2, "date": "2026-11-02", "priceMinor": 29000 }],
 *     "income": [{ "account": "ira", "symbol": "VTI", "kind": "dividend", "date": "2026-09-30", "amountMinor": 1234 }],
 *     "prices": { "VTI": 28000, "BND": { "priceMinor": 7200, "date": "2026-11-23" } },
 *     "cash": { "ira": 50000 },
 *     "targets": { "us-total-market": 0.6, "us-bonds": 0.4 },
 *     "classes": { "FSKAX": "us-total-market" },
 *     "identical": [["VTI", "ITOT"]],
 *     "settings": { "currency": "USD", "bands": { "absolute": 0.05, "relative": 0.25 },
 *                   "harvest": { "minLossMinor": 100000, "minLossShare": 0.05 },
 *                   "taxRates": { "shortTerm": 0.32, "longTerm": 0.15 },
 *                   "allowShortTermGains": false, "lotMethod": "fifo" }
 *   }
 */
import type { FieldIssue } from '../db/errors';
import { isCurrencyCode } from '../money/currency';
import { ASSET_CLASS_ID, normalizeSymbol, TICKER_SYMBOL } from './classes';
import { formatDay, parseDay } from './dates';
import { parseQty, qtyToNumber } from './quantity';
import {
  DEFAULT_PORTFOLIO_SETTINGS,
  INCOME_KINDS_PORTFOLIO,
  LOT_METHODS,
  TRADE_SIDES,
  type ChosenLot,
  type Day,
  type Portfolio,
  type PortfolioAccount,
  type PortfolioIncome,
  type PortfolioLot,
  type PortfolioPrice,
  type PortfolioSettings,
  type PortfolioTaxType,
  type PortfolioTrade,
  type Qty,
} from './types';

export const PORTFOLIO_FORMAT = 'strata-portfolio';
export const PORTFOLIO_VERSION = 1;
const TAX_TYPES: readonly PortfolioTaxType[] = ['taxable', 'tax-deferred', 'tax-free'];
const ACCOUNT_ID = /^[\w.:-]{1,100}$/;

export type PortfolioResult = { ok: true; portfolio: Portfolio } | { ok: false; error: string; issues: FieldIssue[] };

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

class Reader {
  readonly issues: FieldIssue[] = [];
  fail(field: string, message: string): undefined {
    this.issues.push({ field, message: `${field} ${message}` });
    return undefined;
  }
  day(x: unknown, field: string): Day | undefined {
    if (typeof x !== 'string') return this.fail(field, 'must be a date written YYYY-MM-DD');
    const day = parseDay(x);
    return day ?? this.fail(field, `must be a real date written YYYY-MM-DD, got "${x}"`);
  }
  qty(x: unknown, field: string): Qty | undefined {
    if (typeof x !== 'number' && typeof x !== 'string') return this.fail(field, 'must be a number of shares');
    const qty = parseQty(x);
    if (qty === null) return this.fail(field, `must be a number of shares with at most 6 decimals, got ${JSON.stringify(x)}`);
    return qty > 0 ? qty : this.fail(field, 'must be more than zero');
  }
  minor(x: unknown, field: string, min: number): number | undefined {
    if (typeof x !== 'number' || !Number.isSafeInteger(x)) {
      return this.fail(field, `must be a whole number of minor units (cents), got ${JSON.stringify(x)}`);
    }
    return x >= min ? x : this.fail(field, min === 0 ? 'cannot be negative' : 'must be more than zero');
  }
  /** A share written as a fraction (0.25) → basis points, exactly. */
  share(x: unknown, field: string, max = 10000): number | undefined {
    if (typeof x !== 'number' || !Number.isFinite(x)) return this.fail(field, 'must be a share written as a fraction such as 0.25');
    const bp = Math.round(x * 10000);
    if (Math.abs(x * 10000 - bp) > 1e-6) return this.fail(field, `must be a multiple of 0.0001 (one basis point), got ${x}`);
    if (bp < 0 || bp > max) return this.fail(field, `must be between 0 and ${max / 10000}, got ${x}`);
    return bp;
  }
  symbol(x: unknown, field: string): string | undefined {
    if (typeof x !== 'string') return this.fail(field, 'must be a ticker symbol');
    const s = normalizeSymbol(x);
    return TICKER_SYMBOL.test(s) ? s : this.fail(field, `must be a ticker symbol such as VTI, got ${JSON.stringify(x)}`);
  }
  assetClass(x: unknown, field: string): string | undefined {
    if (typeof x !== 'string' || !ASSET_CLASS_ID.test(x)) {
      return this.fail(field, `must be an asset class id in lower case such as us-bonds, got ${JSON.stringify(x)}`);
    }
    return x;
  }
  array(x: unknown, field: string): unknown[] {
    if (x === undefined) return [];
    if (!Array.isArray(x)) {
      this.fail(field, 'must be a list');
      return [];
    }
    return x;
  }
  object(x: unknown, field: string): Json {
    if (x === undefined) return {};
    if (!isObject(x)) {
      this.fail(field, 'must be an object');
      return {};
    }
    return x;
  }
  only(x: Json, field: string, keys: readonly string[]) {
    for (const key of Object.keys(x)) {
      if (!keys.includes(key)) this.fail(field === '' ? key : `${field}.${key}`, `is not a field of the portfolio file (expected one of: ${keys.join(', ')})`);
    }
  }
}

const TOP_KEYS = ['format', 'version', 'accounts', 'lots', 'trades', 'income', 'prices', 'cash', 'targets', 'classes', 'identical', 'settings'];

/** Reads a portfolio file's text: the portfolio, or every problem with it. */
export function parsePortfolio(text: string): PortfolioResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This is not a portfolio file: it is not valid JSON (${(error as Error).message}).`, issues: [] };
  }
  return portfolioFromJson(json);
}

export function portfolioFromJson(json: unknown): PortfolioResult {
  if (!isObject(json)) return { ok: false, error: 'This is not a portfolio file: it holds no JSON object.', issues: [] };
  const r = new Reader();
  r.only(json, '', TOP_KEYS);
  if (json.format !== undefined && json.format !== PORTFOLIO_FORMAT) r.fail('format', `must be "${PORTFOLIO_FORMAT}"`);
  if (json.version !== undefined && json.version !== PORTFOLIO_VERSION) {
    r.fail('version', `is ${JSON.stringify(json.version)}; this Strata reads version ${PORTFOLIO_VERSION}`);
  }

  const accounts: PortfolioAccount[] = [];
  const accountIds = new Set<string>();
  r.array(json.accounts, 'accounts').forEach((raw, i) => {
    const f = `accounts[${i}]`;
    if (!isObject(raw)) return r.fail(f, 'must be an object');
    r.only(raw, f, ['id', 'taxType', 'name']);
    const id = typeof raw.id === 'string' && ACCOUNT_ID.test(raw.id) ? raw.id : r.fail(`${f}.id`, 'must be an id of letters, digits, "_", "-", "." or ":"');
    const taxType = TAX_TYPES.includes(raw.taxType as PortfolioTaxType)
      ? (raw.taxType as PortfolioTaxType)
      : r.fail(`${f}.taxType`, `must be one of: ${TAX_TYPES.join(', ')}`);
    const name = raw.name === undefined ? id : typeof raw.name === 'string' && raw.name.trim() !== '' && raw.name.length <= 200 ? raw.name.trim() : r.fail(`${f}.name`, 'must be text of at most 200 characters');
    if (id !== undefined && accountIds.has(id)) return r.fail(`${f}.id`, `repeats the account "${id}"`);
    if (id !== undefined) accountIds.add(id);
    if (id !== undefined && taxType !== undefined && name !== undefined) accounts.push({ id, name, taxType });
    return undefined;
  });
  const account = (x: unknown, field: string): string | undefined => {
    if (typeof x !== 'string') return r.fail(field, 'must be the id of an account');
    return accountIds.has(x) ? x : r.fail(field, `names the account "${x}", which is not in accounts`);
  };

  const lots: PortfolioLot[] = [];
  r.array(json.lots, 'lots').forEach((raw, i) => {
    const f = `lots[${i}]`;
    if (!isObject(raw)) return r.fail(f, 'must be an object');
    r.only(raw, f, ['account', 'symbol', 'quantity', 'costBasisMinor', 'acquired']);
    const lot = {
      account: account(raw.account, `${f}.account`),
      symbol: r.symbol(raw.symbol, `${f}.symbol`),
      quantity: r.qty(raw.quantity, `${f}.quantity`),
      costBasisMinor: r.minor(raw.costBasisMinor, `${f}.costBasisMinor`, 0),
      acquired: r.day(raw.acquired, `${f}.acquired`),
    };
    if (Object.values(lot).every((x) => x !== undefined)) lots.push(lot as PortfolioLot);
    return undefined;
  });

  const trades: PortfolioTrade[] = [];
  r.array(json.trades, 'trades').forEach((raw, i) => {
    const f = `trades[${i}]`;
    if (!isObject(raw)) return r.fail(f, 'must be an object');
    r.only(raw, f, ['account', 'symbol', 'side', 'quantity', 'date', 'priceMinor', 'lots']);
    const side = TRADE_SIDES.includes(raw.side as never) ? (raw.side as PortfolioTrade['side']) : r.fail(`${f}.side`, `must be one of: ${TRADE_SIDES.join(', ')}`);
    const trade = {
      account: account(raw.account, `${f}.account`),
      symbol: r.symbol(raw.symbol, `${f}.symbol`),
      side,
      quantity: r.qty(raw.quantity, `${f}.quantity`),
      date: r.day(raw.date, `${f}.date`),
      priceMinor: r.minor(raw.priceMinor, `${f}.priceMinor`, 0),
    };
    let chosen: ChosenLot[] | undefined;
    if (raw.lots !== undefined) {
      if (side !== undefined && side !== 'sell') r.fail(`${f}.lots`, 'is only for sells (the lots a sale closes)');
      chosen = [];
      r.array(raw.lots, `${f}.lots`).forEach((rawLot, j) => {
        const g = `${f}.lots[${j}]`;
        if (!isObject(rawLot)) return r.fail(g, 'must be an object');
        r.only(rawLot, g, ['acquired', 'quantity']);
        const acquired = r.day(rawLot.acquired, `${g}.acquired`);
        const quantity = r.qty(rawLot.quantity, `${g}.quantity`);
        if (acquired !== undefined && quantity !== undefined) chosen!.push({ acquired, quantity });
        return undefined;
      });
      if (trade.quantity !== undefined && chosen.reduce((s, c) => s + c.quantity, 0) !== trade.quantity) {
        r.fail(`${f}.lots`, 'must add up to the quantity sold');
      }
    }
    if (Object.values(trade).every((x) => x !== undefined)) trades.push({ ...(trade as PortfolioTrade), ...(chosen ? { lots: chosen } : {}) });
    return undefined;
  });

  const income: PortfolioIncome[] = [];
  r.array(json.income, 'income').forEach((raw, i) => {
    const f = `income[${i}]`;
    if (!isObject(raw)) return r.fail(f, 'must be an object');
    r.only(raw, f, ['account', 'symbol', 'kind', 'date', 'amountMinor']);
    const entry = {
      account: account(raw.account, `${f}.account`),
      kind: INCOME_KINDS_PORTFOLIO.includes(raw.kind as never) ? (raw.kind as PortfolioIncome['kind']) : r.fail(`${f}.kind`, 'must be dividend or interest'),
      date: r.day(raw.date, `${f}.date`),
      amountMinor: r.minor(raw.amountMinor, `${f}.amountMinor`, 1),
    };
    const symbol = raw.symbol === undefined ? undefined : r.symbol(raw.symbol, `${f}.symbol`);
    if (Object.values(entry).every((x) => x !== undefined) && (raw.symbol === undefined || symbol !== undefined)) {
      income.push({ ...(entry as PortfolioIncome), ...(symbol !== undefined ? { symbol } : {}) });
    }
    return undefined;
  });

  const prices: Record<string, PortfolioPrice> = {};
  for (const [key, raw] of Object.entries(r.object(json.prices, 'prices'))) {
    const f = `prices.${key}`;
    const symbol = r.symbol(key, f);
    if (symbol === undefined) continue;
    if (Object.hasOwn(prices, symbol)) {
      r.fail(f, `repeats the price of ${symbol}`);
      continue;
    }
    if (typeof raw === 'number') {
      const priceMinor = r.minor(raw, f, 0);
      if (priceMinor !== undefined) prices[symbol] = { priceMinor };
    } else if (isObject(raw)) {
      r.only(raw, f, ['priceMinor', 'date']);
      const priceMinor = r.minor(raw.priceMinor, `${f}.priceMinor`, 0);
      const date = raw.date === undefined ? undefined : r.day(raw.date, `${f}.date`);
      if (priceMinor !== undefined && (raw.date === undefined || date !== undefined)) {
        prices[symbol] = date === undefined ? { priceMinor } : { priceMinor, date };
      }
    } else {
      r.fail(f, 'must be a price in minor units, or { "priceMinor": …, "date": "YYYY-MM-DD" }');
    }
  }

  const cash: Record<string, number> = {};
  for (const [key, raw] of Object.entries(r.object(json.cash, 'cash'))) {
    const id = account(key, `cash.${key}`);
    const amount = r.minor(raw, `cash.${key}`, 0);
    if (id !== undefined && amount !== undefined) cash[id] = amount;
  }

  const targets: Record<string, number> = {};
  let targetSum = 0;
  for (const [key, raw] of Object.entries(r.object(json.targets, 'targets'))) {
    const assetClass = r.assetClass(key, `targets.${key}`);
    const bp = r.share(raw, `targets.${key}`);
    if (assetClass !== undefined && bp !== undefined) {
      targets[assetClass] = bp;
      targetSum += bp;
    }
  }
  if (Object.keys(targets).length > 0 && targetSum !== 10000 && r.issues.every((i) => !i.field.startsWith('targets'))) {
    r.fail('targets', `must add up to 1 (100%), they add up to ${targetSum / 10000}`);
  }

  const classes: Record<string, string> = {};
  for (const [key, raw] of Object.entries(r.object(json.classes, 'classes'))) {
    const symbol = r.symbol(key, `classes.${key}`);
    const assetClass = r.assetClass(raw, `classes.${key}`);
    if (symbol !== undefined && assetClass !== undefined) classes[symbol] = assetClass;
  }

  const identical: string[][] = [];
  r.array(json.identical, 'identical').forEach((raw, i) => {
    const group = r.array(raw, `identical[${i}]`).map((s, j) => r.symbol(s, `identical[${i}][${j}]`));
    if (Array.isArray(raw) && raw.length < 2) return r.fail(`identical[${i}]`, 'must list at least two symbols');
    if (group.every((s) => s !== undefined)) identical.push(group as string[]);
    return undefined;
  });

  const settings = readSettings(r, r.object(json.settings, 'settings'));
  if (r.issues.length > 0) {
    const n = r.issues.length;
    return { ok: false, error: `This portfolio file has ${n} problem${n === 1 ? '' : 's'}: ${r.issues.slice(0, 5).map((i) => i.message).join('; ')}${n > 5 ? `; and ${n - 5} more` : ''}.`, issues: r.issues };
  }
  return { ok: true, portfolio: { currency: settings.currency, accounts, lots, trades, income, prices, cash, targets, classes, identical, settings: settings.settings } };
}

function readSettings(r: Reader, raw: Json): { currency: string; settings: PortfolioSettings } {
  r.only(raw, 'settings', ['currency', 'bands', 'harvest', 'taxRates', 'allowShortTermGains', 'lotMethod']);
  const s: PortfolioSettings = { ...DEFAULT_PORTFOLIO_SETTINGS };
  let currency = 'USD';
  if (raw.currency !== undefined) {
    if (typeof raw.currency === 'string' && isCurrencyCode(raw.currency)) currency = raw.currency;
    else r.fail('settings.currency', `must be an ISO 4217 currency code such as USD, got ${JSON.stringify(raw.currency)}`);
  }
  const bands = r.object(raw.bands, 'settings.bands');
  r.only(bands, 'settings.bands', ['absolute', 'relative']);
  if (bands.absolute !== undefined) s.absoluteBandBasisPoints = r.share(bands.absolute, 'settings.bands.absolute') ?? s.absoluteBandBasisPoints;
  if (bands.relative !== undefined) s.relativeBandBasisPoints = r.share(bands.relative, 'settings.bands.relative') ?? s.relativeBandBasisPoints;
  const harvest = r.object(raw.harvest, 'settings.harvest');
  r.only(harvest, 'settings.harvest', ['minLossMinor', 'minLossShare']);
  if (harvest.minLossMinor !== undefined) s.harvestMinLossMinor = r.minor(harvest.minLossMinor, 'settings.harvest.minLossMinor', 0) ?? s.harvestMinLossMinor;
  if (harvest.minLossShare !== undefined) s.harvestMinLossBasisPoints = r.share(harvest.minLossShare, 'settings.harvest.minLossShare') ?? s.harvestMinLossBasisPoints;
  const rates = r.object(raw.taxRates, 'settings.taxRates');
  r.only(rates, 'settings.taxRates', ['shortTerm', 'longTerm']);
  if (rates.shortTerm !== undefined) s.shortTermRateBasisPoints = r.share(rates.shortTerm, 'settings.taxRates.shortTerm') ?? s.shortTermRateBasisPoints;
  if (rates.longTerm !== undefined) s.longTermRateBasisPoints = r.share(rates.longTerm, 'settings.taxRates.longTerm') ?? s.longTermRateBasisPoints;
  if (raw.allowShortTermGains !== undefined) {
    if (typeof raw.allowShortTermGains === 'boolean') s.allowShortTermGains = raw.allowShortTermGains;
    else r.fail('settings.allowShortTermGains', 'must be true or false');
  }
  if (raw.lotMethod !== undefined) {
    if (LOT_METHODS.includes(raw.lotMethod as never)) s.lotMethod = raw.lotMethod as PortfolioSettings['lotMethod'];
    else r.fail('settings.lotMethod', `must be one of: ${LOT_METHODS.join(', ')}`);
  }
  return { currency, settings: s };
}

/** The portfolio as an interchange file, every field written out, stable key order. */
export function portfolioToJson(p: Portfolio) {
  const share = (bp: number) => bp / 10000;
  return {
    format: PORTFOLIO_FORMAT,
    version: PORTFOLIO_VERSION,
    accounts: p.accounts.map((a) => ({ id: a.id, taxType: a.taxType, name: a.name })),
    lots: p.lots.map((l) => ({ account: l.account, symbol: l.symbol, quantity: qtyToNumber(l.quantity), costBasisMinor: l.costBasisMinor, acquired: formatDay(l.acquired) })),
    trades: p.trades.map((t) => ({
      account: t.account,
      symbol: t.symbol,
      side: t.side,
      quantity: qtyToNumber(t.quantity),
      date: formatDay(t.date),
      priceMinor: t.priceMinor,
      ...(t.lots ? { lots: t.lots.map((c) => ({ acquired: formatDay(c.acquired), quantity: qtyToNumber(c.quantity) })) } : {}),
    })),
    income: p.income.map((e) => ({ account: e.account, ...(e.symbol !== undefined ? { symbol: e.symbol } : {}), kind: e.kind, date: formatDay(e.date), amountMinor: e.amountMinor })),
    prices: Object.fromEntries(
      Object.keys(p.prices)
        .sort()
        .map((s) => {
          const price = p.prices[s]!;
          return [s, price.date === undefined ? price.priceMinor : { priceMinor: price.priceMinor, date: formatDay(price.date) }];
        }),
    ),
    cash: Object.fromEntries(Object.keys(p.cash).sort().map((id) => [id, p.cash[id]!])),
    targets: Object.fromEntries(Object.keys(p.targets).sort().map((c) => [c, share(p.targets[c]!)])),
    classes: Object.fromEntries(Object.keys(p.classes).sort().map((s) => [s, p.classes[s]!])),
    identical: p.identical.map((g) => [...g]),
    settings: {
      currency: p.currency,
      bands: { absolute: share(p.settings.absoluteBandBasisPoints), relative: share(p.settings.relativeBandBasisPoints) },
      harvest: { minLossMinor: p.settings.harvestMinLossMinor, minLossShare: share(p.settings.harvestMinLossBasisPoints) },
      taxRates: { shortTerm: share(p.settings.shortTermRateBasisPoints), longTerm: share(p.settings.longTermRateBasisPoints) },
      allowShortTermGains: p.settings.allowShortTermGains,
      lotMethod: p.settings.lotMethod,
    },
  };
}

export function serializePortfolio(p: Portfolio): string {
  return `${JSON.stringify(portfolioToJson(p), null, 2)}\n`;
}
