/**
 * The capture write API against a real (fake-indexeddb) database: one
 * capture snapshot per account and local day, income per period updated in
 * place, metrics, mappings, the all-or-nothing capture write, and deletes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StrataDB } from '@/utils/db/database';
import type { Account, Stream } from '@/utils/db/schema';
import { createStore, ValidationError, type NewPeriodIncome, type Store } from '@/utils/db/write';
import { fidelityBrokerage, freshDb, nicheBlog, snapshotOf } from '../fixtures/db/records';

const t = (iso: string) => Date.parse(iso);
const CET = 60;
let db: StrataDB;
let store: Store;
let fidelity: Account;
let blog: Stream;
let clock: number;
let nextId: number;

beforeEach(async () => {
  db = freshDb();
  clock = t('2026-11-24T09:00:00Z');
  nextId = 0;
  store = createStore(db, { now: () => clock, newId: () => `id-${++nextId}` });
  fidelity = await store.addAccount(fidelityBrokerage);
  blog = await store.addStream(nicheBlog);
});
afterEach(async () => {
  await db.delete();
});

async function refusal(write: () => Promise<unknown>): Promise<ValidationError> {
  const error = await write().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

const captured = (minor: number, at: string) => ({
  accountId: fidelity.id,
  at: t(at),
  amount: { minor, currency: 'USD' },
  source: 'capture' as const,
  provenance: { description: 'Captured from digital.fidelity.com', adapter: 'fidelity', adapterVersion: 1 },
});

describe('putCaptureSnapshot: one capture per account and local day', () => {
  it('a later capture the same local day replaces the first; hand-entered ones stay; the next day adds', async () => {
    const manual = await store.addSnapshot(snapshotOf(fidelity.id, 10_000_00, t('2026-11-24T12:00:00Z')));
    const first = await store.putCaptureSnapshot(captured(12_345_67, '2026-11-24T08:00:00Z'), CET);
    expect(first.replaced).toBe(false);
    // 21:00 in Berlin, same day: replaces, keeping the id.
    const second = await store.putCaptureSnapshot(captured(12_400_00, '2026-11-24T20:00:00Z'), CET);
    expect(second).toEqual({ snapshot: { ...captured(12_400_00, '2026-11-24T20:00:00Z'), id: first.snapshot.id }, replaced: true });
    // 23:30Z is 00:30 on 25 November in Berlin: a new day.
    const third = await store.putCaptureSnapshot(captured(12_500_00, '2026-11-24T23:30:00Z'), CET);
    expect(third.replaced).toBe(false);

    const rows = await db.balanceSnapshots.orderBy('at').toArray();
    expect(rows.map((s) => [s.source, s.amount.minor, new Date(s.at).toISOString()])).toEqual([
      ['manual', 10_000_00, '2026-11-24T12:00:00.000Z'],
      ['capture', 12_400_00, '2026-11-24T20:00:00.000Z'],
      ['capture', 12_500_00, '2026-11-24T23:30:00.000Z'],
    ]);
    expect(await db.balanceSnapshots.get(manual.id)).toEqual(manual);
  });

  it('in UTC the same 23:30Z capture is still 24 November and replaces', async () => {
    await store.putCaptureSnapshot(captured(1_00, '2026-11-24T00:00:00Z'), 0);
    const late = await store.putCaptureSnapshot(captured(2_00, '2026-11-24T23:30:00Z'), 0);
    expect(late.replaced).toBe(true);
    expect((await db.balanceSnapshots.toArray()).map((s) => s.amount.minor)).toEqual([2_00]);
  });

  it('refuses a non-capture source, a bad offset, an unknown account and a wrong currency, writing nothing', async () => {
    expect((await refusal(() => store.putCaptureSnapshot({ ...captured(1, '2026-11-24T08:00:00Z'), source: 'manual' }, 0))).issues).toEqual([
      { field: 'source', message: 'source must be "capture": only captured records are kept one per day' },
    ]);
    expect((await refusal(() => store.putCaptureSnapshot(captured(1, '2026-11-24T08:00:00Z'), 900))).issues[0]!.field).toBe('tzOffsetMinutes');
    expect((await refusal(() => store.putCaptureSnapshot({ ...captured(1, '2026-11-24T08:00:00Z'), accountId: 'gone' }, 0))).issues).toEqual([
      { field: 'accountId', message: 'accountId: no account with id "gone"' },
    ]);
    const euros = { ...captured(1, '2026-11-24T08:00:00Z'), amount: { minor: 1, currency: 'EUR' } };
    expect((await refusal(() => store.putCaptureSnapshot(euros, 0))).message).toBe(
      'amount.currency is EUR but account "Fidelity Brokerage" is in USD',
    );
    expect(await db.balanceSnapshots.count()).toBe(0);
  });
});

describe('upsertIncomeForPeriod', () => {
  const thisMonth = (minor: number, at: string): NewPeriodIncome => ({
    streamId: blog.id,
    at: t(at),
    amount: { minor, currency: 'USD' },
    kind: 'affiliate-commission',
    source: 'capture',
    provenance: { description: 'Captured from affiliate-program.amazon.com', rawText: `$${minor / 100}` },
    period: { start: t('2026-10-31T23:00:00Z'), end: t('2026-11-30T23:00:00Z'), label: 'This Month' },
    periodKey: '2026-11',
  });

  it('the same stream and period updates the one event; another period or stream adds', async () => {
    const first = await store.upsertIncomeForPeriod(thisMonth(41_17, '2026-11-20T10:00:00Z'));
    const again = await store.upsertIncomeForPeriod(thisMonth(63_50, '2026-11-24T10:00:00Z'));
    expect(first.replaced).toBe(false);
    expect(again).toEqual({ event: { ...thisMonth(63_50, '2026-11-24T10:00:00Z'), id: first.event.id }, replaced: true });
    expect(await db.incomeEvents.toArray()).toEqual([again.event]);

    const other = await store.addStream({ ...nicheBlog, name: 'Recipe site' });
    await store.upsertIncomeForPeriod({ ...thisMonth(9_99, '2026-11-24T10:00:00Z'), streamId: other.id });
    await store.upsertIncomeForPeriod({ ...thisMonth(5_00, '2026-11-24T10:00:00Z'), periodKey: '2026-11-23' });
    expect((await db.incomeEvents.toArray()).sort((a, b) => a.amount.minor - b.amount.minor).map((e) => [e.streamId === blog.id, e.periodKey, e.amount.minor])).toEqual([
      [true, '2026-11-23', 5_00],
      [false, '2026-11', 9_99],
      [true, '2026-11', 63_50],
    ]);
  });

  it('refuses an event without its period, and a period without its key', async () => {
    const { period: _period, periodKey: _key, ...point } = thisMonth(1_00, '2026-11-24T10:00:00Z');
    expect((await refusal(() => store.upsertIncomeForPeriod(point as NewPeriodIncome))).issues.map((i) => i.field)).toEqual([
      'period',
      'periodKey',
    ]);
    const { periodKey: _k, ...noKey } = thisMonth(1_00, '2026-11-24T10:00:00Z');
    expect((await refusal(() => store.addIncomeEvent(noKey))).issues).toEqual([
      { field: 'periodKey', message: 'periodKey must be given together with period (both or neither)' },
    ]);
    const backwards = { ...thisMonth(1_00, '2026-11-24T10:00:00Z'), period: { start: 2, end: 1, label: 'x' } };
    expect((await refusal(() => store.upsertIncomeForPeriod(backwards))).issues).toEqual([
      { field: 'period', message: 'period must end after it starts' },
    ]);
    expect(await db.incomeEvents.count()).toBe(0);
  });
});

describe('metric snapshots and mappings', () => {
  it('a metric is an amount (mrr) or a count, owned by an account or stream; one capture per day', async () => {
    const base = { streamId: blog.id, at: t('2026-11-24T08:00:00Z'), metric: 'mrr', source: 'capture' as const, provenance: { description: 'Captured' } };
    expect((await refusal(() => store.addMetricSnapshot({ ...base, kind: 'mrr', count: 5 }))).issues).toEqual([
      {
        field: 'kind',
        message: 'kind does not match the value: an mrr snapshot holds an amount, a count snapshot holds a count, never both',
      },
    ]);
    const { streamId: _s, ...orphan } = base;
    expect((await refusal(() => store.addMetricSnapshot({ ...orphan, kind: 'count', count: 5 }))).issues[0]!.field).toBe('accountId');
    const first = await store.putCaptureMetric({ ...base, kind: 'mrr', amount: { minor: 4_990_00, currency: 'USD' } }, 0);
    const later = await store.putCaptureMetric({ ...base, at: t('2026-11-24T18:00:00Z'), kind: 'mrr', amount: { minor: 5_020_00, currency: 'USD' } }, 0);
    expect(later).toEqual({ metric: { ...base, at: t('2026-11-24T18:00:00Z'), kind: 'mrr', amount: { minor: 5_020_00, currency: 'USD' }, id: first.metric.id }, replaced: true });
    expect(await db.metricSnapshots.count()).toBe(1);
  });

  it('putCaptureMapping updates the mapping of the same figure, keeping its id and createdAt', async () => {
    const figure = { siteId: 'fidelity', host: 'digital.fidelity.com', figureKey: 'account-balance', accountName: 'ROTH IRA' };
    const first = await store.putCaptureMapping({ ...figure, accountId: fidelity.id, always: false });
    clock += 60_000;
    const second = await store.putCaptureMapping({ ...figure, always: true });
    expect(first.created).toBe(true);
    expect(second).toEqual({
      mapping: { ...figure, id: first.mapping.id, always: true, createdAt: t('2026-11-24T09:00:00Z'), updatedAt: t('2026-11-24T09:01:00Z') },
      created: false,
    });
    expect(await db.captureMappings.toArray()).toEqual([second.mapping]);
    expect((await refusal(() => store.addCaptureMapping({ ...figure, always: false }))).issues[0]!.message).toBe(
      'figureKey: "account-balance" of fidelity for "ROTH IRA" is already mapped',
    );
    expect((await refusal(() => store.putCaptureMapping({ ...figure, accountId: fidelity.id, streamId: blog.id, always: false }))).issues).toEqual([
      { field: 'streamId', message: 'streamId cannot be given with accountId: a figure goes to one place' },
    ]);
  });
});

describe('applyCaptureWrites', () => {
  it('writes new accounts, streams, snapshots, income, metrics and mappings together, or nothing', async () => {
    const before = { accounts: await db.accounts.count(), streams: await db.streams.count() };
    const writes = {
      accounts: [{ ...fidelityBrokerage, id: 'new-roth', name: 'ROTH IRA' }],
      streams: [],
      snapshots: [captured(62_114_35, '2026-11-24T09:00:00Z'), { ...captured(1_00, '2026-11-24T09:00:00Z'), accountId: 'nowhere' }],
      income: [],
      metrics: [],
      mappings: [],
    };
    await refusal(() => store.applyCaptureWrites(writes, CET));
    expect({ accounts: await db.accounts.count(), streams: await db.streams.count() }).toEqual(before);
    expect(await db.balanceSnapshots.count()).toBe(0);

    writes.snapshots = [{ ...captured(62_114_35, '2026-11-24T09:00:00Z'), accountId: 'new-roth' }];
    expect(await store.applyCaptureWrites(writes, CET)).toEqual({ saved: 1, replaced: 0, created: { accounts: 1, streams: 0 } });
    expect((await db.accounts.get('new-roth'))?.createdAt).toBe(clock);
    expect((await db.balanceSnapshots.where('accountId').equals('new-roth').toArray()).map((s) => s.amount.minor)).toEqual([62_114_35]);
  });
});

describe('deletes reach the new tables', () => {
  it('deleting an account removes its metrics and mappings; deleting a stream, its own', async () => {
    const figure = { host: 'x.example.com', accountName: '', always: true };
    await store.putCaptureMapping({ ...figure, siteId: 'a', figureKey: 'balance', accountId: fidelity.id });
    await store.putCaptureMapping({ ...figure, siteId: 'b', figureKey: 'mrr', streamId: blog.id });
    await store.putCaptureMapping({ ...figure, siteId: 'c', figureKey: 'total' });
    const metric = { at: clock, metric: 'paid-subscriptions', kind: 'count' as const, count: 3, source: 'capture' as const, provenance: { description: 'Captured' } };
    await store.addMetricSnapshot({ ...metric, accountId: fidelity.id });
    await store.addMetricSnapshot({ ...metric, accountId: fidelity.id, streamId: blog.id });
    await store.addMetricSnapshot({ ...metric, streamId: blog.id });

    const account = await store.deleteAccount(fidelity.id);
    expect([account.metricSnapshots, account.captureMappings]).toEqual([1, 1]);
    expect((await db.metricSnapshots.toArray()).map((m) => [m.accountId, m.streamId])).toEqual([
      [undefined, blog.id],
      [undefined, blog.id],
    ]);
    const stream = await store.deleteStream(blog.id);
    expect([stream.metricSnapshots, stream.captureMappings]).toEqual([2, 1]);
    expect((await db.captureMappings.toArray()).map((m) => m.siteId)).toEqual(['c']);
    expect(await db.metricSnapshots.count()).toBe(0);
  });
});
