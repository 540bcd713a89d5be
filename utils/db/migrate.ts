/**
 * Versioned, append-only schema migrations. Each version lives in its own file
 * under utils/db/migrations/ and is never edited once released: a change to
 * the stores or to the data is a new version with a higher number.
 */
import type { Dexie, Transaction } from 'dexie';

/** Dexie store definitions: table name → "primaryKey, index, [compound+index]", or null to drop a table. */
export type StoreDefinitions = Record<string, string | null>;

export interface Migration {
  /** A positive whole number, strictly greater than the previous migration's. */
  version: number;
  /**
   * The tables this version changes (Dexie carries the others over from the
   * previous version). Every version must list at least one table.
   */
  stores: StoreDefinitions;
  /**
   * Transforms existing data when a database is upgraded to this version. It
   * runs inside Dexie's upgrade transaction: if it throws, the upgrade is
   * rolled back and the database stays at the previous version.
   */
  upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
}

/**
 * Declares every migration on `db`, in order. Refuses a list that is not in
 * strictly increasing version order, so a misplaced or duplicated version
 * fails loudly at startup instead of silently skipping an upgrade.
 */
export function applyMigrations(db: Dexie, migrations: readonly Migration[]): void {
  if (migrations.length === 0) throw new Error('applyMigrations needs at least one migration');
  let previous = 0;
  for (const migration of migrations) {
    if (!Number.isSafeInteger(migration.version) || migration.version <= previous) {
      throw new Error(
        `Migration versions must be whole numbers in strictly increasing order: ${migration.version} follows ${previous}`,
      );
    }
    previous = migration.version;
    const version = db.version(migration.version).stores(migration.stores);
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
}
