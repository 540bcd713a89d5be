/**
 * What the write API knows about each kind of record: its table, its schema,
 * and the checks that need the database (does the account this snapshot
 * belongs to exist, is it in the same currency). write.ts runs every kind
 * through the same generic add / update / delete / bulk-add helpers.
 */
import type { Table } from 'dexie';
import type * as v from 'valibot';
import type { StrataDB } from './database';
import { joinPath, type FieldIssue } from './errors';
import {
  DEFAULT_SETTINGS,
  AccountSchema,
  AllocationTargetSchema,
  BalanceSnapshotSchema,
  CaptureMappingSchema,
  CaptureRuleSchema,
  HoldingSchema,
  IncomeEventSchema,
  MetricSnapshotSchema,
  StreamSchema,
  TaxLotSchema,
  TransactionSchema,
  type Account,
  type AllocationTarget,
  type BalanceSnapshot,
  type CaptureMapping,
  type CaptureRule,
  type Holding,
  type IncomeEvent,
  type MetricSnapshot,
  type Stream,
  type TaxLot,
  type Transaction,
} from './schema';
import {
  CashNeedSchema,
  DebtSchema,
  StreamCostSchema,
  type CashNeed,
  type Debt,
  type StreamCost,
} from './schema-plan';
import { PriceSchema, TradeSchema, type Price, type Trade } from './schema-portfolio';

/** Reads of the records others point at, cached for one write (a batch asks once per id). */
export interface Lookup {
  account(id: string): Promise<Account | undefined>;
  stream(id: string): Promise<Stream | undefined>;
  /** The portfolio's currency: its settings row's, else the base currency (reads portfolioSettings and settings). */
  portfolioCurrency(): Promise<string>;
}

export function createLookup(db: StrataDB): Lookup {
  const accounts = new Map<string, Promise<Account | undefined>>();
  const streams = new Map<string, Promise<Stream | undefined>>();
  const cached = <T>(cache: Map<string, Promise<T>>, id: string, read: () => Promise<T>): Promise<T> => {
    let hit = cache.get(id);
    if (!hit) cache.set(id, (hit = read()));
    return hit;
  };
  let currency: Promise<string> | undefined;
  return {
    account: (id) => cached(accounts, id, () => db.accounts.get(id)),
    stream: (id) => cached(streams, id, () => db.streams.get(id)),
    portfolioCurrency: () =>
      (currency ??= (async () => {
        const stored = await db.portfolioSettings.get('portfolio');
        return stored?.currency ?? (await db.settings.get('app'))?.baseCurrency ?? DEFAULT_SETTINGS.baseCurrency;
      })()),
  };
}

export interface RecordKind<T extends { id: string }> {
  /** How a person would name one record: "account", "balance snapshot". */
  what: string;
  table: Table<T, string>;
  schema: v.GenericSchema<unknown, T>;
  /** Tables the reference checks read; they join the write transaction. */
  reads: Table<any, string>[];
  /**
   * Checks that need the database, run inside the write transaction just
   * before the write. `prefix` is put in front of field paths (batches use
   * `snapshots[3]`).
   */
  references?: (record: T, prefix: string, lookup: Lookup) => Promise<FieldIssue[]>;
}

async function accountMustExist(
  accountId: string | undefined,
  prefix: string,
  lookup: Lookup,
): Promise<{ issues: FieldIssue[]; account?: Account }> {
  if (accountId === undefined) return { issues: [] };
  const account = await lookup.account(accountId);
  if (account) return { issues: [], account };
  const field = joinPath(prefix, 'accountId');
  return { issues: [{ field, message: `${field}: no account with id "${accountId}"` }] };
}

async function streamMustExist(streamId: string | undefined, prefix: string, lookup: Lookup): Promise<FieldIssue[]> {
  if (streamId === undefined || (await lookup.stream(streamId))) return [];
  const field = joinPath(prefix, 'streamId');
  return [{ field, message: `${field}: no income stream with id "${streamId}"` }];
}

/** The record kinds of one database. */
export function recordKinds(db: StrataDB) {
  const account: RecordKind<Account> = {
    what: 'account',
    table: db.accounts,
    schema: AccountSchema,
    reads: [db.balanceSnapshots],
    // An account's balance history is in one currency; changing the account's
    // currency would silently relabel every recorded balance.
    async references(record, prefix) {
      const other = await db.balanceSnapshots
        .where('accountId')
        .equals(record.id)
        .filter((s) => s.amount.currency !== record.currency)
        .toArray();
      if (other.length === 0) return [];
      const field = joinPath(prefix, 'currency');
      const currencies = [...new Set(other.map((s) => s.amount.currency))].sort().join(', ');
      const count = `${other.length} balance snapshot${other.length === 1 ? '' : 's'}`;
      const message = `${field} cannot be ${record.currency}: this account has ${count} in ${currencies}`;
      return [{ field, message: `${message}; delete or correct them first` }];
    },
  };

  const balanceSnapshot: RecordKind<BalanceSnapshot> = {
    what: 'balance snapshot',
    table: db.balanceSnapshots,
    schema: BalanceSnapshotSchema,
    reads: [db.accounts],
    async references(record, prefix, lookup) {
      const { issues, account } = await accountMustExist(record.accountId, prefix, lookup);
      if (!account || account.currency === record.amount.currency) return issues;
      const field = joinPath(prefix, 'amount.currency');
      return [
        {
          field,
          message: `${field} is ${record.amount.currency} but account "${account.name}" is in ${account.currency}`,
        },
      ];
    },
  };

  const ownedByAccount = async (record: { accountId?: string }, prefix: string, lookup: Lookup) =>
    (await accountMustExist(record.accountId, prefix, lookup)).issues;

  const ownedByAccountOrStream = async (
    record: { accountId?: string; streamId?: string },
    prefix: string,
    lookup: Lookup,
  ): Promise<FieldIssue[]> => [
    ...(await accountMustExist(record.accountId, prefix, lookup)).issues,
    ...(await streamMustExist(record.streamId, prefix, lookup)),
  ];

  const holding: RecordKind<Holding> = {
    what: 'holding',
    table: db.holdings,
    schema: HoldingSchema,
    reads: [db.accounts],
    references: ownedByAccount,
  };

  const taxLot: RecordKind<TaxLot> = {
    what: 'tax lot',
    table: db.taxLots,
    schema: TaxLotSchema,
    reads: [db.accounts],
    references: ownedByAccount,
  };

  const stream: RecordKind<Stream> = {
    what: 'income stream',
    table: db.streams,
    schema: StreamSchema,
    reads: [db.accounts],
    references: ownedByAccount,
  };

  const incomeEvent: RecordKind<IncomeEvent> = {
    what: 'income event',
    table: db.incomeEvents,
    schema: IncomeEventSchema,
    reads: [db.streams],
    references: (record, prefix, lookup) => streamMustExist(record.streamId, prefix, lookup),
  };

  const transaction: RecordKind<Transaction> = {
    what: 'transaction',
    table: db.transactions,
    schema: TransactionSchema,
    reads: [db.accounts],
    references: ownedByAccount,
  };

  const allocationTarget: RecordKind<AllocationTarget> = {
    what: 'allocation target',
    table: db.allocationTargets,
    schema: AllocationTargetSchema,
    reads: [],
    // One target per asset class (the table's assetClass index is unique).
    async references(record, prefix) {
      const clash = await db.allocationTargets.where('assetClass').equals(record.assetClass).first();
      if (!clash || clash.id === record.id) return [];
      const field = joinPath(prefix, 'assetClass');
      return [{ field, message: `${field}: there is already a target for "${record.assetClass}"` }];
    },
  };

  const captureRule: RecordKind<CaptureRule> = {
    what: 'capture rule',
    table: db.captureRules,
    schema: CaptureRuleSchema,
    reads: [db.accounts, db.streams],
    references: ownedByAccountOrStream,
  };

  const metricSnapshot: RecordKind<MetricSnapshot> = {
    what: 'metric snapshot',
    table: db.metricSnapshots,
    schema: MetricSnapshotSchema,
    reads: [db.accounts, db.streams],
    references: ownedByAccountOrStream,
  };

  const captureMapping: RecordKind<CaptureMapping> = {
    what: 'capture mapping',
    table: db.captureMappings,
    schema: CaptureMappingSchema,
    reads: [db.accounts, db.streams],
    // One mapping per figure of a site (siteId + figureKey + accountName).
    async references(record, prefix, lookup) {
      const issues = await ownedByAccountOrStream(record, prefix, lookup);
      const clash = await db.captureMappings
        .where('[siteId+figureKey+accountName]')
        .equals([record.siteId, record.figureKey, record.accountName])
        .first();
      if (clash && clash.id !== record.id) {
        const field = joinPath(prefix, 'figureKey');
        issues.push({
          field,
          message: `${field}: "${record.figureKey}" of ${record.siteId}${record.accountName ? ` for "${record.accountName}"` : ''} is already mapped`,
        });
      }
      return issues;
    },
  };

  const streamCost: RecordKind<StreamCost> = {
    what: 'stream cost',
    table: db.streamCosts,
    schema: StreamCostSchema,
    reads: [db.streams],
    references: (record, prefix, lookup) => streamMustExist(record.streamId, prefix, lookup),
  };

  const cashNeed: RecordKind<CashNeed> = {
    what: 'cash need',
    table: db.cashNeeds,
    schema: CashNeedSchema,
    reads: [],
  };

  // A trade or price is in the portfolio's currency (the engine adds them up).
  const inPortfolioCurrency = async (currency: string, field: string, lookup: Lookup): Promise<FieldIssue[]> => {
    const expected = await lookup.portfolioCurrency();
    if (currency === expected) return [];
    return [{ field, message: `${field} is ${currency} but the portfolio is in ${expected}` }];
  };

  const trade: RecordKind<Trade> = {
    what: 'trade',
    table: db.trades,
    schema: TradeSchema,
    reads: [db.accounts, db.portfolioSettings, db.settings],
    async references(record, prefix, lookup) {
      const { issues, account } = await accountMustExist(record.accountId, prefix, lookup);
      if (account?.taxType === 'none') {
        const field = joinPath(prefix, 'accountId');
        issues.push({
          field,
          message: `${field}: account "${account.name}" has no tax type; set it to taxable, tax-deferred or tax-free to record trades in it`,
        });
      }
      issues.push(...(await inPortfolioCurrency(record.price.currency, joinPath(prefix, 'price.currency'), lookup)));
      return issues;
    },
  };

  const price: RecordKind<Price> = {
    what: 'price',
    table: db.prices,
    schema: PriceSchema,
    reads: [db.portfolioSettings, db.settings],
    references: (record, prefix, lookup) => inPortfolioCurrency(record.price.currency, joinPath(prefix, 'price.currency'), lookup),
  };

  const debt: RecordKind<Debt> = {
    what: 'debt',
    table: db.debts,
    schema: DebtSchema,
    reads: [],
  };

  return {
    trade,
    price,
    streamCost,
    cashNeed,
    debt,
    account,
    balanceSnapshot,
    holding,
    taxLot,
    stream,
    incomeEvent,
    transaction,
    allocationTarget,
    captureRule,
    metricSnapshot,
    captureMapping,
  };
}
