/**
 * The write API: the only code that writes to the database. Every record is
 * validated against its schema (utils/db/schema.ts) and against the records
 * it points at before anything is written; a refused write throws a
 * ValidationError naming each bad field and changes nothing.
 *
 * Conventions shared by every kind of record:
 * - `add*` assigns `id` (crypto.randomUUID()) and, where the record has one,
 *   `createdAt` (Date.now()) unless the input carries them; adding an id that
 *   already exists is refused.
 * - `update*(id, patch)` merges the patch into the stored record and
 *   validates the result; a patch key set to `undefined` clears an optional
 *   field. The id cannot be changed.
 * - `delete*(id)` and `update*(id, …)` throw NotFoundError for an unknown id.
 * - Each call is one IndexedDB transaction: it happens completely or not at all.
 */
import type { Table } from 'dexie';
import type { StrataDB } from './database';
import { createCaptureWrites } from './capture-writes';
import { createPortfolioWrites } from './portfolio-writes';
import { createTradingWrites } from './trading-writes';
import { createImportWrites } from './import-writes';
import { restoreBackup } from './backup-io';
import { checkRecord, NotFoundError, parseRecord, ValidationError, type FieldIssue } from './errors';
import { createLookup, recordKinds, type RecordKind } from './record-kinds';
import {
  AppSettingsSchema,
  DEFAULT_SETTINGS,
  type Account,
  type AllocationTarget,
  type AppSettings,
  type BalanceSnapshot,
  type CaptureRule,
  type Holding,
  type IncomeEvent,
  type Stream,
  type TaxLot,
  type Transaction,
} from './schema';
import {
  PlanSettingsSchema,
  defaultPlanSettings,
  type CashNeed,
  type Debt,
  type PlanSettings,
  type StreamCost,
} from './schema-plan';
import { REINVEST_IMPORT_ID } from './schema-portfolio';

export { NotFoundError, ValidationError, type FieldIssue } from './errors';
export {
  localDayBounds,
  type CaptureMappingInput,
  type CaptureWriteReport,
  type CaptureWrites,
  type NewCaptureMapping,
  type NewMetricSnapshot,
  type NewPeriodIncome,
} from './capture-writes';
export {
  dividendStreamFor,
  reinvestedAmount,
  sortableStamp,
  type NewPrice,
  type NewTrade,
  type PortfolioSettingsPatch,
} from './portfolio-writes';

/** A record as given to `add*`: the id (and createdAt) may be left out. */
export type NewRecord<T, Defaulted extends keyof T = never> = Omit<T, 'id' | Defaulted> & {
  id?: string;
} & Partial<Pick<T, Defaulted>>;
export type NewAccount = NewRecord<Account, 'createdAt'>;
export type NewBalanceSnapshot = NewRecord<BalanceSnapshot>;
export type NewHolding = NewRecord<Holding>;
export type NewTaxLot = NewRecord<TaxLot>;
export type NewStream = NewRecord<Stream>;
export type NewIncomeEvent = NewRecord<IncomeEvent>;
export type NewTransaction = NewRecord<Transaction>;
export type NewAllocationTarget = NewRecord<AllocationTarget>;
export type NewCaptureRule = NewRecord<CaptureRule, 'createdAt'>;
export type NewStreamCost = NewRecord<StreamCost>;
export type NewCashNeed = NewRecord<CashNeed>;
export type NewDebt = NewRecord<Debt>;
export type PlanSettingsPatch = Partial<Omit<PlanSettings, 'key'>>;
/** A change to a stored record: any fields but the id. */
export type Patch<T> = Partial<Omit<T, 'id'>>;
export type SettingsPatch = Partial<Omit<AppSettings, 'key'>>;

/** What deleting an account removed or unlinked, for the confirmation message. */
export interface DeletedAccount {
  account: Account;
  balanceSnapshots: number;
  holdings: number;
  taxLots: number;
  /** Streams and transactions kept, with their link to the account removed. */
  unlinkedStreams: number;
  unlinkedTransactions: number;
  /** Capture rules that only fed this account are deleted; those also feeding a stream are unlinked. */
  captureRules: number;
  /** Metric snapshots that only belonged to this account are deleted; those also of a stream are unlinked. */
  metricSnapshots: number;
  /** Capture mappings to this account are deleted (the next capture asks again). */
  captureMappings: number;
  /** The account's trades are deleted, with the dividend income events that mirrored its reinvest trades; its cash leaves the portfolio settings. */
  trades: number;
  reinvestIncomeEvents: number;
}

export interface DeletedStream {
  stream: Stream;
  incomeEvents: number;
  streamCosts: number;
  captureRules: number;
  metricSnapshots: number;
  captureMappings: number;
}

export interface StoreOptions {
  /** The clock for createdAt / archivedAt (tests pass a fixed one). */
  now?: () => number;
  newId?: () => string;
}

/** "an account", "a balance snapshot". */
const withArticle = (what: string) => (/^[aeiou]/.test(what) ? 'an ' : 'a ') + what;

export type Store = ReturnType<typeof createStore>;

export function createStore(db: StrataDB, options: StoreOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const kinds = recordKinds(db);

  const tablesOf = (kind: RecordKind<any>) => [...new Set<Table<any, string>>([kind.table, ...kind.reads])];

  /**
   * A read-write transaction over `tables`. A ValidationError or NotFoundError
   * thrown inside comes out as itself: Dexie would otherwise wrap errors whose
   * name matches a DOMException name (NotFoundError does) in its own class.
   */
  async function inTransaction<R>(
    tables: Table<any, string> | Table<any, string>[],
    body: () => Promise<R>,
  ): Promise<R> {
    try {
      return await db.transaction('rw', Array.isArray(tables) ? tables : [tables], body);
    } catch (error) {
      const inner = (error as { inner?: unknown } | null)?.inner;
      throw inner instanceof NotFoundError || inner instanceof ValidationError ? inner : error;
    }
  }

  function throwIfAny(issues: FieldIssue[]): void {
    if (issues.length > 0) throw new ValidationError(issues);
  }

  function withId<I extends { id?: string }>(input: I): I & { id: string } {
    return { ...input, id: input.id ?? newId() };
  }

  function withIdAndCreatedAt<I extends { id?: string; createdAt?: number }>(input: I) {
    return { ...withId(input), createdAt: input.createdAt ?? now() };
  }

  async function insert<T extends { id: string }>(kind: RecordKind<T>, input: { id: string }): Promise<T> {
    const record = parseRecord(kind.schema, input);
    return inTransaction(tablesOf(kind), async () => {
      const issues: FieldIssue[] = [];
      if ((await kind.table.get(record.id)) !== undefined) {
        issues.push({ field: 'id', message: `id: ${withArticle(kind.what)} with id "${record.id}" already exists` });
      }
      if (kind.references) issues.push(...(await kind.references(record, '', createLookup(db))));
      throwIfAny(issues);
      await kind.table.add(record);
      return record;
    });
  }

  async function update<T extends { id: string }>(
    kind: RecordKind<T>,
    id: string,
    patch: Patch<T> | ((stored: T) => Patch<T>),
  ): Promise<T> {
    return inTransaction(tablesOf(kind), async () => {
      const stored = await kind.table.get(id);
      if (stored === undefined) throw new NotFoundError(kind.what, id);
      const change = typeof patch === 'function' ? patch(stored) : patch;
      const record = parseRecord(kind.schema, { ...stored, ...change, id });
      if (kind.references) throwIfAny(await kind.references(record, '', createLookup(db)));
      await kind.table.put(record);
      return record;
    });
  }

  async function remove<T extends { id: string }>(kind: RecordKind<T>, id: string): Promise<void> {
    await inTransaction(kind.table, async () => {
      if ((await kind.table.get(id)) === undefined) throw new NotFoundError(kind.what, id);
      await kind.table.delete(id);
    });
  }

  /**
   * Adds many records all-or-nothing: every record is checked first, and if
   * any is refused nothing is written and the error names each bad record by
   * its position, e.g. `snapshots[3].amount.minor`.
   */
  async function bulkInsert<T extends { id: string }>(
    kind: RecordKind<T>,
    label: string,
    inputs: readonly { id?: string }[],
  ): Promise<T[]> {
    const issues: FieldIssue[] = [];
    const records: (T | undefined)[] = inputs.map((input, index) => {
      const checked = checkRecord(kind.schema, withId(input), `${label}[${index}]`);
      issues.push(...checked.issues);
      return checked.record;
    });
    throwIfAny(issues);
    const valid = records as T[];
    return inTransaction(tablesOf(kind), async () => {
      const lookup = createLookup(db);
      const existing = await kind.table.bulkGet(valid.map((r) => r.id));
      const seen = new Set<string>();
      for (const [index, record] of valid.entries()) {
        const prefix = `${label}[${index}]`;
        const field = `${prefix}.id`;
        if (existing[index] !== undefined) {
          issues.push({ field, message: `${field}: ${withArticle(kind.what)} with id "${record.id}" already exists` });
        } else if (seen.has(record.id)) {
          issues.push({ field, message: `${field}: id "${record.id}" appears more than once in this batch` });
        }
        seen.add(record.id);
        if (kind.references) issues.push(...(await kind.references(record, prefix, lookup)));
      }
      throwIfAny(issues);
      await kind.table.bulkAdd(valid);
      return valid;
    });
  }

  async function deleteAccount(id: string): Promise<DeletedAccount> {
    const owned = [db.balanceSnapshots, db.holdings, db.taxLots, db.trades, db.incomeEvents, db.portfolioSettings];
    const linked = [db.streams, db.transactions, db.captureRules, db.metricSnapshots, db.captureMappings];
    return inTransaction([db.accounts, ...owned, ...linked], async () => {
      const account = await db.accounts.get(id);
      if (!account) throw new NotFoundError('account', id);
      const balanceSnapshots = await db.balanceSnapshots.where('accountId').equals(id).delete();
      const holdings = await db.holdings.where('accountId').equals(id).delete();
      const taxLots = await db.taxLots.where('accountId').equals(id).delete();
      const unlinkedStreams = await db.streams.where('accountId').equals(id).modify((s) => void delete s.accountId);
      const unlinkedTransactions = await db.transactions
        .where('accountId')
        .equals(id)
        .modify((t) => void delete t.accountId);
      const captureRules = await db.captureRules
        .filter((r) => r.accountId === id && r.streamId === undefined)
        .delete();
      await db.captureRules.filter((r) => r.accountId === id).modify((r) => void delete r.accountId);
      const metricSnapshots = await db.metricSnapshots
        .where('accountId')
        .equals(id)
        .filter((m) => m.streamId === undefined)
        .delete();
      await db.metricSnapshots.where('accountId').equals(id).modify((m) => void delete m.accountId);
      const captureMappings = await db.captureMappings.filter((m) => m.accountId === id).delete();
      const tradeIds = await db.trades.where('accountId').equals(id).primaryKeys();
      const mirrors = (await db.incomeEvents.bulkGet(tradeIds)).filter((e) => e?.provenance.importId === REINVEST_IMPORT_ID);
      await db.incomeEvents.bulkDelete(mirrors.map((e) => e!.id));
      const trades = await db.trades.where('accountId').equals(id).delete();
      await db.portfolioSettings.toCollection().modify((p) => {
        if (Object.hasOwn(p.cash, id)) delete p.cash[id];
      });
      await db.accounts.delete(id);
      return {
        account,
        balanceSnapshots,
        holdings,
        taxLots,
        unlinkedStreams,
        unlinkedTransactions,
        captureRules,
        metricSnapshots,
        captureMappings,
        trades,
        reinvestIncomeEvents: mirrors.length,
      };
    });
  }

  async function deleteStream(id: string): Promise<DeletedStream> {
    const linked = [db.captureRules, db.metricSnapshots, db.captureMappings, db.planSettings];
    return inTransaction([db.streams, db.incomeEvents, db.streamCosts, ...linked], async () => {
      const stream = await db.streams.get(id);
      if (!stream) throw new NotFoundError('income stream', id);
      const incomeEvents = await db.incomeEvents.where('streamId').equals(id).delete();
      const streamCosts = await db.streamCosts.where('streamId').equals(id).delete();
      // A Leverage play that was this stream is no longer chosen.
      await db.planSettings
        .filter((p) => p.leveragePlay?.streamId === id)
        .modify((p) => void delete p.leveragePlay);
      const captureRules = await db.captureRules
        .filter((r) => r.streamId === id && r.accountId === undefined)
        .delete();
      await db.captureRules.filter((r) => r.streamId === id).modify((r) => void delete r.streamId);
      const metricSnapshots = await db.metricSnapshots
        .where('streamId')
        .equals(id)
        .filter((m) => m.accountId === undefined)
        .delete();
      await db.metricSnapshots.where('streamId').equals(id).modify((m) => void delete m.streamId);
      const captureMappings = await db.captureMappings.filter((m) => m.streamId === id).delete();
      await db.streams.delete(id);
      return { stream, incomeEvents, streamCosts, captureRules, metricSnapshots, captureMappings };
    });
  }

  async function getSettings(): Promise<AppSettings> {
    const stored = await db.settings.get(DEFAULT_SETTINGS.key);
    return { ...DEFAULT_SETTINGS, ...stored, rates: { ...(stored?.rates ?? DEFAULT_SETTINGS.rates) } };
  }

  /**
   * Merges `patch` into the stored settings, validates and saves them.
   * `rates`, when given, replaces the whole rate table. A rate for the base
   * currency itself is meaningless (it is 1 by definition) and is dropped
   * rather than refused, so switching the base currency to one that had a
   * rate just works.
   */
  async function saveSettings(patch: SettingsPatch): Promise<AppSettings> {
    return inTransaction(db.settings, async () => {
      const merged = { ...(await getSettings()), ...patch, key: DEFAULT_SETTINGS.key };
      const rates: Record<string, string> = { ...merged.rates };
      if (typeof merged.baseCurrency === 'string') delete rates[merged.baseCurrency];
      const settings = parseRecord(AppSettingsSchema, { ...merged, rates });
      await db.settings.put(settings);
      return settings;
    });
  }

  /** The plan settings, with the defaults (in the base currency) for anything not saved yet. */
  async function getPlanSettings(): Promise<PlanSettings> {
    const [stored, app] = await Promise.all([db.planSettings.get('plan'), getSettings()]);
    return { ...defaultPlanSettings(app.baseCurrency), ...stored, key: 'plan' };
  }

  /**
   * Merges `patch` into the stored plan settings, validates and saves them.
   * A Leverage play must name a stream that exists.
   */
  async function savePlanSettings(patch: PlanSettingsPatch): Promise<PlanSettings> {
    return inTransaction([db.planSettings, db.settings, db.streams], async () => {
      const merged = { ...(await getPlanSettings()), ...patch, key: 'plan' };
      const settings = parseRecord(PlanSettingsSchema, merged);
      if (settings.leveragePlay && !(await db.streams.get(settings.leveragePlay.streamId))) {
        throwIfAny([
          {
            field: 'leveragePlay.streamId',
            message: `leveragePlay.streamId: no income stream with id "${settings.leveragePlay.streamId}"`,
          },
        ]);
      }
      await db.planSettings.put(settings);
      return settings;
    });
  }

  /** Adds or replaces the target of an asset class (matched by id, else by asset class). */
  async function putAllocationTarget(input: NewAllocationTarget): Promise<AllocationTarget> {
    const kind = kinds.allocationTarget;
    const parsed = parseRecord(kind.schema, withId(input));
    return inTransaction(db.allocationTargets, async () => {
      const sameClass = await db.allocationTargets.where('assetClass').equals(parsed.assetClass).first();
      const record = input.id === undefined && sameClass ? { ...parsed, id: sameClass.id } : parsed;
      if (kind.references) throwIfAny(await kind.references(record, '', createLookup(db)));
      await db.allocationTargets.put(record);
      return record;
    });
  }

  const capture = createCaptureWrites({ db, kinds, now, newId, inTransaction, insert, update, remove });
  const portfolio = createPortfolioWrites({ db, kinds, now, newId, inTransaction, insert, update, remove, getSettings });
  const trading = createTradingWrites({ db, kinds, now, newId, inTransaction, insert, update, remove });
  const imports = createImportWrites({ db, kinds, now, newId, inTransaction, insert, update, remove });

  return {
    // accounts
    addAccount: (input: NewAccount) => insert(kinds.account, withIdAndCreatedAt(input)),
    updateAccount: (id: string, patch: Patch<Account>) => update(kinds.account, id, patch),
    /** Hides the account from lists, keeping its history. Archiving twice keeps the first date. */
    archiveAccount: (id: string) => update(kinds.account, id, (a) => ({ archivedAt: a.archivedAt ?? now() })),
    unarchiveAccount: (id: string) => update(kinds.account, id, { archivedAt: undefined }),
    /** Removes the account with its snapshots, holdings, tax lots and trades, in one transaction. */
    deleteAccount,

    // balance snapshots
    addSnapshot: (input: NewBalanceSnapshot) => insert(kinds.balanceSnapshot, withId(input)),
    updateSnapshot: (id: string, patch: Patch<BalanceSnapshot>) => update(kinds.balanceSnapshot, id, patch),
    deleteSnapshot: (id: string) => remove(kinds.balanceSnapshot, id),
    bulkAddSnapshots: (inputs: readonly NewBalanceSnapshot[]) => bulkInsert(kinds.balanceSnapshot, 'snapshots', inputs),

    // holdings and tax lots
    addHolding: (input: NewHolding) => insert(kinds.holding, withId(input)),
    updateHolding: (id: string, patch: Patch<Holding>) => update(kinds.holding, id, patch),
    deleteHolding: (id: string) => remove(kinds.holding, id),
    bulkAddHoldings: (inputs: readonly NewHolding[]) => bulkInsert(kinds.holding, 'holdings', inputs),
    addTaxLot: (input: NewTaxLot) => insert(kinds.taxLot, withId(input)),
    updateTaxLot: (id: string, patch: Patch<TaxLot>) => update(kinds.taxLot, id, patch),
    deleteTaxLot: (id: string) => remove(kinds.taxLot, id),
    bulkAddTaxLots: (inputs: readonly NewTaxLot[]) => bulkInsert(kinds.taxLot, 'taxLots', inputs),

    // income streams and their events
    addStream: (input: NewStream) => insert(kinds.stream, withId(input)),
    updateStream: (id: string, patch: Patch<Stream>) => update(kinds.stream, id, patch),
    /** Removes the stream and its income events, in one transaction. */
    deleteStream,
    addIncomeEvent: (input: NewIncomeEvent) => insert(kinds.incomeEvent, withId(input)),
    updateIncomeEvent: (id: string, patch: Patch<IncomeEvent>) => update(kinds.incomeEvent, id, patch),
    deleteIncomeEvent: (id: string) => remove(kinds.incomeEvent, id),
    bulkAddIncomeEvents: (inputs: readonly NewIncomeEvent[]) =>
      bulkInsert(kinds.incomeEvent, 'incomeEvents', inputs),

    // stream costs, cash needs, debts
    addStreamCost: (input: NewStreamCost) => insert(kinds.streamCost, withId(input)),
    updateStreamCost: (id: string, patch: Patch<StreamCost>) => update(kinds.streamCost, id, patch),
    deleteStreamCost: (id: string) => remove(kinds.streamCost, id),
    addCashNeed: (input: NewCashNeed) => insert(kinds.cashNeed, withId(input)),
    updateCashNeed: (id: string, patch: Patch<CashNeed>) => update(kinds.cashNeed, id, patch),
    deleteCashNeed: (id: string) => remove(kinds.cashNeed, id),
    addDebt: (input: NewDebt) => insert(kinds.debt, withId(input)),
    updateDebt: (id: string, patch: Patch<Debt>) => update(kinds.debt, id, patch),
    deleteDebt: (id: string) => remove(kinds.debt, id),

    // transactions
    addTransaction: (input: NewTransaction) => insert(kinds.transaction, withId(input)),
    updateTransaction: (id: string, patch: Patch<Transaction>) => update(kinds.transaction, id, patch),
    deleteTransaction: (id: string) => remove(kinds.transaction, id),
    bulkAddTransactions: (inputs: readonly NewTransaction[]) =>
      bulkInsert(kinds.transaction, 'transactions', inputs),

    // allocation targets
    putAllocationTarget,
    deleteAllocationTarget: (id: string) => remove(kinds.allocationTarget, id),

    // capture rules
    addCaptureRule: (input: NewCaptureRule) => insert(kinds.captureRule, withIdAndCreatedAt(input)),
    updateCaptureRule: (id: string, patch: Patch<CaptureRule>) => update(kinds.captureRule, id, patch),
    deleteCaptureRule: (id: string) => remove(kinds.captureRule, id),

    // settings
    getSettings,
    saveSettings,
    getPlanSettings,
    savePlanSettings,

    // capture: metric snapshots, mappings, one-per-day balances, income per period
    ...capture,

    // portfolio: trades, prices, portfolio settings, targets as a whole (portfolio-writes.ts)
    ...portfolio,

    // trading lab: bars, strategies, lab accounts and fills, options, settings (trading-writes.ts)
    ...trading,

    // imports, saved mappings, categories, leak marks (import-writes.ts)
    ...imports,

    /** Replaces every table with a backup's contents, all or nothing; refuses a corrupt or newer backup (BackupRefusedError) changing nothing. */
    restoreBackup: (text: string) => restoreBackup(db, text),
  };
}
