/**
 * The released version 6 (imports, categories, leaks): a database written at
 * version 5, with accounts, transactions and a trading strategy, upgrades
 * with nothing lost; the four new tables start empty and take records.
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
import { v6 } from '@/utils/db/migrations/v6';
import { createStore } from '@/utils/db/write';
import { fidelityBrokerage, transactionOf } from '../fixtures/db/records';

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

const V5_TABLES = [...new Set([v1, v2, v3, v4, v5].flatMap((m) => Object.keys(m.stores)))];

async function dump(db: Dexie, tables: string[]) {
  const rows: Record<string, unknown[]> = {};
  for (const name of tables) rows[name] = await db.table(name).orderBy(':id').toArray();
  return rows;
}

describe('migration to version 6', () => {
  it('is the last released version, with the import and leak tables', () => {
    expect(MIGRATIONS.at(-1)).toBe(v6);
    expect(Object.keys(v6.stores).sort()).toEqual(['categoryRules', 'importMappings', 'imports', 'leakMarks']);
  });

  it('keeps every version-5 row and opens the new tables empty', async () => {
    const name = 'migration-v6';
    const old = open(name, [v1, v2, v3, v4, v5]);
    const store = createStore(old, { now: () => Date.UTC(2026, 0, 2) });
    const account = await store.addAccount(fidelityBrokerage);
    await store.addTransaction(transactionOf(account.id));
    await store.saveStrategy({ name: 'RSI', text: 'buy when rsi(14) < 30; sell when rsi(14) > 70', symbols: ['SPY'] });
    const before = await dump(old, V5_TABLES);
    old.close();

    const upgraded = open(name, MIGRATIONS);
    expect(await dump(upgraded, V5_TABLES)).toEqual(before);
    for (const table of Object.keys(v6.stores)) expect(await upgraded.table(table).count()).toBe(0);
    const next = createStore(upgraded, { now: () => Date.UTC(2026, 0, 3) });
    await next.setLeakMark('netflix', 'unused');
    await next.addCategoryRule({ pattern: 'Netflix', category: 'Streaming' });
    expect(await upgraded.leakMarks.count()).toBe(1);
    expect(await upgraded.categoryRules.count()).toBe(1);
  });
});
