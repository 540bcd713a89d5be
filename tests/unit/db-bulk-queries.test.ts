import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StrataDB } from '@/utils/db/database';
import { allSnapshots, latestSnapshotByAccount, listAccounts, snapshotsForAccount } from '@/utils/db/queries';
import type { Account } from '@/utils/db/schema';
import { createStore, ValidationError, type Store } from '@/utils/db/write';
import {
  APRIL_30_2024,
  fidelityBrokerage,
  freshDb,
  MARCH_31_2024,
  snapshotOf,
  tradeRepublicDepot,
} from '../fixtures/db/records';

const DAY = 86_400_000;
let db: StrataDB;
let store: Store;
let fidelity: Account;
let depot: Account;

beforeEach(async () => {
  db = freshDb();
  store = createStore(db);
  fidelity = await store.addAccount(fidelityBrokerage);
  depot = await store.addAccount(tradeRepublicDepot);
});
afterEach(async () => {
  await db.delete();
});

async function refusal(write: () => Promise<unknown>): Promise<ValidationError> {
  const error = await write().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('bulkAddSnapshots is all-or-nothing', () => {
  const month = (i: number) => MARCH_31_2024 + i * 30 * DAY;

  it('writes every snapshot when all are valid', async () => {
    const written = await store.bulkAddSnapshots([0, 1, 2, 3].map((i) => snapshotOf(fidelity.id, 1_000_00 + i, month(i))));
    expect(written.map((s) => s.amount.minor)).toEqual([1_000_00, 1_000_01, 1_000_02, 1_000_03]);
    expect(await db.balanceSnapshots.count()).toBe(4);
    expect(await db.balanceSnapshots.bulkGet(written.map((s) => s.id))).toEqual(written);
  });

  it('one fractional amount refuses the whole batch, naming its index', async () => {
    const batch = [0, 1, 2, 3, 4].map((i) => snapshotOf(fidelity.id, 1_000_00 + i, month(i)));
    batch[3] = snapshotOf(fidelity.id, 1_000.5, month(3));
    const error = await refusal(() => store.bulkAddSnapshots(batch));
    expect(error.issues).toEqual([
      {
        field: 'snapshots[3].amount.minor',
        message: 'snapshots[3].amount.minor must be a whole number of minor units (cents), not a fraction',
      },
    ]);
    expect(await db.balanceSnapshots.count()).toBe(0);
  });

  it('reference problems found inside the transaction also refuse everything', async () => {
    const batch = [
      snapshotOf(fidelity.id, 1, month(0)),
      snapshotOf(depot.id, 2, month(0), 'EUR'),
      snapshotOf('closed-account', 3, month(0)),
      snapshotOf(depot.id, 4, month(1), 'USD'),
    ];
    const error = await refusal(() => store.bulkAddSnapshots(batch));
    expect(error.issues).toEqual([
      { field: 'snapshots[2].accountId', message: 'snapshots[2].accountId: no account with id "closed-account"' },
      {
        field: 'snapshots[3].amount.currency',
        message: 'snapshots[3].amount.currency is USD but account "Depot" is in EUR',
      },
    ]);
    expect(error.message).toBe(error.issues.map((i) => i.message).join('; '));
    expect(await db.balanceSnapshots.count()).toBe(0);
  });

  it('a repeated id, in the batch or already stored, refuses everything', async () => {
    await store.addSnapshot({ ...snapshotOf(fidelity.id, 7), id: 'stored' });
    const error = await refusal(() =>
      store.bulkAddSnapshots([
        { ...snapshotOf(fidelity.id, 1), id: 'a' },
        { ...snapshotOf(fidelity.id, 2), id: 'a' },
        { ...snapshotOf(fidelity.id, 3), id: 'stored' },
      ]),
    );
    expect(error.issues).toEqual([
      { field: 'snapshots[1].id', message: 'snapshots[1].id: id "a" appears more than once in this batch' },
      { field: 'snapshots[2].id', message: 'snapshots[2].id: a balance snapshot with id "stored" already exists' },
    ]);
    expect((await db.balanceSnapshots.toArray()).map((s) => s.id)).toEqual(['stored']);
  });

  it('a long list of problems is summarised in the message, all kept in issues', async () => {
    const batch = Array.from({ length: 8 }, (_, i) => snapshotOf(fidelity.id, 0.5 + i, month(i)));
    const error = await refusal(() => store.bulkAddSnapshots(batch));
    expect(error.issues).toHaveLength(8);
    expect(error.message).toMatch(/^snapshots\[0\]\.amount\.minor must be .*; and 3 more problems$/);
  });
});

describe('queries', () => {
  it('listAccounts sorts by institution then name, hiding archived unless asked', async () => {
    const roth = await store.addAccount({ ...fidelityBrokerage, name: 'Roth IRA', kind: 'retirement', taxType: 'tax-free' });
    const hysa = await store.addAccount({ ...fidelityBrokerage, institution: 'ally', name: 'Savings', kind: 'hysa' });
    await store.archiveAccount(depot.id);
    expect((await listAccounts(db)).map((a) => a.id)).toEqual([hysa.id, fidelity.id, roth.id]);
    expect((await listAccounts(db, { includeArchived: true })).map((a) => `${a.institution} / ${a.name}`)).toEqual([
      'ally / Savings',
      'Fidelity / Fidelity Brokerage',
      'Fidelity / Roth IRA',
      'Trade Republic / Depot',
    ]);
  });

  it('snapshotsForAccount is newest first and only that account', async () => {
    await store.bulkAddSnapshots([
      snapshotOf(fidelity.id, 200, APRIL_30_2024),
      snapshotOf(fidelity.id, 100, MARCH_31_2024),
      snapshotOf(depot.id, 999, APRIL_30_2024 + 2 * DAY, 'EUR'),
      snapshotOf(fidelity.id, 300, APRIL_30_2024 + DAY),
    ]);
    expect((await snapshotsForAccount(db, fidelity.id)).map((s) => s.amount.minor)).toEqual([300, 200, 100]);
    expect((await snapshotsForAccount(db, depot.id)).map((s) => s.amount)).toEqual([{ minor: 999, currency: 'EUR' }]);
    expect(await snapshotsForAccount(db, 'nobody')).toEqual([]);
    expect((await allSnapshots(db)).map((s) => s.amount.minor)).toEqual([100, 200, 300, 999]);
  });

  it('latestSnapshotByAccount keys the newest snapshot by account, skipping accounts without any', async () => {
    const empty = await store.addAccount({ ...fidelityBrokerage, name: 'Empty' });
    await store.bulkAddSnapshots([
      snapshotOf(fidelity.id, 100, MARCH_31_2024),
      snapshotOf(fidelity.id, 300, APRIL_30_2024 + DAY),
      snapshotOf(fidelity.id, 200, APRIL_30_2024),
      snapshotOf(depot.id, 50_00, MARCH_31_2024, 'EUR'),
    ]);
    const latest = await latestSnapshotByAccount(db);
    expect([...latest.keys()].sort()).toEqual([fidelity.id, depot.id].sort());
    expect(latest.has(empty.id)).toBe(false);
    expect(latest.get(fidelity.id)?.amount).toEqual({ minor: 300, currency: 'USD' });
    expect(latest.get(fidelity.id)?.at).toBe(APRIL_30_2024 + DAY);
    expect(latest.get(depot.id)?.amount).toEqual({ minor: 50_00, currency: 'EUR' });
  });
});
