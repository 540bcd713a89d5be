/**
 * What the options log adds up to, per currency: net premium by month on a
 * cash basis (premium when opened, buy-backs when closed), the annualized
 * yield on capital at risk, assignments with the shares they brought or
 * took, and the options expiring soon. Also the form that records how an
 * option ended.
 */
import { useState } from 'preact/hooks';
import { store } from '@/utils/db';
import type { OptionPositionRecord } from '@/utils/db/schema-trading';
import { readOutcomeForm, type OutcomeFormInput } from '@/utils/forms/trading';
import type { OptionsReport } from '@/utils/trading/types';
import { Field, FormOutcome } from '@/components/Field';
import { refusal, today } from './StreamsFormContext';
import { KIND_LABELS, STATUS_LABELS, tradingFormat } from './tradingText';

export function TradingOptionsReport(props: { reports: OptionsReport[]; reminderDays: number; locale: string }) {
  const { reports, locale } = props;
  const expiring = reports.flatMap((r) => r.expiringSoon.map((e) => ({ ...e, f: tradingFormat(r.currency, locale) })));
  return (
    <div>
      <div data-testid="trading-expiring">
        <h4>Expiring soon</h4>
        {expiring.length === 0 ? (
          <p class="muted">No open option expires within {props.reminderDays} days.</p>
        ) : (
          <ul>
            {expiring.map((e) => (
              <li key={e.id} class={e.daysLeft < 0 ? 'negative' : undefined}>
                {e.symbol}: expires {e.f.day(e.expiry)}
                {e.daysLeft < 0
                  ? ` — ${-e.daysLeft} day${e.daysLeft === -1 ? '' : 's'} ago: record how it ended`
                  : e.daysLeft === 0
                    ? ' — today'
                    : ` — in ${e.daysLeft} day${e.daysLeft === 1 ? '' : 's'}`}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div data-testid="trading-premium-months">
        <h4>Premium by month</h4>
        {reports.length === 0 && <p class="muted">No options logged yet.</p>}
        {reports.map((r) => (
          <CurrencyReport key={r.currency} report={r} locale={locale} />
        ))}
      </div>
    </div>
  );
}

function CurrencyReport(props: { report: OptionsReport; locale: string }) {
  const { report: r } = props;
  const f = tradingFormat(r.currency, props.locale);
  const largest = Math.max(1, ...r.premiumByMonth.map((m) => Math.abs(m.netMinor)));
  return (
    <div>
      <p>
        Net premium {f.money(r.netPremiumMinor)}; annualized yield on capital at risk{' '}
        <strong data-testid="trading-options-yield">{r.annualizedYield === null ? '—' : f.percent(r.annualizedYield)}</strong>; open capital{' '}
        {f.money(r.openCapitalMinor)} ({r.currency}).
      </p>
      <div class="scroll-box" tabIndex={0}>
        <table>
          <caption class="visually-hidden">Premium by month in {r.currency}, cash basis</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" class="num">Premium</th>
              <th scope="col" class="num">Buy-backs</th>
              <th scope="col" class="num">Net</th>
              <th scope="col">
                <span class="visually-hidden">Bar</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {r.premiumByMonth.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month, props.locale)}</th>
                <td class="num">{f.money(m.premiumMinor)}</td>
                <td class="num">{m.buybackMinor === 0 ? '—' : f.money(-m.buybackMinor)}</td>
                <td class={`num ${m.netMinor < 0 ? 'negative' : ''}`}>{f.money(m.netMinor)}</td>
                <td style="width:30%" aria-hidden="true">
                  <div class={`trading-bar${m.netMinor < 0 ? ' trading-bar-negative' : ''}`} style={`width:${((Math.abs(m.netMinor) / largest) * 100).toFixed(1)}%`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.assignments.length > 0 && (
        <>
          <h4>Assignments</h4>
          <ul data-testid="trading-assignments">
            {r.assignments.map((a) => (
              <li key={a.id}>
                {f.day(a.on)}: {a.sharesDelta > 0 ? `bought ${f.count(a.sharesDelta)} ${a.symbol}` : `delivered ${f.count(-a.sharesDelta)} ${a.symbol}`} at{' '}
                {f.money(a.strikeMinor)} a share ({f.money(Math.abs(a.sharesDelta) * a.strikeMinor)})
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

const OUTCOME_CHOICES = [
  ['closed', 'Closed (bought back)'],
  ['expired', STATUS_LABELS.expired],
  ['assigned', STATUS_LABELS.assigned],
  ['rolled', 'Rolled into…'],
] as const;

export function OutcomeForm(props: { position: OptionPositionRecord; others: OptionPositionRecord[]; locale: string; onDone: (status: string) => void }) {
  const o = props.position;
  const [input, setInput] = useState<OutcomeFormInput>({ kind: 'expired', on: o.expiry <= today() ? o.expiry : today(), cost: '', rolledIntoId: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const set = (key: keyof OutcomeFormInput, value: string) => setInput((i) => ({ ...i, [key]: value }));
  const prefix = `outcome-${o.id}`;
  const paid = input.kind === 'closed' || input.kind === 'rolled';

  async function submit(event: Event) {
    event.preventDefault();
    setGeneral(undefined);
    const read = readOutcomeForm(input, { locale: props.locale, currency: o.strike.currency, openedOn: o.openedOn, otherPositionIds: props.others.map((p) => p.id) });
    if (!read.ok) return setErrors(read.errors);
    try {
      await store.updateOptionPosition(o.id, { outcome: read.value });
      props.onDone(`Recorded: the ${o.symbol} ${KIND_LABELS[o.kind].toLowerCase()} ${STATUS_LABELS[read.value.kind].toLowerCase()} on ${read.value.on}.`);
    } catch (error) {
      const r = refusal(error, ['outcome']);
      setErrors({});
      setGeneral(r.errors.outcome ?? r.general);
    }
  }

  return (
    <form aria-label={`How the ${o.symbol} option expiring ${o.expiry} ended`} onSubmit={submit} noValidate>
      <div class="form-row">
        <Field id={`${prefix}-kind`} label="Outcome" error={errors.kind}>
          {(aria) => (
            <select {...aria} value={input.kind} onChange={(e) => set('kind', e.currentTarget.value)}>
              {OUTCOME_CHOICES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${prefix}-on`} label="On" error={errors.on}>
          {(aria) => <input {...aria} type="date" value={input.on} onInput={(e) => set('on', e.currentTarget.value)} />}
        </Field>
        {paid && (
          <Field id={`${prefix}-cost`} label="Buy-back cost" error={errors.cost} hint={`In ${o.strike.currency}, all contracts`}>
            {(aria) => <input {...aria} type="text" inputMode="decimal" size={9} value={input.cost} onInput={(e) => set('cost', e.currentTarget.value)} />}
          </Field>
        )}
        {input.kind === 'rolled' && (
          <Field id={`${prefix}-into`} label="Rolled into" error={errors.rolledIntoId} hint="Log the new position first">
            {(aria) => (
              <select {...aria} value={input.rolledIntoId} onChange={(e) => set('rolledIntoId', e.currentTarget.value)}>
                <option value="">Choose…</option>
                {props.others.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.symbol} {KIND_LABELS[p.kind].toLowerCase()} at {tradingFormat(p.strike.currency, props.locale).money(p.strike.minor)}, expiring {p.expiry}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <button type="submit" class="primary">
          Save outcome
        </button>
      </div>
      <FormOutcome error={general} />
    </form>
  );
}
