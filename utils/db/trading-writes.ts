/**
 * The write API of the trading lab (schema v5): price bars, strategies, lab
 * accounts with their fills, the options log and the lab's settings. Same
 * conventions as write.ts: every record is validated; a refused write throws
 * a ValidationError (or NotFoundError) and changes nothing.
 *
 * Income: a lab account marked `real` is real money, so its results are
 * Acceleration income on its stream "Trading — <account>" (id "lab-<account
 * id>", created when missing, its capital the account's starting capital so
 * the plan counts it), kept in step with the records in the same transaction:
 * - each sell fill: the realized gain or loss of the shares it sold (cost =
 *   their buys, average cost, fees included), kind trading-gain, id "g:<fill>";
 * - each option: the premium on the day it was opened ("o:<id>",
 *   options-premium) and, when bought back, the cost as a negative amount on
 *   that day ("b:<id>"), the cash basis the options report uses.
 * Paper accounts never write income. Switching an account between paper
 * and real rewrites its income events to match.
 */
import * as v from 'valibot';
import { parseDay, timestampOfDay } from '../portfolio/dates';
import { formatQty, parseQty } from '../portfolio/quantity';
import type { StrataDB } from './database';
import { NotFoundError, parseRecord, ValidationError, type FieldIssue } from './errors';
import { IncomeEventSchema, StreamSchema, type IncomeEvent, type Stream } from './schema';
import {
  barId,
  BarSchema,
  DEFAULT_TRADING_SETTINGS,
  LabAccountSchema,
  LabFillSchema,
  OptionPositionRecordSchema,
  PriceImportSchema,
  StrategyRecordSchema,
  TRADING_IMPORT_ID,
  tradingStreamId,
  tradingStreamName,
  TradingSettingsSchema,
  type BarRecord,
  type LabAccount,
  type LabFill,
  type OptionPositionRecord,
  type PriceImport,
  type StrategyRecord,
  type TradingSettings,
} from './schema-trading';
import { realizedBySell } from '../trading/paper-ledger';
import type { WriteContext } from './capture-writes';
import type { NewRecord, Patch } from './write';

export type NewStrategy = NewRecord<StrategyRecord, 'createdAt'>;
export type NewLabAccount = NewRecord<LabAccount, 'createdAt'>;
export type NewOptionPosition = NewRecord<OptionPositionRecord, 'createdAt'>;
export type NewLabFill = Omit<LabFill, 'id' | 'labAccountId'>;

/** A bar to import: prices in micro-units as the file gave them. */
export interface ImportBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number | null;
  volume: number;
}

export interface BarsImportResult {
  priceImport: PriceImport | null;
  /** New days. */
  added: number;
  /** Days already stored with exactly these prices. */
  unchanged: number;
  /** Days stored with other prices, replaced (only with `replace`). */
  replaced: number;
}

export function createTradingWrites(ctx: WriteContext) {
  const { db, now, newId, inTransaction } = ctx;
  const refuse = (issues: FieldIssue[]) => {
    if (issues.length > 0) throw new ValidationError(issues);
  };

  /**
   * Imports one symbol's bars, all or nothing. Days already stored with the
   * same prices are skipped (importing a file twice adds nothing); days
   * stored with other prices refuse the import, naming them, unless
   * `replace` (a corrected export replaces them).
   */
  async function importBars(input: {
    symbol: string;
    fileName: string;
    layout: 'ohlcv' | 'close-only';
    bars: readonly ImportBar[];
    notes: readonly string[];
    replace?: boolean;
  }): Promise<BarsImportResult> {
    if (input.bars.length === 0) refuse([{ field: 'bars', message: 'bars: the file has no bars to import' }]);
    const importId = newId();
    const records: BarRecord[] = [];
    const issues: FieldIssue[] = [];
    for (const [index, bar] of input.bars.entries()) {
      const symbol = input.symbol.trim().toUpperCase();
      const candidate = { ...bar, id: barId(symbol, bar.date), symbol, importId, adjClose: bar.adjClose ?? undefined };
      const checked = v.safeParse(BarSchema, candidate);
      if (checked.success) records.push(checked.output);
      else {
        const issue = checked.issues[0];
        const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
        issues.push({ field: `bars[${index}]${path ? '.' + path : ''}`, message: `bars[${index}] (${bar.date})${path ? ' ' + path : ''}: ${issue.message}` });
      }
      if (issues.length >= 20) break;
    }
    refuse(issues);
    const symbol = records[0]!.symbol;
    return inTransaction([db.bars, db.priceImports], async () => {
      const stored = await db.bars.bulkGet(records.map((r) => r.id));
      const fresh: BarRecord[] = [];
      const conflicts: string[] = [];
      let unchanged = 0;
      records.forEach((record, i) => {
        const old = stored[i];
        if (old === undefined) fresh.push(record);
        else if (samePrices(old, record)) unchanged++;
        else {
          conflicts.push(record.date);
          fresh.push(record);
        }
      });
      if (conflicts.length > 0 && !input.replace) {
        const shown = conflicts.slice(0, 5).join(', ') + (conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : '');
        refuse([
          {
            field: 'bars',
            message: `bars: ${conflicts.length} day${conflicts.length === 1 ? '' : 's'} of ${symbol} already stored with other prices (${shown}); import again with "replace" to use this file's prices`,
          },
        ]);
      }
      if (fresh.length === 0) return { priceImport: null, added: 0, unchanged, replaced: 0 };
      const priceImport = parseRecord(PriceImportSchema, {
        id: importId,
        symbol,
        fileName: input.fileName.slice(0, 300),
        layout: input.layout,
        importedAt: now(),
        added: fresh.length,
        first: records[0]!.date,
        last: records[records.length - 1]!.date,
        notes: input.notes.map((n) => n.slice(0, 500)),
      });
      await db.priceImports.add(priceImport);
      await db.bars.bulkPut(fresh);
      return { priceImport, added: fresh.length - conflicts.length, unchanged, replaced: conflicts.length };
    });
  }

  /** Removes every bar of a symbol and the imports that wrote only them. */
  async function deleteSymbolBars(symbol: string): Promise<number> {
    return inTransaction([db.bars, db.priceImports], async () => {
      const count = await db.bars.where('symbol').equals(symbol).delete();
      await db.priceImports.where('symbol').equals(symbol).delete();
      return count;
    });
  }

  async function saveStrategy(input: NewStrategy): Promise<StrategyRecord> {
    const record = parseRecord(StrategyRecordSchema, { ...input, id: input.id ?? newId(), createdAt: input.createdAt ?? now() });
    await inTransaction(db.strategies, () => db.strategies.put(record));
    return record;
  }

  async function deleteStrategy(id: string): Promise<void> {
    await inTransaction([db.strategies, db.labAccounts], async () => {
      if (!(await db.strategies.get(id))) throw new NotFoundError('strategy', id);
      const users = await db.labAccounts.filter((a) => a.strategyId === id).toArray();
      if (users.length > 0) {
        refuse([{ field: 'id', message: `id: the strategy is followed by ${users.map((a) => `"${a.name}"`).join(', ')}; delete or change that account first` }]);
      }
      await db.strategies.delete(id);
    });
  }

  const accountTables = () => [db.labAccounts, db.strategies, db.labFills, db.optionPositions, db.streams, db.incomeEvents, db.settings];

  async function checkAccount(record: LabAccount): Promise<void> {
    if (record.strategyId !== undefined && !(await db.strategies.get(record.strategyId))) {
      refuse([{ field: 'strategyId', message: `strategyId: no strategy with id "${record.strategyId}"` }]);
    }
  }

  async function addLabAccount(input: NewLabAccount): Promise<LabAccount> {
    const record = parseRecord(LabAccountSchema, { ...input, id: input.id ?? newId(), createdAt: input.createdAt ?? now() });
    return inTransaction(accountTables(), async () => {
      if (await db.labAccounts.get(record.id)) refuse([{ field: 'id', message: `id: a lab account with id "${record.id}" already exists` }]);
      await checkAccount(record);
      await db.labAccounts.add(record);
      return record;
    });
  }

  /** Changes an account; a switch between paper and real (or a rename) rewrites its income events. */
  async function updateLabAccount(id: string, patch: Patch<LabAccount>): Promise<LabAccount> {
    return inTransaction(accountTables(), async () => {
      const stored = await db.labAccounts.get(id);
      if (!stored) throw new NotFoundError('lab account', id);
      const record = parseRecord(LabAccountSchema, { ...stored, ...patch, id });
      await checkAccount(record);
      if (record.currency !== stored.currency && (await db.labFills.where('labAccountId').equals(id).count()) > 0) {
        refuse([{ field: 'currency', message: 'currency: the account already has fills in its currency; create a new account instead' }]);
      }
      await db.labAccounts.put(record);
      await syncIncome(record);
      return record;
    });
  }

  /** Removes the account with its fills, options and income events. */
  async function deleteLabAccount(id: string): Promise<{ fills: number; options: number }> {
    return inTransaction(accountTables(), async () => {
      const stored = await db.labAccounts.get(id);
      if (!stored) throw new NotFoundError('lab account', id);
      await removeIncome(id);
      const fills = await db.labFills.where('labAccountId').equals(id).delete();
      const options = await db.optionPositions.where('accountId').equals(id).delete();
      await db.labAccounts.delete(id);
      return { fills, options };
    });
  }

  /**
   * Appends fills the account's strategy made on new bars and moves its
   * `processedThrough` forward. Fills already recorded are never rewritten.
   */
  async function recordLabFills(accountId: string, fills: readonly NewLabFill[], processedThrough: string): Promise<LabFill[]> {
    return inTransaction(accountTables(), async () => {
      const account = await db.labAccounts.get(accountId);
      if (!account) throw new NotFoundError('lab account', accountId);
      const count = await db.labFills.where('labAccountId').equals(accountId).count();
      const records = fills.map((fill, i) =>
        parseRecord(LabFillSchema, { ...fill, id: `${accountId}#${String(count + i).padStart(6, '0')}`, labAccountId: accountId }),
      );
      const last = await db.labFills.where('[labAccountId+date]').between([accountId, ''], [accountId, '\uffff']).last();
      const early = records.find((r) => last !== undefined && r.date < last.date);
      if (early) refuse([{ field: 'fills', message: `fills: a fill on ${early.date} is before the account's last recorded fill (${last!.date}); recorded fills are never rewritten` }]);
      await db.labFills.bulkAdd(records);
      const updated = parseRecord(LabAccountSchema, { ...account, processedThrough });
      await db.labAccounts.put(updated);
      await syncIncome(updated);
      return records;
    });
  }

  const optionTables = () => [db.optionPositions, db.labAccounts, db.labFills, db.streams, db.incomeEvents, db.settings];

  async function checkOption(record: OptionPositionRecord): Promise<LabAccount> {
    const account = await db.labAccounts.get(record.accountId);
    if (!account) refuse([{ field: 'accountId', message: `accountId: no lab account with id "${record.accountId}"` }]);
    const issues: FieldIssue[] = [];
    for (const [field, money] of [['strike', record.strike], ['premium', record.premium], ['underlying', record.underlying], ['outcome.cost', record.outcome?.cost]] as const) {
      if (money && money.currency !== account!.currency) issues.push({ field, message: `${field}: must be in ${account!.currency}, the account's currency` });
    }
    const into = record.outcome?.rolledIntoId;
    if (into !== undefined && (into === record.id || !(await db.optionPositions.get(into)))) {
      issues.push({ field: 'outcome.rolledIntoId', message: `outcome.rolledIntoId: no other option position with id "${into}"; record the new position first` });
    }
    refuse(issues);
    return account!;
  }

  async function addOptionPosition(input: NewOptionPosition): Promise<OptionPositionRecord> {
    const record = parseRecord(OptionPositionRecordSchema, { ...input, id: input.id ?? newId(), createdAt: input.createdAt ?? now() });
    return inTransaction(optionTables(), async () => {
      if (await db.optionPositions.get(record.id)) refuse([{ field: 'id', message: `id: an option position with id "${record.id}" already exists` }]);
      const account = await checkOption(record);
      await db.optionPositions.add(record);
      await syncIncome(account);
      return record;
    });
  }

  /** Changes a position: its outcome (closed, expired, assigned, rolled) is set here. */
  async function updateOptionPosition(id: string, patch: Patch<OptionPositionRecord>): Promise<OptionPositionRecord> {
    return inTransaction(optionTables(), async () => {
      const stored = await db.optionPositions.get(id);
      if (!stored) throw new NotFoundError('option position', id);
      const record = parseRecord(OptionPositionRecordSchema, { ...stored, ...patch, id });
      const account = await checkOption(record);
      await db.optionPositions.put(record);
      await syncIncome(account);
      if (stored.accountId !== record.accountId) {
        const old = await db.labAccounts.get(stored.accountId);
        if (old) await syncIncome(old);
      }
      return record;
    });
  }

  async function deleteOptionPosition(id: string): Promise<void> {
    await inTransaction(optionTables(), async () => {
      const stored = await db.optionPositions.get(id);
      if (!stored) throw new NotFoundError('option position', id);
      const rolledFrom = await db.optionPositions.filter((p) => p.outcome?.rolledIntoId === id).first();
      if (rolledFrom) refuse([{ field: 'id', message: `id: position "${rolledFrom.id}" rolled into it; change that one's outcome first` }]);
      await db.optionPositions.delete(id);
      const account = await db.labAccounts.get(stored.accountId);
      if (account) await syncIncome(account);
    });
  }

  async function getTradingSettings(): Promise<TradingSettings> {
    const stored = await db.tradingSettings.get('trading');
    return { ...DEFAULT_TRADING_SETTINGS, ...stored, key: 'trading' };
  }

  async function saveTradingSettings(patch: Partial<Omit<TradingSettings, 'key'>>): Promise<TradingSettings> {
    return inTransaction(db.tradingSettings, async () => {
      const record = parseRecord(TradingSettingsSchema, { ...(await getTradingSettings()), ...patch, key: 'trading' });
      await db.tradingSettings.put(record);
      return record;
    });
  }

  // ------------------------------------------------------------ income of real accounts

  async function removeIncome(accountId: string): Promise<void> {
    const streams = await tradingStreams(accountId);
    for (const stream of streams) {
      await db.incomeEvents.where('streamId').equals(stream.id).filter((e) => e.provenance.importId === TRADING_IMPORT_ID).delete();
    }
  }

  async function tradingStreams(accountId: string): Promise<Stream[]> {
    const stream = await db.streams.get(tradingStreamId(accountId));
    return stream ? [stream] : [];
  }

  /** Rewrites the account's income events from its fills and options: none for paper. */
  async function syncIncome(account: LabAccount): Promise<void> {
    await removeIncome(account.id);
    if (account.mode !== 'real') return;
    const [fills, options] = await Promise.all([
      db.labFills.where('labAccountId').equals(account.id).toArray(),
      db.optionPositions.where('accountId').equals(account.id).toArray(),
    ]);
    const events: Omit<IncomeEvent, 'streamId'>[] = [];
    const money = (minor: number) => ({ minor, currency: account.currency });
    const atDay = (day: string) => timestampOfDay(parseDay(day)!);
    for (const gain of realizedBySell(fills)) {
      events.push({
        id: `g:${gain.fill.id}`,
        at: atDay(gain.fill.date),
        amount: money(gain.realizedMinor),
        kind: 'trading-gain',
        source: 'manual',
        provenance: {
          description: `Sold ${formatQty(parseQty(gain.fill.quantity)!)} ${gain.fill.symbol} on ${gain.fill.date} in ${account.name}: realized result`,
          importId: TRADING_IMPORT_ID,
        },
      });
    }
    for (const option of options) {
      const what = `${option.symbol} ${option.kind === 'covered-call' ? 'covered call' : 'cash-secured put'}`;
      events.push({
        id: `o:${option.id}`,
        at: atDay(option.openedOn),
        amount: money(option.premium.minor),
        kind: 'options-premium',
        source: 'manual',
        provenance: { description: `Premium of the ${what} opened ${option.openedOn} in ${account.name}`, importId: TRADING_IMPORT_ID },
      });
      if (option.outcome && option.outcome.cost.minor > 0) {
        events.push({
          id: `b:${option.id}`,
          at: atDay(option.outcome.on),
          amount: money(-option.outcome.cost.minor),
          kind: 'options-premium',
          source: 'manual',
          provenance: { description: `Bought back the ${what} on ${option.outcome.on} in ${account.name}`, importId: TRADING_IMPORT_ID },
        });
      }
    }
    if (events.length === 0) return;
    const stream = await streamFor(account, Math.min(...events.map((e) => e.at)));
    await db.incomeEvents.bulkPut(events.map((e) => parseRecord(IncomeEventSchema, { ...e, streamId: stream.id })));
  }

  async function streamFor(account: LabAccount, startedAt: number): Promise<Stream> {
    const [found] = await tradingStreams(account.id);
    const stream = parseRecord(StreamSchema, {
      hoursPerMonth: 0,
      ...found,
      id: tradingStreamId(account.id),
      name: tradingStreamName(account),
      layer: 'acceleration',
      startedAt: Math.min(found?.startedAt ?? startedAt, startedAt),
      capital: account.capital,
    });
    await db.streams.put(stream);
    return stream;
  }

  return {
    importBars,
    deleteSymbolBars,
    saveStrategy,
    deleteStrategy,
    addLabAccount,
    updateLabAccount,
    deleteLabAccount,
    recordLabFills,
    addOptionPosition,
    updateOptionPosition,
    deleteOptionPosition,
    getTradingSettings,
    saveTradingSettings,
  };
}

function samePrices(a: BarRecord, b: BarRecord): boolean {
  return a.open === b.open && a.high === b.high && a.low === b.low && a.close === b.close && a.adjClose === b.adjClose && a.volume === b.volume;
}
