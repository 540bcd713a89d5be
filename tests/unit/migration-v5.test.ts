/**
 * The released version 5 (trading lab): a database written at version 4,
 * with a portfolio trade and price, upgrades with nothing lost; the seven
 * new tables start empty and take records.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { StrataDB } from '@/utils/db/database';
import type { Migration } from '@/utils/db/migrate';
import { MIGRATIONS } from '@/utils/db/migrations';
import { v1 } from '@/utils/db/migrations/v1';
import { v2 } from '@/utils/db/migrations/v2';
import { v3 } from '@/utils/db/migrations/v3';
import { v4 } from '@/utils/db/migrations/v4';
import { v5 } from '@/utils/db/migrations/v5';
import { createStore } from '@/utils/db/write';
import { fidelityBrokerage, nicheBlog, incomeEventOf } from '../fixtures/db/records';

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

const V4_TABLES = [...new Set([v1, v2, v3, v4].flatMap((m) => Object.keys(m.stores)))];

async function dump(db: Dexie, tables: string[]) {
  const rows: Record<string, unknown[]> = {};
  for (const name of tables) rows[name] = await db.table(name).orderBy(':id').toArray();
  return rows;
}

describe('migration to version 5', () => {
  it('is released, after version 4, with the trading tables', () => {
    expect(MIGRATIONS[MIGRATIONS.indexOf(v4) + 1]).toBe(v5);
    expect(Object.keys(v5.stores).sort()).toEqual(['bars', 'labAccounts', 'labFills', 'optionPositions', 'priceImports', 'strategies', 'tradingSettings']);
  });

  it('keeps every version-4 row and opens the new tables empty', async () => {
    const name = 'migration-v5';
    const old = open(name, [v1, v2, v3, v4]);
    const store = createStore(old, { now: () => Date.UTC(2026, 0, 2) });
    const account = await store.addAccount(fidelityBrokerage);
    const blog = await store.addStream(nicheBlog);
    await store.addIncomeEvent(incomeEventOf(blog.id));
    await store.addTrade({
      accountId: account.id,
      symbol: 'VTI',
      side: 'buy',
      quantity: '10',
      price: { minor: 25_000, currency: 'USD' },
      date: '2026-01-02',
      source: 'manual',
      provenance: { description: 'Entered by hand' },
    });
    await store.setPrice({ symbol: 'VTI', date: '2026-01-02', price: { minor: 25_100, currency: 'USD' }, source: 'manual', provenance: { description: 'Entered by hand' } });
    const before = await dump(old, V4_TABLES);
    old.close();

    const upgraded = open(name, MIGRATIONS);
    expect(await dump(upgraded, V4_TABLES)).toEqual(before);
    for (const table of Object.keys(v5.stores)) expect(await upgraded.table(table).count()).toBe(0);
    const next = createStore(upgraded, { now: () => Date.UTC(2026, 0, 3) });
    const added = await next.importBars({
      symbol: 'VTI',
      fileName: 'VTI.csv',
      layout: 'close-only',
      bars: [{ date: '2026-01-02', open: 251_000_000, high: 251_000_000, low: 251_000_000, close: 251_000_000, adjClose: null, volume: 0 }],
      notes: [],
    });
    expect(added.added).toBe(1);
  });
});
