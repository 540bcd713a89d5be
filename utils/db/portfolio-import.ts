/**
 * Importing a portfolio interchange file (utils/portfolio/interchange.ts):
 * the file REPLACES the stored portfolio, all or nothing, in one transaction.
 *
 * - Refused as a whole (ValidationError with the parser's issues, by path
 *   such as `lots[3].acquired`) when the file has any problem; nothing changes.
 * - Accounts: a file account is matched to an unarchived account by database
 *   id, else by name (case-insensitive: the file's name or id against the
 *   account's name, "<institution> <name>" or portfolio name), else created
 *   (institution "Imported", name = the file's, kind retirement for
 *   tax-deferred and tax-free else brokerage, layer foundation, the file's
 *   currency and tax type; its id is the file's id when free). A matched
 *   account takes the file's tax type.
 * - Replaced: what loadPortfolio shows — the open tax lots (closed ones
 *   stay) and trades of every unarchived account with a tax type, every
 *   price and allocation target, and the portfolio settings row (the
 *   person's driftNotifications and lastDriftCheck are kept). Archived
 *   accounts and accounts without a tax type keep their lots and trades.
 *   Prices without a date get the import day (UTC).
 * - Income: the file's income entries and one dividend per reinvest trade
 *   (quantity × price, rounded half to even) become income events on the
 *   account's Foundation stream "Dividends and interest — <account>"
 *   (dividendStreamFor: reused, or created for accounts that have income).
 *   They carry provenance importId PORTFOLIO_FILE_IMPORT_ID (income entries;
 *   the entry's symbol in provenance.label) or REINVEST_IMPORT_ID (reinvest
 *   trades; the event's id is the trade's). An import first deletes the
 *   events an earlier import or the replaced reinvest trades generated on
 *   the portfolio accounts' streams, so importing the
 *   same file twice adds nothing the second time; an income entry equal to
 *   an event already recorded another way (same stream, time, kind, amount)
 *   is not added again.
 * - Ids start with the import time and the file index, so records of the
 *   same day load back in file order.
 */
import { formatDay, dayOfTimestamp, timestampOfDay } from '../portfolio/dates';
import { parsePortfolio } from '../portfolio/interchange';
import { formatQty, valueOf } from '../portfolio/quantity';
import type { Portfolio, PortfolioAccount } from '../portfolio/types';
import type { StrataDB } from './database';
import { checkRecord, parseRecord, ValidationError, type FieldIssue } from './errors';
import { dividendStreamFor, sortableStamp } from './portfolio-writes';
import {
  AccountSchema,
  AllocationTargetSchema,
  IncomeEventSchema,
  TaxLotSchema,
  type Account,
  type IncomeEvent,
} from './schema';
import {
  IMPORTED_INSTITUTION,
  PORTFOLIO_FILE_IMPORT_ID,
  PortfolioSettingsRecordSchema,
  portfolioAccountName,
  REINVEST_IMPORT_ID,
  TradeSchema,
  PriceSchema,
} from './schema-portfolio';

/** How many records of each table the import wrote. */
export interface ImportSummary {
  accountsMatched: number;
  accountsCreated: number;
  taxLots: number;
  trades: number;
  prices: number;
  allocationTargets: number;
  incomeEvents: number;
  streamsCreated: number;
  /** Income entries already recorded (captured or entered by hand), not added twice. */
  incomeAlreadyRecorded: number;
}

/** Imports a portfolio file's text, replacing the stored portfolio (see above). `now`: epoch ms of the import. */
export async function importPortfolio(db: StrataDB, text: string, now: number): Promise<ImportSummary> {
  const parsed = parsePortfolio(text);
  if (!parsed.ok) throw new ValidationError(parsed.issues.length > 0 ? parsed.issues : [{ field: '', message: parsed.error }]);
  const tables = [db.accounts, db.taxLots, db.trades, db.prices, db.allocationTargets, db.portfolioSettings, db.streams, db.incomeEvents];
  try {
    return await db.transaction('rw', tables, () => replacePortfolio(db, parsed.portfolio, now));
  } catch (error) {
    const inner = (error as { inner?: unknown } | null)?.inner;
    throw inner instanceof ValidationError ? inner : error;
  }
}

const lower = (s: string) => s.trim().toLowerCase();

/** File account id → the database account it goes to (matched, or new and not yet written). */
function resolveAccounts(file: PortfolioAccount[], stored: Account[], currency: string, now: number) {
  const open = stored.filter((a) => a.archivedAt === undefined).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const target = new Map<string, Account>();
  const taken = new Set<string>();
  const take = (fileId: string, account: Account) => {
    target.set(fileId, account);
    taken.add(account.id);
  };
  for (const f of file) {
    const byId = open.find((a) => a.id === f.id);
    if (byId) take(f.id, byId);
  }
  for (const f of file.filter((x) => !target.has(x.id))) {
    const wanted = [lower(f.name), lower(f.id)];
    const names = (a: Account) => [a.name, `${a.institution} ${a.name}`, portfolioAccountName(a)].map(lower);
    const byName = open.find((a) => !taken.has(a.id) && names(a).some((n) => wanted.includes(n)));
    if (byName) take(f.id, byName);
  }
  const matched = target.size;
  const usedIds = new Set(stored.map((a) => a.id));
  const issues: FieldIssue[] = [];
  const writes: Account[] = [];
  file.forEach((f, i) => {
    const existing = target.get(f.id);
    if (existing) {
      if (existing.taxType !== f.taxType) writes.push({ ...existing, taxType: f.taxType });
      return;
    }
    const checked = checkRecord(
      AccountSchema,
      {
        id: f.id.length <= 64 && !usedIds.has(f.id) ? f.id : crypto.randomUUID(),
        institution: IMPORTED_INSTITUTION,
        name: f.name,
        kind: f.taxType === 'taxable' ? 'brokerage' : 'retirement',
        layer: 'foundation',
        currency,
        taxType: f.taxType,
        createdAt: now,
      },
      `accounts[${i}]`,
    );
    issues.push(...checked.issues);
    if (checked.record) {
      writes.push(checked.record);
      target.set(f.id, checked.record);
    }
  });
  return { target, writes, matched, created: file.length - matched, issues };
}

async function replacePortfolio(db: StrataDB, p: Portfolio, now: number): Promise<ImportSummary> {
  const currency = p.currency;
  const money = (minor: number) => ({ minor, currency });
  const stamp = sortableStamp(now);
  const idOf = (table: string, index: number) => `${stamp}-${table}${String(index).padStart(6, '0')}`;
  const fromFile = (path: string, row?: number) => ({ description: `Portfolio file: ${path}`, importId: PORTFOLIO_FILE_IMPORT_ID, ...(row === undefined ? {} : { row }) });

  const accounts = resolveAccounts(p.accounts, await db.accounts.toArray(), currency, now);
  const issues = [...accounts.issues];
  const accountId = (fileId: string) => accounts.target.get(fileId)!.id;
  const checked = <T>(result: { record: T | undefined; issues: FieldIssue[] }): T => {
    issues.push(...result.issues);
    return result.record as T;
  };

  const lots = p.lots.map((lot, i) =>
    checked(
      checkRecord(
        TaxLotSchema,
        {
          id: idOf('l', i),
          accountId: accountId(lot.account),
          symbol: lot.symbol,
          acquiredAt: timestampOfDay(lot.acquired),
          quantity: formatQty(lot.quantity),
          costBasis: money(lot.costBasisMinor),
          source: 'import',
          provenance: fromFile(`lots[${i}]`, i),
        },
        `lots[${i}]`,
      ),
    ),
  );
  const trades = p.trades.map((trade, i) =>
    checked(
      checkRecord(
        TradeSchema,
        {
          id: idOf('t', i),
          accountId: accountId(trade.account),
          symbol: trade.symbol,
          side: trade.side,
          quantity: formatQty(trade.quantity),
          price: money(trade.priceMinor),
          date: formatDay(trade.date),
          ...(trade.lots ? { lots: trade.lots.map((c) => ({ acquired: formatDay(c.acquired), quantity: formatQty(c.quantity) })) } : {}),
          source: 'import',
          provenance: fromFile(`trades[${i}]`, i),
        },
        `trades[${i}]`,
      ),
    ),
  );
  const today = dayOfTimestamp(now);
  const prices = Object.keys(p.prices)
    .sort()
    .map((symbol, i) =>
      checked(
        checkRecord(
          PriceSchema,
          {
            id: idOf('p', i),
            symbol,
            date: formatDay(p.prices[symbol]!.date ?? today),
            price: money(p.prices[symbol]!.priceMinor),
            source: 'import',
            provenance: fromFile(`prices.${symbol}`),
          },
          `prices.${symbol}`,
        ),
      ),
    );
  const targets = Object.keys(p.targets)
    .sort()
    .map((assetClass, i) =>
      checked(
        checkRecord(
          AllocationTargetSchema,
          { id: idOf('c', i), assetClass, targetBasisPoints: p.targets[assetClass], bandBasisPoints: p.settings.absoluteBandBasisPoints },
          `targets.${assetClass}`,
        ),
      ),
    );
  const previous = await db.portfolioSettings.get('portfolio');
  const settings = checked(
    checkRecord(
      PortfolioSettingsRecordSchema,
      {
        key: 'portfolio',
        currency,
        ...p.settings,
        classOverrides: p.classes,
        identical: p.identical,
        cash: Object.fromEntries(Object.entries(p.cash).map(([fileId, minor]) => [accountId(fileId), minor])),
        driftNotifications: previous?.driftNotifications ?? false,
        ...(previous?.lastDriftCheck ? { lastDriftCheck: previous.lastDriftCheck } : {}),
      },
      'settings',
    ),
  );
  if (issues.length > 0) throw new ValidationError(issues);

  // Everything is valid: replace what the portfolio holds (its accounts' open
  // lots, trades and generated income; every price and target).
  for (const account of accounts.writes) await db.accounts.put(account);
  const held = new Set((await db.accounts.toArray()).filter((a) => a.taxType !== 'none' && a.archivedAt === undefined).map((a) => a.id));
  const heldStreams = new Set((await db.streams.toArray()).filter((s) => s.accountId !== undefined && held.has(s.accountId)).map((s) => s.id));
  const oldTrades = await db.trades.filter((t) => held.has(t.accountId)).primaryKeys();
  const mirrors = (await db.incomeEvents.bulkGet(oldTrades)).filter((e) => e?.provenance.importId === REINVEST_IMPORT_ID).map((e) => e!.id);
  const fromOldFiles = await db.incomeEvents.filter((e) => e.provenance.importId === PORTFOLIO_FILE_IMPORT_ID && heldStreams.has(e.streamId)).primaryKeys();
  await db.incomeEvents.bulkDelete([...mirrors, ...fromOldFiles]);
  await db.trades.bulkDelete(oldTrades);
  await db.taxLots.filter((l) => l.soldAt === undefined && held.has(l.accountId)).delete();
  await Promise.all([db.prices.clear(), db.allocationTargets.clear()]);

  // Income events, on each account's Foundation stream.
  const pending: { fileAccount: string; event: Omit<IncomeEvent, 'streamId'>; fromEntry: boolean }[] = [];
  p.income.forEach((entry, i) =>
    pending.push({
      fileAccount: entry.account,
      fromEntry: true,
      event: {
        id: idOf('i', i),
        at: timestampOfDay(entry.date),
        amount: money(entry.amountMinor),
        kind: entry.kind,
        source: 'import',
        provenance: { ...fromFile(`${entry.kind} (income[${i}])`, i), ...(entry.symbol ? { label: entry.symbol } : {}) },
      },
    }),
  );
  p.trades.forEach((trade, i) => {
    const amount = trade.side === 'reinvest' ? valueOf(trade.quantity, trade.priceMinor) : 0;
    if (amount === 0) return;
    pending.push({
      fileAccount: trade.account,
      fromEntry: false,
      event: {
        id: trades[i]!.id,
        at: timestampOfDay(trade.date),
        amount: money(amount),
        kind: 'dividend',
        source: 'import',
        provenance: { description: `Portfolio file: dividend reinvested (trades[${i}])`, importId: REINVEST_IMPORT_ID, row: i },
      },
    });
  });
  let streamsCreated = 0;
  let incomeAlreadyRecorded = 0;
  const events: IncomeEvent[] = [];
  for (const fileAccount of p.accounts.map((a) => a.id)) {
    const mine = pending.filter((x) => x.fileAccount === fileAccount);
    if (mine.length === 0) continue;
    const startedAt = Math.min(...mine.map((x) => x.event.at));
    const { stream, created } = await dividendStreamFor(db, accounts.target.get(fileAccount)!, startedAt, () => crypto.randomUUID());
    if (created) streamsCreated++;
    // Events recorded another way (capture, by hand), each matching one entry at most.
    const recorded = await db.incomeEvents.where('streamId').equals(stream.id).toArray();
    for (const { event, fromEntry } of mine) {
      const same = fromEntry
        ? recorded.findIndex((r) => r.at === event.at && r.kind === event.kind && r.amount.minor === event.amount.minor && r.amount.currency === currency)
        : -1;
      if (same >= 0) {
        recorded.splice(same, 1);
        incomeAlreadyRecorded++;
        continue;
      }
      events.push(parseRecord(IncomeEventSchema, { ...event, streamId: stream.id }));
    }
  }

  await db.taxLots.bulkAdd(lots);
  await db.trades.bulkAdd(trades);
  await db.prices.bulkAdd(prices);
  await db.allocationTargets.bulkAdd(targets);
  await db.portfolioSettings.put(settings);
  await db.incomeEvents.bulkAdd(events);
  return {
    accountsMatched: accounts.matched,
    accountsCreated: accounts.created,
    taxLots: lots.length,
    trades: trades.length,
    prices: prices.length,
    allocationTargets: targets.length,
    incomeEvents: events.length,
    streamsCreated,
    incomeAlreadyRecorded,
  };
}
