/**
 * The options income log: log a covered call or cash-secured put in a lab
 * account, the positions with their status, capital, net premium and
 * annualized yield, recording how each ended (closed with a buy-back,
 * expired, assigned, rolled into another logged position), then the report
 * (TradingOptionsReport.tsx) and the lab's settings (TradingSettings.tsx).
 * Figures come from utils/trading/options.ts, one report per currency.
 */
import { useMemo, useState } from 'preact/hooks';
import { store } from '@/utils/db';
import type { LabAccount, OptionPositionRecord } from '@/utils/db/schema-trading';
import { optionOfRecord } from '@/utils/db/trading';
import { readOptionForm, type OptionFormInput } from '@/utils/forms/trading';
import { parseDay } from '@/utils/portfolio/dates';
import { optionsReport } from '@/utils/trading/options';
import type { OptionPositionView, OptionsReport } from '@/utils/trading/types';
import { ConfirmButton } from '@/components/ConfirmButton';
import { Field, FormOutcome } from '@/components/Field';
import type { TradingData } from '@/components/useTradingLab';
import { localToday } from '@/components/usePortfolio';
import { refusal, today } from './StreamsFormContext';
import { OutcomeForm, TradingOptionsReport } from './TradingOptionsReport';
import { TradingSettings } from './TradingSettings';
import { isoDayText, KIND_LABELS, STATUS_LABELS, tradingFormat } from './tradingText';

/** One options report per currency (the engine reports one currency at a time). */
function reportsByCurrency(options: OptionPositionRecord[], reminderDays: number): { reports: OptionsReport[]; error: string | undefined } {
  const byCurrency = new Map<string, OptionPositionRecord[]>();
  for (const o of options) byCurrency.set(o.strike.currency, [...(byCurrency.get(o.strike.currency) ?? []), o]);
  try {
    const day = localToday();
    return { reports: [...byCurrency.values()].map((list) => optionsReport(list.map(optionOfRecord), day, reminderDays)), error: undefined };
  } catch (error) {
    return { reports: [], error: (error as Error).message };
  }
}

export function TradingOptions(props: { data: TradingData; locale: string }) {
  const { data, locale } = props;
  const { reports, error } = useMemo(() => reportsByCurrency(data.options, data.settings.reminderDays), [data.options, data.settings.reminderDays]);
  const views = useMemo(() => new Map(reports.flatMap((r) => r.positions.map((v) => [v.id, v] as const))), [reports]);
  const accountName = (id: string) => data.accounts.find((a) => a.id === id)?.name ?? id;
  const sorted = [...data.options].sort((a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : 0));
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<string | undefined>(undefined);

  return (
    <div data-testid="trading-options">
      <h3 id="trading-options-heading">Options income</h3>
      <p class="muted">
        Covered calls and cash-secured puts you sold. Premiums in a real account are Acceleration income; one contract is 100 shares.
      </p>
      <OptionForm accounts={data.accounts} locale={locale} onSaved={setStatus} />
      {error && (
        <p role="alert" class="form-error">
          The options report could not be worked out: {error}
        </p>
      )}
      {sorted.length > 0 && (
        <div class="scroll-box" tabIndex={0}>
          <table aria-labelledby="trading-options-heading" data-testid="trading-option-positions">
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Kind</th>
                <th scope="col">Account</th>
                <th scope="col">Opened</th>
                <th scope="col">Expiry</th>
                <th scope="col" class="num">Strike</th>
                <th scope="col" class="num">Contracts</th>
                <th scope="col" class="num">Net premium</th>
                <th scope="col" class="num">Capital</th>
                <th scope="col" class="num">Yield a year</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((o) => (
                <PositionRow
                  key={o.id}
                  position={o}
                  view={views.get(o.id)}
                  accountName={accountName(o.accountId)}
                  others={sorted.filter((p) => p.id !== o.id && p.accountId === o.accountId)}
                  editing={editing === o.id}
                  onEdit={(on) => setEditing(on ? o.id : undefined)}
                  onStatus={setStatus}
                  onProblem={setProblem}
                  locale={locale}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormOutcome error={problem} status={status} />
      <TradingOptionsReport reports={reports} reminderDays={data.settings.reminderDays} locale={locale} />
      <TradingSettings settings={data.settings} />
    </div>
  );
}

function PositionRow(props: {
  position: OptionPositionRecord;
  view: OptionPositionView | undefined;
  accountName: string;
  others: OptionPositionRecord[];
  editing: boolean;
  onEdit: (on: boolean) => void;
  onStatus: (s: string) => void;
  onProblem: (s: string | undefined) => void;
  locale: string;
}) {
  const { position: o, view } = props;
  const f = tradingFormat(o.strike.currency, props.locale);
  const outcome = o.outcome;
  const label = `${o.symbol} ${KIND_LABELS[o.kind].toLowerCase()} expiring ${o.expiry}`;
  return (
    <>
      <tr data-symbol={o.symbol}>
        <th scope="row">{o.symbol}</th>
        <td>{KIND_LABELS[o.kind]}</td>
        <td>{props.accountName}</td>
        <td>{isoDayText(o.openedOn, f, parseDay)}</td>
        <td>{isoDayText(o.expiry, f, parseDay)}</td>
        <td class="num">{f.money(o.strike.minor)}</td>
        <td class="num">{f.count(o.contracts)}</td>
        <td class="num">{view ? f.money(view.netPremiumMinor) : f.money(o.premium.minor)}</td>
        <td class="num">{view ? f.money(view.capitalMinor) : '—'}</td>
        <td class="num">{view ? f.percent(view.annualizedYield) : '—'}</td>
        <td>
          {STATUS_LABELS[outcome?.kind ?? 'open']}
          {outcome && ` ${isoDayText(outcome.on, f, parseDay)}`}
          {outcome && outcome.cost.minor > 0 && `, bought back for ${f.money(outcome.cost.minor)}`}
          {view && view.sharesDelta !== 0 && `, ${view.sharesDelta > 0 ? `${f.count(view.sharesDelta)} shares bought` : `${f.count(-view.sharesDelta)} shares called away`}`}
          {view && view.daysToExpiry !== null && <span class="muted"> ({view.daysToExpiry < 0 ? 'past expiry' : `${view.daysToExpiry} days left`})</span>}
        </td>
        <td style="white-space:nowrap">
          {!outcome && (
            <button type="button" aria-expanded={props.editing ? 'true' : 'false'} onClick={() => props.onEdit(!props.editing)}>
              Record outcome
            </button>
          )}
          {outcome && (
            <button
              type="button"
              onClick={async () => {
                props.onProblem(undefined);
                try {
                  await store.updateOptionPosition(o.id, { outcome: undefined });
                  props.onStatus(`Reopened the ${label}.`);
                } catch (e) {
                  props.onProblem(refusal(e, []).general);
                }
              }}
            >
              Reopen
            </button>
          )}{' '}
          <ConfirmButton
            label="Delete"
            question={`Delete the ${label}?`}
            confirmLabel="Delete position"
            onConfirm={async () => {
              props.onProblem(undefined);
              try {
                await store.deleteOptionPosition(o.id);
                props.onStatus(`Deleted the ${label}.`);
              } catch (e) {
                props.onProblem(refusal(e, []).general);
              }
            }}
          />
        </td>
      </tr>
      {props.editing && !outcome && (
        <tr>
          <td colSpan={12}>
            <OutcomeForm
              position={o}
              others={props.others}
              locale={props.locale}
              onDone={(s) => {
                props.onEdit(false);
                props.onStatus(s);
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}

function OptionForm(props: { accounts: LabAccount[]; locale: string; onSaved: (s: string) => void }) {
  const start = (): OptionFormInput => ({
    accountId: props.accounts.length === 1 ? props.accounts[0]!.id : '',
    kind: 'covered-call',
    symbol: '',
    openedOn: today(),
    expiry: '',
    strike: '',
    contracts: '1',
    premium: '',
    underlying: '',
  });
  const [input, setInput] = useState<OptionFormInput>(start);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const set = (key: keyof OptionFormInput, value: string) => setInput((i) => ({ ...i, [key]: value }));
  const account = props.accounts.find((a) => a.id === input.accountId);
  const currencyHint = account ? `In ${account.currency}` : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    setGeneral(undefined);
    const read = readOptionForm(input, { locale: props.locale, accounts: props.accounts });
    if (!read.ok) return setErrors(read.errors);
    try {
      const saved = await store.addOptionPosition(read.value);
      setErrors({});
      setInput({ ...start(), accountId: input.accountId });
      props.onSaved(`Logged the ${saved.symbol} ${KIND_LABELS[saved.kind].toLowerCase()} expiring ${saved.expiry}.`);
    } catch (error) {
      const r = refusal(error, ['accountId', 'kind', 'symbol', 'openedOn', 'expiry', 'strike', 'contracts', 'premium', 'underlying']);
      setErrors(r.errors);
      setGeneral(r.general);
    }
  }

  const text = (key: keyof OptionFormInput, id: string, label: string, hint?: string, size = 9) => (
    <Field id={id} label={label} error={errors[key]} {...(hint ? { hint } : {})}>
      {(aria) => <input {...aria} type="text" inputMode="decimal" size={size} value={input[key]} onInput={(e) => set(key, e.currentTarget.value)} />}
    </Field>
  );
  return (
    <form aria-label="Log an option position" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Log an option you sold</legend>
        {props.accounts.length === 0 && <p class="muted">Create a lab account first: an option belongs to a paper or a real account.</p>}
        <div class="form-row">
          <Field id="option-account" label="Account" error={errors.accountId}>
            {(aria) => (
              <select {...aria} value={input.accountId} onChange={(e) => set('accountId', e.currentTarget.value)}>
                <option value="">Choose…</option>
                {props.accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.mode}, {a.currency})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="option-kind" label="Kind" error={errors.kind}>
            {(aria) => (
              <select {...aria} value={input.kind} onChange={(e) => set('kind', e.currentTarget.value)}>
                <option value="covered-call">Covered call</option>
                <option value="cash-secured-put">Cash-secured put</option>
              </select>
            )}
          </Field>
          <Field id="option-symbol" label="Symbol" error={errors.symbol}>
            {(aria) => <input {...aria} type="text" size={8} autocomplete="off" value={input.symbol} onInput={(e) => set('symbol', e.currentTarget.value)} />}
          </Field>
          <Field id="option-opened" label="Opened" error={errors.openedOn}>
            {(aria) => <input {...aria} type="date" value={input.openedOn} onInput={(e) => set('openedOn', e.currentTarget.value)} />}
          </Field>
          <Field id="option-expiry" label="Expiry" error={errors.expiry}>
            {(aria) => <input {...aria} type="date" value={input.expiry} onInput={(e) => set('expiry', e.currentTarget.value)} />}
          </Field>
          {text('strike', 'option-strike', 'Strike per share', currencyHint)}
          {text('contracts', 'option-contracts', 'Contracts', '100 shares each', 5)}
          {text('premium', 'option-premium', 'Premium received', 'All contracts, after fees')}
          {input.kind === 'covered-call' && text('underlying', 'option-underlying', 'Share price at open', 'Optional: the capital the call ties up')}
          <button type="submit" class="primary">
            Log option
          </button>
        </div>
      </fieldset>
      <FormOutcome error={general} />
    </form>
  );
}
