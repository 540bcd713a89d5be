/**
 * Read helpers for the UI. They take the database as an argument so pages can
 * wrap them in liveQuery (`liveQuery(() => listAccounts(db))`) and tests can
 * pass a fresh database.
 */
import { Dexie } from 'dexie';
import type { StrataDB } from './database';
import type { Account, BalanceSnapshot } from './schema';

const byText = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Accounts sorted by institution, then name (case-insensitively); archived ones only when asked. */
export async function listAccounts(
  db: StrataDB,
  { includeArchived = false }: { includeArchived?: boolean } = {},
): Promise<Account[]> {
  const all = await db.accounts.toArray();
  return all
    .filter((a) => includeArchived || a.archivedAt === undefined)
    .sort(
      (a, b) =>
        byText.compare(a.institution, b.institution) ||
        byText.compare(a.name, b.name) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** One account's balance snapshots, newest first. */
export function snapshotsForAccount(db: StrataDB, accountId: string): Promise<BalanceSnapshot[]> {
  return db.balanceSnapshots
    .where('[accountId+at]')
    .between([accountId, Dexie.minKey], [accountId, Dexie.maxKey])
    .reverse()
    .toArray();
}

/** Every balance snapshot of every account (archived ones too), oldest first. */
export function allSnapshots(db: StrataDB): Promise<BalanceSnapshot[]> {
  return db.balanceSnapshots.orderBy('at').toArray();
}

/**
 * The newest snapshot of each account that has any (archived accounts
 * included), keyed by account id. Of two snapshots at the same instant, the
 * one with the greater id wins, so the answer is stable.
 */
export async function latestSnapshotByAccount(db: StrataDB): Promise<Map<string, BalanceSnapshot>> {
  return db.transaction('r', [db.accounts, db.balanceSnapshots], async () => {
    const accountIds = await db.accounts.toCollection().primaryKeys();
    const latest = await Promise.all(
      accountIds.map((id) =>
        db.balanceSnapshots.where('[accountId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).last(),
      ),
    );
    const map = new Map<string, BalanceSnapshot>();
    for (const snapshot of latest) if (snapshot) map.set(snapshot.accountId, snapshot);
    return map;
  });
}
