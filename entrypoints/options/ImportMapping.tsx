/**
 * The mapping step for a layout Strata does not know: which column holds
 * the date, the description, the amount (or money out and money in), and
 * so on; what the rows are (transactions, trades, income); the currency and
 * the date order. Starts from the mapping saved for this header, else from a
 * suggestion; shows what is missing, and a live preview of the first rows as
 * they would be read (the worker reads the file again, 200 ms after the
 * last change). "Use this mapping" saves it for the next file with this
 * header and continues with the import.
 */
import { useEffect, useState } from 'preact/hooks';
import { INCOME_KINDS, type IncomeKind } from '@/utils/db/schema';
import { ValidationError } from '@/utils/db/errors';
import { checkMapping } from '@/utils/importers/mapping';
import type { ColumnMapping, DateOrder, ImportReading } from '@/utils/importers/types';
import { INCOME_KIND_LABELS } from '@/utils/labels';
import { Field } from '@/components/Field';
import { DATE_ORDER_LABELS, MAPPING_FIELDS, MAPPING_KIND_LABELS, readingSummaryText } from './importText';
import { RecordsTable, RefusedTable } from './ImportPreview';

/** How long the live preview waits after the last change before reading the file again. */
const PREVIEW_DELAY_MS = 200;
/** Rows of the file shown above the mapping. */
const SAMPLE_ROWS = 5;

type Columns = ColumnMapping['columns'];

export function ImportMapping(props: {
  header: readonly string[];
  sample?: readonly string[][];
  start: ColumnMapping;
  baseCurrency: string;
  locale: string;
  preview(mapping: ColumnMapping): Promise<ImportReading | undefined>;
  apply(mapping: ColumnMapping): Promise<void>;
}) {
  const [mapping, setMapping] = useState<ColumnMapping>(props.start);
  const [previewed, setPreviewed] = useState<ImportReading | undefined>(undefined);
  const [previewError, setPreviewError] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(true);
  const [applyError, setApplyError] = useState<string[] | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const problems = checkMapping(mapping, props.header);

  useEffect(() => {
    let current = true;
    setPending(true);
    const timer = setTimeout(() => {
      props.preview(mapping).then(
        (reading) => {
          if (!current || !reading) return;
          setPreviewed(reading);
          setPreviewError(undefined);
          setPending(false);
        },
        (error: unknown) => {
          if (!current) return;
          setPreviewed(undefined);
          setPreviewError(`The preview could not be read: ${(error as Error).message}`);
          setPending(false);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapping]);

  const update = (patch: Partial<ColumnMapping>) => setMapping((m) => ({ ...m, ...patch }));
  const setKind = (kind: ColumnMapping['kind']) => setMapping((m) => ({ ...m, kind, ...(kind === 'income' && !m.incomeKind ? { incomeKind: 'other' as const } : {}) }));
  const setColumn = (field: keyof Columns, value: string) =>
    setMapping((m) => {
      const columns: Columns = { ...m.columns };
      if (field === 'date') columns.date = value;
      else if (value) columns[field] = value;
      else delete columns[field];
      return { ...m, columns };
    });

  async function apply(event: Event) {
    event.preventDefault();
    if (problems.length > 0) return;
    setBusy(true);
    setApplyError(undefined);
    try {
      await props.apply(mapping);
    } catch (error) {
      setApplyError(error instanceof ValidationError ? error.issues.map((i) => i.message) : [(error as Error).message]);
    } finally {
      setBusy(false);
    }
  }

  const cellName = (cell: string, i: number) => cell || `Column ${i + 1} (no name)`;
  return (
    <form data-testid="import-mapping" aria-labelledby="import-mapping-heading" onSubmit={apply} noValidate>
      <h3 id="import-mapping-heading">Map the columns</h3>
      <p class="muted">
        Strata does not know this layout. Say which column holds what; the mapping is saved for the next file with the same columns.
      </p>
      {props.sample && props.sample.length > 0 && (
        <div class="scroll-box" tabIndex={0} data-testid="mapping-sample">
          <table>
            <caption style="text-align:left" class="muted">
              The first rows of the file
            </caption>
            <thead>
              <tr>
                {props.header.map((cell, i) => (
                  <th scope="col" key={i}>
                    {cellName(cell, i)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.sample.slice(0, SAMPLE_ROWS).map((row, r) => (
                <tr key={r}>
                  {props.header.map((_, i) => (
                    <td key={i}>{row[i] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="form-row">
        <Field id="import-map-kind" label="The rows are">
          {(aria) => (
            <select {...aria} data-testid="mapping-kind" value={mapping.kind} onChange={(e) => setKind(e.currentTarget.value as ColumnMapping['kind'])}>
              {(Object.keys(MAPPING_KIND_LABELS) as ColumnMapping['kind'][]).map((kind) => (
                <option key={kind} value={kind}>
                  {MAPPING_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {mapping.kind === 'income' && (
          <>
            <Field id="import-map-income-kind" label="Kind of income">
              {(aria) => (
                <select {...aria} data-testid="mapping-income-kind" value={mapping.incomeKind ?? 'other'} onChange={(e) => update({ incomeKind: e.currentTarget.value as IncomeKind })}>
                  {INCOME_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {INCOME_KIND_LABELS[kind]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="import-map-source" label="Income stream" hint="The stream the income goes to, e.g. Amazon Associates.">
              {(aria) => (
                <input {...aria} type="text" data-testid="mapping-source" value={mapping.source ?? ''} onInput={(e) => update({ source: e.currentTarget.value || undefined })} />
              )}
            </Field>
          </>
        )}
      </div>
      <div class="form-row">
        {MAPPING_FIELDS.map(({ field, label, hint }) => (
          <Field key={field} id={`import-map-${field}`} label={label} {...(hint ? { hint } : {})}>
            {(aria) => (
              <select {...aria} data-testid={`mapping-${field}`} value={mapping.columns[field] ?? ''} onChange={(e) => setColumn(field, e.currentTarget.value)}>
                <option value="">—</option>
                {props.header.map((cell, i) =>
                  cell ? (
                    <option key={i} value={cell}>
                      {cell}
                    </option>
                  ) : null,
                )}
              </select>
            )}
          </Field>
        ))}
      </div>
      <div class="form-row">
        <Field id="import-map-currency-code" label="Currency code" hint="Where the file has no currency column.">
          {(aria) => (
            <input
              {...aria}
              type="text"
              size={5}
              maxLength={3}
              autocomplete="off"
              data-testid="mapping-currency-code"
              placeholder={props.baseCurrency}
              value={mapping.currency ?? ''}
              onInput={(e) => update({ currency: e.currentTarget.value.trim().toUpperCase() || undefined })}
            />
          )}
        </Field>
        <Field id="import-map-date-order" label="Dates are written">
          {(aria) => (
            <select {...aria} data-testid="mapping-date-order" value={mapping.dateOrder ?? ''} onChange={(e) => update({ dateOrder: (e.currentTarget.value || undefined) as DateOrder | undefined })}>
              <option value="">As the file's dates show</option>
              {(Object.keys(DATE_ORDER_LABELS) as DateOrder[]).map((order) => (
                <option key={order} value={order}>
                  {DATE_ORDER_LABELS[order]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label style="display:flex;gap:0.4rem;align-items:center">
          <input type="checkbox" data-testid="mapping-invert-sign" checked={mapping.invertSign ?? false} onChange={(e) => update({ invertSign: e.currentTarget.checked || undefined })} />
          Positive amounts are money going out (some card exports)
        </label>
      </div>
      <div aria-live="polite" data-testid="mapping-problems">
        {problems.length > 0 && (
          <ul class="form-error">
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
      </div>
      <div data-testid="mapping-preview" aria-busy={pending ? 'true' : 'false'}>
        <h4 style="margin-bottom:0.25rem">Preview</h4>
        {previewError && (
          <p role="alert" class="form-error">
            {previewError}
          </p>
        )}
        {!previewed && !previewError && <p class="muted">Reading the first rows with this mapping…</p>}
        {previewed && (
          <>
            <p role="status" data-testid="mapping-preview-summary">
              {readingSummaryText(previewed, props.locale)}
            </p>
            <RecordsTable records={previewed.records} locale={props.locale} caption="The first rows as they would be read" testId="mapping-preview-records" />
            <RefusedTable errors={previewed.errors} locale={props.locale} testId="mapping-preview-refused" limit={20} />
          </>
        )}
      </div>
      <p>
        <button type="submit" class="primary" data-testid="mapping-apply" disabled={busy || problems.length > 0}>
          Use this mapping
        </button>
      </p>
      {applyError && (
        <div role="alert" class="form-error" data-testid="mapping-error">
          <p>The mapping could not be saved:</p>
          <ul>
            {applyError.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
