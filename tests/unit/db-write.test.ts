import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StrataDB } from '@/utils/db/database';
import { createStore, NotFoundError, ValidationError, type Store } from '@/utils/db/write';
import {
  APRIL_30_2024,
  captureRuleOf,
  fidelityBrokerage,
  freshDb,
  holdingOf,
  incomeEventOf,
  MARCH_31_2024,
  nicheBlog,
  snapshotOf,
  taxLotOf,
  tradeRepublicDepot,
  transactionOf,
} from '../fixtures/db/records';

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
let db: StrataDB;
let store: Store;
let nextId: number;

beforeEach(() => {
  db = freshDb();
  nextId = 0;
  store = createStore(db, { now: () => NOW, newId: () => `id-${++nextId}` });
});
afterEach(async () => {
  await db.delete();
});

/** Runs `write`, expects a ValidationError, and returns its issues. */
async function refused(write: () => Promise<unknown>) {
  const error = await write().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  return counts;
}

describe('adding a valid record stores exactly it', () => {
  it('accounts get an id and createdAt and round-trip', async () => {
    const account = await store.addAccount(fidelityBrokerage);
    expect(account).toEqual({ ...fidelityBrokerage, id: 'id-1', createdAt: NOW });
    expect(await db.accounts.get('id-1')).toEqual(account);
  });

  it('uses a random UUID and the real clock when not told otherwise', async () => {
    const before = Date.now();
    const account = await createStore(db).addAccount(fidelityBrokerage);
    expect(account.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(account.createdAt).toBeGreaterThanOrEqual(before);
    expect(account.createdAt).toBeLessThanOrEqual(Date.now());
  });

  it('keeps a given id and createdAt', async () => {
    const account = await store.addAccount({ ...fidelityBrokerage, id: 'fid', createdAt: MARCH_31_2024 });
    expect(await db.accounts.get('fid')).toEqual({ ...fidelityBrokerage, id: 'fid', createdAt: MARCH_31_2024 });
    expect(account.id).toBe('fid');
  });

  it('trims names, drops unknown keys and never stores an explicit undefined', async () => {
    const input = { ...fidelityBrokerage, name: '  Fidelity Brokerage  ', notes: undefined, colour: 'green' };
    await store.addAccount(input);
    const stored = await db.accounts.get('id-1');
    expect(stored?.name).toBe('Fidelity Brokerage');
    expect(Object.keys(stored!).sort()).toEqual(
      ['createdAt', 'currency', 'id', 'institution', 'kind', 'layer', 'name', 'taxType'].sort(),
    );
  });

  it('every other table round-trips', async () => {
    const account = await store.addAccount(fidelityBrokerage);
    const stream = await store.addStream({ ...nicheBlog, accountId: account.id });
    const written = {
      balanceSnapshots: await store.addSnapshot(snapshotOf(account.id, 1_234_567)),
      holdings: await store.addHolding(holdingOf(account.id)),
      taxLots: await store.addTaxLot(taxLotOf(account.id)),
      incomeEvents: await store.addIncomeEvent(incomeEventOf(stream.id)),
      transactions: await store.addTransaction(transactionOf(account.id)),
      allocationTargets: await store.putAllocationTarget({
        assetClass: 'us-stocks',
        targetBasisPoints: 6000,
        bandBasisPoints: 500,
      }),
      captureRules: await store.addCaptureRule(captureRuleOf(account.id)),
    };
    expect(await db.streams.get(stream.id)).toEqual({ ...nicheBlog, accountId: 'id-1', id: 'id-2' });
    expect(written.balanceSnapshots).toEqual({ ...snapshotOf('id-1', 1_234_567), id: 'id-3' });
    expect(written.captureRules).toEqual({ ...captureRuleOf('id-1'), id: 'id-9', createdAt: NOW });
    for (const [table, record] of Object.entries(written)) {
      expect(await db.table(table).get(record.id)).toEqual(record);
      expect(await db.table(table).count()).toBe(1);
    }
    expect(written.incomeEvents.amount).toEqual({ minor: 4_217, currency: 'USD' });
    expect(written.holdings.quantity).toBe('12.5');
  });

  it('a transaction may belong to no account', async () => {
    const transaction = await store.addTransaction(transactionOf());
    expect(await db.transactions.get(transaction.id)).toEqual({ ...transactionOf(), id: 'id-1' });
  });
});

describe('a bad record is refused with the field and reason, and nothing is written', () => {
  let accountId: string;
  beforeEach(async () => {
    accountId = (await store.addAccount(fidelityBrokerage)).id;
  });

  it('empty account name', async () => {
    const before = await rowCounts();
    const issues = await refused(() => store.addAccount({ ...fidelityBrokerage, name: '   ' }));
    expect(issues).toEqual([{ field: 'name', message: 'Account name is required' }]);
    expect(await rowCounts()).toEqual(before);
  });

  it('fractional cents', async () => {
    const before = await rowCounts();
    const error = await store.addSnapshot(snapshotOf(accountId, 1234.5)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { field: 'amount.minor', message: 'amount.minor must be a whole number of minor units (cents), not a fraction' },
    ]);
    expect((error as Error).message).toBe(
      'amount.minor must be a whole number of minor units (cents), not a fraction',
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('lists every problem of a record, each naming its field', async () => {
    const bad = { ...fidelityBrokerage, currency: 'usd', kind: 'savings', institution: undefined } as never;
    const issues = await refused(() => store.addAccount(bad));
    expect(issues).toEqual([
      { field: 'institution', message: 'Institution is required' },
      {
        field: 'kind',
        message:
          'kind must be one of: brokerage, robo, retirement, hysa, cash, real-estate, trading, content, business',
      },
      { field: 'currency', message: 'currency must be a three-letter ISO 4217 code such as USD' },
    ]);
    expect(await db.accounts.count()).toBe(1);
  });

  it('a snapshot for an account that does not exist', async () => {
    const issues = await refused(() => store.addSnapshot(snapshotOf('no-such-account', 100)));
    expect(issues).toEqual([{ field: 'accountId', message: 'accountId: no account with id "no-such-account"' }]);
    expect(await db.balanceSnapshots.count()).toBe(0);
  });

  it('a snapshot in another currency than its account', async () => {
    const issues = await refused(() => store.addSnapshot(snapshotOf(accountId, 100, MARCH_31_2024, 'EUR')));
    expect(issues).toEqual([
      { field: 'amount.currency', message: 'amount.currency is EUR but account "Fidelity Brokerage" is in USD' },
    ]);
    expect(await db.balanceSnapshots.count()).toBe(0);
  });

  it('holdings, lots, events, rules with bad fields or dangling references', async () => {
    const before = await rowCounts();
    expect(await refused(() => store.addHolding({ ...holdingOf(accountId), quantity: 12.5 as never }))).toEqual([
      { field: 'quantity', message: 'quantity must be a decimal number written as text' },
    ]);
    expect(await refused(() => store.addHolding({ ...holdingOf(accountId), symbol: ' ' }))).toEqual([
      { field: 'symbol', message: 'Symbol is required' },
    ]);
    expect(await refused(() => store.addTaxLot(taxLotOf('gone')))).toEqual([
      { field: 'accountId', message: 'accountId: no account with id "gone"' },
    ]);
    expect(await refused(() => store.addStream({ ...nicheBlog, hoursPerMonth: -1 }))).toEqual([
      { field: 'hoursPerMonth', message: 'hoursPerMonth cannot be negative' },
    ]);
    expect(await refused(() => store.addIncomeEvent(incomeEventOf('no-stream')))).toEqual([
      { field: 'streamId', message: 'streamId: no income stream with id "no-stream"' },
    ]);
    expect(
      await refused(() => store.addTransaction({ ...transactionOf(accountId), source: 'scraped' as never })),
    ).toEqual([{ field: 'source', message: 'source must be ("manual" | "capture" | "import"), not "scraped"' }]);
    expect(
      await refused(() => store.addCaptureRule({ ...captureRuleOf(accountId), host: 'https://fidelity.com' })),
    ).toEqual([{ field: 'host', message: 'host must be a host name such as example.com' }]);
    expect(
      await refused(() =>
        store.putAllocationTarget({ assetClass: 'bonds', targetBasisPoints: 10_001, bandBasisPoints: 0 }),
      ),
    ).toEqual([{ field: 'targetBasisPoints', message: 'targetBasisPoints must be at most 10000' }]);
    expect(await rowCounts()).toEqual(before);
  });

  it('an id that is already taken', async () => {
    const issues = await refused(() => store.addAccount({ ...tradeRepublicDepot, id: accountId }));
    expect(issues).toEqual([{ field: 'id', message: `id: an account with id "${accountId}" already exists` }]);
    expect((await db.accounts.get(accountId))?.currency).toBe('USD');
  });
});

describe('updates', () => {
  it('re-validates the merged record and keeps the stored one when refused', async () => {
    const account = await store.addAccount(fidelityBrokerage);
    const snapshot = await store.addSnapshot(snapshotOf(account.id, 1_000_000));
    expect(await refused(() => store.updateSnapshot(snapshot.id, { amount: { minor: 0.1, currency: 'USD' } }))).toEqual([
      { field: 'amount.minor', message: 'amount.minor must be a whole number of minor units (cents), not a fraction' },
    ]);
    expect(await db.balanceSnapshots.get(snapshot.id)).toEqual(snapshot);

    const corrected = await store.updateSnapshot(snapshot.id, { amount: { minor: 1_000_001, currency: 'USD' } });
    expect(corrected).toEqual({ ...snapshot, amount: { minor: 1_000_001, currency: 'USD' } });
    expect(await db.balanceSnapshots.get(snapshot.id)).toEqual(corrected);
  });

  it('refuses moving a snapshot to an account in another currency', async () => {
    const usd = await store.addAccount(fidelityBrokerage);
    const eur = await store.addAccount(tradeRepublicDepot);
    const snapshot = await store.addSnapshot(snapshotOf(usd.id, 500));
    expect(await refused(() => store.updateSnapshot(snapshot.id, { accountId: eur.id }))).toEqual([
      { field: 'amount.currency', message: 'amount.currency is USD but account "Depot" is in EUR' },
    ]);
    expect((await db.balanceSnapshots.get(snapshot.id))?.accountId).toBe(usd.id);
  });

  it('refuses changing the currency of an account whose snapshots are in the old one', async () => {
    const account = await store.addAccount(fidelityBrokerage);
    await store.bulkAddSnapshots([snapshotOf(account.id, 1), snapshotOf(account.id, 2, APRIL_30_2024)]);
    expect(await refused(() => store.updateAccount(account.id, { currency: 'EUR' }))).toEqual([
      {
        field: 'currency',
        message: 'currency cannot be EUR: this account has 2 balance snapshots in USD; delete or correct them first',
      },
    ]);
    expect((await db.accounts.get(account.id))?.currency).toBe('USD');

    const empty = await store.addAccount({ ...fidelityBrokerage, name: 'Empty' });
    expect((await store.updateAccount(empty.id, { currency: 'EUR' })).currency).toBe('EUR');
  });

  it('cannot change the id; undefined clears an optional field', async () => {
    const account = await store.addAccount({ ...fidelityBrokerage, notes: 'joint with Sam' });
    const renamed = await store.updateAccount(account.id, { name: 'Joint', notes: undefined, id: 'other' } as never);
    expect(renamed).toEqual({ ...fidelityBrokerage, name: 'Joint', id: account.id, createdAt: NOW });
    expect(await db.accounts.get('other')).toBeUndefined();
    expect(await db.accounts.get(account.id)).toEqual(renamed);
  });

  it('archives (keeping the first date) and unarchives', async () => {
    const account = await store.addAccount(fidelityBrokerage);
    expect((await store.archiveAccount(account.id)).archivedAt).toBe(NOW);
    const later = createStore(db, { now: () => NOW + 86_400_000 });
    expect((await later.archiveAccount(account.id)).archivedAt).toBe(NOW);
    const back = await store.unarchiveAccount(account.id);
    expect('archivedAt' in back).toBe(false);
    expect(await db.accounts.get(account.id)).toEqual(account);
  });

  it('unknown ids throw NotFoundError', async () => {
    await expect(store.updateAccount('nope', { name: 'x' })).rejects.toThrow(NotFoundError);
    await expect(store.archiveAccount('nope')).rejects.toThrow('No account with id "nope"');
    await expect(store.deleteSnapshot('nope')).rejects.toThrow('No balance snapshot with id "nope"');
    await expect(store.deleteIncomeEvent('nope')).rejects.toThrow(NotFoundError);
  });
});

describe('allocation targets', () => {
  it('one target per asset class: putting the same class again replaces it', async () => {
    const first = await store.putAllocationTarget({ assetClass: 'bonds', targetBasisPoints: 2000, bandBasisPoints: 300 });
    const second = await store.putAllocationTarget({ assetClass: 'bonds', targetBasisPoints: 2500, bandBasisPoints: 300 });
    expect(second).toEqual({ id: first.id, assetClass: 'bonds', targetBasisPoints: 2500, bandBasisPoints: 300 });
    expect(await db.allocationTargets.toArray()).toEqual([second]);
  });

  it('refuses renaming a target onto a class that already has one', async () => {
    await store.putAllocationTarget({ assetClass: 'bonds', targetBasisPoints: 2000, bandBasisPoints: 300 });
    const cash = await store.putAllocationTarget({ assetClass: 'cash', targetBasisPoints: 500, bandBasisPoints: 100 });
    expect(await refused(() => store.putAllocationTarget({ ...cash, assetClass: 'bonds' }))).toEqual([
      { field: 'assetClass', message: 'assetClass: there is already a target for "bonds"' },
    ]);
    await store.deleteAllocationTarget(cash.id);
    expect((await db.allocationTargets.toArray()).map((t) => t.assetClass)).toEqual(['bonds']);
  });
});

describe('settings', () => {
  it('are the defaults until saved', async () => {
    expect(await store.getSettings()).toEqual({
      key: 'app',
      baseCurrency: 'USD',
      rates: {},
      locale: '',
      theme: 'system',
      captureJumpFactor: '3',
    });
    expect(await db.settings.count()).toBe(0);
  });

  it('save merges, validates, and drops a rate for the base currency itself', async () => {
    await store.saveSettings({ rates: { EUR: '1.0850', GBP: '1.27' }, theme: 'dark' });
    const saved = await store.saveSettings({ baseCurrency: 'EUR', locale: 'de-DE' });
    expect(saved).toEqual({
      key: 'app',
      baseCurrency: 'EUR',
      rates: { GBP: '1.27' },
      locale: 'de-DE',
      theme: 'dark',
      captureJumpFactor: '3',
    });
    expect(await db.settings.get('app')).toEqual(saved);
    expect(await store.getSettings()).toEqual(saved);
  });

  it('refuses a bad rate and keeps what was stored', async () => {
    const saved = await store.saveSettings({ rates: { EUR: '1.08' } });
    expect(await refused(() => store.saveSettings({ rates: { EUR: '0', gbp: '1.2' } }))).toEqual([
      { field: 'rates.EUR', message: 'rates.EUR must be greater than zero' },
      { field: 'rates.gbp', message: 'rates.gbp must be a three-letter ISO 4217 code such as USD' },
    ]);
    expect(await db.settings.get('app')).toEqual(saved);
  });
});
