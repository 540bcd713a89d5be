/**
 * The portfolio file (README "Portfolio file"): import replaces the stored
 * holdings, trades, prices, targets and rules in one transaction, or changes
 * nothing and says what is wrong; export downloads the same format, made in
 * the page (no request leaves the machine).
 */
import { useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import { exportPortfolio, importPortfolio } from '@/utils/db/portfolio';
import { ValidationError } from '@/utils/db/errors';
import { runDriftCheck } from '@/utils/portfolio/drift-check';
import { browserDriftSignals } from '@/utils/portfolio/drift-signals';

export function PortfolioFile() {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [issues, setIssues] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function onFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setStatus('');
    setError(undefined);
    setIssues([]);
    try {
      const summary = await importPortfolio(db, await file.text(), Date.now());
      const s = summary;
      setStatus(
        `Imported ${file.name}: ${s.taxLots} lots, ${s.trades} trades, ${s.prices} prices, ${s.allocationTargets} targets, ` +
          `${s.incomeEvents} dividend and interest entries (${s.incomeAlreadyRecorded} already recorded); ` +
          `${s.accountsMatched} accounts matched, ${s.accountsCreated} created.`,
      );
      await runDriftCheck(db, store, browserDriftSignals, Date.now()).catch(() => undefined);
    } catch (e) {
      setError(`Nothing was imported: ${(e as Error).message}`);
      if (e instanceof ValidationError) setIssues(e.issues.map((i) => i.message));
    } finally {
      setBusy(false);
      input.value = '';
    }
  }

  async function onExport() {
    const text = await exportPortfolio(db);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `strata-portfolio-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus('Exported the portfolio file.');
  }

  return (
    <div style="margin-top:1.5rem" aria-busy={busy ? 'true' : 'false'}>
      <h3>Portfolio file</h3>
      <p class="muted">Importing replaces your holdings, trades, prices, targets and rules with the file's. Dividends and interest in it become Foundation income.</p>
      <div class="form-row">
        <div class="field">
          <label for="portfolio-import">Import a portfolio file (.json)</label>
          <input id="portfolio-import" type="file" accept=".json,application/json" disabled={busy} onChange={onFile} />
        </div>
        <button type="button" onClick={onExport}>
          Export portfolio file
        </button>
      </div>
      {error && (
        <div role="alert" class="form-error" data-testid="portfolio-import-error">
          <p>{error}</p>
          {issues.length > 1 && (
            <ul>
              {issues.slice(0, 20).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p role="status" class="form-status" data-testid="portfolio-import-status">
        {status}
      </p>
    </div>
  );
}
