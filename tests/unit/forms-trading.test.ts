import { describe, expect, it } from 'vitest';
import {
  readBacktestForm,
  readBarsSymbol,
  readLabAccountForm,
  readOptionForm,
  readOutcomeForm,
  readStrategyForm,
  readTradingSettingsForm,
  type OptionFormInput,
} from '@/utils/forms/trading';
import { parseDay } from '@/utils/portfolio/dates';

const accounts = [
  { id: 'lab-usd', currency: 'USD' },
  { id: 'lab-eur', currency: 'EUR' },
];

const call: OptionFormInput = {
  accountId: 'lab-usd',
  kind: 'covered-call',
  symbol: ' aapl ',
  openedOn: '2024-03-01',
  expiry: '2024-03-15',
  strike: '185',
  contracts: '2',
  premium: '1,234.50',
  underlying: '180.25',
};

describe('the lab account form', () => {
  it('reads "1,234.50" in en-US as 123450 cents, with the strategy and start day', () => {
    const r = readLabAccountForm(
      { name: ' Swing ', mode: 'real', capital: '1,234.50', currency: 'usd', strategyId: 's1', startDate: '2024-06-03' },
      { locale: 'en-US', strategyIds: ['s1'] },
    );
    expect(r).toEqual({
      ok: true,
      value: { name: 'Swing', mode: 'real', currency: 'USD', capital: { minor: 123450, currency: 'USD' }, strategyId: 's1', startDate: '2024-06-03' },
    });
  });

  it('reads "10.000,00 €" in de-DE as 1000000 cents and leaves the strategy out when none is chosen', () => {
    const r = readLabAccountForm({ name: 'Papier', mode: 'paper', capital: '10.000,00 €', currency: 'EUR', strategyId: '', startDate: '2024-01-02' }, { locale: 'de-DE', strategyIds: [] });
    expect(r.ok && r.value.capital).toEqual({ minor: 1_000_000, currency: 'EUR' });
    expect(r.ok && 'strategyId' in r.value).toBe(false);
  });

  it('names each wrong field: no name, no mode, a bad currency, zero capital, an unknown strategy, a date that does not exist', () => {
    const r = readLabAccountForm({ name: ' ', mode: 'demo', capital: '0', currency: 'dollars', strategyId: 'gone', startDate: '2024-02-30' }, { locale: 'en-US', strategyIds: ['s1'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['currency', 'mode', 'name', 'startDate', 'strategyId']);
    const zero = readLabAccountForm({ name: 'A', mode: 'paper', capital: '0', currency: 'USD', strategyId: '', startDate: '2024-01-02' }, { locale: 'en-US', strategyIds: [] });
    expect(!zero.ok && zero.errors.capital).toBe('Starting capital must be more than zero');
  });

  it('refuses a rounded amount rather than guessing it', () => {
    const r = readLabAccountForm({ name: 'A', mode: 'paper', capital: '$1.2K', currency: 'USD', strategyId: '', startDate: '2024-01-02' }, { locale: 'en-US', strategyIds: [] });
    expect(!r.ok && r.errors.capital).toContain('rounded');
  });
});

describe('the option form', () => {
  it('reads a covered call in the account currency: strike 18500 cents, premium 123450, share price 18025', () => {
    const r = readOptionForm(call, { locale: 'en-US', accounts });
    expect(r).toEqual({
      ok: true,
      value: {
        accountId: 'lab-usd',
        kind: 'covered-call',
        symbol: 'AAPL',
        openedOn: '2024-03-01',
        expiry: '2024-03-15',
        strike: { minor: 18500, currency: 'USD' },
        contracts: 2,
        premium: { minor: 123450, currency: 'USD' },
        underlying: { minor: 18025, currency: 'USD' },
      },
    });
  });

  it('refuses 1.5 contracts with a message, and an expiry before the day it was opened', () => {
    const r = readOptionForm({ ...call, contracts: '1.5', expiry: '2024-02-28' }, { locale: 'en-US', accounts });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.contracts).toBe('Contracts must be a whole number of contracts, such as 1');
    expect(r.errors.expiry).toBe('Expiry cannot be before the day it was opened');
    expect(Object.keys(r.errors).sort()).toEqual(['contracts', 'expiry']);
  });

  it('ignores the share price of a put, and reads amounts in a euro account with a German locale', () => {
    const r = readOptionForm({ ...call, accountId: 'lab-eur', kind: 'cash-secured-put', strike: '42,50', premium: '1.050,00', underlying: 'anything' }, { locale: 'de-DE', accounts });
    expect(r.ok && r.value.strike).toEqual({ minor: 4250, currency: 'EUR' });
    expect(r.ok && r.value.premium).toEqual({ minor: 105000, currency: 'EUR' });
    expect(r.ok && 'underlying' in r.value).toBe(false);
  });

  it('refuses 0 contracts, a negative premium and a missing account', () => {
    const r = readOptionForm({ ...call, accountId: '', contracts: '0' }, { locale: 'en-US', accounts });
    expect(!r.ok && r.errors.accountId).toBe('Choose an account');
    expect(!r.ok && r.errors.contracts).toBe('Contracts must be at least 1');
    const negative = readOptionForm({ ...call, premium: '-5' }, { locale: 'en-US', accounts });
    expect(!negative.ok && negative.errors.premium).toBe('Premium received cannot be negative');
  });
});

describe('the outcome form', () => {
  const context = { locale: 'en-US', currency: 'USD', openedOn: '2024-03-01', otherPositionIds: ['p2'] };

  it('reads a buy-back of $45.20 as 4520 cents', () => {
    expect(readOutcomeForm({ kind: 'closed', on: '2024-03-08', cost: '45.20', rolledIntoId: '' }, context)).toEqual({
      ok: true,
      value: { kind: 'closed', on: '2024-03-08', cost: { minor: 4520, currency: 'USD' } },
    });
  });

  it('costs nothing for an expiry or an assignment, whatever the cost box holds', () => {
    const r = readOutcomeForm({ kind: 'assigned', on: '2024-03-15', cost: 'junk', rolledIntoId: '' }, context);
    expect(r.ok && r.value.cost).toEqual({ minor: 0, currency: 'USD' });
  });

  it('needs the new position of a roll and refuses a day before the opening', () => {
    const r = readOutcomeForm({ kind: 'rolled', on: '2024-02-29', cost: '10', rolledIntoId: '' }, context);
    expect(!r.ok && r.errors).toEqual({
      on: 'The outcome cannot be before the day it was opened (2024-03-01)',
      rolledIntoId: 'Choose the position it rolled into (log the new one first)',
    });
    const ok = readOutcomeForm({ kind: 'rolled', on: '2024-03-14', cost: '0', rolledIntoId: 'p2' }, context);
    expect(ok.ok && ok.value).toEqual({ kind: 'rolled', on: '2024-03-14', cost: { minor: 0, currency: 'USD' }, rolledIntoId: 'p2' });
  });
});

describe('the backtest, strategy, symbol and settings forms', () => {
  it('reads a date range into Day numbers and refuses To before From', () => {
    const r = readBacktestForm({ text: ' buy when rsi(14) < 30; sell when rsi(14) > 70 ', symbol: 'SPY', from: '2020-01-02', to: '' }, { symbols: ['SPY'], rotation: false });
    expect(r).toEqual({ ok: true, value: { text: 'buy when rsi(14) < 30; sell when rsi(14) > 70', symbol: 'SPY', from: parseDay('2020-01-02'), to: undefined } });
    const backwards = readBacktestForm({ text: 'x', symbol: 'SPY', from: '2021-01-04', to: '2020-12-31' }, { symbols: ['SPY'], rotation: false });
    expect(!backwards.ok && backwards.errors.to).toBe('To cannot be before From');
  });

  it('needs a symbol with prices unless the rules rotate', () => {
    const none = readBacktestForm({ text: 'buy when close > 1; sell when close < 1', symbol: '', from: '', to: '' }, { symbols: [], rotation: false });
    expect(!none.ok && none.errors.symbol).toBe('Import a price file first');
    const rotation = readBacktestForm({ text: 'rotate SPY, AGG by roc(126) top 1 every 21 days', symbol: '', from: '', to: '' }, { symbols: ['SPY'], rotation: true });
    expect(rotation.ok && rotation.value.symbol).toBe('');
  });

  it('saves a strategy with its name and the symbols it was run on', () => {
    expect(readStrategyForm({ name: ' RSI dip ', text: 'buy when rsi(14) < 30; sell when rsi(14) > 70' }, ['SPY'])).toEqual({
      ok: true,
      value: { name: 'RSI dip', text: 'buy when rsi(14) < 30; sell when rsi(14) > 70', symbols: ['SPY'] },
    });
    const nothing = readStrategyForm({ name: '', text: 'x' }, []);
    expect(!nothing.ok && Object.keys(nothing.errors).sort()).toEqual(['name', 'symbols']);
  });

  it('upper-cases a price file symbol and refuses one that is not a ticker', () => {
    expect(readBarsSymbol(' brk-b ')).toEqual({ ok: true, value: 'BRK-B' });
    expect(readBarsSymbol('my prices')).toEqual({ ok: false, errors: { symbol: 'Symbol "my prices" is not a ticker such as SPY' } });
  });

  it('reads whole days and months within the store limits', () => {
    expect(readTradingSettingsForm({ reminderDays: '5', riskMonths: '12', expiryNotifications: true, useAdjusted: false })).toEqual({
      ok: true,
      value: { reminderDays: 5, riskMonths: 12, expiryNotifications: true, useAdjusted: false },
    });
    const r = readTradingSettingsForm({ reminderDays: '31', riskMonths: '0', expiryNotifications: false, useAdjusted: true });
    expect(!r.ok && r.errors).toEqual({ reminderDays: 'Reminder cannot be more than 30', riskMonths: 'Risk cap months must be at least 1' });
  });
});
