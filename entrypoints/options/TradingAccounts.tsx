/**
 * Lab accounts: create one (paper or real, starting capital, currency, an
 * optional saved strategy to follow from a start day) and, for each, its
 * ledger and fills (TradingLedger.tsx). When the section opens, every
 * account that follows a strategy is brought up to date once, quietly (what
 * happened shows on its card, nothing is announced). The saved strategies
 * are listed here too, with delete.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { store } from '@/utils/db';
import type { StrategyRecord } from '@/utils/db/schema-trading';
import { readLabAccountForm, type LabAccountFormInput } from '@/utils/forms/trading';
import { ConfirmButton } from '@/components/ConfirmButton';
import { Field, FormOutcome } from '@/components/Field';
import type { TradingData, TradingLab } from '@/components/useTradingLab';
import { refusal, today } from './StreamsFormContext';
import { TradingAccountCard } from './TradingLedger';

export function TradingAccounts(props: { lab: TradingLab; data: TradingData; baseCurrency: string; locale: string }) {
  const { lab, data, locale } = props;
  const [notes, setNotes] = useState<Record<string, string>>({});
  const started = useRef(false);

  // Once per opening: bring every account that follows a strategy up to date, one after another.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const following = data.accounts.filter((a) => a.strategyId !== undefined);
    void (async () => {
      for (const account of following) {
        const note = await lab.updateAccount(account).catch((e: unknown) => `Could not update: ${(e as Error).message}`);
        setNotes((n) => ({ ...n, [account.id]: note }));
      }
    })();
  }, [data.accounts, lab]);

  return (
    <div data-testid="trading-accounts">
      <h3>Lab accounts</h3>
      <p class="muted">
        An account follows a saved strategy forward from its start day: each time new prices arrive, the fills it would have made are recorded and never rewritten.
      </p>
      <CreateAccount strategies={data.strategies} baseCurrency={props.baseCurrency} locale={locale} />
      {data.accounts.length === 0 ? (
        <p class="muted">No lab accounts yet.</p>
      ) : (
        data.accounts.map((account) => (
          <TradingAccountCard
            key={account.id}
            account={account}
            lab={lab}
            data={data}
            locale={locale}
            note={notes[account.id]}
            onNote={(note) => setNotes((n) => ({ ...n, [account.id]: note }))}
          />
        ))
      )}
      <Strategies strategies={data.strategies} />
    </div>
  );
}

function CreateAccount(props: { strategies: StrategyRecord[]; baseCurrency: string; locale: string }) {
  const start = (): LabAccountFormInput => ({ name: '', mode: 'paper', capital: '', currency: props.baseCurrency, strategyId: '', startDate: today() });
  const [input, setInput] = useState<LabAccountFormInput>(start);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const set = (key: keyof LabAccountFormInput, value: string) => setInput((i) => ({ ...i, [key]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    setStatus('');
    setGeneral(undefined);
    const read = readLabAccountForm(input, { locale: props.locale, strategyIds: props.strategies.map((s) => s.id) });
    if (!read.ok) return setErrors(read.errors);
    try {
      const account = await store.addLabAccount(read.value);
      setErrors({});
      setInput(start());
      setStatus(`Created the ${account.mode} account “${account.name}”.`);
    } catch (error) {
      const r = refusal(error, ['name', 'mode', 'capital', 'currency', 'strategyId', 'startDate']);
      setErrors(r.errors);
      setGeneral(r.general);
    }
  }

  return (
    <form aria-label="Create a lab account" onSubmit={submit} noValidate>
      <fieldset>
        <legend>New lab account</legend>
        <div class="form-row">
          <Field id="lab-account-name" label="Name" error={errors.name}>
            {(aria) => <input {...aria} type="text" size={18} value={input.name} onInput={(e) => set('name', e.currentTarget.value)} />}
          </Field>
          <fieldset class="trading-radios" aria-describedby="lab-account-mode-help">
            <legend>Mode</legend>
            {(['paper', 'real'] as const).map((mode) => (
              <label key={mode}>
                <input type="radio" name="lab-account-mode" value={mode} checked={input.mode === mode} onChange={() => set('mode', mode)} />
                {mode === 'paper' ? 'Paper' : 'Real'}
              </label>
            ))}
            <span id="lab-account-mode-help" class="muted" style="font-size:0.8rem;display:block">
              Real: results count as Acceleration income. Paper: never.
            </span>
            {errors.mode && <span class="field-error" role="alert">{errors.mode}</span>}
          </fieldset>
          <Field id="lab-account-capital" label="Starting capital" error={errors.capital} hint={`In ${input.currency.toUpperCase() || props.baseCurrency}`}>
            {(aria) => <input {...aria} type="text" inputMode="decimal" size={10} value={input.capital} onInput={(e) => set('capital', e.currentTarget.value)} />}
          </Field>
          <Field id="lab-account-currency" label="Currency" error={errors.currency}>
            {(aria) => <input {...aria} type="text" size={4} maxLength={3} autocomplete="off" value={input.currency} onInput={(e) => set('currency', e.currentTarget.value)} />}
          </Field>
          <Field id="lab-account-strategy" label="Strategy (optional)" error={errors.strategyId}>
            {(aria) => (
              <select {...aria} value={input.strategyId} onChange={(e) => set('strategyId', e.currentTarget.value)}>
                <option value="">None</option>
                {props.strategies.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.symbols.join(', ')})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="lab-account-start" label="Start date" error={errors.startDate}>
            {(aria) => <input {...aria} type="date" value={input.startDate} onInput={(e) => set('startDate', e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="primary">
            Create account
          </button>
        </div>
      </fieldset>
      <FormOutcome error={general} status={status} />
    </form>
  );
}

function Strategies(props: { strategies: StrategyRecord[] }) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  if (props.strategies.length === 0) return null;
  return (
    <details style="margin-top:1rem" data-testid="trading-strategies">
      <summary>Saved strategies ({props.strategies.length})</summary>
      <ul>
        {props.strategies.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong> ({s.symbols.join(', ')}): <code>{s.text}</code>{' '}
            <ConfirmButton
              label="Delete"
              question={`Delete the strategy “${s.name}”?`}
              confirmLabel="Delete strategy"
              onConfirm={async () => {
                setError(undefined);
                try {
                  await store.deleteStrategy(s.id);
                  setStatus(`Deleted the strategy “${s.name}”.`);
                } catch (e) {
                  setError(refusal(e, []).general);
                }
              }}
            />
          </li>
        ))}
      </ul>
      <FormOutcome error={error} status={status} />
    </details>
  );
}
