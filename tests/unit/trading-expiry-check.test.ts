/**
 * The options expiry reminder: open positions expiring within the reminder
 * days notify once each, only when the person turned notifications on, and
 * a position with an outcome never reminds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StrataDB } from '@/utils/db/database';
import { createStore, type Store } from '@/utils/db/write';
import { runExpiryCheck, type ExpirySignals } from '@/utils/trading/expiry-check';
import { freshDb } from '../fixtures/db/records';

const usd = (minor: number) => ({ minor, currency: 'USD' });
const NOON = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

let db: StrataDB;
let store: Store;
let sent: { id: string; title: string; message: string }[];
const signals: ExpirySignals = {
  async notify(id, title, message) {
    sent.push({ id, title, message });
    return true;
  },
};

beforeEach(async () => {
  db = freshDb();
  sent = [];
  let n = 0;
  store = createStore(db, { now: () => NOON('2026-11-24'), newId: () => `id-${++n}` });
  const account = await store.addLabAccount({ name: 'Wheel', mode: 'paper', currency: 'USD', capital: usd(1_000_000), startDate: '2026-11-01' });
  const base = { accountId: account.id, openedOn: '2026-11-02', contracts: 2, premium: usd(24_000), strike: usd(45_000) } as const;
  await store.addOptionPosition({ ...base, id: 'spy-call', kind: 'covered-call', symbol: 'SPY', expiry: '2026-11-27', underlying: usd(44_000) });
  await store.addOptionPosition({ ...base, id: 'ko-put', kind: 'cash-secured-put', symbol: 'KO', expiry: '2026-11-28', strike: usd(6_000) });
  await store.addOptionPosition({
    ...base,
    id: 'done',
    kind: 'cash-secured-put',
    symbol: 'T',
    expiry: '2026-11-25',
    strike: usd(2_000),
    outcome: { kind: 'closed', on: '2026-11-20', cost: usd(1_000) },
  });
});
afterEach(async () => {
  await db.delete();
});

describe('options expiry reminder', () => {
  it('lists what expires within 3 days but notifies only when turned on', async () => {
    const check = await runExpiryCheck(db, store, signals, NOON('2026-11-24'));
    // 2026-11-27 is 3 days away (in); 2026-11-28 is 4 (out); the closed put never reminds.
    expect(check.reminders.map((r) => r.message)).toEqual(['SPY covered call, 2 contracts at 450.00 USD, expires 2026-11-27 (in 3 days)']);
    expect(sent).toEqual([]);
  });

  it('notifies each position once per expiry', async () => {
    await store.saveTradingSettings({ expiryNotifications: true });
    await runExpiryCheck(db, store, signals, NOON('2026-11-24'));
    await runExpiryCheck(db, store, signals, NOON('2026-11-24') + 3_600_000);
    expect(sent.map((s) => s.id)).toEqual(['strata-expiry-spy-call']);
    // A day later the put is 3 days away too: it alone is new.
    await runExpiryCheck(db, store, signals, NOON('2026-11-25'));
    expect(sent.map((s) => s.id)).toEqual(['strata-expiry-spy-call', 'strata-expiry-ko-put']);
    expect((await store.getTradingSettings()).reminded).toEqual(['ko-put@2026-11-28', 'spy-call@2026-11-27']);
  });

  it('uses the local day: 23:30 in New York on the 23rd is still the 23rd', async () => {
    // 2026-11-24T04:30Z is 23:30 on the 23rd at UTC−5 (offset 300): the call is then 4 days away.
    const check = await runExpiryCheck(db, store, signals, Date.parse('2026-11-24T04:30:00Z'), 300);
    expect(check.reminders).toEqual([]);
  });
});
