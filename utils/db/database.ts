/**
 * The Dexie database: one IndexedDB database holding every Strata table. Only
 * utils/db writes to it (through the validating write API in write.ts); pages
 * read it, reactively, through liveQuery.
 */
import { Dexie, type Table } from 'dexie';
import { applyMigrations, type Migration } from './migrate';
import { MIGRATIONS } from './migrations';
import type {
  Account,
  AllocationTarget,
  AppSettings,
  BalanceSnapshot,
  CaptureMapping,
  CaptureRule,
  Holding,
  IncomeEvent,
  MetricSnapshot,
  Stream,
  TaxLot,
  Transaction,
} from './schema';
import type { CashNeed, Debt, PlanSettings, StreamCost } from './schema-plan';
import type { PortfolioSettingsRecord, Price, Trade } from './schema-portfolio';
import type {
  BarRecord,
  LabAccount,
  LabFill,
  OptionPositionRecord,
  PriceImport,
  StrategyRecord,
  TradingSettings,
} from './schema-trading';
import type { CategoryRule, ImportMapping, ImportRecord, LeakMark } from './schema-import';

export class StrataDB extends Dexie {
  declare accounts: Table<Account, string>;
  declare balanceSnapshots: Table<BalanceSnapshot, string>;
  declare holdings: Table<Holding, string>;
  declare taxLots: Table<TaxLot, string>;
  declare streams: Table<Stream, string>;
  declare incomeEvents: Table<IncomeEvent, string>;
  declare transactions: Table<Transaction, string>;
  declare allocationTargets: Table<AllocationTarget, string>;
  declare captureRules: Table<CaptureRule, string>;
  declare metricSnapshots: Table<MetricSnapshot, string>;
  declare captureMappings: Table<CaptureMapping, string>;
  declare settings: Table<AppSettings, string>;
  declare streamCosts: Table<StreamCost, string>;
  declare cashNeeds: Table<CashNeed, string>;
  declare debts: Table<Debt, string>;
  declare planSettings: Table<PlanSettings, string>;
  declare trades: Table<Trade, string>;
  declare prices: Table<Price, string>;
  declare portfolioSettings: Table<PortfolioSettingsRecord, string>;
  declare bars: Table<BarRecord, string>;
  declare priceImports: Table<PriceImport, string>;
  declare strategies: Table<StrategyRecord, string>;
  declare labAccounts: Table<LabAccount, string>;
  declare labFills: Table<LabFill, string>;
  declare optionPositions: Table<OptionPositionRecord, string>;
  declare tradingSettings: Table<TradingSettings, string>;
  declare imports: Table<ImportRecord, string>;
  declare importMappings: Table<ImportMapping, string>;
  declare categoryRules: Table<CategoryRule, string>;
  declare leakMarks: Table<LeakMark, string>;

  /**
   * @param name the IndexedDB database name (tests pass a fresh one each)
   * @param migrations the versions to declare; the released list unless a
   *   test needs to open the database at an older or a test-only version
   */
  constructor(name = 'strata', migrations: readonly Migration[] = MIGRATIONS) {
    super(name);
    applyMigrations(this, migrations);
  }
}
