/**
 * Daily price files: choose a CSV (Yahoo Finance style, or Date,Close), see
 * what it holds or what is wrong with it line by line, import it under a
 * symbol (all or nothing; days already stored with other prices need
 * "Replace"), and the symbols on file with their span. The file is read in
 * the page; nothing leaves the machine.
 */
import { useState } from 'preact/hooks';
import { store } from '@/utils/db';
import { ValidationError } from '@/utils/db/errors';
import type { SymbolOnFile } from '@/utils/db/trading';
import { readBarsSymbol } from '@/utils/forms/trading';
import { formatDay, parseDay } from '@/utils/portfolio/dates';
import { parseBarsCsv, symbolFromFileName } from '@/utils/trading/bars';
import type { ParsedBars } from '@/utils/trading/types';
import { ConfirmButton } from '@/components/ConfirmButton';
import { Field } from '@/components/Field';
import { gapsText, importOutcomeText, isoDayText, problemText, tradingFormat } from './tradingText';

type Parsed = Extract<ParsedBars, { ok: true }>;

export function TradingPrices(props: { symbols: SymbolOnFile[]; locale: string; currency: string }) {
  const f = tradingFormat(props.currency, props.locale);
  const [file, setFile] = useState<{ name: string; parsed: Parsed } | undefined>(undefined);
  const [symbol, setSymbol] = useState('');
  const [replace, setReplace] = useState(false);
  const [symbolError, setSymbolError] = useState<string | undefined>(undefined);
  const [problems, setProblems] = useState<{ title: string; lines: string[] } | undefined>(undefined);
  const [outcome, setOutcome] = useState<{ status: string; gaps: string | null; notes: string[] } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [listStatus, setListStatus] = useState('');

  async function onFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    setProblems(undefined);
    setOutcome(undefined);
    setFile(undefined);
    if (!chosen) return;
    setBusy(true);
    try {
      const parsed = parseBarsCsv(await chosen.text());
      if (!parsed.ok) {
        setProblems({ title: `${chosen.name} cannot be imported:`, lines: parsed.problems.map(problemText) });
        return;
      }
      setFile({ name: chosen.name, parsed });
      const guess = symbolFromFileName(chosen.name);
      if (guess) setSymbol(guess);
      setSymbolError(undefined);
    } catch (error) {
      setProblems({ title: `${chosen.name} could not be read: ${(error as Error).message}`, lines: [] });
    } finally {
      setBusy(false);
    }
  }

  async function onImport(event: Event) {
    event.preventDefault();
    setProblems(undefined);
    setOutcome(undefined);
    if (!file) return setProblems({ title: 'Choose a price file first.', lines: [] });
    const read = readBarsSymbol(symbol);
    if (!read.ok) return setSymbolError(read.errors.symbol);
    setSymbolError(undefined);
    setBusy(true);
    const { parsed } = file;
    try {
      const result = await store.importBars({
        symbol: read.value,
        fileName: file.name,
        layout: parsed.layout,
        bars: parsed.bars.map((b) => ({ ...b, date: formatDay(b.date) })),
        notes: parsed.notes,
        replace,
      });
      setOutcome({ status: importOutcomeText(read.value, result), gaps: gapsText(parsed.gaps), notes: parsed.notes });
    } catch (error) {
      const lines = error instanceof ValidationError ? error.issues.map((i) => i.message) : [];
      setProblems({ title: `Nothing was imported${lines.length ? ':' : `: ${(error as Error).message}`}`, lines });
    } finally {
      setBusy(false);
    }
  }

  const span = file && file.parsed.bars.length > 0 ? file.parsed.bars : undefined;
  return (
    <div data-testid="trading-prices" aria-busy={busy ? 'true' : 'false'}>
      <h3 id="trading-prices-heading">Prices</h3>
      <p class="muted">
        Daily prices from a CSV file: Date,Open,High,Low,Close (Adj Close and Volume optional), as Yahoo Finance exports them, or Date,Close.
      </p>
      <form aria-label="Import a price file" onSubmit={onImport} noValidate>
        <div class="form-row">
          <div class="field">
            <label for="trading-price-file">Price file (.csv)</label>
            <input id="trading-price-file" type="file" accept=".csv,text/csv" disabled={busy} onChange={onFile} />
          </div>
          <Field id="trading-price-symbol" label="Symbol" error={symbolError}>
            {(aria) => <input {...aria} type="text" size={8} autocomplete="off" value={symbol} placeholder="SPY" onInput={(e) => setSymbol(e.currentTarget.value)} />}
          </Field>
          <label style="display:flex;gap:0.4rem;align-items:center">
            <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />
            Replace days already stored
          </label>
          <button type="submit" class="primary" disabled={busy}>
            Import
          </button>
        </div>
      </form>
      {span && (
        <p class="muted" data-testid="trading-file-summary">
          {file!.name}: {f.count(span.length)} bars, {f.day(span[0]!.date)} to {f.day(span[span.length - 1]!.date)}
          {file!.parsed.layout === 'close-only' ? ', closing prices only' : ''}.
        </p>
      )}
      {problems && (
        <div role="alert" class="form-error" data-testid="trading-import-error">
          <p>{problems.title}</p>
          {problems.lines.length > 0 && (
            <ul>
              {problems.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div role="status" data-testid="trading-import-status">
        {outcome && (
          <>
            <p class="form-status">{outcome.status}</p>
            {outcome.gaps && <p data-testid="trading-import-gaps">{outcome.gaps}</p>}
            {outcome.notes.length > 0 && (
              <ul class="muted">
                {outcome.notes.map((note, i) => (
                  <li key={i}>{note}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {props.symbols.length === 0 ? (
        <p class="muted">No prices on file yet.</p>
      ) : (
        <div class="scroll-box" tabIndex={0}>
          <table aria-labelledby="trading-prices-heading" data-testid="trading-symbols">
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col" class="num">Bars</th>
                <th scope="col">First</th>
                <th scope="col">Last</th>
                <th scope="col">Adjusted</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.symbols.map((s) => (
                <tr key={s.symbol} data-symbol={s.symbol}>
                  <th scope="row">{s.symbol}</th>
                  <td class="num">{f.count(s.bars)}</td>
                  <td>{isoDayText(s.first, f, parseDay)}</td>
                  <td>{isoDayText(s.last, f, parseDay)}</td>
                  <td>{s.adjusted ? 'Yes (Adj Close)' : s.closeOnly ? 'No (closes only)' : 'No'}</td>
                  <td>
                    <ConfirmButton
                      label={`Delete ${s.symbol}`}
                      question={`Delete all ${s.bars} bars of ${s.symbol}?`}
                      confirmLabel="Delete prices"
                      onConfirm={async () => {
                        const n = await store.deleteSymbolBars(s.symbol);
                        setListStatus(`Deleted ${n} bars of ${s.symbol}.`);
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p role="status" class="form-status">
        {listStatus}
      </p>
    </div>
  );
}
