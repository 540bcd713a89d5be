/**
 * The Strata backup file: every table of the database as JSON, with the
 * schema version it was written at.
 *
 *   {
 *     "format": "strata-backup",
 *     "schemaVersion": 5,
 *     "exportedAt": "2026-11-24T10:00:00.000Z",
 *     "tables": { "accounts": [ ... ], "balanceSnapshots": [ ... ], ... }
 *   }
 *
 * Every table is optional (absent = empty). Every record is checked against
 * its schema (utils/db/schema.ts, schema-plan.ts, schema-portfolio.ts) and the
 * references between records (a snapshot's account, an event's stream, a
 * trade's account, the portfolio's cash per account) are checked too; a
 * backup with any problem is refused as a whole, with the problems named by
 * table, index and field (`tables.balanceSnapshots[3].amount.minor`).
 * A backup written by a newer Strata (higher schemaVersion) is refused: its
 * records may mean something this version cannot read.
 */
import * as v from 'valibot';
import { checkRecord, type FieldIssue } from '@/utils/db/errors';
import { MIGRATIONS } from '@/utils/db/migrations';
import {
  AccountSchema,
  AllocationTargetSchema,
  AppSettingsSchema,
  BalanceSnapshotSchema,
  CaptureMappingSchema,
  CaptureRuleSchema,
  HoldingSchema,
  IncomeEventSchema,
  MetricSnapshotSchema,
  StreamSchema,
  TaxLotSchema,
  TransactionSchema,
} from '@/utils/db/schema';
import { CashNeedSchema, DebtSchema, PlanSettingsSchema, StreamCostSchema } from '@/utils/db/schema-plan';
import { PortfolioSettingsRecordSchema, PriceSchema, TradeSchema } from '@/utils/db/schema-portfolio';
import {
  BarSchema,
  LabAccountSchema,
  LabFillSchema,
  OptionPositionRecordSchema,
  PriceImportSchema,
  StrategyRecordSchema,
  TradingSettingsSchema,
} from '@/utils/db/schema-trading';
import { CategoryRuleSchema, ImportMappingSchema, ImportRecordSchema, LeakMarkSchema } from '@/utils/db/schema-import';

export const BACKUP_FORMAT = 'strata-backup';
export const CURRENT_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Every table a backup may hold, with the schema of its records. */
export const BACKUP_TABLES = {
  settings: AppSettingsSchema,
  planSettings: PlanSettingsSchema,
  accounts: AccountSchema,
  balanceSnapshots: BalanceSnapshotSchema,
  holdings: HoldingSchema,
  taxLots: TaxLotSchema,
  streams: StreamSchema,
  incomeEvents: IncomeEventSchema,
  streamCosts: StreamCostSchema,
  transactions: TransactionSchema,
  allocationTargets: AllocationTargetSchema,
  captureRules: CaptureRuleSchema,
  metricSnapshots: MetricSnapshotSchema,
  captureMappings: CaptureMappingSchema,
  cashNeeds: CashNeedSchema,
  debts: DebtSchema,
  portfolioSettings: PortfolioSettingsRecordSchema,
  trades: TradeSchema,
  prices: PriceSchema,
  tradingSettings: TradingSettingsSchema,
  priceImports: PriceImportSchema,
  bars: BarSchema,
  strategies: StrategyRecordSchema,
  labAccounts: LabAccountSchema,
  labFills: LabFillSchema,
  optionPositions: OptionPositionRecordSchema,
  imports: ImportRecordSchema,
  importMappings: ImportMappingSchema,
  categoryRules: CategoryRuleSchema,
  leakMarks: LeakMarkSchema,
} as const;

export type BackupTableName = keyof typeof BACKUP_TABLES;
export type BackupTables = { [K in BackupTableName]: v.InferOutput<(typeof BACKUP_TABLES)[K]>[] };

export interface Backup {
  schemaVersion: number;
  exportedAt: string;
  tables: BackupTables;
}

export type BackupResult = { ok: true; backup: Backup } | { ok: false; error: string; issues: FieldIssue[] };

const refuse = (error: string, issues: FieldIssue[] = []): BackupResult => ({ ok: false, error, issues });

/** Reads a backup file's text: the backup, or why it cannot be used. */
export function parseBackup(text: string): BackupResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refuse(`This is not a Strata backup: the file is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refuse('This is not a Strata backup: the file holds no JSON object.');
  }
  const file = json as Record<string, unknown>;
  if (file.format !== BACKUP_FORMAT) {
    return refuse(`This is not a Strata backup: "format" is ${JSON.stringify(file.format ?? null)}, expected "${BACKUP_FORMAT}".`);
  }
  const version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return refuse('The backup has no valid "schemaVersion" (a whole number from 1).');
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return refuse(
      `The backup was written by a newer Strata (schema version ${version}; this one reads up to ${CURRENT_SCHEMA_VERSION}). Update Strata to restore it.`,
    );
  }
  if (typeof file.exportedAt !== 'string') return refuse('The backup has no "exportedAt" time.');
  const rawTables = file.tables;
  if (typeof rawTables !== 'object' || rawTables === null || Array.isArray(rawTables)) {
    return refuse('The backup has no "tables" object.');
  }

  const issues: FieldIssue[] = [];
  const tables = {} as Record<BackupTableName, unknown[]>;
  for (const name of Object.keys(rawTables)) {
    if (!Object.hasOwn(BACKUP_TABLES, name)) issues.push({ field: `tables.${name}`, message: `tables.${name} is not a Strata table` });
  }
  for (const [name, schema] of Object.entries(BACKUP_TABLES) as [BackupTableName, v.GenericSchema][]) {
    const rows = (rawTables as Record<string, unknown>)[name] ?? [];
    if (!Array.isArray(rows)) {
      issues.push({ field: `tables.${name}`, message: `tables.${name} must be a list of records` });
      tables[name] = [];
      continue;
    }
    const records: unknown[] = [];
    rows.forEach((row, index) => {
      const checked = checkRecord(schema, row, `tables.${name}[${index}]`);
      issues.push(...checked.issues);
      if (checked.record !== undefined) records.push(checked.record);
    });
    tables[name] = records;
  }
  issues.push(...referenceIssues(tables as unknown as BackupTables));
  if (issues.length > 0) {
    const shown = issues.slice(0, 5).map((i) => i.message).join('; ');
    const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
    return refuse(`The backup has ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${shown}${more}.`, issues);
  }
  return { ok: true, backup: { schemaVersion: version, exportedAt: file.exportedAt, tables: tables as unknown as BackupTables } };
}

/** Duplicate ids, and records pointing at an account or stream the backup does not hold. */
function referenceIssues(tables: BackupTables): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = (name: BackupTableName) => {
    const seen = new Set<string>();
    (tables[name] as { id?: string; key?: string }[]).forEach((row, index) => {
      const id = row.id ?? row.key!;
      if (seen.has(id)) issues.push({ field: `tables.${name}[${index}]`, message: `tables.${name}[${index}]: id "${id}" appears twice` });
      seen.add(id);
    });
    return seen;
  };
  const accounts = ids('accounts');
  const streams = ids('streams');
  const labAccounts = ids('labAccounts');
  const strategies = ids('strategies');
  const priceImports = ids('priceImports');
  const referenced: readonly BackupTableName[] = ['accounts', 'streams', 'labAccounts', 'strategies', 'priceImports'];
  for (const name of Object.keys(BACKUP_TABLES) as BackupTableName[]) {
    if (!referenced.includes(name)) ids(name);
  }
  const check = (name: BackupTableName, field: 'accountId' | 'streamId' | 'labAccountId' | 'strategyId' | 'importId', known: Set<string>, what: string) => {
    (tables[name] as Record<string, unknown>[]).forEach((row, index) => {
      const ref = row[field];
      if (typeof ref === 'string' && !known.has(ref)) {
        const path = `tables.${name}[${index}].${field}`;
        issues.push({ field: path, message: `${path}: no ${what} with id "${ref}" in the backup` });
      }
    });
  };
  for (const name of ['balanceSnapshots', 'holdings', 'taxLots', 'streams', 'transactions', 'captureRules', 'metricSnapshots', 'captureMappings', 'trades'] as const) {
    check(name, 'accountId', accounts, 'account');
  }
  for (const name of ['incomeEvents', 'streamCosts', 'captureRules', 'metricSnapshots', 'captureMappings'] as const) {
    check(name, 'streamId', streams, 'income stream');
  }
  check('labFills', 'labAccountId', labAccounts, 'lab account');
  check('optionPositions', 'accountId', labAccounts, 'lab account');
  check('labAccounts', 'strategyId', strategies, 'strategy');
  check('bars', 'importId', priceImports, 'price import');
  tables.portfolioSettings.forEach((row, index) => {
    for (const id of Object.keys(row.cash)) {
      if (accounts.has(id)) continue;
      const path = `tables.portfolioSettings[${index}].cash.${id}`;
      issues.push({ field: path, message: `${path}: no account with id "${id}" in the backup` });
    }
  });
  return issues;
}
