import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StrataDB } from '@/utils/db/database';
import type { Account, Stream } from '@/utils/db/schema';
import { createStore, NotFoundError, type Store } from '@/utils/db/write';
import {
  APRIL_30_2024,
  captureRuleOf,
  fidelityBrokerage,
  freshDb,
  holdingOf,
  incomeEventOf,
  nicheBlog,
  snapshotOf,
  taxLotOf,
  tradeRepublicDepot,
  transactionOf,
} from '../fixtures/db/records';

let db: StrataDB;
let store: Store;
let fidelity: Account;
let depot: Account;
let blog: Stream;

/** Everything in the database, table by table, sorted by id: a full picture to compare before/after. */
async function everything() {
  const picture: Record<string, unknown[]> = {};
  for (const table of db.tables) picture[table.name] = await table.orderBy(':id').toArray();
  return picture;
}

beforeEach(async () => {
  db = freshDb();
  store = createStore(db);
  fidelity = await store.addAccount(fidelityBrokerage);
  depot = await store.addAccount(tradeRepublicDepot);
  await store.bulkAddSnapshots([
    snapshotOf(fidelity.id, 10_000_00),
    snapshotOf(fidelity.id, 10_250_00, APRIL_30_2024),
    snapshotOf(fidelity.id, 10_100_00, APRIL_30_2024 + 86_400_000),
  ]);
  await store.addSnapshot(snapshotOf(depot.id, 5_000_00, APRIL_30_2024, 'EUR'));
  await store.addHolding(holdingOf(fidelity.id));
  await store.addTaxLot(taxLotOf(fidelity.id));
  await store.addTaxLot({ ...taxLotOf(depot.id), costBasis: { minor: 99_00, currency: 'EUR' } });
  blog = await store.addStream({ ...nicheBlog, accountId: fidelity.id });
  await store.addIncomeEvent(incomeEventOf(blog.id));
  await store.addTransaction(transactionOf(fidelity.id));
  await store.addCaptureRule(captureRuleOf(fidelity.id));
  await store.addCaptureRule({ ...captureRuleOf(fidelity.id), label: 'Ad revenue', streamId: blog.id });
});
afterEach(async () => {
  await db.delete();
});

describe('deleteAccount', () => {
  it('removes the account with its snapshots, holdings and lots, and unlinks the rest', async () => {
    const summary = await store.deleteAccount(fidelity.id);
    expect(summary).toEqual({
      account: fidelity,
      balanceSnapshots: 3,
      holdings: 1,
      taxLots: 1,
      trades: 0,
      reinvestIncomeEvents: 0,
      unlinkedStreams: 1,
      unlinkedTransactions: 1,
      captureRules: 1,
      metricSnapshots: 0,
      captureMappings: 0,
    });

    expect(await db.accounts.toArray()).toEqual([depot]);
    expect((await db.balanceSnapshots.toArray()).map((s) => [s.accountId, s.amount.minor])).toEqual([
      [depot.id, 5_000_00],
    ]);
    expect(await db.holdings.count()).toBe(0);
    expect((await db.taxLots.toArray()).map((l) => l.accountId)).toEqual([depot.id]);
    // The stream and its income stay; only the link to the account goes.
    const { accountId: _gone, ...blogWithoutAccount } = blog;
    expect(await db.streams.toArray()).toEqual([blogWithoutAccount]);
    expect(await db.incomeEvents.count()).toBe(1);
    const [transaction] = await db.transactions.toArray();
    expect(transaction).toBeDefined();
    expect('accountId' in transaction!).toBe(false);
    expect(transaction!.amount).toEqual({ minor: -1_599, currency: 'USD' });
    // The rule that only fed the account is gone; the one also feeding the stream stays, unlinked.
    const rules = await db.captureRules.toArray();
    expect(rules.map((r) => [r.label, r.accountId, r.streamId])).toEqual([['Ad revenue', undefined, blog.id]]);
  });

  it('changes nothing when a step fails midway through the transaction', async () => {
    const before = await everything();
    // The account row is deleted last, after its snapshots, holdings and lots:
    // make that final step fail.
    db.accounts.hook('deleting', () => {
      throw new Error('disk full');
    });
    await expect(store.deleteAccount(fidelity.id)).rejects.toThrow('disk full');
    expect(await everything()).toEqual(before);
    expect(await db.balanceSnapshots.where('accountId').equals(fidelity.id).count()).toBe(3);
  });

  it('an unknown account is NotFoundError and changes nothing', async () => {
    const before = await everything();
    const error = await store.deleteAccount('no-such-account').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe('No account with id "no-such-account"');
    expect(await everything()).toEqual(before);
  });
});

describe('other deletes', () => {
  it('deleteStream removes its income events and the rules that only fed it', async () => {
    const summary = await store.deleteStream(blog.id);
    expect(summary).toEqual({ stream: blog, incomeEvents: 1, streamCosts: 0, captureRules: 0, metricSnapshots: 0, captureMappings: 0 });
    expect(await db.streams.count()).toBe(0);
    expect(await db.incomeEvents.count()).toBe(0);
    // Both rules feed the Fidelity account; the stream link is removed from the second.
    expect((await db.captureRules.toArray()).map((r) => r.streamId)).toEqual([undefined, undefined]);
    expect(await db.captureRules.count()).toBe(2);
  });

  it('single-record deletes remove exactly that record', async () => {
    const [first] = await db.balanceSnapshots.where('accountId').equals(fidelity.id).sortBy('at');
    await store.deleteSnapshot(first!.id);
    expect((await db.balanceSnapshots.where('accountId').equals(fidelity.id).sortBy('at')).map((s) => s.amount.minor)).toEqual(
      [10_250_00, 10_100_00],
    );
    const lot = await db.taxLots.where('accountId').equals(depot.id).first();
    await store.deleteTaxLot(lot!.id);
    expect(await db.taxLots.count()).toBe(1);
    await expect(store.deleteTaxLot(lot!.id)).rejects.toThrow('No tax lot with id');
  });
});
