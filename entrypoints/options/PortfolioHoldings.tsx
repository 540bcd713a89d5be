/**
 * Holdings by hand: the lots held (with what they cost and when they were
 * bought), trades (buys, sells, reinvested dividends) and prices with their
 * date; the current lots after every trade and wash-sale adjustment.
 */
import { useMemo, useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import { formatMoney } from '@/utils/money';
import { issuesByField, toAmountInput } from '@/utils/forms/plan';
import { readLotForm, readPriceForm, readTradeForm, type LotFormInput, type PriceFormInput, type TradeFormInput } from '@/utils/forms/portfolio';
import { dayOfTimestamp, formatDay, timestampOfDay } from '@/utils/portfolio/dates';
import { portfolioFormat } from './portfolioText';
import { valueOf } from '@/utils/portfolio/quantity';
import type { Portfolio, PortfolioReport } from '@/utils/portfolio/types';
import { ConfirmButton } from '@/components/ConfirmButton';
import { Field, FormOutcome } from '@/components/Field';
import { useLiveQuery } from '@/components/useLiveQuery';
import { refusal, today } from './StreamsFormContext';

const HAND = { source: 'manual' as const, provenance: { description: 'Entered by hand' } };
const SIDE_LABEL = { buy: 'Buy', sell: 'Sell', reinvest: 'Reinvested dividend' } as const;

export function PortfolioHoldings(props: { portfolio: Portfolio; report: PortfolioReport | undefined; locale: string }) {
  const { portfolio, report, locale } = props;
  const currency = portfolio.currency;
  // The same words and numbers as the report above it (portfolioText.ts).
  const format = useMemo(
    () => portfolioFormat(currency, locale, Object.fromEntries(portfolio.accounts.map((a) => [a.id, a.name]))),
    [currency, locale, portfolio.accounts],
  );
  const { money, day: date, account: accountName } = format;
  const { value: stored } = useLiveQuery(async () => ({
    lots: (await db.taxLots.toArray()).filter((l) => l.soldAt === undefined).sort((a, b) => a.acquiredAt - b.acquiredAt),
    trades: (await db.trades.toArray()).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    prices: await db.prices.toArray(),
  }));
  const [status, setStatus] = useState('');
  const accounts = portfolio.accounts;
  const context = { locale, currency, accountIds: accounts.map((a) => a.id) };

  return (
    <div style="margin-top:1.5rem">
      <h3 id="portfolio-holdings-heading">Holdings</h3>
      {report && report.open.length > 0 && (
        <div class="scroll-box" tabIndex={0}>
          <table aria-labelledby="portfolio-holdings-heading" data-testid="portfolio-open-lots">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Symbol</th>
                <th scope="col" class="num">Quantity</th>
                <th scope="col">Bought</th>
                <th scope="col" class="num">Cost basis</th>
                <th scope="col" class="num">Value</th>
                <th scope="col" class="num">Gain</th>
              </tr>
            </thead>
            <tbody>
              {report.open.map((lot) => {
                const price = portfolio.prices[lot.symbol];
                const value = price === undefined ? undefined : valueOf(lot.quantity, price.priceMinor);
                return (
                  <tr key={lot.id} data-symbol={lot.symbol}>
                    <td>{accountName(lot.account)}</td>
                    <th scope="row">{lot.symbol}</th>
                    <td class="num">{format.qty(lot.quantity)}</td>
                    <td>
                      {date(lot.acquired)}
                      {lot.holdingFrom !== lot.acquired && <span class="muted"> (held since {date(lot.holdingFrom)}, wash sale)</span>}
                    </td>
                    <td class="num">
                      {money(lot.basisMinor)}
                      {lot.washAdjustmentMinor > 0 && <span class="muted"> incl. {money(lot.washAdjustmentMinor)} disallowed loss</span>}
                    </td>
                    <td class="num">{value === undefined ? 'no price' : money(value)}</td>
                    <td class="num">{value === undefined ? '—' : money(value - lot.basisMinor)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {accounts.length > 0 && (
        <>
          <LotForm context={context} accounts={accounts} onSaved={setStatus} />
          <TradeForm context={context} accounts={accounts} onSaved={setStatus} />
        </>
      )}
      <PriceForm locale={locale} currency={currency} onSaved={setStatus} />
      <p role="status" class="form-status">
        {status}
      </p>
      {stored && stored.lots.length > 0 && (
        <details>
          <summary>Lots entered or imported ({stored.lots.length})</summary>
          <ul>
            {stored.lots.map((lot) => (
              <li key={lot.id}>
                {accountName(lot.accountId)}: {lot.quantity} {lot.symbol} bought {date(dayOfTimestamp(lot.acquiredAt))} for {formatMoney(lot.costBasis, locale)}{' '}
                <ConfirmButton label="Delete" question={`Delete the lot of ${lot.quantity} ${lot.symbol}?`} confirmLabel="Delete lot" onConfirm={async () => {
                  await store.deleteTaxLot(lot.id);
                  setStatus(`Deleted the lot of ${lot.quantity} ${lot.symbol}.`);
                }} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {stored && stored.trades.length > 0 && (
        <details>
          <summary>Trades ({stored.trades.length})</summary>
          <ul data-testid="portfolio-trades">
            {stored.trades.map((trade) => (
              <li key={trade.id}>
                {trade.date}, {accountName(trade.accountId)}: {SIDE_LABEL[trade.side]} {trade.quantity} {trade.symbol} at {formatMoney(trade.price, locale)}{' '}
                <ConfirmButton label="Delete" question={`Delete this trade of ${trade.quantity} ${trade.symbol}?`} confirmLabel="Delete trade" onConfirm={async () => {
                  await store.deleteTrade(trade.id);
                  setStatus(`Deleted the trade of ${trade.quantity} ${trade.symbol}.`);
                }} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {stored && stored.prices.length > 0 && (
        <details>
          <summary>Prices ({stored.prices.length})</summary>
          <ul>
            {stored.prices
              .slice()
              .sort((a, b) => (a.symbol === b.symbol ? (a.date < b.date ? 1 : -1) : a.symbol < b.symbol ? -1 : 1))
              .map((price) => (
                <li key={price.id}>
                  {price.symbol} {formatMoney(price.price, locale)} on {price.date}{' '}
                  <ConfirmButton label="Delete" question={`Delete the ${price.date} price of ${price.symbol}?`} confirmLabel="Delete price" onConfirm={async () => {
                    await store.deletePrice(price.id);
                    setStatus(`Deleted the ${price.date} price of ${price.symbol}.`);
                  }} />
                </li>
              ))}
          </ul>
        </details>
      )}
    </div>
  );
}

type Context = { locale: string; currency: string; accountIds: string[] };
type AccountOption = { id: string; name: string; taxType: string };

function AccountSelect(props: { id: string; value: string; accounts: AccountOption[]; error?: string | undefined; onChange: (v: string) => void }) {
  return (
    <Field id={props.id} label="Account" error={props.error}>
      {(aria) => (
        <select {...aria} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
          <option value="">Choose…</option>
          {props.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.taxType})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function useForm<T extends Record<string, string>>(start: () => T) {
  const [input, setInput] = useState<T>(start);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const set = (key: keyof T, value: string) => setInput((i) => ({ ...i, [key]: value }));
  return { input, setInput, errors, setErrors, general, setGeneral, set, reset: () => setInput(start()) };
}

function LotForm(props: { context: Context; accounts: AccountOption[]; onSaved: (s: string) => void }) {
  const f = useForm<LotFormInput>(() => ({ accountId: '', symbol: '', quantity: '', cost: '', acquired: today() }));
  async function submit(event: Event) {
    event.preventDefault();
    const read = readLotForm(f.input, props.context);
    if (!read.ok) return f.setErrors(issuesByField(read.issues));
    const lot = read.value;
    try {
      await store.addTaxLot({ accountId: lot.accountId, symbol: lot.symbol, quantity: lot.quantity, costBasis: lot.costBasis, acquiredAt: timestampOfDay(lot.acquired), ...HAND });
      f.setErrors({});
      f.setGeneral(undefined);
      f.reset();
      props.onSaved(`Added ${lot.quantity} ${lot.symbol} bought ${formatDay(lot.acquired)}.`);
    } catch (error) {
      const r = refusal(error, ['accountId', 'symbol', 'quantity', 'costBasis']);
      f.setErrors(r.errors);
      f.setGeneral(r.general);
    }
  }
  return (
    <form aria-label="Add a lot" onSubmit={submit} noValidate>
      <div class="form-row">
        <AccountSelect id="lot-account" value={f.input.accountId} accounts={props.accounts} error={f.errors.accountId} onChange={(v) => f.set('accountId', v)} />
        <Field id="lot-symbol" label="Symbol" error={f.errors.symbol}>
          {(aria) => <input {...aria} type="text" size={8} autocomplete="off" value={f.input.symbol} placeholder="VTI" onInput={(e) => f.set('symbol', e.currentTarget.value)} />}
        </Field>
        <Field id="lot-quantity" label="Shares" error={f.errors.quantity}>
          {(aria) => <input {...aria} type="text" inputMode="decimal" size={8} value={f.input.quantity} onInput={(e) => f.set('quantity', e.currentTarget.value)} />}
        </Field>
        <Field id="lot-cost" label="Total cost" error={f.errors.costBasis} hint={`In ${props.context.currency}, fees included`}>
          {(aria) => <input {...aria} type="text" inputMode="decimal" size={10} value={f.input.cost} onInput={(e) => f.set('cost', e.currentTarget.value)} />}
        </Field>
        <Field id="lot-acquired" label="Bought on" error={f.errors.acquired}>
          {(aria) => <input {...aria} type="date" value={f.input.acquired} onInput={(e) => f.set('acquired', e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="primary">Add lot</button>
      </div>
      <FormOutcome error={f.general} />
    </form>
  );
}

function TradeForm(props: { context: Context; accounts: AccountOption[]; onSaved: (s: string) => void }) {
  const f = useForm<TradeFormInput>(() => ({ accountId: '', symbol: '', side: 'buy', quantity: '', price: '', date: today() }));
  async function submit(event: Event) {
    event.preventDefault();
    const read = readTradeForm(f.input, props.context);
    if (!read.ok) return f.setErrors(issuesByField(read.issues));
    const t = read.value;
    try {
      await store.addTrade({ accountId: t.accountId, symbol: t.symbol, side: t.side, quantity: t.quantity, price: t.price, date: formatDay(t.date), ...HAND });
      f.setErrors({});
      f.setGeneral(undefined);
      f.reset();
      props.onSaved(`Recorded: ${SIDE_LABEL[t.side]} ${t.quantity} ${t.symbol} on ${formatDay(t.date)}.`);
    } catch (error) {
      const r = refusal(error, ['accountId', 'symbol', 'side', 'quantity', 'price', 'date']);
      f.setErrors(r.errors);
      f.setGeneral(r.general);
    }
  }
  return (
    <form aria-label="Record a trade" onSubmit={submit} noValidate>
      <div class="form-row">
        <AccountSelect id="trade-account" value={f.input.accountId} accounts={props.accounts} error={f.errors.accountId} onChange={(v) => f.set('accountId', v)} />
        <Field id="trade-side" label="Trade" error={f.errors.side}>
          {(aria) => (
            <select {...aria} value={f.input.side} onChange={(e) => f.set('side', e.currentTarget.value)}>
              <option value="buy">Buy</option>
              <option value="sell">Sell</option>
              <option value="reinvest">Reinvested dividend</option>
            </select>
          )}
        </Field>
        <Field id="trade-symbol" label="Symbol" error={f.errors.symbol}>
          {(aria) => <input {...aria} type="text" size={8} autocomplete="off" value={f.input.symbol} onInput={(e) => f.set('symbol', e.currentTarget.value)} />}
        </Field>
        <Field id="trade-quantity" label="Shares" error={f.errors.quantity}>
          {(aria) => <input {...aria} type="text" inputMode="decimal" size={8} value={f.input.quantity} onInput={(e) => f.set('quantity', e.currentTarget.value)} />}
        </Field>
        <Field id="trade-price" label="Price per share" error={f.errors.price} hint={`In ${props.context.currency}`}>
          {(aria) => <input {...aria} type="text" inputMode="decimal" size={9} value={f.input.price} onInput={(e) => f.set('price', e.currentTarget.value)} />}
        </Field>
        <Field id="trade-date" label="Trade date" error={f.errors.date}>
          {(aria) => <input {...aria} type="date" value={f.input.date} onInput={(e) => f.set('date', e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="primary">Record trade</button>
      </div>
      <FormOutcome error={f.general} />
    </form>
  );
}

function PriceForm(props: { locale: string; currency: string; onSaved: (s: string) => void }) {
  const f = useForm<PriceFormInput>(() => ({ symbol: '', price: '', date: today() }));
  async function submit(event: Event) {
    event.preventDefault();
    const read = readPriceForm(f.input, props);
    if (!read.ok) return f.setErrors(issuesByField(read.issues));
    const p = read.value;
    try {
      await store.setPrice({ symbol: p.symbol, price: p.price, date: formatDay(p.date), ...HAND });
      f.setErrors({});
      f.setGeneral(undefined);
      f.reset();
      props.onSaved(`Price of ${p.symbol} on ${formatDay(p.date)}: ${toAmountInput(p.price, props.locale)} ${p.price.currency}.`);
    } catch (error) {
      const r = refusal(error, ['symbol', 'price', 'date']);
      f.setErrors(r.errors);
      f.setGeneral(r.general);
    }
  }
  return (
    <form aria-label="Set a price" onSubmit={submit} noValidate>
      <div class="form-row">
        <Field id="price-symbol" label="Symbol" error={f.errors.symbol}>
          {(aria) => <input {...aria} type="text" size={8} autocomplete="off" value={f.input.symbol} onInput={(e) => f.set('symbol', e.currentTarget.value)} />}
        </Field>
        <Field id="price-price" label="Price" error={f.errors.price} hint={`In ${props.currency}`}>
          {(aria) => <input {...aria} type="text" inputMode="decimal" size={9} value={f.input.price} onInput={(e) => f.set('price', e.currentTarget.value)} />}
        </Field>
        <Field id="price-date" label="Price date" error={f.errors.date}>
          {(aria) => <input {...aria} type="date" value={f.input.date} onInput={(e) => f.set('date', e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="primary">Set price</button>
      </div>
      <FormOutcome error={f.general} />
    </form>
  );
}
