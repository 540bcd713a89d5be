/**
 * The lab's settings: how many days before expiry an open option is
 * reminded of, whether the reminder may also notify (the optional
 * notifications permission is asked for from the click, like the
 * portfolio's drift switch), whether analysis uses split- and
 * dividend-adjusted prices, and how many months of the plan's monthly cap
 * make the trading cap. Switches save at once; the numbers with "Save".
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { store } from '@/utils/db';
import type { TradingSettings as Settings } from '@/utils/db/schema-trading';
import { readTradingSettingsForm } from '@/utils/forms/trading';
import { Field, FormOutcome } from '@/components/Field';
import { refusal } from './StreamsFormContext';

export function TradingSettings(props: { settings: Settings }) {
  const { settings } = props;
  const [days, setDays] = useState(String(settings.reminderDays));
  const [months, setMonths] = useState(String(settings.riskMonths));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [notifyMessage, setNotifyMessage] = useState<string | undefined>(undefined);
  useEffect(() => setDays(String(settings.reminderDays)), [settings.reminderDays]);
  useEffect(() => setMonths(String(settings.riskMonths)), [settings.riskMonths]);

  async function save(patch: Partial<Omit<Settings, 'key'>>, done: string) {
    setGeneral(undefined);
    try {
      await store.saveTradingSettings(patch);
      setStatus(done);
    } catch (error) {
      const r = refusal(error, ['reminderDays', 'riskMonths']);
      setErrors(r.errors);
      setGeneral(r.general);
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    setStatus('');
    const read = readTradingSettingsForm({ reminderDays: days, riskMonths: months, expiryNotifications: settings.expiryNotifications, useAdjusted: settings.useAdjusted });
    if (!read.ok) return setErrors(read.errors);
    setErrors({});
    await save({ reminderDays: read.value.reminderDays, riskMonths: read.value.riskMonths }, 'Saved the reminder and the risk cap months.');
  }

  return (
    <form aria-label="Trading lab settings" onSubmit={submit} noValidate data-testid="trading-settings">
      <fieldset>
        <legend>Lab settings</legend>
        <div class="form-row">
          <Field id="trading-reminder-days" label="Remind me this many days before expiry" error={errors.reminderDays} hint="0 to 30">
            {(aria) => <input {...aria} type="number" min={0} max={30} step={1} style="width:5rem" value={days} onInput={(e) => setDays(e.currentTarget.value)} />}
          </Field>
          <Field id="trading-risk-months" label="Risk cap months" error={errors.riskMonths} hint="Cap = the plan’s monthly Acceleration cap × these months">
            {(aria) => <input {...aria} type="number" min={1} max={120} step={1} style="width:5rem" value={months} onInput={(e) => setMonths(e.currentTarget.value)} />}
          </Field>
          <button type="submit">Save settings</button>
        </div>
        <label style="display:flex;gap:0.5rem;align-items:center;margin-top:0.5rem">
          <input
            type="checkbox"
            role="switch"
            checked={settings.expiryNotifications}
            onChange={async (e) => {
              const box = e.currentTarget;
              const on = box.checked;
              // Asked for only now, from the click: the permission is optional.
              const granted = on ? await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false) : true;
              if (on && !granted) {
                setNotifyMessage('The browser did not allow notifications; expiring options still show here.');
                box.checked = false;
                return;
              }
              setNotifyMessage(undefined);
              await save({ expiryNotifications: on }, on ? 'You will be notified before an option expires.' : 'Expiry notifications are off.');
            }}
          />
          Notify me before an open option expires
        </label>
        {notifyMessage && (
          <p role="alert" class="form-error">
            {notifyMessage}
          </p>
        )}
        <label style="display:flex;gap:0.5rem;align-items:center;margin-top:0.5rem">
          <input
            type="checkbox"
            role="switch"
            checked={settings.useAdjusted}
            onChange={(e) => save({ useAdjusted: e.currentTarget.checked }, e.currentTarget.checked ? 'Analysis uses adjusted prices.' : 'Analysis uses prices as traded.')}
          />
          Use adjusted prices (Adj Close: splits and dividends do not show as jumps)
        </label>
      </fieldset>
      <FormOutcome error={general} status={status} />
    </form>
  );
}
