import { describe, expect, it } from 'vitest';
import { readLotForm, readPortfolioSettingsForm, readPriceForm, readTargetsForm, readTradeForm } from '@/utils/forms/portfolio';
import { parseDay } from '@/utils/portfolio/dates';

const us = { locale: 'en-US', currency: 'USD', accountIds: ['a1', 'a2'] };
const de = { locale: 'de-DE', currency: 'EUR', accountIds: ['a1'] };

describe('the lot form', () => {
  it('reads a lot typed the way a person writes it', () => {
    const r = readLotForm({ accountId: 'a1', symbol: ' vti ', quantity: '12.5', cost: '$2,500.40', acquired: '2024-01-05' }, us);
    expect(r).toEqual({
      ok: true,
      value: { accountId: 'a1', symbol: 'VTI', quantity: '12.5', costBasis: { minor: 250040, currency: 'USD' }, acquired: parseDay('2024-01-05') },
    });
  });

  it('reads a German quantity and amount', () => {
    const r = readLotForm({ accountId: 'a1', symbol: 'VWCE', quantity: '3,25', cost: '1.234,56 €', acquired: '2025-02-28' }, de);
    expect(r.ok && r.value.quantity).toBe('3.25');
    expect(r.ok && r.value.costBasis).toEqual({ minor: 123456, currency: 'EUR' });
  });

  it('names every wrong field', () => {
    const r = readLotForm({ accountId: 'nope', symbol: '', quantity: '1,000', cost: 'abc', acquired: '2024-02-30' }, us);
    expect(r.ok).toBe(false);
    const fields = !r.ok ? r.issues.map((i) => i.field) : [];
    expect(fields).toEqual(['accountId', 'symbol', 'quantity', 'costBasis', 'acquired']);
    expect(!r.ok && r.issues[2]!.message).toContain('without thousands separators');
  });

  it('refuses more than six decimals of a share and a zero quantity', () => {
    const seven = readLotForm({ accountId: 'a1', symbol: 'VTI', quantity: '0.0000001', cost: '1', acquired: '2024-01-05' }, us);
    expect(!seven.ok && seven.issues[0]!.message).toContain('at most 6 decimals');
    const zero = readLotForm({ accountId: 'a1', symbol: 'VTI', quantity: '0', cost: '1', acquired: '2024-01-05' }, us);
    expect(!zero.ok && zero.issues[0]!.message).toBe('Quantity must be more than zero');
  });
});

describe('the trade and price forms', () => {
  it('reads a reinvested dividend', () => {
    const r = readTradeForm({ accountId: 'a2', symbol: 'vxus', side: 'reinvest', quantity: '0.412', price: '60.05', date: '2026-11-10' }, us);
    expect(r).toEqual({
      ok: true,
      value: { accountId: 'a2', symbol: 'VXUS', side: 'reinvest', quantity: '0.412', price: { minor: 6005, currency: 'USD' }, date: parseDay('2026-11-10') },
    });
  });

  it('refuses a side that is not buy, sell or reinvest, and a price in another currency', () => {
    const r = readTradeForm({ accountId: 'a1', symbol: 'VTI', side: 'short', quantity: '1', price: '€300', date: '2026-11-10' }, us);
    expect(!r.ok && r.issues.map((i) => i.field)).toEqual(['side', 'price']);
  });

  it('reads a price with its date', () => {
    expect(readPriceForm({ symbol: 'bnd', price: '72.31', date: '2026-11-23' }, us)).toEqual({
      ok: true,
      value: { symbol: 'BND', price: { minor: 7231, currency: 'USD' }, date: parseDay('2026-11-23') },
    });
  });
});

describe('the targets form', () => {
  it('reads percentages into basis points that add up to 100%', () => {
    // de-DE: "12,5" is 12.5%; "27.5" is read as 27.5% too (a "." followed by one digit is no thousands group).
    expect(readTargetsForm({ 'us-total-market': '60', 'intl-developed': '12,5', 'us-bonds': '27.5' }, 'de-DE')).toEqual({
      ok: true,
      value: { 'us-total-market': 6000, 'intl-developed': 1250, 'us-bonds': 2750 },
    });
    // "1.000" in de-DE is a thousands group, never a decimal: refused as ambiguous.
    expect(readTargetsForm({ a: '1.000' }, 'de-DE').ok).toBe(false);
    expect(readTargetsForm({ 'us-total-market': '60', 'intl-developed': '12.5', 'us-bonds': '27.5', reits: '' }, 'en-US')).toEqual({
      ok: true,
      value: { 'us-total-market': 6000, 'intl-developed': 1250, 'us-bonds': 2750 },
    });
  });

  it('says what the targets add up to when it is not 100%', () => {
    const r = readTargetsForm({ a: '60', b: '30' }, 'en-US');
    expect(!r.ok && r.issues[0]!.message).toBe('Targets must add up to 100%; they add up to 90.00%');
  });

  it('allows no targets at all', () => {
    expect(readTargetsForm({ a: '', b: '' }, 'en-US')).toEqual({ ok: true, value: {} });
  });
});

describe('the portfolio settings form', () => {
  it('reads the 5/25 bands, thresholds and tax rates', () => {
    const r = readPortfolioSettingsForm(
      { absoluteBand: '5', relativeBand: '25', harvestMinLoss: '1,000', harvestMinLossShare: '5', shortTermRate: '32', longTermRate: '15', lotMethod: 'fifo', allowShortTermGains: false },
      us,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        absoluteBandBasisPoints: 500,
        relativeBandBasisPoints: 2500,
        harvestMinLossMinor: 100000,
        harvestMinLossBasisPoints: 500,
        shortTermRateBasisPoints: 3200,
        longTermRateBasisPoints: 1500,
        allowShortTermGains: false,
        lotMethod: 'fifo',
      },
    });
  });

  it('refuses a rate over 100% and a band that is not a number', () => {
    const r = readPortfolioSettingsForm(
      { absoluteBand: 'five', relativeBand: '25', harvestMinLoss: '0', harvestMinLossShare: '5', shortTermRate: '132', longTermRate: '15', lotMethod: 'lifo', allowShortTermGains: true },
      us,
    );
    expect(!r.ok && r.issues.map((i) => i.field)).toEqual(['absoluteBandBasisPoints', 'shortTermRateBasisPoints', 'lotMethod']);
  });
});
