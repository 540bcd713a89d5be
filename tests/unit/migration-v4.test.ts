/**
 * The released version 4 (portfolio): a database written at version 3, with
 * rows in every table, upgrades with nothing lost; the three new tables start
 * empty, and the portfolio reads the lots and targets stored since v1.
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
import { loadPortfolio } from '@/utils/db/portfolio';
import { createStore } from '@/utils/db/write';
import {
  fidelityBrokerage,
  holdingOf,
  incomeEventOf,
  nicheBlog,
  snapshotOf,
  taxLotOf,
  transactionOf,
} from '../fixtures/db/records';

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

const V3_TABLES = [...new Set([v1, v2, v3].flatMap((m) => Object.keys(m.stores)))];

async function dump(db: Dexie, tables: string[]) {
  const rows: Record<string, unknown[]> = {};
  for (const name of tables) rows[name] = await db.table(name).orderBy(':id').toArray();
  return rows;
}

async function fillAtVersion3(name: string) {
  const db = open(name, [v1, v2, v3]);
  const store = createStore(db, { now: () => Date.UTC(2026, 0, 2) });
  const fidelity = await store.addAccount(fidelityBrokerage);
  await store.addSnapshot(snapshotOf(fidelity.id, 12_345_67));
  await store.addHolding(holdingOf(fidelity.id));
  await store.addTaxLot(taxLotOf(fidelity.id));
  await store.addTaxLot({ ...taxLotOf(fidelity.id), symbol: 'BND', soldAt: Date.UTC(2025, 5, 1) });
  await store.putAllocationTarget({ assetClass: 'us-total-market', targetBasisPoints: 7000, bandBasisPoints: 500 });
  await store.putAllocationTarget({ assetClass: 'us-bonds', targetBasisPoints: 3000, bandBasisPoints: 500 });
  const blog = await store.addStream(nicheBlog);
  await store.addIncomeEvent(incomeEventOf(blog.id));
  await store.addTransaction(transactionOf(fidelity.id));
  await store.addStreamCost({ streamId: blog.id, name: 'Hosting', amount: { minor: 2000, currency: 'USD' }, every: 'month', startsAt: Date.UTC(2026, 0, 1) });
  await store.addDebt({ name: 'Card', balance: { minor: 150000, currency: 'USD' }, aprBasisPoints: 2299 });
  await store.addCashNeed({ name: 'Insurance', amount: { minor: 120000, currency: 'USD' }, dueAt: Date.UTC(2027, 1, 15) });
  await store.saveSettings({ baseCurrency: 'USD', theme: 'dark' });
  await store.savePlanSettings({ emergencyMonths: 4 });
  expect(db.verno).toBe(3);
  const rows = await dump(db, V3_TABLES);
  db.close();
  return { rows, fidelity };
}

describe('migration v4', () => {
  it('is the fourth released migration and adds the three portfolio tables', () => {
    expect(MIGRATIONS.slice(0, 4)).toEqual([v1, v2, v3, v4]);
    expect(v4.stores).toEqual({
      trades: 'id, accountId, symbol, date',
      prices: 'id, symbol, [symbol+date]',
      portfolioSettings: 'key',
    });
    expect(v4.upgrade).toBeUndefined();
  });

  it('a v3 database with data opens at v4 with nothing lost and the new tables empty', async () => {
    const name = `migration-v4-${crypto.randomUUID()}`;
    const { rows: before, fidelity } = await fillAtVersion3(name);
    for (const table of V3_TABLES.filter((t) => t !== 'metricSnapshots' && t !== 'captureMappings' && t !== 'captureRules')) {
      expect(before[table]!.length, table).toBeGreaterThan(0);
    }

    const db = open(name, [v1, v2, v3, v4]);
    expect(await dump(db, V3_TABLES)).toEqual(before);
    expect(db.verno).toBe(4);
    expect([await db.trades.count(), await db.prices.count(), await db.portfolioSettings.count()]).toEqual([0, 0, 0]);

    // The portfolio reads what v1 already stored: the open lot and the targets.
    const { portfolio } = await loadPortfolio(db);
    // taxLotOf: 12.5 VTI for $2,812.37 acquired 2022-01-14 (day 19006); the sold BND lot is left out.
    expect(portfolio.lots).toEqual([{ account: fidelity.id, symbol: 'VTI', quantity: 12_500_000, costBasisMinor: 281_237, acquired: 19006 }]);
    expect(portfolio.targets).toEqual({ 'us-bonds': 3000, 'us-total-market': 7000 });
    expect(portfolio.trades).toEqual([]);
  });

  it('the new tables work on the upgraded database', async () => {
    const name = `migration-v4-${crypto.randomUUID()}`;
    const { fidelity } = await fillAtVersion3(name);
    const db = open(name, [v1, v2, v3, v4]);
    const store = createStore(db, { now: () => Date.UTC(2026, 10, 24) });
    const HAND = { source: 'manual' as const, provenance: { description: 'Entered by hand' } };
    await store.addTrade({ accountId: fidelity.id, symbol: 'VTI', side: 'buy', quantity: '1', price: { minor: 29000, currency: 'USD' }, date: '2026-11-02', ...HAND });
    await store.setPrice({ symbol: 'VTI', price: { minor: 30000, currency: 'USD' }, date: '2026-11-23', ...HAND });
    await store.savePortfolioSettings({ driftNotifications: true });
    expect(await db.trades.where('accountId').equals(fidelity.id).count()).toBe(1);
    expect(await db.prices.where('[symbol+date]').equals(['VTI', '2026-11-23']).count()).toBe(1);
    expect((await store.getPortfolioSettings()).driftNotifications).toBe(true);
  });
});
