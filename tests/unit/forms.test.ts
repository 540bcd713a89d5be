import { describe, expect, it } from 'vitest';
import { localNoon, parseDateInput, toDateInput } from '@/utils/forms/dates';
import { readSnapshotForm } from '@/utils/forms/snapshot';
import { toFieldErrors } from '@/utils/forms/errors';

// 2026-11-24 15:30 in Berlin (UTC+1): 14:30Z.
const NOW = Date.UTC(2026, 10, 24, 14, 30);
const BERLIN = 60;

describe('dates', () => {
  it('reads calendar dates and refuses impossible ones', () => {
    expect(parseDateInput('2026-02-28')).toEqual({ ok: true, y: 2026, m: 2, d: 28 });
    expect(parseDateInput('2026-02-29')).toEqual({ ok: false, reason: 'Date 2026-02-29 does not exist' });
    expect(parseDateInput('24/11/2026').ok).toBe(false);
    expect(parseDateInput('').ok).toBe(false);
  });
  it('maps instants to local calendar days with the offset', () => {
    // 23:30Z on Mar 1 is already Mar 2 in Berlin, still Mar 1 in New York.
    const at = Date.UTC(2026, 2, 1, 23, 30);
    expect(toDateInput(at, 60)).toBe('2026-03-02');
    expect(toDateInput(at, -300)).toBe('2026-03-01');
    expect(localNoon({ y: 2026, m: 3, d: 2 }, 60)).toBe(Date.UTC(2026, 2, 2, 11));
  });
});

describe('readSnapshotForm', () => {
  const base = { currency: 'USD', locale: 'en-US', now: NOW, tzOffsetMinutes: BERLIN };

  it('reads a US-formatted amount for today, stamped now', () => {
    expect(readSnapshotForm({ ...base, amountText: '$12,345.67', dateText: '2026-11-24' })).toEqual({
      ok: true,
      amount: { minor: 1234567, currency: 'USD' },
      at: NOW,
    });
  });

  it('reads a German-formatted euro amount for a past day, stamped at local noon', () => {
    const r = readSnapshotForm({ ...base, currency: 'EUR', locale: 'de-DE', amountText: '1.234,56', dateText: '2026-11-01' });
    expect(r).toEqual({ ok: true, amount: { minor: 123456, currency: 'EUR' }, at: Date.UTC(2026, 10, 1, 11) });
  });

  it('refuses garbage, rounded and foreign-currency amounts, and future dates, naming each field', () => {
    const bad = readSnapshotForm({ ...base, amountText: '12.34.56', dateText: '2026-11-25' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.amount).toMatch(/^Amount: /);
    expect(bad.errors.date).toBe('Date 2026-11-25 is in the future');

    const rounded = readSnapshotForm({ ...base, amountText: '$1.2K', dateText: '2026-11-24' });
    expect(rounded).toEqual({ ok: false, errors: { amount: 'Amount "$1.2K" is rounded: enter the exact balance' } });

    const euro = readSnapshotForm({ ...base, amountText: '€5', dateText: '2026-11-24' });
    expect(euro.ok).toBe(false);
    if (!euro.ok) expect(euro.errors.amount).toMatch(/EUR|USD/);

    expect(readSnapshotForm({ ...base, amountText: '  ', dateText: '2026-11-24' })).toEqual({
      ok: false,
      errors: { amount: 'Amount is required' },
    });
  });
});

describe('toFieldErrors', () => {
  it('places issues next to their fields and keeps the rest general', () => {
    const error = Object.assign(new Error('invalid'), {
      issues: [
        { field: 'amount.minor', message: 'must be a whole number of minor units' },
        { field: 'name', message: 'Account name is required' },
        { field: 'provenance.description', message: 'is too long' },
      ],
    });
    expect(toFieldErrors(error, ['amount', 'name'])).toEqual({
      fields: { amount: 'must be a whole number of minor units', name: 'Account name is required' },
      general: 'provenance.description: is too long',
    });
    expect(toFieldErrors(new Error('disk full'), ['amount'])).toEqual({ fields: {}, general: 'disk full' });
  });
});
