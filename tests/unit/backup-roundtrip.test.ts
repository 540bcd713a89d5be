/**
 * The full backup: export → restore → export gives the same bytes, the text
 * does not depend on the order IndexedDB hands records or fields back, a
 * refused file changes nothing, and a restore replaces the whole profile.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, CURRENT_SCHEMA_VERSION, parseBackup, type BackupTableName } from '@/utils/backup/format';
import { BACKUP_TABLE_NAMES, serializeBackup } from '@/utils/backup/serialize';
import { BackupRefusedError, backupFileName, exportBackup, restoreBackup } from '@/utils/db/backup-io';
import type { StrataDB } from '@/utils/db/database';
import { defaultPlanSettings } from '@/utils/db/schema-plan';
import { defaultPortfolioSettings } from '@/utils/db/schema-portfolio';
import { DEFAULT_TRADING_SETTINGS } from '@/utils/db/schema-trading';
import { freshDb } from '../fixtures/db/records';

/** 2026-11-24T12:00:00Z */
const NOW = Date.UTC(2026, 10, 24, 12);
/** 2026-01-05T00:00:00Z */
const T0 = Date.UTC(2026, 0, 5);
const usd = (minor: number) => ({ minor, currency: 'USD' });
const hand = { description: 'Entered by hand' };

/** One valid record (or two) in every table, the references between them intact. */
const EVERY_TABLE: Record<BackupTableName, Record<string, unknown>[]> = {
  settings: [{ key: 'app', baseCurrency: 'USD', rates: { EUR: '1.08', JPY: '0.0067' }, locale: 'en-US', theme: 'dark', captureJumpFactor: '3' }],
  planSettings: [{ ...defaultPlanSettings('USD'), monthlyExpenses: usd(400_000), emergencyAccountIds: ['acct-hysa'] }],
  accounts: [
    { id: 'acct-brokerage', institution: 'Fidelity', name: 'Fidelity Brokerage', kind: 'brokerage', layer: 'foundation', currency: 'USD', taxType: 'taxable', createdAt: T0 },
    { id: 'acct-hysa', institution: 'Ally', name: 'Savings', kind: 'hysa', layer: 'foundation', currency: 'USD', taxType: 'taxable', createdAt: T0, notes: 'Emergency fund' },
  ],
  balanceSnapshots: [{ id: 'snap-1', accountId: 'acct-brokerage', at: T0, amount: usd(1_234_567), source: 'manual', provenance: hand }],
  holdings: [
    { id: 'hold-1', accountId: 'acct-brokerage', symbol: 'VTI', quantity: '12.5', marketValue: usd(324_512), assetClass: 'us-stocks', asOf: T0, source: 'import', provenance: { description: 'Imported from positions.csv row 3', row: 3 } },
  ],
  taxLots: [
    { id: 'lot-1', accountId: 'acct-brokerage', symbol: 'VTI', acquiredAt: Date.UTC(2022, 0, 14), quantity: '12.5', costBasis: usd(281_237), source: 'import', provenance: { description: 'Imported from lots.csv row 1', row: 1 } },
  ],
  streams: [{ id: 'stream-blog', name: 'Woodworking blog', layer: 'leverage', accountId: 'acct-hysa', startedAt: Date.UTC(2023, 5, 1), hoursPerMonth: 20 }],
  incomeEvents: [
    {
      id: 'inc-1', streamId: 'stream-blog', at: T0, amount: usd(4_217), kind: 'ad-revenue', source: 'capture',
      provenance: { description: 'Captured from dashboard.mediavine.com', host: 'dashboard.mediavine.com', adapter: 'mediavine', adapterVersion: 1 },
      period: { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1), label: 'This month' }, periodKey: '2026-01',
    },
  ],
  streamCosts: [{ id: 'cost-1', streamId: 'stream-blog', name: 'Hosting', amount: usd(2_000), every: 'month', startsAt: T0 }],
  transactions: [
    { id: 'tx-1', accountId: 'acct-hysa', at: T0, amount: usd(-1_599), description: 'NETFLIX.COM 866-579-7172', merchant: 'Netflix', category: 'subscriptions', source: 'import', provenance: { description: 'Imported from checking.csv row 7', importId: 'imp-1', row: 7 } },
  ],
  allocationTargets: [{ id: 'target-us', assetClass: 'us-stocks', targetBasisPoints: 6_000, bandBasisPoints: 500 }],
  captureRules: [{ id: 'rule-1', host: 'digital.fidelity.com', pathPattern: '/ftgw/*', label: 'Account Value', fallbackPath: '', meaning: 'balance', accountId: 'acct-brokerage', createdAt: T0 }],
  metricSnapshots: [{ id: 'metric-1', streamId: 'stream-blog', at: T0, metric: 'paid-subscriptions', kind: 'count', count: 42, source: 'manual', provenance: hand }],
  captureMappings: [{ id: 'map-1', siteId: 'fidelity', host: 'digital.fidelity.com', figureKey: 'balance', accountName: 'Individual ...876', accountId: 'acct-brokerage', always: true, createdAt: T0, updatedAt: T0 }],
  cashNeeds: [{ id: 'need-1', name: 'Car insurance', amount: usd(120_000), dueAt: Date.UTC(2026, 5, 1) }],
  debts: [{ id: 'debt-1', name: 'Visa', balance: usd(250_000), aprBasisPoints: 2_499 }],
  portfolioSettings: [{ ...defaultPortfolioSettings('USD'), cash: { 'acct-brokerage': 50_000 } }],
  trades: [{ id: 'trade-1', accountId: 'acct-brokerage', symbol: 'VTI', side: 'buy', quantity: '2', price: usd(25_000), date: '2026-01-06', source: 'manual', provenance: hand }],
  prices: [{ id: 'price-1', symbol: 'VTI', date: '2026-01-06', price: usd(25_100), source: 'manual', provenance: hand }],
  tradingSettings: [{ ...DEFAULT_TRADING_SETTINGS }],
  priceImports: [{ id: 'pi-1', symbol: 'SPY', fileName: 'SPY.csv', layout: 'ohlcv', importedAt: T0, added: 1, first: '2024-03-01', last: '2024-03-01', notes: [] }],
  bars: [{ id: 'SPY|2024-03-01', symbol: 'SPY', date: '2024-03-01', open: 100_000_000, high: 101_000_000, low: 99_000_000, close: 100_500_000, volume: 1_000, importId: 'pi-1' }],
  strategies: [{ id: 'strat-1', name: 'RSI', text: 'buy when rsi(14) < 30; sell when rsi(14) > 70', symbols: ['SPY', 'QQQ'], createdAt: T0 }],
  labAccounts: [{ id: 'lab-1', name: 'Paper RSI', mode: 'paper', currency: 'USD', capital: usd(1_000_000), strategyId: 'strat-1', startDate: '2024-03-01', createdAt: T0 }],
  labFills: [
    { id: 'lab-1|2024-03-04|SPY|buy', labAccountId: 'lab-1', symbol: 'SPY', side: 'buy', date: '2024-03-04', signalDate: '2024-03-01', quantity: '10', priceMicros: 100_000_000, fee: usd(100), reason: 'rsi(14) < 30' },
  ],
  optionPositions: [
    { id: 'opt-1', accountId: 'lab-1', kind: 'cash-secured-put', symbol: 'KO', openedOn: '2026-01-05', expiry: '2026-02-20', strike: usd(5_000), contracts: 1, premium: usd(12_000), outcome: { kind: 'expired', on: '2026-02-20', cost: usd(0) }, createdAt: T0 },
  ],
  imports: [{ id: 'imp-1', fileName: 'checking.csv', format: 'mapping', importedAt: T0, added: { transactions: 1 }, duplicates: 0, refused: 0 }],
  importMappings: [
    { id: 'date|description|amount', header: ['Date', 'Description', 'Amount'], kind: 'transaction', columns: { date: 'Date', description: 'Description', amount: 'Amount' }, dateOrder: 'MDY', currency: 'USD', createdAt: T0, updatedAt: T0 },
  ],
  categoryRules: [{ id: 'cat-1', pattern: 'NETFLIX', category: 'Subscriptions', createdAt: T0 }],
  leakMarks: [{ id: 'netflix', mark: 'unused', createdAt: T0 }],
};

const opened: StrataDB[] = [];
function newDb(): StrataDB {
  const db = freshDb();
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

async function fill(db: StrataDB, tables: Partial<Record<BackupTableName, readonly unknown[]>>): Promise<void> {
  for (const [name, rows] of Object.entries(tables)) await db.table(name).bulkAdd([...rows!]);
}

/** A deterministic shuffle (mulberry32) so a failing seed can be replayed. */
function shuffler(seed: number) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  /** The same value with every object's keys inserted in a shuffled order (arrays keep theirs). */
  const scramble = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(scramble);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(shuffle(Object.entries(value)).map(([k, v]) => [k, scramble(v)]));
  };
  return { shuffle, scramble };
}

const replaceExportedAt = (text: string) => text.replace(/^ {2}"exportedAt": ".*",$/m, '  "exportedAt": "X",');

describe('the fixture', () => {
  it('has a valid record in every table, and parseBackup reads it back unchanged', () => {
    expect(Object.keys(EVERY_TABLE)).toEqual(Object.keys(BACKUP_TABLES));
    for (const rows of Object.values(EVERY_TABLE)) expect(rows.length).toBeGreaterThan(0);
    const parsed = parseBackup(serializeBackup(EVERY_TABLE, '2026-11-24T12:00:00.000Z'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.tables).toEqual(EVERY_TABLE);
  });
});

describe('serializeBackup', () => {
  it('writes every table in order, records by primary key, keys sorted, 2 spaces and a final newline', () => {
    const text = serializeBackup(
      {
        leakMarks: [{ mark: 'unused', id: 'zeta', createdAt: 2 }, { createdAt: 1, id: 'Zeta', mark: 'ignored' }],
        // "10" sorts before "9" by code unit; JSON.stringify alone would put 9 first.
        portfolioSettings: [{ key: 'portfolio', cash: { b: 3, '9': 1, '10': 2 }, identical: [['VTI', 'ITOT']] }],
      },
      '2026-11-24T12:00:00.000Z',
      6,
    );
    const empty = (names: string[]) => names.map((n) => `    "${n}": [],\n`).join('');
    const names = BACKUP_TABLE_NAMES as string[];
    const expected =
      '{\n  "format": "strata-backup",\n  "schemaVersion": 6,\n  "exportedAt": "2026-11-24T12:00:00.000Z",\n  "tables": {\n' +
      empty(names.slice(0, names.indexOf('portfolioSettings'))) +
      '    "portfolioSettings": [\n      {\n        "cash": {\n          "10": 2,\n          "9": 1,\n          "b": 3\n        },\n' +
      '        "identical": [\n          [\n            "VTI",\n            "ITOT"\n          ]\n        ],\n        "key": "portfolio"\n      }\n    ],\n' +
      empty(names.slice(names.indexOf('portfolioSettings') + 1, names.indexOf('leakMarks'))) +
      // "Zeta" (Z = 0x5A) sorts before "zeta" (z = 0x7A).
      '    "leakMarks": [\n      {\n        "createdAt": 1,\n        "id": "Zeta",\n        "mark": "ignored"\n      },\n' +
      '      {\n        "createdAt": 2,\n        "id": "zeta",\n        "mark": "unused"\n      }\n    ]\n  }\n}\n';
    expect(text).toBe(expected);
  });

  it('lays out the text exactly as JSON.stringify(…, null, 2) would with sorted keys', () => {
    const text = serializeBackup(EVERY_TABLE, '2026-11-24T12:00:00.000Z');
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
    expect(text.split('\n')[3]).toBe('  "exportedAt": "2026-11-24T12:00:00.000Z",');
  });

  it('gives the same bytes whatever order the records and their keys come in', () => {
    const reference = serializeBackup(EVERY_TABLE, 'T');
    // Two accounts, so the record order matters too.
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { shuffle, scramble } = shuffler(seed);
        const tables = Object.fromEntries(shuffle(Object.entries(EVERY_TABLE)).map(([name, rows]) => [name, shuffle(rows).map(scramble)]));
        expect(serializeBackup(tables, 'T')).toBe(reference);
      }),
      { numRuns: 100 },
    );
  });
});

describe('export and restore', () => {
  it('export → restore into an empty database → export gives the same bytes', async () => {
    const source = newDb();
    await fill(source, EVERY_TABLE);
    const first = await exportBackup(source, NOW);
    expect(first).toContain('\n  "exportedAt": "2026-11-24T12:00:00.000Z",\n');

    const target = newDb();
    const { restored } = await restoreBackup(target, first);
    expect(restored).toEqual(Object.fromEntries(Object.entries(EVERY_TABLE).map(([name, rows]) => [name, rows.length])));
    expect(restored.accounts).toBe(2);

    expect(await exportBackup(target, NOW)).toBe(first);
    // A day later: only the exportedAt line differs.
    const later = await exportBackup(target, NOW + 86_400_000);
    expect(later).not.toBe(first);
    expect(later).toContain('\n  "exportedAt": "2026-11-25T12:00:00.000Z",\n');
    expect(replaceExportedAt(later)).toBe(replaceExportedAt(first));
  });

  it('insertion order and key order in the database do not change the export', async () => {
    const reference = serializeBackup(EVERY_TABLE, new Date(NOW).toISOString());
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const { shuffle, scramble } = shuffler(seed);
        const db = newDb();
        for (const [name, rows] of shuffle(Object.entries(EVERY_TABLE))) {
          for (const row of shuffle(rows)) await db.table(name).add(scramble(row));
        }
        expect(await exportBackup(db, NOW)).toBe(reference);
        await db.delete();
      }),
      { numRuns: 8 },
    );
  });

  it('a restore replaces everything: records not in the backup are gone', async () => {
    const db = newDb();
    await fill(db, EVERY_TABLE);
    await db.transactions.add({ id: 'tx-old', at: T0, amount: usd(-500), description: 'Old coffee', source: 'manual', provenance: hand });
    // An older backup (schema version 3) with one account and the settings.
    const account = { id: 'acct-new', institution: 'Chase', name: 'Checking', kind: 'cash', layer: 'foundation', currency: 'USD', taxType: 'none', createdAt: T0 };
    const text = JSON.stringify({ format: 'strata-backup', schemaVersion: 3, exportedAt: '2025-01-01T00:00:00.000Z', tables: { settings: EVERY_TABLE.settings, accounts: [account] } });

    const { restored } = await restoreBackup(db, text);
    expect(restored).toEqual(Object.fromEntries(BACKUP_TABLE_NAMES.map((name) => [name, name === 'settings' || name === 'accounts' ? 1 : 0])));
    expect(await db.accounts.toArray()).toEqual([account]);
    expect(await db.transactions.count()).toBe(0);
    expect(await db.leakMarks.count()).toBe(0);
    expect(await db.settings.get('app')).toEqual(EVERY_TABLE.settings[0]);
  });
});

describe('a refused backup changes nothing', () => {
  const good = serializeBackup(EVERY_TABLE, '2026-11-20T08:00:00.000Z');
  const edited = (change: (file: any) => void) => {
    const file = JSON.parse(good);
    change(file);
    return JSON.stringify(file, null, 2);
  };

  it.each([
    ['corrupt JSON', '{"format": "strata-backup", tables: }', /^This is not a Strata backup: the file is not valid JSON \(/, []],
    // Cut off after 60% of its bytes, as an interrupted download would be.
    ['a truncated file', good.slice(0, Math.floor(good.length * 0.6)), /^This is not a Strata backup: the file is not valid JSON \(/, []],
    [
      'a record with a bad field',
      edited((f) => (f.tables.transactions[0].amount.minor = 15.99)),
      /^The backup has 1 problem: tables\.transactions\[0\]\.amount\.minor must be a whole number of minor units \(cents\), not a fraction\.$/,
      ['tables.transactions[0].amount.minor'],
    ],
    [
      'a reference to a missing account',
      edited((f) => (f.tables.balanceSnapshots[0].accountId = 'acct-ghost')),
      /^The backup has 1 problem: tables\.balanceSnapshots\[0\]\.accountId: no account with id "acct-ghost" in the backup\.$/,
      ['tables.balanceSnapshots[0].accountId'],
    ],
    [
      'a backup from a newer Strata',
      edited((f) => (f.schemaVersion = CURRENT_SCHEMA_VERSION + 1)),
      new RegExp(`^The backup was written by a newer Strata \\(schema version ${CURRENT_SCHEMA_VERSION + 1}; this one reads up to ${CURRENT_SCHEMA_VERSION}\\)\\. Update Strata to restore it\\.$`),
      [],
    ],
  ] as const)('%s', async (_what, text, message, fields) => {
    const db = newDb();
    await fill(db, EVERY_TABLE);
    await db.transactions.add({ id: 'tx-extra', at: T0, amount: usd(-250), description: 'Only in the database', source: 'manual', provenance: hand });
    const before = await exportBackup(db, NOW);

    const error = await restoreBackup(db, text).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect((error as BackupRefusedError).message).toMatch(message);
    expect((error as BackupRefusedError).name).toBe('BackupRefusedError');
    expect((error as BackupRefusedError).issues.map((i) => i.field)).toEqual(fields);

    expect(await exportBackup(db, NOW)).toBe(before);
    expect(await db.transactions.get('tx-extra')).toBeDefined();
  });
});

describe('backupFileName', () => {
  it('names the UTC day', () => {
    expect(backupFileName(NOW)).toBe('strata-backup-2026-11-24.json');
    // 23:59:59.999 UTC is still the 24th; one ms later it is the 25th.
    expect(backupFileName(Date.UTC(2026, 10, 24, 23, 59, 59, 999))).toBe('strata-backup-2026-11-24.json');
    expect(backupFileName(Date.UTC(2026, 10, 25))).toBe('strata-backup-2026-11-25.json');
  });
});
