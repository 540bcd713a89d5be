/**
 * The whole profile to and from a backup file. Export reads every table in
 * one read transaction (a consistent picture, even while a capture writes);
 * restore checks the whole file first (parseBackup: every record, every
 * reference, the schema version) and then, in one read-write transaction,
 * replaces every table with the backup's records. A refused file changes
 * nothing; a restored profile equals the backup: whatever was stored and is
 * not in the backup is gone (the page says so and asks first).
 */
import type { Table } from 'dexie';
import { parseBackup } from '../backup/format';
import { BACKUP_TABLE_NAMES, serializeBackup } from '../backup/serialize';
import type { StrataDB } from './database';
import type { FieldIssue } from './errors';

/** A backup file that cannot be restored; the database was not touched. */
export class BackupRefusedError extends Error {
  override name = 'BackupRefusedError';
  /** Every problem, named by table, index and field (`tables.transactions[3].amount.minor`); [] when the file as a whole is wrong. */
  readonly issues: FieldIssue[];

  constructor(message: string, issues: FieldIssue[] = []) {
    super(message);
    this.issues = issues;
  }
}

function tablesOf(db: StrataDB): Table<unknown, string>[] {
  return BACKUP_TABLE_NAMES.map((name) => db.table(name));
}

/** The backup file's text of everything stored, written at `now` (epoch ms). */
export async function exportBackup(db: StrataDB, now: number = Date.now()): Promise<string> {
  const exportedAt = new Date(now).toISOString();
  const tables = await db.transaction('r', tablesOf(db), async () => {
    const rows = await Promise.all(BACKUP_TABLE_NAMES.map((name) => db.table(name).toArray()));
    return Object.fromEntries(BACKUP_TABLE_NAMES.map((name, i) => [name, rows[i]!]));
  });
  return serializeBackup(tables, exportedAt);
}

/**
 * Replaces everything stored with the backup in `text`. Throws a
 * BackupRefusedError (and changes nothing) when the file is not a usable
 * backup. Returns how many records each table now holds.
 */
export async function restoreBackup(db: StrataDB, text: string): Promise<{ restored: Record<string, number> }> {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new BackupRefusedError(parsed.error, parsed.issues);
  const { tables } = parsed.backup;
  const restored: Record<string, number> = {};
  await db.transaction('rw', tablesOf(db), async () => {
    for (const name of BACKUP_TABLE_NAMES) {
      const table = db.table(name);
      await table.clear();
      const records = tables[name] as unknown[];
      if (records.length > 0) await table.bulkAdd(records);
      restored[name] = records.length;
    }
  });
  return { restored };
}

/** "strata-backup-2026-11-24.json": the UTC day of `now`. */
export function backupFileName(now: number): string {
  return `strata-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}
