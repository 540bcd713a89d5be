/**
 * The plan's tables (schema v3): stream costs, cash needs, debts and the plan
 * settings, through the validating write API; and the v2 → v3 upgrade.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import type { StrataDB } from '@/utils/db/database';
import { MIGRATIONS } from '@/utils/db/migrations';
import { v1 } from '@/utils/db/migrations/v1';
import { v2 } from '@/utils/db/migrations/v2';
import { v3 } from '@/utils/db/migrations/v3';
import { createStore, ValidationError, type Store } from '@/utils/db/write';
import { freshDb, nicheBlog } from '../fixtures/db/records';

const NOW = Date.UTC(2026, 10, 24, 12);
let db: StrataDB;
let store: Store;

beforeEach(() => {
  db = freshDb();
  let n = 0;
  store = createStore(db, { now: () => NOW, newId: () => `id-${++n}` });
});
afterEach(async () => {
  await db.delete();
});

async function refusal(write: () => Promise<unknown>) {
  const error = await write().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => i.message);
}

describe('migration v3', () => {
  it('is the third released migration and adds the four plan tables', () => {
    expect(MIGRATIONS.slice(0, 3)).toEqual([v1, v2, v3]);
    expect(v3.stores).toEqual({ streamCosts: 'id, streamId', cashNeeds: 'id, dueAt', debts: 'id', planSettings: 'key' });
  });

  it('upgrades a v2 database keeping its rows', async () => {
    const name = `plan-v3-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(v1.stores);
    old.version(2).stores(v2.stores);
    await old.open();
    await old.table('settings').put({ key: 'app', baseCurrency: 'EUR', rates: {}, locale: '', theme: 'dark', captureJumpFactor: '3' });
    old.close();
    const { StrataDB } = await import('@/utils/db/database');
    const upgraded = new StrataDB(name);
    const upgradedStore = createStore(upgraded);
    expect((await upgradedStore.getSettings()).baseCurrency).toBe('EUR');
    // Plan settings default to the base currency until saved.
    const plan = await upgradedStore.getPlanSettings();
    expect(plan.foundationStarterMonthly).toEqual({ minor: 5000, currency: 'EUR' });
    expect(plan.emergencyMonths).toBe(6);
    expect(await upgraded.streamCosts.count()).toBe(0);
    await upgraded.delete();
  });
});

describe('stream costs', () => {
  it('are stored against an existing stream and go with it when it is deleted', async () => {
    const blog = await store.addStream(nicheBlog);
    const cost = await store.addStreamCost({
      streamId: blog.id,
      name: 'Hosting',
      amount: { minor: 2000, currency: 'USD' },
      every: 'month',
      startsAt: Date.UTC(2026, 2, 1),
    });
    expect(await db.streamCosts.get(cost.id)).toEqual(cost);
    const deleted = await store.deleteStream(blog.id);
    expect(deleted.streamCosts).toBe(1);
    expect(await db.streamCosts.count()).toBe(0);
  });

  it('refuses an unknown stream, a zero amount and an end before the start', async () => {
    const messages = await refusal(() =>
      store.addStreamCost({
        streamId: 'nope',
        name: 'Hosting',
        amount: { minor: 0, currency: 'USD' },
        every: 'month',
        startsAt: Date.UTC(2026, 2, 1),
        endsAt: Date.UTC(2026, 1, 1),
      }),
    );
    expect(messages.join(' | ')).toMatch(/amount must be more than zero/);
    expect(messages.join(' | ')).toMatch(/endsAt must be after the start/);
    expect(await db.streamCosts.count()).toBe(0);
  });
});

describe('debts and cash needs', () => {
  it('stores a debt with its APR in basis points and refuses a fractional APR', async () => {
    const card = await store.addDebt({ name: 'Credit card', balance: { minor: 150000, currency: 'USD' }, aprBasisPoints: 2299 });
    expect((await db.debts.get(card.id))?.aprBasisPoints).toBe(2299);
    const messages = await refusal(() => store.addDebt({ name: 'Card', balance: { minor: 1, currency: 'USD' }, aprBasisPoints: 22.99 }));
    expect(messages.join()).toMatch(/aprBasisPoints must be a whole number of basis points/);
  });

  it('stores a cash need and refuses a negative amount', async () => {
    await store.addCashNeed({ name: 'Insurance', amount: { minor: 120000, currency: 'USD' }, dueAt: Date.UTC(2027, 1, 15) });
    expect(await db.cashNeeds.count()).toBe(1);
    await refusal(() => store.addCashNeed({ name: 'Bad', amount: { minor: -5, currency: 'USD' }, dueAt: Date.UTC(2027, 1, 15) }));
    expect(await db.cashNeeds.count()).toBe(1);
  });
});

describe('plan settings', () => {
  it('merges a patch into the defaults and keeps it', async () => {
    const saved = await store.savePlanSettings({ monthlyExpenses: { minor: 400000, currency: 'USD' }, emergencyMonths: 4 });
    expect(saved.monthlyExpenses.minor).toBe(400000);
    expect(saved.stableSurplusMonths).toBe(3);
    expect((await store.getPlanSettings()).emergencyMonths).toBe(4);
  });

  it('refuses a Leverage play naming no stream, and bad thresholds, changing nothing', async () => {
    await store.savePlanSettings({ emergencyMonths: 4 });
    await refusal(() => store.savePlanSettings({ leveragePlay: { streamId: 'ghost', committedAt: NOW } }));
    const messages = await refusal(() => store.savePlanSettings({ accelerationCapBasisPoints: 12000, emergencyMonths: 30 }));
    expect(messages.join(' | ')).toMatch(/accelerationCapBasisPoints is more than 100%/);
    expect(messages.join(' | ')).toMatch(/emergencyMonths is more than 24/);
    expect((await store.getPlanSettings()).emergencyMonths).toBe(4);
  });

  it('forgets the Leverage play when its stream is deleted', async () => {
    const blog = await store.addStream(nicheBlog);
    await store.savePlanSettings({ leveragePlay: { streamId: blog.id, committedAt: NOW } });
    await store.deleteStream(blog.id);
    expect((await store.getPlanSettings()).leveragePlay).toBeUndefined();
  });
});
