import { useEffect, useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import { THEMES, type AppSettings, type Theme } from '@/utils/db/schema';
import { isCurrencyCode } from '@/utils/money';
import { toFieldErrors } from '@/utils/forms/errors';
import { Field, FormOutcome } from '@/components/Field';
import { useLiveQuery } from '@/components/useLiveQuery';

const THEME_LABELS: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };
const LOCALES = ['', 'en-US', 'en-GB', 'en-IN', 'de-DE', 'de-CH', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'sv-SE', 'ja-JP'];

export function SettingsSection(props: { settings: AppSettings }) {
  const { value: accountCurrencies } = useLiveQuery(async () => {
    const set = new Set<string>();
    await db.accounts.each((a) => set.add(a.currency));
    return [...set].sort();
  });
  const [baseCurrency, setBaseCurrency] = useState(props.settings.baseCurrency);
  const [locale, setLocale] = useState(props.settings.locale);
  const [theme, setTheme] = useState<Theme>(props.settings.theme);
  const [rates, setRates] = useState<Record<string, string>>(props.settings.rates);
  const [jumpFactor, setJumpFactor] = useState(props.settings.captureJumpFactor);
  const [newRateCurrency, setNewRateCurrency] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');

  useEffect(() => {
    setBaseCurrency(props.settings.baseCurrency);
    setLocale(props.settings.locale);
    setTheme(props.settings.theme);
    setRates(props.settings.rates);
    setJumpFactor(props.settings.captureJumpFactor);
  }, [props.settings]);

  const base = baseCurrency.trim().toUpperCase();
  const rateCurrencies = [...new Set([...(accountCurrencies ?? []), ...Object.keys(rates)])].filter((c) => c !== base).sort();

  async function submit(event: Event) {
    event.preventDefault();
    setStatus('');
    if (!isCurrencyCode(base)) {
      setErrors({ baseCurrency: `Base currency "${baseCurrency}" is not an ISO 4217 code such as USD` });
      return;
    }
    const cleaned: Record<string, string> = {};
    for (const c of rateCurrencies) {
      const value = (rates[c] ?? '').trim().replace(',', '.');
      if (value !== '') cleaned[c] = value;
    }
    try {
      await store.saveSettings({ baseCurrency: base, locale, theme, rates: cleaned, captureJumpFactor: jumpFactor.trim().replace(',', '.') });
      setErrors({});
      setGeneral(undefined);
      setStatus('Settings saved.');
    } catch (error) {
      const mapped = toFieldErrors(error, ['baseCurrency', 'locale', 'theme', 'rates', 'captureJumpFactor']);
      // Rate issues name their currency ("rates.EUR"); show each next to its box.
      const fields: Record<string, string> = { ...mapped.fields };
      for (const issue of (error as { issues?: { field: string; message: string }[] }).issues ?? []) {
        if (issue.field.startsWith('rates.')) fields[issue.field] = issue.message;
      }
      setErrors(fields);
      setGeneral(mapped.general);
    }
  }

  return (
    <section aria-labelledby="settings-heading" class="card">
      <h2 id="settings-heading">Settings</h2>
      <form aria-label="Settings" onSubmit={submit} noValidate>
        <div class="form-row">
          <Field id="settings-base" label="Base currency" error={errors.baseCurrency} hint="Net worth is shown in it">
            {(aria) => (
              <input
                {...aria}
                type="text"
                maxLength={3}
                size={5}
                value={baseCurrency}
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  setBaseCurrency(value);
                  // Rates are "1 unit = x base units": a new base makes every old rate wrong.
                  setRates(value.trim().toUpperCase() === props.settings.baseCurrency ? props.settings.rates : {});
                }}
              />
            )}
          </Field>
          <Field id="settings-locale" label="Number format" error={errors.locale}>
            {(aria) => (
              <select {...aria} value={locale} onChange={(e) => setLocale(e.currentTarget.value)}>
                {LOCALES.map((l) => (
                  <option value={l}>{l === '' ? `Browser default (${navigator.language})` : l}</option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="settings-jump"
            label="Ask before saving a captured balance that changes by more than (×)"
            error={errors.captureJumpFactor}
            hint="From 1.5 to 1000; 3 asks when a balance triples or falls to a third"
          >
            {(aria) => <input {...aria} type="text" inputMode="decimal" size={6} value={jumpFactor} onInput={(e) => setJumpFactor(e.currentTarget.value)} />}
          </Field>
          <Field id="settings-theme" label="Theme" error={errors.theme}>
            {(aria) => (
              <select {...aria} value={theme} onChange={(e) => setTheme(e.currentTarget.value as Theme)}>
                {THEMES.map((t) => (
                  <option value={t}>{THEME_LABELS[t]}</option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset style="margin-top:1rem;border:1px solid var(--border);border-radius:8px">
          <legend>Exchange rates (1 unit of the currency in {base || 'base currency'})</legend>
          {rateCurrencies.length === 0 && <p class="muted">All your accounts are in {base}; no rates needed.</p>}
          {base !== props.settings.baseCurrency && Object.keys(props.settings.rates).length > 0 && (
            <p class="form-error">The base currency changes from {props.settings.baseCurrency} to {base}: enter every rate again in {base}.</p>
          )}
          <div class="form-row">
            {rateCurrencies.map((c) => (
              <Field id={`rate-${c}`} label={`1 ${c} =`} error={errors[`rates.${c}`]} hint={rates[c] ? undefined : 'Not set: accounts in it are left out'}>
                {(aria) => (
                  <input
                    {...aria}
                    type="text"
                    inputMode="decimal"
                    size={10}
                    value={rates[c] ?? ''}
                    onInput={(e) => setRates((r) => ({ ...r, [c]: e.currentTarget.value }))}
                  />
                )}
              </Field>
            ))}
            <Field id="rate-new" label="Add a currency" error={errors.newRate}>
              {(aria) => <input {...aria} type="text" maxLength={3} size={5} value={newRateCurrency} onInput={(e) => setNewRateCurrency(e.currentTarget.value)} />}
            </Field>
            <button
              type="button"
              onClick={() => {
                const c = newRateCurrency.trim().toUpperCase();
                if (!isCurrencyCode(c)) return setErrors({ newRate: `"${newRateCurrency}" is not an ISO 4217 code` });
                setErrors({});
                setRates((r) => ({ ...r, [c]: r[c] ?? '' }));
                setNewRateCurrency('');
              }}
            >
              Add rate
            </button>
          </div>
        </fieldset>
        <p>
          <button type="submit" class="primary">
            Save settings
          </button>
        </p>
        <FormOutcome error={general} status={status} />
      </form>
    </section>
  );
}
