import { useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import { listAccounts } from '@/utils/db/queries';
import {
  ACCOUNT_KINDS,
  LAYERS,
  TAX_TYPES,
  type Account,
  type AccountKind,
  type Layer,
  type TaxType,
} from '@/utils/db/schema';
import { isCurrencyCode } from '@/utils/money';
import { toFieldErrors } from '@/utils/forms/errors';
import {
  ACCOUNT_KIND_LABELS,
  DEFAULT_LAYER_FOR_KIND,
  LAYER_LABELS,
  TAX_TYPE_LABELS,
  accountLabel,
} from '@/utils/labels';
import { ConfirmButton } from '@/components/ConfirmButton';
import { Field, FormOutcome } from '@/components/Field';
import { useLiveQuery } from '@/components/useLiveQuery';

interface AccountDraft {
  institution: string;
  name: string;
  kind: AccountKind;
  layer: Layer;
  currency: string;
  taxType: TaxType;
}

const FORM_FIELDS = ['institution', 'name', 'kind', 'layer', 'currency', 'taxType'] as const;

function emptyDraft(baseCurrency: string): AccountDraft {
  return { institution: '', name: '', kind: 'brokerage', layer: 'foundation', currency: baseCurrency, taxType: 'taxable' };
}

export function AccountsSection(props: { baseCurrency: string }) {
  const { value: accounts, error } = useLiveQuery(() => listAccounts(db, { includeArchived: true }));
  const { value: counts } = useLiveQuery(async () => {
    const byAccount = new Map<string, number>();
    await db.balanceSnapshots.each((s) => byAccount.set(s.accountId, (byAccount.get(s.accountId) ?? 0) + 1));
    return byAccount;
  });
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');

  return (
    <section aria-labelledby="accounts-heading" class="card">
      <h2 id="accounts-heading">Accounts</h2>
      <AccountForm
        key="add"
        formLabel="Add account"
        submitLabel="Add account"
        initial={emptyDraft(props.baseCurrency)}
        resetAfterSave
        onSave={async (draft) => {
          const saved = await store.addAccount(draft);
          setStatus(`Added ${accountLabel(saved)}.`);
        }}
      />
      <p role="status" class="form-status">
        {status}
      </p>
      {error && <p role="alert" class="form-error">Could not read accounts: {error.message}</p>}
      {accounts && accounts.length === 0 && <p class="muted">No accounts yet.</p>}
      {accounts && accounts.length > 0 && (
        <div class="scroll-box" tabIndex={0}>
          <table>
            <caption class="visually-hidden">Your accounts</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Kind</th>
                <th scope="col">Layer</th>
                <th scope="col">Currency</th>
                <th scope="col">Tax</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) =>
                editing === account.id ? (
                  <tr key={account.id}>
                    <td colSpan={6}>
                      <AccountForm
                        formLabel={`Edit ${accountLabel(account)}`}
                        submitLabel="Save account"
                        initial={account}
                        onCancel={() => setEditing(undefined)}
                        onSave={async (draft) => {
                          await store.updateAccount(account.id, draft);
                          setEditing(undefined);
                          setStatus(`Saved ${accountLabel(draft)}.`);
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <AccountRow
                    key={account.id}
                    account={account}
                    balanceCount={counts?.get(account.id) ?? 0}
                    onEdit={() => setEditing(account.id)}
                    onStatus={setStatus}
                  />
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AccountRow(props: { account: Account; balanceCount: number; onEdit: () => void; onStatus: (s: string) => void }) {
  const { account } = props;
  const label = accountLabel(account);
  const archived = account.archivedAt !== undefined;
  return (
    <tr class={archived ? 'muted' : ''}>
      <th scope="row">
        {label}
        {archived && <span> (archived)</span>}
      </th>
      <td>{ACCOUNT_KIND_LABELS[account.kind]}</td>
      <td>{LAYER_LABELS[account.layer]}</td>
      <td>{account.currency}</td>
      <td>{TAX_TYPE_LABELS[account.taxType]}</td>
      <td style="display:flex;gap:0.4rem;flex-wrap:wrap">
        <button type="button" onClick={props.onEdit} aria-label={`Edit ${label}`}>
          Edit
        </button>
        <button
          type="button"
          aria-label={`${archived ? 'Unarchive' : 'Archive'} ${label}`}
          onClick={async () => {
            if (archived) await store.unarchiveAccount(account.id);
            else await store.archiveAccount(account.id);
            props.onStatus(`${archived ? 'Unarchived' : 'Archived'} ${label}.`);
          }}
        >
          {archived ? 'Unarchive' : 'Archive'}
        </button>
        <ConfirmButton
          label="Delete"
          question={`Delete ${label} and its ${props.balanceCount} balance${props.balanceCount === 1 ? '' : 's'}? This cannot be undone.`}
          confirmLabel="Delete account"
          onConfirm={async () => {
            await store.deleteAccount(account.id);
            props.onStatus(`Deleted ${label} and its balances.`);
          }}
        />
      </td>
    </tr>
  );
}

function AccountForm(props: {
  formLabel: string;
  submitLabel: string;
  initial: AccountDraft;
  resetAfterSave?: boolean;
  onSave: (draft: AccountDraft) => Promise<void>;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState<AccountDraft>(pickDraft(props.initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const idPrefix = props.formLabel.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const set = <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    const currency = draft.currency.trim().toUpperCase();
    if (!isCurrencyCode(currency)) {
      setErrors({ currency: `Currency "${draft.currency}" is not an ISO 4217 code such as USD, EUR or JPY` });
      return;
    }
    setSaving(true);
    try {
      await props.onSave({ ...draft, currency });
      setErrors({});
      setGeneral(undefined);
      if (props.resetAfterSave) setDraft(pickDraft(props.initial));
    } catch (error) {
      const mapped = toFieldErrors(error, FORM_FIELDS);
      setErrors(mapped.fields);
      setGeneral(mapped.general);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form aria-label={props.formLabel} onSubmit={submit} noValidate>
      <div class="form-row">
        <Field id={`${idPrefix}-institution`} label="Institution" error={errors.institution}>
          {(aria) => (
            <input {...aria} type="text" value={draft.institution} placeholder="Fidelity" onInput={(e) => set('institution', e.currentTarget.value)} />
          )}
        </Field>
        <Field id={`${idPrefix}-name`} label="Account name" error={errors.name}>
          {(aria) => (
            <input {...aria} type="text" value={draft.name} placeholder="Brokerage" onInput={(e) => set('name', e.currentTarget.value)} />
          )}
        </Field>
        <Field id={`${idPrefix}-kind`} label="Kind" error={errors.kind}>
          {(aria) => (
            <select
              {...aria}
              value={draft.kind}
              onChange={(e) => {
                const kind = e.currentTarget.value as AccountKind;
                setDraft((d) => ({ ...d, kind, layer: DEFAULT_LAYER_FOR_KIND[kind] }));
              }}
            >
              {ACCOUNT_KINDS.map((k) => (
                <option value={k}>{ACCOUNT_KIND_LABELS[k]}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${idPrefix}-layer`} label="Layer" error={errors.layer}>
          {(aria) => (
            <select {...aria} value={draft.layer} onChange={(e) => set('layer', e.currentTarget.value as Layer)}>
              {LAYERS.map((l) => (
                <option value={l}>{LAYER_LABELS[l]}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${idPrefix}-currency`} label="Currency" error={errors.currency}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              value={draft.currency}
              maxLength={3}
              size={5}
              autocomplete="off"
              onInput={(e) => set('currency', e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id={`${idPrefix}-tax`} label="Tax type" error={errors.taxType}>
          {(aria) => (
            <select {...aria} value={draft.taxType} onChange={(e) => set('taxType', e.currentTarget.value as TaxType)}>
              {TAX_TYPES.map((t) => (
                <option value={t}>{TAX_TYPE_LABELS[t]}</option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" class="primary" disabled={saving}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
      <FormOutcome error={general} />
    </form>
  );
}

function pickDraft(a: AccountDraft): AccountDraft {
  return { institution: a.institution, name: a.name, kind: a.kind, layer: a.layer, currency: a.currency, taxType: a.taxType };
}
