/**
 * The released version 2 (capture): a database written at version 1 — rows as
 * version 1 stored them, including a settings row and a capture rule from
 * before their new fields — upgrades with nothing lost, gains exactly the new
 * defaults, and the new indexes and tables work through the write API.
 */
import { Dexie } from 'dexie';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { StrataDB } from '@/utils/db/database';
import type { Migration } from '@/utils/db/migrate';
import { MIGRATIONS } from '@/utils/db/migrations';
import { v1 } from '@/utils/db/migrations/v1';
import { v2 } from '@/utils/db/migrations/v2';
import { AppSettingsSchema, CaptureRuleSchema } from '@/utils/db/schema';
import { createStore } from '@/utils/db/write';
import {
  APRIL_30_2024,
  fidelityBrokerage,
  incomeEventOf,
  MARCH_31_2024,
  nicheBlog,
  snapshotOf,
  tradeRepublicDepot,
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

async function dump(db: Dexie, tables: string[]) {
  const rows: Record<string, unknown[]> = {};
  for (const name of tables) rows[name] = await db.table(name).orderBy(':id').toArray();
  return rows;
}

/** A settings row exactly as version 1 saved it: no captureJumpFactor. */
const V1_SETTINGS = { key: 'app', baseCurrency: 'EUR', rates: { USD: '0.92', GBP: '1.17' }, locale: 'de-DE', theme: 'dark' };
/** A capture rule as version 1 saved it: no fallbackPath. */
const V1_RULE = {
  id: 'rule-1',
  host: 'partners.example.com',
  pathPattern: '/reports',
  label: 'Commission this month',
  meaning: 'earnings',
  createdAt: Date.UTC(2024, 1, 1),
};

async function fillAtVersion1(name: string) {
  const db = open(name, [v1]);
  const store = createStore(db);
  const fidelity = await store.addAccount({ ...fidelityBrokerage, createdAt: Date.UTC(2024, 0, 2) });
  const depot = await store.addAccount({ ...tradeRepublicDepot, createdAt: Date.UTC(2024, 0, 3) });
  await store.bulkAddSnapshots([snapshotOf(fidelity.id, 12_345_67), snapshotOf(fidelity.id, 12_901_04, APRIL_30_2024)]);
  await store.addSnapshot(snapshotOf(depot.id, 8_000_00, MARCH_31_2024, 'EUR'));
  const blog = await store.addStream(nicheBlog);
  await store.bulkAddIncomeEvents([incomeEventOf(blog.id, 41_17), incomeEventOf(blog.id, 63_50)]);
  await db.settings.put(V1_SETTINGS as never);
  await db.captureRules.put({ ...V1_RULE, streamId: blog.id } as never);
  expect(db.verno).toBe(1);
  const rows = await dump(db, Object.keys(v1.stores));
  db.close();
  return { rows, fidelity, blog };
}

describe('migration v2', () => {
  it('is the second released migration and declares the capture indexes', () => {
    expect(MIGRATIONS.slice(0, 2)).toEqual([v1, v2]);
    expect(v2.stores).toEqual({
      incomeEvents: 'id, streamId, at, [streamId+at], [streamId+periodKey]',
      metricSnapshots: 'id, accountId, streamId, at, metric',
      captureMappings: 'id, siteId, [siteId+figureKey+accountName], host',
    });
  });

  it('keeps every v1 row, fills the two new fields, and nothing else changes', async () => {
    const name = `migration-v2-${crypto.randomUUID()}`;
    const { rows: before, blog } = await fillAtVersion1(name);
    expect(before.balanceSnapshots).toHaveLength(3);
    expect(before.incomeEvents).toHaveLength(2);

    const db = open(name, [v1, v2]);
    const after = await dump(db, Object.keys(v1.stores));
    expect(db.verno).toBe(2);
    expect(after.settings).toEqual([{ ...V1_SETTINGS, captureJumpFactor: '3' }]);
    expect(after.captureRules).toEqual([{ ...V1_RULE, streamId: blog.id, fallbackPath: '' }]);
    for (const table of Object.keys(v1.stores).filter((t) => t !== 'settings' && t !== 'captureRules')) {
      expect(after[table], table).toEqual(before[table]);
    }
    // The upgraded rows are valid records of the new schema.
    expect(v.safeParse(AppSettingsSchema, after.settings![0]).success).toBe(true);
    expect(v.safeParse(CaptureRuleSchema, after.captureRules![0]).success).toBe(true);
    // The new tables start empty.
    expect(await db.metricSnapshots.count()).toBe(0);
    expect(await db.captureMappings.count()).toBe(0);
  });

  it('the new indexes and tables work on the upgraded database', async () => {
    const name = `migration-v2-${crypto.randomUUID()}`;
    const { fidelity, blog } = await fillAtVersion1(name);
    const db = open(name, [v1, v2]);
    const store = createStore(db, { now: () => Date.UTC(2026, 10, 24, 9) });

    const thisMonth = {
      streamId: blog.id,
      amount: { minor: 120_00, currency: 'USD' },
      kind: 'ad-revenue' as const,
      source: 'capture' as const,
      provenance: { description: 'Captured from partners.example.com' },
      period: { start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 11, 1), label: 'This month' },
      periodKey: '2026-11',
    };
    await store.upsertIncomeForPeriod({ ...thisMonth, at: Date.UTC(2026, 10, 20) });
    await store.upsertIncomeForPeriod({ ...thisMonth, at: Date.UTC(2026, 10, 24), amount: { minor: 150_00, currency: 'USD' } });
    const periodEvents = await db.incomeEvents.where('[streamId+periodKey]').equals([blog.id, '2026-11']).toArray();
    expect(periodEvents.map((e) => [e.amount.minor, e.at])).toEqual([[150_00, Date.UTC(2026, 10, 24)]]);
    // The two v1 events have no periodKey, so the compound index leaves them out.
    expect(await db.incomeEvents.where('[streamId+periodKey]').between([blog.id, Dexie.minKey], [blog.id, Dexie.maxKey]).count()).toBe(1);
    expect(await db.incomeEvents.where('streamId').equals(blog.id).count()).toBe(3);

    await store.addMetricSnapshot({
      accountId: fidelity.id,
      at: Date.UTC(2026, 10, 24),
      metric: 'paid-subscriptions',
      kind: 'count',
      count: 412,
      source: 'capture',
      provenance: { description: 'Captured from example.substack.com' },
    });
    expect((await db.metricSnapshots.where('metric').equals('paid-subscriptions').toArray()).map((m) => m.count)).toEqual([412]);

    await store.putCaptureMapping({
      siteId: 'fidelity',
      host: 'digital.fidelity.com',
      figureKey: 'account-balance',
      accountName: 'ROTH IRA',
      accountId: fidelity.id,
      always: true,
    });
    const mapped = await db.captureMappings.where('[siteId+figureKey+accountName]').equals(['fidelity', 'account-balance', 'ROTH IRA']).toArray();
    expect(mapped.map((m) => [m.accountId, m.always])).toEqual([[fidelity.id, true]]);

    // Settings read and save on the upgraded row.
    expect(await store.getSettings()).toEqual({ ...V1_SETTINGS, captureJumpFactor: '3' });
    expect((await store.saveSettings({ captureJumpFactor: '2.5' })).captureJumpFactor).toBe('2.5');
  });

  it('a settings row without captureJumpFactor reads with the default, and the factor is checked', async () => {
    const db = open(`settings-${crypto.randomUUID()}`, [v1, v2]);
    const store = createStore(db);
    await db.settings.put(V1_SETTINGS as never);
    expect((await store.getSettings()).captureJumpFactor).toBe('3');
    for (const [factor, message] of [
      ['1.4999', 'captureJumpFactor must be at least 1.5'],
      ['-3', 'captureJumpFactor must be at least 1.5'],
      ['1000.01', 'captureJumpFactor must be at most 1000'],
      ['three', 'captureJumpFactor must be a plain decimal number such as 12.5'],
    ] as const) {
      await expect(store.saveSettings({ captureJumpFactor: factor })).rejects.toThrow(message);
    }
    expect((await store.saveSettings({ captureJumpFactor: '1.5' })).captureJumpFactor).toBe('1.5');
    expect((await store.saveSettings({ captureJumpFactor: '1000' })).captureJumpFactor).toBe('1000');
  });
});
