/**
 * The write API for the portfolio (schema v4): trades, prices, the portfolio
 * settings and the allocation targets as one whole. Same conventions as
 * write.ts: every record is validated against its schema and the records it
 * points at; a refused write throws a ValidationError and changes nothing.
 *
 * Trades and prices are in the portfolio's currency (its settings row's,
 * else the base currency). A reinvest trade keeps one dividend income event
 * (id = the trade's id, provenance importId REINVEST_IMPORT_ID, amount =
 * quantity × price rounded half to even) on its account's Foundation stream,
 * "Dividends and interest — <account>", created when missing: reinvested
 * dividends are Foundation income. Changing or deleting the trade changes
 * or deletes the event with it, in the same transaction.
 */
import * as v from 'valibot';
import { parseDay, timestampOfDay } from '../portfolio/dates';
import { formatQty, parseQty, valueOf } from '../portfolio/quantity';
import type { StrataDB } from './database';
import { parseRecord, ValidationError, type FieldIssue } from './errors';
import { createLookup } from './record-kinds';
import {
  AllocationTargetSchema,
  IncomeEventSchema,
  StreamSchema,
  type Account,
  type AllocationTarget,
  type AppSettings,
  type Stream,
} from './schema';
import {
  AssetClassId,
  defaultPortfolioSettings,
  dividendStreamName,
  PortfolioSettingsRecordSchema,
  REINVEST_IMPORT_ID,
  type PortfolioSettingsRecord,
  type Price,
  type Trade,
} from './schema-portfolio';
import type { WriteContext } from './capture-writes';
import type { NewRecord, Patch } from './write';

export type NewTrade = NewRecord<Trade>;
export type NewPrice = NewRecord<Price>;
export type PortfolioSettingsPatch = Partial<Omit<PortfolioSettingsRecord, 'key'>>;

/** An epoch-ms time as 9 base-36 digits: ids that start with it sort by time. */
export function sortableStamp(ms: number): string {
  return Math.max(0, Math.floor(ms)).toString(36).padStart(9, '0');
}

/**
 * The account's Foundation stream for dividends and interest: the one named
 * "Dividends and interest — <account>", else its first unarchived Foundation
 * stream (by start, then id), else a new one starting at `startedAt`.
 * Call inside a transaction over streams.
 */
export async function dividendStreamFor(
  db: StrataDB,
  account: Account,
  startedAt: number,
  newId: () => string,
): Promise<{ stream: Stream; created: boolean }> {
  const name = dividendStreamName(account);
  const found = existingDividendStream(await db.streams.where('accountId').equals(account.id).toArray(), account);
  if (found) return { stream: found, created: false };
  const stream = parseRecord(StreamSchema, { id: newId(), name, layer: 'foundation', accountId: account.id, startedAt, hoursPerMonth: 0 });
  await db.streams.add(stream);
  return { stream, created: true };
}

/**
 * The account's dividend stream among `streams`, if it has one: its
 * Foundation stream named dividendStreamName(account), else its earliest
 * open Foundation stream.
 */
export function existingDividendStream(streams: readonly Stream[], account: Pick<Account, 'id' | 'institution' | 'name'>): Stream | undefined {
  const name = dividendStreamName(account);
  const linked = streams.filter((s) => s.accountId === account.id && s.layer === 'foundation');
  const open = linked.filter((s) => s.archivedAt === undefined).sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
  return linked.find((s) => s.name === name) ?? open[0];
}

/** The dividend a reinvest trade paid: quantity × price, rounded half to even (0 for other sides). */
export function reinvestedAmount(trade: Pick<Trade, 'side' | 'quantity' | 'price'>): number {
  return trade.side === 'reinvest' ? valueOf(parseQty(trade.quantity)!, trade.price.minor) : 0;
}

export interface PortfolioWriteContext extends WriteContext {
  getSettings(): Promise<AppSettings>;
}

export function createPortfolioWrites(ctx: PortfolioWriteContext) {
  const { db, kinds, now, newId, inTransaction, insert, update, remove } = ctx;
  const throwIfAny = (issues: FieldIssue[]) => {
    if (issues.length > 0) throw new ValidationError(issues);
  };
  const tradeTables = () => [db.trades, db.accounts, db.portfolioSettings, db.settings, db.streams, db.incomeEvents];

  // Trade ids start with the time they were added (and a counter within one
  // millisecond), so trades of the same day replay in the order entered.
  let lastStamp = '';
  let sequence = 0;
  function tradeId(): string {
    const stamp = sortableStamp(now());
    sequence = stamp === lastStamp ? sequence + 1 : 0;
    lastStamp = stamp;
    return `${stamp}-${String(sequence).padStart(4, '0')}-${newId()}`;
  }

  /** Brings the trade's dividend income event in line with the trade (undefined: the trade is gone). */
  async function syncReinvestIncome(id: string, trade: Trade | undefined): Promise<void> {
    const existing = await db.incomeEvents.get(id);
    const mirror = existing?.provenance.importId === REINVEST_IMPORT_ID ? existing : undefined;
    const amount = trade ? reinvestedAmount(trade) : 0;
    if (trade === undefined || amount === 0) {
      if (mirror) await db.incomeEvents.delete(id);
      return;
    }
    if (existing && !mirror) {
      throwIfAny([{ field: 'id', message: `id: an income event with id "${id}" already exists; give the trade another id` }]);
    }
    const account = (await db.accounts.get(trade.accountId))!;
    const at = timestampOfDay(parseDay(trade.date)!);
    const { stream } = await dividendStreamFor(db, account, at, newId);
    const event = parseRecord(IncomeEventSchema, {
      id,
      streamId: stream.id,
      at,
      amount: { minor: amount, currency: trade.price.currency },
      kind: 'dividend',
      source: trade.source,
      provenance: {
        description: `Dividend reinvested: ${formatQty(parseQty(trade.quantity)!)} ${trade.symbol} on ${trade.date}`,
        importId: REINVEST_IMPORT_ID,
      },
    });
    await db.incomeEvents.put(event);
  }

  async function addTrade(input: NewTrade): Promise<Trade> {
    return inTransaction(tradeTables(), async () => {
      const trade = await insert(kinds.trade, { ...input, id: input.id ?? tradeId() });
      await syncReinvestIncome(trade.id, trade);
      return trade;
    });
  }

  async function updateTrade(id: string, patch: Patch<Trade>): Promise<Trade> {
    return inTransaction(tradeTables(), async () => {
      const trade = await update(kinds.trade, id, patch);
      await syncReinvestIncome(id, trade);
      return trade;
    });
  }

  async function deleteTrade(id: string): Promise<void> {
    await inTransaction(tradeTables(), async () => {
      await remove(kinds.trade, id);
      await syncReinvestIncome(id, undefined);
    });
  }

  /** Adds a symbol's price for a day, replacing that symbol's price of the same day. */
  async function setPrice(input: NewPrice): Promise<Price> {
    const kind = kinds.price;
    const parsed = parseRecord(kind.schema, { ...input, id: input.id ?? 'pending' });
    return inTransaction([db.prices, db.portfolioSettings, db.settings], async () => {
      const sameDay = await db.prices.where('[symbol+date]').equals([parsed.symbol, parsed.date]).first();
      const record: Price = { ...parsed, id: input.id ?? sameDay?.id ?? newId() };
      throwIfAny(await kind.references!(record, '', createLookup(db)));
      if (sameDay && sameDay.id !== record.id) await db.prices.delete(sameDay.id);
      await db.prices.put(record);
      return record;
    });
  }

  /** The portfolio settings, with the defaults (in the base currency) for anything not saved yet. */
  async function getPortfolioSettings(): Promise<PortfolioSettingsRecord> {
    const [stored, app] = await Promise.all([db.portfolioSettings.get('portfolio'), ctx.getSettings()]);
    return { ...defaultPortfolioSettings(app.baseCurrency), ...stored, key: 'portfolio' };
  }

  /**
   * Merges `patch` into the stored portfolio settings, validates and saves
   * them. Cash must belong to existing accounts; the currency cannot change
   * while trades or prices are in the old one. The targets' bands follow the
   * absolute band.
   */
  async function savePortfolioSettings(patch: PortfolioSettingsPatch): Promise<PortfolioSettingsRecord> {
    const tables = [db.portfolioSettings, db.settings, db.accounts, db.trades, db.prices, db.allocationTargets];
    return inTransaction(tables, async () => {
      const current = await getPortfolioSettings();
      const settings = parseRecord(PortfolioSettingsRecordSchema, { ...current, ...patch, key: 'portfolio' });
      const issues: FieldIssue[] = [];
      for (const id of Object.keys(settings.cash).sort()) {
        if (!(await db.accounts.get(id))) issues.push({ field: `cash.${id}`, message: `cash.${id}: no account with id "${id}"` });
      }
      if (settings.currency !== current.currency) {
        const other = (m: { price: { currency: string } }) => m.price.currency !== settings.currency;
        const [trades, prices] = await Promise.all([db.trades.filter(other).count(), db.prices.filter(other).count()]);
        if (trades + prices > 0) {
          const held = [trades > 0 ? `${trades} trade${trades === 1 ? '' : 's'}` : '', prices > 0 ? `${prices} price${prices === 1 ? '' : 's'}` : '']
            .filter(Boolean)
            .join(' and ');
          issues.push({
            field: 'currency',
            message: `currency cannot be ${settings.currency}: the portfolio has ${held} in another currency; delete or correct them first`,
          });
        }
      }
      throwIfAny(issues);
      await db.portfolioSettings.put(settings);
      if (settings.absoluteBandBasisPoints !== current.absoluteBandBasisPoints) {
        await db.allocationTargets.toCollection().modify((t) => void (t.bandBasisPoints = settings.absoluteBandBasisPoints));
      }
      return settings;
    });
  }

  /**
   * Replaces every allocation target with `targets` (asset class → basis
   * points), in one transaction. They must add up to 10000 (100%); an empty
   * map clears the targets. Each target's band is the absolute band.
   */
  async function setTargets(targets: Readonly<Record<string, number>>): Promise<AllocationTarget[]> {
    const classes = Object.keys(targets).sort();
    const issues: FieldIssue[] = [];
    let sum = 0;
    for (const assetClass of classes) {
      const field = `targets.${assetClass}`;
      const bp = targets[assetClass];
      if (!v.is(AssetClassId, assetClass)) {
        issues.push({ field, message: `${field}: "${assetClass}" is not an asset class id in lower case such as us-bonds` });
      }
      if (typeof bp !== 'number' || !Number.isSafeInteger(bp) || bp < 0 || bp > 10000) {
        issues.push({ field, message: `${field} must be a whole number of basis points from 0 to 10000, got ${JSON.stringify(bp)}` });
      } else {
        sum += bp;
      }
    }
    if (issues.length === 0 && classes.length > 0 && sum !== 10000) {
      issues.push({
        field: 'targets',
        message: `targets must add up to 10000 basis points (100%); they add up to ${sum} (${sum / 100}%)`,
      });
    }
    throwIfAny(issues);
    return inTransaction([db.allocationTargets, db.portfolioSettings, db.settings], async () => {
      const band = (await getPortfolioSettings()).absoluteBandBasisPoints;
      const ids = new Map((await db.allocationTargets.toArray()).map((t) => [t.assetClass, t.id]));
      const records = classes.map((assetClass) =>
        parseRecord(
          AllocationTargetSchema,
          { id: ids.get(assetClass) ?? newId(), assetClass, targetBasisPoints: targets[assetClass], bandBasisPoints: band },
          `targets.${assetClass}`,
        ),
      );
      await db.allocationTargets.clear();
      await db.allocationTargets.bulkAdd(records);
      return records;
    });
  }

  return {
    addTrade,
    updateTrade,
    deleteTrade,
    setPrice,
    deletePrice: (id: string) => remove(kinds.price, id),
    getPortfolioSettings,
    savePortfolioSettings,
    setTargets,
  };
}
