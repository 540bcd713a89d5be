/**
 * Backup and export: the whole database as one JSON file (downloaded, never
 * sent), restoring such a file (it replaces everything; a file with any
 * problem is refused and nothing changes), and any table as CSV for a
 * spreadsheet.
 */
import { useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import { backupFileName, exportBackup } from '@/utils/db/backup-io';
import { BACKUP_TABLES, type BackupTableName } from '@/utils/backup/format';
import { csvFileName, tableToCsv } from '@/utils/backup/csv-export';
import { ConfirmButton } from '@/components/ConfirmButton';
import { Field } from '@/components/Field';
import { plural, restoreText, TABLE_LABELS } from './importText';

/** How long the download's object URL is kept before it is released. */
const REVOKE_AFTER_MS = 60_000;

/** Saves text as a file through a temporary <a download>; the object URL is released afterwards. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

const TABLE_NAMES = (Object.keys(BACKUP_TABLES) as BackupTableName[]).slice().sort((a, b) => TABLE_LABELS[a].localeCompare(TABLE_LABELS[b]));

export function BackupSection(props: { locale: string }) {
  const { locale } = props;
  const [exportStatus, setExportStatus] = useState('');
  const [exportError, setExportError] = useState<string | undefined>(undefined);
  const [restoreFile, setRestoreFile] = useState<{ name: string; text: string } | undefined>(undefined);
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const [restoreError, setRestoreError] = useState<string | undefined>(undefined);
  const [table, setTable] = useState<BackupTableName>('transactions');
  const [busy, setBusy] = useState(false);

  async function downloadBackup() {
    setExportError(undefined);
    setExportStatus('');
    setBusy(true);
    try {
      const now = Date.now();
      const name = backupFileName(now);
      download(await exportBackup(db, now), name, 'application/json');
      setExportStatus(`Saved the backup as ${name}.`);
    } catch (error) {
      setExportError(`The backup could not be written: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  async function chooseRestore(event: Event) {
    const chosen = (event.currentTarget as HTMLInputElement).files?.[0];
    setOutcome(undefined);
    setRestoreError(undefined);
    setRestoreFile(undefined);
    if (!chosen) return;
    try {
      setRestoreFile({ name: chosen.name, text: await chosen.text() });
    } catch (error) {
      setRestoreError(`${chosen.name} could not be read: ${(error as Error).message}`);
    }
  }

  async function restore() {
    if (!restoreFile) return;
    setOutcome(undefined);
    setRestoreError(undefined);
    setBusy(true);
    try {
      const { restored } = await store.restoreBackup(restoreFile.text);
      setOutcome(restoreText(restored, locale));
      setRestoreFile(undefined);
    } catch (error) {
      setRestoreError(`${restoreFile.name} was not restored; nothing changed. ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  async function downloadCsv() {
    setExportError(undefined);
    setExportStatus('');
    setBusy(true);
    try {
      const now = Date.now();
      const records = await db.table(table).toArray();
      const name = csvFileName(table, now);
      download(tableToCsv(table, records), name, 'text/csv');
      setExportStatus(`Saved ${TABLE_LABELS[table]} (${plural(records.length, 'row', 'rows', locale)}) as ${name}.`);
    } catch (error) {
      setExportError(`${TABLE_LABELS[table]} could not be exported: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="backup-heading" class="card" aria-busy={busy ? 'true' : 'false'}>
      <h2 id="backup-heading">Backup and export</h2>

      <h3 id="backup-download-heading">Backup</h3>
      <p class="muted">
        One JSON file with everything Strata keeps: accounts and balances, holdings and tax lots, income streams and events, transactions, trades
        and prices, the plan, the trading lab, imports, mappings, rules and settings. It is written on this machine and saved where your browser
        saves downloads; it is not sent anywhere. Keep it somewhere safe: it holds your financial records.
      </p>
      <button type="button" class="primary" data-testid="backup-export" disabled={busy} onClick={downloadBackup}>
        Download backup
      </button>

      <h3 id="backup-restore-heading">Restore a backup</h3>
      <p class="muted">
        Restoring replaces all your data in this browser with the backup's: everything not in the backup is removed. A backup with any problem is
        refused as a whole, and then nothing changes.
      </p>
      <div class="form-row">
        <div class="field">
          <label for="backup-restore-file">Backup file (.json)</label>
          <input id="backup-restore-file" data-testid="backup-restore-file" type="file" accept=".json,application/json" disabled={busy} onChange={chooseRestore} />
        </div>
        {restoreFile && (
          <div data-testid="backup-restore">
            <ConfirmButton
              label="Replace all my data with this backup"
              question={`Everything not in ${restoreFile.name} will be removed from this browser. Replace all your data with it?`}
              confirmLabel="Replace my data"
              onConfirm={restore}
            />
          </div>
        )}
      </div>
      <div role="status" aria-live="polite">
        {outcome && (
          <p class="form-status" data-testid="backup-outcome">
            {outcome}
          </p>
        )}
      </div>
      {restoreError && (
        <p role="alert" class="form-error" data-testid="backup-error">
          {restoreError}
        </p>
      )}

      <h3 id="backup-csv-heading">Export a table as CSV</h3>
      <p class="muted">For a spreadsheet: one row per record, one column per field. The file is saved on this machine.</p>
      <div class="form-row">
        <Field id="csv-export-table" label="Table">
          {(aria) => (
            <select {...aria} data-testid="csv-export-table" value={table} onChange={(e) => setTable(e.currentTarget.value as BackupTableName)}>
              {TABLE_NAMES.map((name) => (
                <option key={name} value={name}>
                  {TABLE_LABELS[name]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" data-testid="csv-export" disabled={busy} onClick={downloadCsv}>
          Download CSV
        </button>
      </div>
      <p role="status" class="form-status" data-testid="export-status">
        {exportStatus}
      </p>
      {exportError && (
        <p role="alert" class="form-error" data-testid="export-error">
          {exportError}
        </p>
      )}
    </section>
  );
}
