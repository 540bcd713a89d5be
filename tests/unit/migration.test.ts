/**
 * Upgrading a database keeps every row. A database is filled through the real
 * write API at version 1, closed, and reopened with the released version 2
 * plus a test-only version 3 that adds an index, a table and a data
 * transformation. (tests/unit/migration-v2.test.ts covers v2 itself.)
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { StrataDB } from '@/utils/db/database';
import { applyMigrations, type Migration } from '@/utils/db/migrate';
import { MIGRATIONS } from '@/utils/db/migrations';
import { v1 } from '@/utils/db/migrations/v1';
import { v2 } from '@/utils/db/migrations/v2';
import type { Account } from '@/utils/db/schema';
import { createStore } from '@/utils/db/write';
import {
  APRIL_30_2024,
  fidelityBrokerage,
  incomeEventOf,
  MARCH_31_2024,
  nicheBlog,
  tradeRepublicDepot,
} from '../fixtures/db/records';

/** A version 3 that only exists in this test. */
const testOnlyV3: Migration = {
  version: 3,
  stores: {
    balanceSnapshots: 'id, accountId, at, [accountId+at], source',
    importBatches: 'id, at',
  },
  upgrade: (tx) =>
    tx
      .table('accounts')
      .toCollection()
      .modify((account: Account & { displayOrder?: number }) => {
        account.displayOrder = account.currency === 'USD' ? 1 : 2;
      }),
};

const openDbs: Dexie[] = [];
function open(name: string, migrations: readonly Migration[]): StrataDB {
  const db = new StrataDB(name, migrations);
  openDbs.push(db);
  return db;
}
afterEach(async () => {
  const dbs = openDbs.splice(0);
  for (const db of dbs) db.close();
  await Promise.all([...new Set(dbs.map((d) => d.name))].map((n) => Dexie.delete(n)));
});

/** Every row of every table, sorted by primary key. */
async function dump(db: Dexie, tables: string[]) {
  const rows: Record<string, unknown[]> = {};
  for (const name of tables) rows[name] = await db.table(name).orderBy(':id').toArray();
  return rows;
}

async function fillAtVersion1(name: string) {
  const db = open(name, [v1]);
  const store = createStore(db);
  const fidelity = await store.addAccount({ ...fidelityBrokerage, createdAt: Date.UTC(2024, 0, 2) });
  const depot = await store.addAccount({ ...tradeRepublicDepot, createdAt: Date.UTC(2024, 0, 3) });
  await store.bulkAddSnapshots([
    {
      accountId: fidelity.id,
      at: MARCH_31_2024,
      amount: { minor: 12_345_67, currency: 'USD' },
      source: 'capture',
      provenance: {
        description: 'Captured from digital.fidelity.com',
        url: 'https://digital.fidelity.com/ftgw/digital/portfolio/summary',
        label: 'Account Value',
        rawText: '$12,345.67',
      },
    },
    {
      accountId: fidelity.id,
      at: APRIL_30_2024,
      amount: { minor: 12_901_04, currency: 'USD' },
      source: 'import',
      provenance: { description: 'Imported from Fidelity_April.csv row 4', importId: 'import-april', row: 4 },
    },
    {
      accountId: fidelity.id,
      at: APRIL_30_2024 + 86_400_000,
      amount: { minor: 12_899_99, currency: 'USD' },
      source: 'manual',
      provenance: { description: 'Entered by hand' },
    },
  ]);
  await store.addSnapshot({
    accountId: depot.id,
    at: APRIL_30_2024,
    amount: { minor: 8_000_00, currency: 'EUR' },
    source: 'manual',
    provenance: { description: 'Entered by hand' },
  });
  const blog = await store.addStream(nicheBlog);
  await store.bulkAddIncomeEvents([incomeEventOf(blog.id, 41_17), incomeEventOf(blog.id, 63_50)]);
  await store.saveSettings({ baseCurrency: 'USD', rates: { EUR: '1.0850', GBP: '1.2710' }, locale: 'en-US' });

  expect(db.verno).toBe(1);
  const rows = await dump(db, db.tables.map((t) => t.name));
  db.close();
  return { rows, fidelity, depot };
}

describe('migrations', () => {
  it('v1 → v2 → test-only v3 keeps every row, transforms accounts, and the new index answers queries', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const { rows: before, fidelity, depot } = await fillAtVersion1(name);
    expect(before.balanceSnapshots).toHaveLength(4);
    expect(before.incomeEvents).toHaveLength(2);
    expect(before.settings).toEqual([
      {
        key: 'app',
        baseCurrency: 'USD',
        rates: { EUR: '1.0850', GBP: '1.2710' },
        locale: 'en-US',
        theme: 'system',
        captureJumpFactor: '3',
      },
    ]);

    const db = open(name, [v1, v2, testOnlyV3]);
    const v1Tables = Object.keys(v1.stores);
    const after = await dump(db, v1Tables);
    expect(db.verno).toBe(3);

    // Accounts: exactly the intended change.
    const displayOrder = (a: { id: string }) => (a.id === fidelity.id ? 1 : 2);
    expect(after.accounts).toEqual(
      (before.accounts as Account[]).map((a) => ({ ...a, displayOrder: displayOrder(a) })),
    );
    expect(after.accounts).toContainEqual({ ...depot, displayOrder: 2 });
    // Every other v1 table: unchanged, row for row.
    for (const table of v1Tables.filter((t) => t !== 'accounts')) expect(after[table], table).toEqual(before[table]);

    // The new index works.
    const imported = await db.balanceSnapshots.where('source').equals('import').toArray();
    expect(imported.map((s) => [s.amount, s.provenance.row])).toEqual([[{ minor: 12_901_04, currency: 'USD' }, 4]]);
    expect(await db.balanceSnapshots.where('source').equals('manual').count()).toBe(2);
    // The old indexes still work.
    expect((await db.balanceSnapshots.where('accountId').equals(fidelity.id).sortBy('at')).map((s) => s.amount.minor)).toEqual([
      12_345_67, 12_901_04, 12_899_99,
    ]);

    // The new table exists and is writable.
    await db.table('importBatches').add({ id: 'batch-1', at: APRIL_30_2024 });
    expect(await db.table('importBatches').get('batch-1')).toEqual({ id: 'batch-1', at: APRIL_30_2024 });
  });

  it('an upgrade that throws leaves the database at version 1 with its rows', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const { rows: before } = await fillAtVersion1(name);
    const brokenV3: Migration = {
      ...testOnlyV3,
      upgrade: async (tx) => {
        await tx.table('accounts').toCollection().modify((a: { currency: string }) => void (a.currency = 'XXX'));
        throw new Error('upgrade bug');
      },
    };
    const broken = open(name, [v1, v2, brokenV3]);
    await expect(broken.open()).rejects.toThrow('upgrade bug');
    broken.close();

    const reopened = open(name, [v1]);
    expect(await dump(reopened, Object.keys(v1.stores))).toEqual(before);
    expect(reopened.verno).toBe(1);
  });

  it('the released migrations start at v1, and versions must increase', () => {
    expect(MIGRATIONS[0]).toBe(v1);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(() => applyMigrations(new Dexie('never-opened'), [testOnlyV3, v1])).toThrow(
      'Migration versions must be whole numbers in strictly increasing order: 1 follows 3',
    );
    expect(() => applyMigrations(new Dexie('never-opened'), [v1, { ...testOnlyV3, version: 1 }])).toThrow(
      'strictly increasing order: 1 follows 1',
    );
  });
});
