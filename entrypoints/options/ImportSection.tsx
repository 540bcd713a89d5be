/**
 * Import files (issue 7): choose an export from a brokerage, an income
 * dashboard or a bank; the analytics worker reads it (with its progress)
 * and says what layout it recognised, with a choice of another layout, the
 * date order when the file's dates do not say, and its notes. A layout
 * Strata does not know goes through the mapping step (saved per header and
 * used again next time). Then the preview and the commit, and the list of
 * past imports, each of which can be undone. The file is read in this
 * browser; nothing leaves the machine.
 */
import { useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import type { AppSettings } from '@/utils/db/schema';
import { FORMATS } from '@/utils/importers/formats';
import type { DateOrder, FormatId, ImportReading } from '@/utils/importers/types';
import { ConfirmButton } from '@/components/ConfirmButton';
import { Field } from '@/components/Field';
import { useImport, type ImportFlow } from '@/components/useImport';
import { useLiveQuery } from '@/components/useLiveQuery';
import {
  DATE_ORDER_LABELS,
  dateTimeText,
  fileMetaText,
  formatLabel,
  groupFormats,
  moreText,
  pastImportText,
  plural,
  progressText,
  savedMappingText,
  totalCount,
  undoText,
} from './importText';
import { ImportMapping } from './ImportMapping';
import { ImportPreview } from './ImportPreview';

const MAP_MYSELF = '__mapping';
/** How many past imports are listed. */
const PAST_SHOWN = 50;

export function ImportSection(props: { settings: AppSettings; locale: string }) {
  const { locale } = props;
  const flow = useImport(props.settings.baseCurrency);
  const { state } = flow;
  const { reading } = state;
  const busy = state.progress !== undefined;

  return (
    <section aria-labelledby="import-heading" class="card" aria-busy={busy ? 'true' : 'false'}>
      <h2 id="import-heading">Import files</h2>
      <p class="muted">
        Exports from brokerages (Schwab, Fidelity, Vanguard, Robinhood, Interactive Brokers…), income dashboards (Amazon Associates, AdSense, YouTube,
        Stripe, Gumroad…) and banks (CSV, OFX, QFX). The file is read in this browser; nothing is sent anywhere.
      </p>
      <div class="field">
        <label for="import-file">File to import</label>
        <input
          id="import-file"
          data-testid="import-file"
          type="file"
          accept=".csv,.txt,.tsv,.ofx,.qfx"
          aria-describedby="import-file-hint"
          onChange={(e) => void flow.choose(e.currentTarget.files?.[0])}
        />
        <span id="import-file-hint" class="muted" style="font-size:0.8rem">
          .csv, .tsv, .txt, .ofx or .qfx, up to 25 MB.
        </span>
      </div>
      <div role="status" aria-live="polite" data-testid="import-status">
        {busy && (
          <p style="display:flex;gap:0.5rem;align-items:center">
            <progress data-testid="import-progress" max="1" value={state.progress} aria-label={`Reading ${state.fileName ?? 'the file'}`} />
            <span>{progressText(state.fileName ?? 'the file', state.progress ?? 0, locale)}</span>
          </p>
        )}
      </div>
      {state.error && (
        <p role="alert" class="form-error" data-testid="import-error">
          {state.error}
        </p>
      )}
      {reading && state.mode !== 'empty' && <ReadingChoices flow={flow} reading={reading} locale={locale} />}
      {reading && state.mode === 'mapping' && reading.header && state.mappingStart && (
        <ImportMapping
          key={state.readingId}
          header={reading.header}
          {...(reading.sample ? { sample: reading.sample } : {})}
          start={state.mappingStart}
          baseCurrency={props.settings.baseCurrency}
          locale={locale}
          preview={flow.previewMapping}
          apply={flow.applyMapping}
        />
      )}
      {reading && state.mode === 'mapped' && state.saved && (
        <p data-testid="import-saved-mapping">
          {savedMappingText(state.saved.updatedAt, locale)}{' '}
          <button type="button" data-testid="mapping-change" onClick={() => void flow.mapColumns()}>
            Change
          </button>
        </p>
      )}
      {reading && state.mode === 'format' && reading.format === null && (
        <div role="alert" class="form-error" data-testid="import-unreadable">
          <p>Strata could not read {state.fileName} as any layout it knows, and it holds no table header to map.</p>
          {reading.errors.length > 0 && (
            <ul>
              {reading.errors.slice(0, 10).map((e, i) => (
                <li key={i}>{e.line > 0 ? `Line ${e.line}: ${e.reason}` : e.reason}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {reading && !busy && ((state.mode === 'format' && reading.format !== null) || state.mode === 'mapped') && (
        <ImportPreview
          key={state.readingId}
          reading={reading}
          fileName={state.fileName ?? 'file'}
          format={state.mode === 'mapped' ? 'mapping' : (reading.format ?? 'mapping')}
          institution={reading.institution ?? 'Imported'}
          {...(reading.group ? { group: reading.group } : {})}
          locale={locale}
        />
      )}
      <PastImports locale={locale} />
    </section>
  );
}

/** The layout the file was read as, the choice of another, the date order, and the reader's notes. */
function ReadingChoices(props: { flow: ImportFlow; reading: ImportReading; locale: string }) {
  const { flow, reading } = props;
  const { state } = flow;
  const mapped = state.mode === 'mapping' || state.mode === 'mapped';
  const hasHeader = !!reading.header && reading.header.length > 0;
  const selected = mapped ? MAP_MYSELF : (reading.format ?? '');
  const shownFormat = state.mode === 'mapped' ? 'mapping' : reading.format;
  const dateOrder = reading.dateOrder;
  const chosen = state.options.dateOrder ?? state.options.mapping?.dateOrder;
  const order = chosen ?? dateOrder?.order;
  const assumed = !!dateOrder?.assumed && !chosen;
  return (
    <div data-testid="import-reading">
      <p>
        {state.fileName}: read as <strong data-testid="import-format">{formatLabel(shownFormat, FORMATS)}</strong>{' '}
        <span class="muted">({fileMetaText(reading.encoding, reading.delimiter)})</span>
      </p>
      <div class="form-row">
        <Field id="import-format-select" label="Read this file as">
          {(aria) => (
            <select
              {...aria}
              data-testid="import-format-select"
              value={selected}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (value === MAP_MYSELF) void flow.mapColumns();
                else if (value) void flow.readAs(value as FormatId);
              }}
            >
              {selected === '' && (
                <option value="" disabled>
                  Not recognised: choose a layout
                </option>
              )}
              {reading.candidates.length > 0 && (
                <optgroup label="Recognised in this file">
                  {reading.candidates.map((c) => (
                    <option key={`c-${c.id}`} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </optgroup>
              )}
              {groupFormats(FORMATS).map((g) => (
                <optgroup key={g.group} label={g.label}>
                  {g.formats.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.label}
                    </option>
                  ))}
                </optgroup>
              ))}
              {hasHeader && <option value={MAP_MYSELF}>Map the columns myself</option>}
            </select>
          )}
        </Field>
        {dateOrder && order && state.mode !== 'mapping' && (
          <div
            data-testid="import-date-order-box"
            data-assumed={assumed ? 'true' : 'false'}
            style={assumed ? 'border-left:4px solid var(--accent);background:var(--bg);padding:0.4rem 0.75rem;border-radius:4px' : ''}
          >
            <Field
              id="import-date-order"
              label={assumed ? 'Dates are written (assumed: please check)' : 'Dates are written'}
              hint={chosen ? `You chose ${DATE_ORDER_LABELS[chosen].toLowerCase()}.` : dateOrder.explanation}
            >
              {(aria) => (
                <select
                  {...aria}
                  data-testid="import-date-order"
                  value={order}
                  onChange={(e) => void flow.readWithDateOrder(e.currentTarget.value as DateOrder)}
                >
                  {(Object.keys(DATE_ORDER_LABELS) as DateOrder[]).map((o) => (
                    <option key={o} value={o}>
                      {DATE_ORDER_LABELS[o]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {dateOrder.conflict && <p class="form-error">{dateOrder.conflict}</p>}
          </div>
        )}
      </div>
      {reading.notes.length > 0 && (
        <ul class="muted" data-testid="import-notes">
          {reading.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Past imports, newest first, each with its Undo. */
function PastImports(props: { locale: string }) {
  const { locale } = props;
  const imports = useLiveQuery(async () => (await db.imports.toArray()).sort((a, b) => b.importedAt - a.importedAt));
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const list = imports.value ?? [];
  const shown = list.slice(0, PAST_SHOWN);
  return (
    <div data-testid="import-history">
      <h3 id="import-history-heading">Past imports</h3>
      {imports.error && (
        <p role="alert" class="form-error">
          Could not read the past imports: {imports.error.message}
        </p>
      )}
      {imports.value && list.length === 0 && <p class="muted">No files imported yet.</p>}
      {shown.length > 0 && (
        <ul aria-labelledby="import-history-heading">
          {shown.map((record) => (
            <li key={record.id} data-testid="past-import" data-import-id={record.id} style="margin-block:0.4rem">
              <strong>{record.fileName}</strong> — {formatLabel(record.format, FORMATS)} — {dateTimeText(record.importedAt, locale)}.{' '}
              {pastImportText(record, locale)}{' '}
              <ConfirmButton
                label="Undo"
                question={`Remove the ${plural(totalCount(record.added), 'record', 'records', locale)} ${record.fileName} added?`}
                confirmLabel="Undo import"
                onConfirm={async () => {
                  setError(undefined);
                  try {
                    setStatus(undoText(await store.undoImport(record.id), record.fileName, locale));
                  } catch (e) {
                    setStatus('');
                    setError(`${record.fileName} could not be undone: ${(e as Error).message}`);
                  }
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {list.length > shown.length && <p class="muted">{moreText(list.length - shown.length, 'earlier import', 'earlier imports', locale)}.</p>}
      <p role="status" class="form-status" data-testid="import-undo-status">
        {status}
      </p>
      {error && (
        <p role="alert" class="form-error" data-testid="import-undo-error">
          {error}
        </p>
      )}
    </div>
  );
}
