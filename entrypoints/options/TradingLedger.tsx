/**
 * One lab account: its mode (with the Paper/Real switch), the strategy it
 * follows and how far it has processed, "Update with new prices", its ledger
 * from the recorded fills (cash, positions at their last close, realized,
 * equity, a small equity chart) and the fills themselves. Money in the
 * account's currency, written with Intl for the person's locale.
 */
import { useMemo, useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import type { LabAccount } from '@/utils/db/schema-trading';
import { loadBars } from '@/utils/db/trading';
import { parseDay } from '@/utils/portfolio/dates';
import { parseQty } from '@/utils/portfolio/quantity';
import { toSeries } from '@/utils/trading/bars';
import { labLedger, type LabLedger } from '@/utils/trading/paper-ledger';
import { ConfirmButton } from '@/components/ConfirmButton';
import { EquityChart } from '@/components/EquityChart';
import { FormOutcome } from '@/components/Field';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { TradingData, TradingLab } from '@/components/useTradingLab';
import { refusal } from './StreamsFormContext';
import { equitySummary, isoDayText, MODE_LABELS, tradingFormat, type TradingFormat } from './tradingText';

export function TradingAccountCard(props: {
  account: LabAccount;
  lab: TradingLab;
  data: TradingData;
  locale: string;
  /** What the last update did, in words. */
  note: string | undefined;
  onNote: (note: string) => void;
}) {
  const { account, lab, data, locale } = props;
  const f = useMemo(() => tradingFormat(account.currency, locale), [account.currency, locale]);
  const strategy = data.strategies.find((s) => s.id === account.strategyId);
  const fills = useMemo(() => data.fills.filter((x) => x.labAccountId === account.id).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)), [data.fills, account.id]);
  const symbols = useMemo(() => [...new Set([...(strategy?.symbols ?? []), ...fills.map((x) => x.symbol)])], [strategy, fills]);
  const closeOnly = (symbol: string) => data.symbols.find((s) => s.symbol === symbol)?.closeOnly ?? false;
  const { value: bars } = useLiveQuery(() => Promise.all(symbols.map((s) => loadBars(db, s))), [symbols.join(',')]);
  const ledger = useMemo((): { ok: true; ledger: LabLedger } | { ok: false; error: string } | undefined => {
    if (!bars) return undefined;
    try {
      const series = symbols.map((s, i) => toSeries(s, bars[i] ?? [], { adjusted: data.settings.useAdjusted, closeOnly: closeOnly(s) }));
      return { ok: true, ledger: labLedger(account.capital.minor, fills, series, parseDay(account.startDate)!) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bars, fills, account.capital.minor, account.startDate, data.settings.useAdjusted]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');

  async function update() {
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      const note = await lab.updateAccount(account);
      props.onNote(note);
      setStatus(note);
    } catch (e) {
      setError(`Could not update ${account.name}: ${refusal(e, []).general ?? (e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  async function setMode(mode: 'paper' | 'real') {
    if (mode === account.mode) return;
    setError(undefined);
    try {
      await store.updateLabAccount(account.id, { mode });
      setStatus(mode === 'real' ? `${account.name} is now real: its results count as Acceleration income.` : `${account.name} is now paper: its results are not income.`);
    } catch (e) {
      setError(refusal(e, []).general);
    }
  }

  const headingId = `lab-account-${account.id}`;
  return (
    <article class="trading-account" aria-labelledby={headingId} data-testid="trading-account" aria-busy={busy ? 'true' : 'false'}>
      <h4 id={headingId}>
        {account.name} <span class="trading-badge">{MODE_LABELS[account.mode]}</span>
      </h4>
      <p class="muted">
        Starting capital {f.money(account.capital.minor)}, from {isoDayText(account.startDate, f, parseDay)}. Strategy:{' '}
        {strategy ? `${strategy.name} (${strategy.symbols.join(', ')})` : 'none'}. Processed through:{' '}
        <span data-testid="trading-processed-through">{account.processedThrough ? isoDayText(account.processedThrough, f, parseDay) : 'not yet'}</span>.
      </p>
      {props.note && !status && <p class="muted">{props.note}</p>}
      <div class="form-row">
        {strategy && (
          <button type="button" onClick={update} disabled={busy}>
            {busy ? 'Updating…' : 'Update with new prices'}
          </button>
        )}
        <span role="group" aria-label={`Mode of ${account.name}`} style="display:inline-flex;gap:0.25rem">
          {(['paper', 'real'] as const).map((mode) => (
            <button key={mode} type="button" aria-pressed={account.mode === mode ? 'true' : 'false'} onClick={() => setMode(mode)}>
              {MODE_LABELS[mode]}
            </button>
          ))}
        </span>
        <ConfirmButton
          label="Delete account"
          question={`Delete ${account.name} with its ${fills.length} fills and its options?`}
          confirmLabel="Delete account"
          onConfirm={async () => {
            try {
              await store.deleteLabAccount(account.id);
            } catch (e) {
              setError(refusal(e, []).general);
            }
          }}
        />
      </div>
      <FormOutcome error={error} status={status} />
      {ledger && !ledger.ok && <p class="form-error">The ledger could not be worked out: {ledger.error}</p>}
      {ledger && ledger.ok && <Ledger ledger={ledger.ledger} account={account} f={f} locale={locale} />}
      {fills.length > 0 && <Fills fills={fills} f={f} />}
    </article>
  );
}

function Ledger(props: { ledger: LabLedger; account: LabAccount; f: TradingFormat; locale: string }) {
  const { ledger, account, f } = props;
  const curves = useMemo(() => [{ label: account.name, values: ledger.equity, color: '--layer-acceleration' }], [ledger, account.name]);
  return (
    <div data-testid="trading-ledger">
      <dl class="trading-figures">
        <div>
          <dt>Cash</dt>
          <dd>{f.money(ledger.cashMinor)}</dd>
        </div>
        <div>
          <dt>Realized</dt>
          <dd class={ledger.realizedMinor < 0 ? 'negative' : undefined}>{f.money(ledger.realizedMinor)}</dd>
        </div>
        <div>
          <dt>Equity</dt>
          <dd data-testid="trading-account-equity">{f.money(ledger.equityMinor)}</dd>
        </div>
      </dl>
      {ledger.positions.length > 0 && (
        <div class="scroll-box" tabIndex={0}>
          <table>
            <caption class="visually-hidden">Positions of {account.name}</caption>
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col" class="num">Shares</th>
                <th scope="col" class="num">Cost</th>
                <th scope="col" class="num">Last close</th>
                <th scope="col" class="num">Value</th>
              </tr>
            </thead>
            <tbody>
              {ledger.positions.map((p) => (
                <tr key={p.symbol}>
                  <th scope="row">{p.symbol}</th>
                  <td class="num">{f.count(p.quantity / 1e6)}</td>
                  <td class="num">{f.money(p.costMinor)}</td>
                  <td class="num">{p.lastPrice === null ? '—' : f.price(p.lastPrice)}</td>
                  <td class="num">{p.valueMinor === null ? 'no price' : f.money(p.valueMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ledger.dates.length > 1 && (
        <EquityChart
          dates={ledger.dates}
          curves={curves}
          kind="money"
          currency={account.currency}
          locale={props.locale}
          height={140}
          label={equitySummary(`Equity of ${account.name}`, ledger.dates, curves, f)}
        />
      )}
    </div>
  );
}

function Fills(props: { fills: TradingData['fills']; f: TradingFormat }) {
  const { fills, f } = props;
  return (
    <details>
      <summary>Fills ({fills.length})</summary>
      <div class="scroll-box" tabIndex={0}>
        <table data-testid="trading-fills">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Side</th>
              <th scope="col">Symbol</th>
              <th scope="col" class="num">Shares</th>
              <th scope="col" class="num">Price</th>
              <th scope="col" class="num">Fee</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {fills.map((fill) => (
              <tr key={fill.id}>
                <td>{isoDayText(fill.date, f, parseDay)}</td>
                <td>{fill.side === 'buy' ? 'Buy' : 'Sell'}</td>
                <td>{fill.symbol}</td>
                <td class="num">{f.count((parseQty(fill.quantity) ?? 0) / 1e6)}</td>
                <td class="num">{f.micros(fill.priceMicros)}</td>
                <td class="num">{f.money(fill.fee.minor)}</td>
                <td>{fill.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
