/** The plan the Plan and Income sections compute, from some of a backup's tables (absent tables: empty). */
import { computePlan } from '@/utils/analytics/plan';
import { BACKUP_TABLES, CURRENT_SCHEMA_VERSION, type BackupTables } from '@/utils/backup/format';
import { planInputFromBackup } from '@/utils/backup/plan-input';
import type { DemoTables } from '@/utils/demo';

export function planOf(tables: DemoTables, asOf: number) {
  const all = Object.fromEntries(Object.keys(BACKUP_TABLES).map((name) => [name, tables[name as keyof DemoTables] ?? []])) as BackupTables;
  const backup = { schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt: new Date(asOf).toISOString(), tables: all };
  return computePlan(planInputFromBackup(backup, asOf, 0), { paths: 0 });
}
