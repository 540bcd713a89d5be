/**
 * What an import will do, before it does it: the rows read, the records per
 * kind and the first of them, the rows refused (line, column, reason), the
 * accounts the records go to (chosen by the person: an existing account or a
 * new one), the income streams, the records to add per table and the
 * duplicates that will be skipped. The commit writes everything new or
 * nothing; refused rows never block the others.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import { ValidationError } from '@/utils/db/errors';
import type { AccountChoice, ImportPreview as Preview } from '@/utils/db/import-types';
import type { Account } from '@/utils/db/schema';
import type { FormatGroup, FormatId, ImportError, ImportReading, ImportedRecord } from '@/utils/importers/types';
import { accountLabel } from '@/utils/labels';
import { useLiveQuery } from '@/components/useLiveQuery';
import {
  commitButtonText,
  countText,
  duplicatesText,
  lineText,
  moreText,
  newAccountName,
  outcomeText,
  plural,
  readingSummaryText,
  recordSummary,
  tableCountsText,
  totalCount,
} from './importText';

/** How many refused rows the table lists. */
const REFUSED_SHOWN = 200;
/** How many records the sample tables list. */
const SAMPLE_SHOWN = 10;

/** The first records as they were read: line, date, what, amount. */
export function RecordsTable(props: { records: readonly ImportedRecord[]; locale: string; caption: string; testId: string; limit?: number }) {
  const limit = props.limit ?? SAMPLE_SHOWN;
  const shown = props.records.slice(0, limit);
  if (shown.length === 0) return <p class="muted" data-testid={props.testId}>No records were read.</p>;
  return (
    <div data-testid={props.testId}>
      <div class="scroll-box" tabIndex={0}>
        <table>
          <caption style="text-align:left" class="muted">
            {props.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="num">Line</th>
              <th scope="col">Date</th>
              <th scope="col">Kind</th>
              <th scope="col">What</th>
              <th scope="col">Account</th>
              <th scope="col" class="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((record, i) => {
              const s = recordSummary(record, props.locale);
              return (
                <tr key={i}>
                  <td class="num">{countText(record.line, props.locale)}</td>
                  <td>{s.date}</td>
                  <td>{record.kind}</td>
                  <td>{s.what}</td>
                  <td>{record.account ?? ''}</td>
                  <td class="num">{s.amount}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {props.records.length > shown.length && <p class="muted">{moreText(props.records.length - shown.length, 'record', 'records', props.locale)}.</p>}
    </div>
  );
}

/** Refused rows: line, column, reason (the first 200, then how many more). */
export function RefusedTable(props: { errors: readonly ImportError[]; locale: string; testId: string; limit?: number; caption?: string }) {
  const limit = props.limit ?? REFUSED_SHOWN;
  if (props.errors.length === 0) return null;
  const shown = props.errors.slice(0, limit);
  return (
    <div data-testid={props.testId}>
      <div class="scroll-box" tabIndex={0}>
        <table>
          <caption style="text-align:left" class="form-error">
            {props.caption ?? plural(props.errors.length, 'row was refused and will not be imported', 'rows were refused and will not be imported', props.locale)}:
          </caption>
          <thead>
            <tr>
              <th scope="col" class="num">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={i}>
                <td class="num">{lineText(e.line, props.locale)}</td>
                <td>{e.column || '(whole line)'}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.errors.length > shown.length && <p class="muted">{moreText(props.errors.length - shown.length, 'refused row', 'refused rows', props.locale)}.</p>}
    </div>
  );
}

export function ImportPreview(props: {
  reading: ImportReading;
  fileName: string;
  format: FormatId | 'mapping';
  institution: string;
  group?: FormatGroup;
  locale: string;
}) {
  const { reading, locale } = props;
  const accounts = useLiveQuery(async () => (await db.accounts.toArray()).filter((a) => a.archivedAt === undefined).sort((a, b) => accountLabel(a).localeCompare(accountLabel(b))));
  const [choices, setChoices] = useState<Record<string, AccountChoice>>({});
  const [preview, setPreview] = useState<Preview | undefined>(undefined);
  const [previewError, setPreviewError] = useState<string | undefined>(undefined);
  const [refresh, setRefresh] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const [commitError, setCommitError] = useState<{ title: string; lines: string[] } | undefined>(undefined);

  const input = useMemo(
    () => ({ reading, fileName: props.fileName, format: props.format, institution: props.institution, accounts: choices }),
    [reading, props.fileName, props.format, props.institution, choices],
  );

  useEffect(() => {
    let current = true;
    setPreviewError(undefined);
    store.previewImport(input).then(
      (p) => current && setPreview(p),
      (error: unknown) => current && setPreviewError(`The import cannot be prepared: ${(error as Error).message}`),
    );
    return () => {
      current = false;
    };
  }, [input, refresh]);

  async function commit() {
    setBusy(true);
    setOutcome(undefined);
    setCommitError(undefined);
    try {
      const done = await store.commitImport(input);
      setOutcome(outcomeText(done, locale));
    } catch (error) {
      const lines = error instanceof ValidationError ? error.issues.map((i) => i.message) : [];
      setCommitError({ title: `Nothing was imported${lines.length ? ':' : `: ${(error as Error).message}`}`, lines });
    } finally {
      setBusy(false);
      setRefresh((n) => n + 1);
    }
  }

  const newKind = props.group === 'brokerage' ? 'brokerage' : 'cash';
  const choose = (label: string, value: string) => {
    const choice: AccountChoice = value === 'new' ? { create: { name: newAccountName(props.institution, label), kind: newKind } } : { accountId: value };
    setChoices((c) => ({ ...c, [label]: choice }));
  };
  const toAdd = preview ? totalCount(preview.add) : 0;

  return (
    <div data-testid="import-preview" aria-busy={preview ? 'false' : 'true'}>
      <h3 id="import-preview-heading">What will be imported</h3>
      <p data-testid="import-summary">{readingSummaryText(reading, locale)}</p>
      <RecordsTable records={reading.records} locale={locale} caption="The first records read" testId="import-sample" />
      <RefusedTable errors={reading.errors} locale={locale} testId="import-refused" />
      {previewError && (
        <p role="alert" class="form-error" data-testid="import-preview-error">
          {previewError}
        </p>
      )}
      {preview && (
        <>
          {preview.accounts.length > 0 && (
            <div class="scroll-box" tabIndex={0}>
              <table data-testid="import-accounts">
                <caption style="text-align:left">Accounts</caption>
                <thead>
                  <tr>
                    <th scope="col">In the file</th>
                    <th scope="col">Goes to</th>
                    <th scope="col" class="num">Records</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.accounts.map((entry, index) => (
                    <AccountRow
                      key={entry.label}
                      index={index}
                      entry={entry}
                      choice={choices[entry.label]}
                      accounts={accounts.value ?? []}
                      newName={entry.create ? entry.name : newAccountName(props.institution, entry.label)}
                      locale={locale}
                      onChoose={(value) => choose(entry.label, value)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.streams.length > 0 && (
            <div data-testid="import-streams">
              <p>Income streams:</p>
              <ul>
                {preview.streams.map((s) => (
                  <li key={s.name}>
                    {s.name} ({s.create ? 'new stream, created on import' : 'existing stream'}): {plural(s.records, 'record', 'records', locale)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p data-testid="import-add">{toAdd > 0 ? `To add: ${tableCountsText(preview.add, locale)}.` : 'Nothing new to add.'}</p>
          {preview.duplicates > 0 && <p data-testid="import-duplicates">{duplicatesText(preview.duplicates, preview.duplicateLines, locale)}</p>}
          <RefusedTable
            errors={preview.unstorable}
            locale={locale}
            testId="import-unstorable"
            caption={plural(preview.unstorable.length, 'row was read but cannot be stored, and will be left out', 'rows were read but cannot be stored, and will be left out', locale)}
          />
          <button type="button" class="primary" data-testid="import-commit" disabled={busy || toAdd === 0} onClick={commit}>
            {commitButtonText(toAdd, preview.refused + preview.unstorable.length, locale)}
          </button>
        </>
      )}
      <div role="status" aria-live="polite">
        {outcome && (
          <p class="form-status" data-testid="import-outcome">
            {outcome}
          </p>
        )}
      </div>
      {commitError && (
        <div role="alert" class="form-error" data-testid="import-commit-error">
          <p>{commitError.title}</p>
          {commitError.lines.length > 0 && (
            <ul>
              {commitError.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function AccountRow(props: {
  index: number;
  entry: Preview['accounts'][number];
  choice: AccountChoice | undefined;
  accounts: Account[];
  newName: string;
  locale: string;
  onChoose(value: string): void;
}) {
  const { entry, choice } = props;
  const value = choice ? ('accountId' in choice ? choice.accountId : 'new') : (entry.accountId ?? 'new');
  const id = `import-account-${props.index}`;
  const fileLabel = entry.label || '(the file names no account)';
  return (
    <tr>
      <th scope="row">
        <label for={id}>{fileLabel}</label>
      </th>
      <td>
        <select id={id} data-testid={id} value={value} onChange={(e) => props.onChoose(e.currentTarget.value)}>
          <option value="new">New account: {props.newName}</option>
          {props.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {accountLabel(a)} ({a.currency})
            </option>
          ))}
        </select>
      </td>
      <td class="num">{countText(entry.records, props.locale)}</td>
    </tr>
  );
}

