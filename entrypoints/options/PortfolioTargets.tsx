/**
 * Targets and the rules the engine follows: target share per asset class,
 * the drift bands (5/25 by default), the harvest thresholds, tax rates,
 * short-term gains, the lot method, uninvested cash per account, the
 * person's class overrides and substantially identical groups, and whether
 * the daily check may send a notification.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db, store } from '@/utils/db';
import { basisPointsToPercentText, issuesByField, toAmountInput } from '@/utils/forms/plan';
import { readPortfolioSettingsForm, readTargetsForm, type PortfolioSettingsFormInput } from '@/utils/forms/portfolio';
import { parseMoney } from '@/utils/money';
import { ASSET_CLASSES, classLabel, classOf, normalizeSymbol } from '@/utils/portfolio/classes';
import { runDriftCheck } from '@/utils/portfolio/drift-check';
import { browserDriftSignals } from '@/utils/portfolio/drift-signals';
import type { Portfolio } from '@/utils/portfolio/types';
import { Field, FormOutcome } from '@/components/Field';
import { useLiveQuery } from '@/components/useLiveQuery';

const recheck = () => runDriftCheck(db, store, browserDriftSignals, Date.now()).catch(() => undefined);

export function PortfolioTargets(props: { portfolio: Portfolio; locale: string }) {
  const p = props.portfolio;
  // Each form starts from the stored values and starts again when they change (an import, another tab).
  const key = (...parts: unknown[]) => `${props.locale}:${JSON.stringify(parts)}`;
  return (
    <div style="margin-top:1.5rem">
      <h3>Targets and rules</h3>
      <TargetsForm key={key(p.targets, p.classes, p.lots.map((l) => l.symbol))} portfolio={p} locale={props.locale} />
      <RulesForm key={key(p.settings, p.currency)} portfolio={p} locale={props.locale} />
      <CashForm key={key(p.cash, p.accounts)} portfolio={p} locale={props.locale} />
      <ClassesForm key={key(p.classes, p.identical)} portfolio={p} />
      <Notifications />
    </div>
  );
}

function TargetsForm(props: { portfolio: Portfolio; locale: string }) {
  const { portfolio, locale } = props;
  const held = new Set(portfolio.lots.map((l) => classOf(l.symbol, portfolio.classes)));
  const classes = [...new Set([...ASSET_CLASSES, ...Object.keys(portfolio.targets), ...held])];
  const start = () => Object.fromEntries(classes.map((c) => [c, portfolio.targets[c] ? basisPointsToPercentText(portfolio.targets[c]!, locale) : '']));
  const [input, setInput] = useState<Record<string, string>>(start);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  async function submit(event: Event) {
    event.preventDefault();
    const read = readTargetsForm(input, locale);
    if (!read.ok) {
      setErrors(issuesByField(read.issues));
      return;
    }
    await store.setTargets(read.value);
    setErrors({});
    setStatus('Targets saved.');
    await recheck();
  }
  return (
    <form aria-label="Allocation targets" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Target allocation (%)</legend>
        <div class="form-row">
          {classes.map((c) => (
            <Field key={c} id={`target-${c}`} label={classLabel(c)} error={errors[`targets.${c}`]}>
              {(aria) => <input {...aria} type="text" inputMode="decimal" size={5} value={input[c] ?? ''} onInput={(e) => setInput((i) => ({ ...i, [c]: e.currentTarget.value }))} />}
            </Field>
          ))}
        </div>
        <button type="submit" class="primary">Save targets</button>
      </fieldset>
      <FormOutcome error={errors.targets} status={status} />
    </form>
  );
}

function RulesForm(props: { portfolio: Portfolio; locale: string }) {
  const { portfolio, locale } = props;
  const s = portfolio.settings;
  const pct = (bp: number) => basisPointsToPercentText(bp, locale);
  const [input, setInput] = useState<PortfolioSettingsFormInput>(() => ({
    absoluteBand: pct(s.absoluteBandBasisPoints),
    relativeBand: pct(s.relativeBandBasisPoints),
    harvestMinLoss: toAmountInput({ minor: s.harvestMinLossMinor, currency: portfolio.currency }, locale),
    harvestMinLossShare: pct(s.harvestMinLossBasisPoints),
    shortTermRate: pct(s.shortTermRateBasisPoints),
    longTermRate: pct(s.longTermRateBasisPoints),
    lotMethod: s.lotMethod,
    allowShortTermGains: s.allowShortTermGains,
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const text = (key: Exclude<keyof PortfolioSettingsFormInput, 'allowShortTermGains'>, id: string, label: string, error: string | undefined, hint?: string) => (
    <Field id={id} label={label} error={error} {...(hint ? { hint } : {})}>
      {(aria) => <input {...aria} type="text" inputMode="decimal" size={7} value={input[key]} onInput={(e) => setInput((i) => ({ ...i, [key]: e.currentTarget.value }))} />}
    </Field>
  );
  async function submit(event: Event) {
    event.preventDefault();
    const read = readPortfolioSettingsForm(input, { locale, currency: portfolio.currency });
    if (!read.ok) {
      setErrors(issuesByField(read.issues));
      return;
    }
    await store.savePortfolioSettings(read.value);
    setErrors({});
    setStatus('Rules saved.');
    await recheck();
  }
  return (
    <form aria-label="Rebalancing and harvesting rules" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Bands, harvest thresholds and tax rates</legend>
        <div class="form-row">
          {text('absoluteBand', 'rule-absolute', 'Absolute band (points)', errors.absoluteBandBasisPoints, 'Rebalance a class this many points off target')}
          {text('relativeBand', 'rule-relative', 'Relative band (%)', errors.relativeBandBasisPoints, '…or this share of its own target, whichever comes first')}
          {text('harvestMinLoss', 'rule-min-loss', 'Smallest loss to harvest', errors.harvestMinLossMinor, `In ${portfolio.currency}`)}
          {text('harvestMinLossShare', 'rule-min-share', 'Smallest loss (% of cost)', errors.harvestMinLossBasisPoints)}
          {text('shortTermRate', 'rule-st-rate', 'Short-term tax rate (%)', errors.shortTermRateBasisPoints)}
          {text('longTermRate', 'rule-lt-rate', 'Long-term tax rate (%)', errors.longTermRateBasisPoints)}
          <Field id="rule-lot-method" label="Which lots a sale closes" error={errors.lotMethod}>
            {(aria) => (
              <select {...aria} value={input.lotMethod} onChange={(e) => setInput((i) => ({ ...i, lotMethod: e.currentTarget.value }))}>
                <option value="fifo">First in, first out</option>
                <option value="chosen">The lots each sale names</option>
              </select>
            )}
          </Field>
        </div>
        <label style="display:flex;gap:0.5rem;align-items:center">
          <input type="checkbox" checked={input.allowShortTermGains} onChange={(e) => setInput((i) => ({ ...i, allowShortTermGains: e.currentTarget.checked }))} />
          Rebalancing may realize short-term gains in taxable accounts
        </label>
        <button type="submit" class="primary">Save rules</button>
      </fieldset>
      <FormOutcome status={status} />
    </form>
  );
}

function CashForm(props: { portfolio: Portfolio; locale: string }) {
  const { portfolio, locale } = props;
  const [input, setInput] = useState<Record<string, string>>(() =>
    Object.fromEntries(portfolio.accounts.map((a) => [a.id, portfolio.cash[a.id] ? toAmountInput({ minor: portfolio.cash[a.id]!, currency: portfolio.currency }, locale) : ''])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  if (portfolio.accounts.length === 0) return null;
  async function submit(event: Event) {
    event.preventDefault();
    const cash: Record<string, number> = {};
    const found: Record<string, string> = {};
    for (const [id, text] of Object.entries(input)) {
      if (text.trim() === '') continue;
      const parsed = parseMoney(text, { currency: portfolio.currency, locale });
      if (!parsed.ok) found[id] = parsed.reason;
      else if (parsed.value.minor < 0) found[id] = 'Cash cannot be negative';
      else cash[id] = parsed.value.minor;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await store.savePortfolioSettings({ cash });
    setStatus('Cash saved.');
    await recheck();
  }
  return (
    <form aria-label="Uninvested cash" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Uninvested cash (spent first when rebalancing)</legend>
        <div class="form-row">
          {portfolio.accounts.map((a) => (
            <Field key={a.id} id={`cash-${a.id}`} label={a.name} error={errors[a.id]} hint={`In ${portfolio.currency}`}>
              {(aria) => <input {...aria} type="text" inputMode="decimal" size={10} value={input[a.id] ?? ''} onInput={(e) => setInput((i) => ({ ...i, [a.id]: e.currentTarget.value }))} />}
            </Field>
          ))}
        </div>
        <button type="submit" class="primary">Save cash</button>
      </fieldset>
      <FormOutcome status={status} />
    </form>
  );
}

/** "FSKAX = us-total-market" per line, and "VTI, ITOT" per line. */
function ClassesForm(props: { portfolio: Portfolio }) {
  const { portfolio } = props;
  const [overrides, setOverrides] = useState(() => Object.entries(portfolio.classes).map(([s, c]) => `${s} = ${c}`).join('\n'));
  const [groups, setGroups] = useState(() => portfolio.identical.map((g) => g.join(', ')).join('\n'));
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  async function submit(event: Event) {
    event.preventDefault();
    const classOverrides: Record<string, string> = {};
    const problems: string[] = [];
    overrides.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const m = /^\s*([^=\s]+)\s*=\s*([a-z0-9][a-z0-9-]*)\s*$/.exec(line);
      if (!m) problems.push(`Class line ${i + 1} "${line.trim()}" is not written SYMBOL = class-id`);
      else classOverrides[normalizeSymbol(m[1]!)] = m[2]!;
    });
    const identical: string[][] = [];
    groups.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const symbols = line.split(/[,\s]+/).filter(Boolean).map(normalizeSymbol);
      if (symbols.length < 2) problems.push(`Group line ${i + 1} names fewer than two symbols`);
      else identical.push(symbols);
    });
    if (problems.length > 0) {
      setError(problems.join('. ') + '.');
      return;
    }
    setError(undefined);
    await store.savePortfolioSettings({ classOverrides, identical });
    setStatus('Classes and groups saved.');
    await recheck();
  }
  return (
    <form aria-label="Asset classes and identical groups" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Your asset classes and substantially identical groups</legend>
        <div class="form-row">
          <Field id="class-overrides" label="Class of a symbol (SYMBOL = class), one per line" hint="Wins over the built-in map">
            {(aria) => <textarea {...aria} rows={3} cols={32} value={overrides} onInput={(e) => setOverrides(e.currentTarget.value)} />}
          </Field>
          <Field id="identical-groups" label="Substantially identical symbols, one group per line" hint="For the wash-sale check, e.g. VTI, ITOT">
            {(aria) => <textarea {...aria} rows={3} cols={32} value={groups} onInput={(e) => setGroups(e.currentTarget.value)} />}
          </Field>
        </div>
        <button type="submit" class="primary">Save classes</button>
      </fieldset>
      <FormOutcome error={error} status={status} />
    </form>
  );
}

function Notifications() {
  const { value: settings } = useLiveQuery(() => store.getPortfolioSettings());
  const [message, setMessage] = useState<string | undefined>(undefined);
  if (!settings) return null;
  return (
    <div>
      <label style="display:flex;gap:0.5rem;align-items:center">
        <input
          type="checkbox"
          checked={settings.driftNotifications}
          onChange={async (e) => {
            const on = e.currentTarget.checked;
            // Asked for only now, from the click: the permission is optional.
            const granted = on ? await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false) : true;
            if (on && !granted) {
              setMessage('The browser did not allow notifications; the toolbar badge still shows drift.');
              e.currentTarget.checked = false;
              return;
            }
            setMessage(undefined);
            await store.savePortfolioSettings({ driftNotifications: on });
          }}
        />
        Notify me when a class leaves its band (the daily check always updates the toolbar badge)
      </label>
      {message && <p role="alert" class="form-error">{message}</p>}
    </div>
  );
}
