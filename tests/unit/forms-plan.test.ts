import { describe, expect, it } from 'vitest';
import {
  basisPointsToPercentText,
  decimalToPercentText,
  issuesByField,
  percentToBasisPoints,
  percentToDecimalString,
  readAssumptionRow,
  readBudgetForm,
  readCashNeedForm,
  readCostForm,
  readDebtForm,
  readIncomeForm,
  readStreamForm,
  toAmountInput,
  type BudgetFormInput,
  type FormResult,
} from '@/utils/forms/plan';

// 2026-11-24 15:30 in Berlin (UTC+1): 14:30Z.
const NOW = Date.UTC(2026, 10, 24, 14, 30);
const BERLIN = { locale: 'de-DE', tzOffsetMinutes: 60, now: NOW };
const NEW_YORK = { locale: 'en-US', tzOffsetMinutes: -300, now: NOW };
/** Local noon in Berlin of a November 2026 day: 12:00 local = 11:00Z. */
const berlinNoon = (day: number) => Date.UTC(2026, 10, day, 11);

/** The messages of a refused read, by field; fails the test when the read succeeded. */
function refused<T>(result: FormResult<T>): Record<string, string> {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return issuesByField(result.issues);
}

describe('percentages, read exactly', () => {
  it('reads basis points: "7.5" → 750, "24,99" → 2499, "8 %" → 800', () => {
    expect(percentToBasisPoints('7.5')).toEqual({ ok: true, value: 750 });
    expect(percentToBasisPoints('24,99', { locale: 'de-DE' })).toEqual({ ok: true, value: 2499 });
    expect(percentToBasisPoints(' 8 %')).toEqual({ ok: true, value: 800 });
    // 0.07 × 100 = 7.000000000000001 in floats; the digits give exactly 7.
    expect(percentToBasisPoints('0.07')).toEqual({ ok: true, value: 7 });
    expect(percentToBasisPoints('19.90')).toEqual({ ok: true, value: 1990 });
  });

  it('refuses "abc", a third decimal, a negative rate, and "1,000" where "," groups thousands', () => {
    expect(refused(percentToBasisPoints('abc', { field: 'apr', label: 'APR' }))).toEqual({ apr: 'APR "abc" is not a number such as 7.5' });
    expect(refused(percentToBasisPoints('7.555', { label: 'APR' })).percent).toBe('APR can have at most two decimals (a basis point is 0.01%)');
    expect(refused(percentToBasisPoints('-3', { label: 'APR' })).percent).toBe('APR cannot be negative');
    expect(refused(percentToBasisPoints('1,000', { locale: 'en-US' })).percent).toMatch(/is ambiguous/);
    expect(refused(percentToBasisPoints('', { label: 'APR' })).percent).toBe('APR is required');
    // In de-DE the comma is the decimal point: 1,000 % is 1 %.
    expect(percentToBasisPoints('1,000', { locale: 'de-DE' })).toEqual({ ok: true, value: 100 });
  });

  it('reads decimal strings: "4" → "0.04", "7.5" → "0.075", "-20" → "-0.2", "100" → "1"', () => {
    expect(percentToDecimalString('4')).toEqual({ ok: true, value: '0.04' });
    expect(percentToDecimalString('7.5')).toEqual({ ok: true, value: '0.075' });
    expect(percentToDecimalString('4,75', { locale: 'de-DE' })).toEqual({ ok: true, value: '0.0475' });
    expect(percentToDecimalString('-20', { allowNegative: true })).toEqual({ ok: true, value: '-0.2' });
    expect(percentToDecimalString('100')).toEqual({ ok: true, value: '1' });
    expect(percentToDecimalString('0')).toEqual({ ok: true, value: '0' });
    expect(percentToDecimalString('-0', { allowNegative: false })).toEqual({ ok: true, value: '0' });
    expect(percentToDecimalString('1234.5')).toEqual({ ok: true, value: '12.345' });
    expect(refused(percentToDecimalString('-2')).percent).toBe('Percentage cannot be negative');
  });

  it('writes them back for the form, in the locale', () => {
    expect(basisPointsToPercentText(750, 'en-US')).toBe('7.5');
    expect(basisPointsToPercentText(2499, 'de-DE')).toBe('24,99');
    expect(basisPointsToPercentText(800, 'de-DE')).toBe('8');
    expect(decimalToPercentText('0.0475', 'de-DE')).toBe('4,75');
    expect(decimalToPercentText('-0.2', 'en-US')).toBe('-20');
    expect(decimalToPercentText('0.04', 'en-US')).toBe('4');
    expect(decimalToPercentText('0', 'en-US')).toBe('0');
    expect(toAmountInput({ minor: 123456, currency: 'EUR' }, 'de-DE')).toBe('1234,56');
    expect(toAmountInput({ minor: 1500, currency: 'JPY' }, 'de-DE')).toBe('1500');
  });
});

describe('readStreamForm', () => {
  const stream = {
    name: '  Niche site ',
    layer: 'leverage',
    accountId: '',
    started: '2026-03-01',
    hoursPerMonth: '12,5',
    selfSustainingMonthly: '1.234,56',
    capital: '',
    assumptionId: '',
    currency: 'eur',
  };

  it('reads a German-formatted stream: amounts in minor units, the start at local noon', () => {
    expect(readStreamForm(stream, BERLIN)).toEqual({
      ok: true,
      value: {
        name: 'Niche site',
        layer: 'leverage',
        accountId: undefined,
        // 2026-03-01 12:00 in Berlin (UTC+1) = 11:00Z.
        startedAt: Date.UTC(2026, 2, 1, 11),
        hoursPerMonth: 12.5,
        // "1.234,56" in de-DE = 1234.56 EUR = 123456 cents.
        selfSustainingMonthly: { minor: 123456, currency: 'EUR' },
        capital: undefined,
        assumptionId: undefined,
      },
    });
  });

  it('names each bad field', () => {
    const errors = refused(
      readStreamForm(
        { ...stream, name: ' ', started: '2026-11-25', hoursPerMonth: '800', capital: 'abc', currency: 'EUR', assumptionId: 'crypto' },
        BERLIN,
      ),
    );
    expect(errors).toEqual({
      name: 'Stream name is required',
      startedAt: 'Started 2026-11-25 is in the future',
      hoursPerMonth: 'Hours a month cannot be more than 744 (every hour of a month)',
      capital: expect.stringMatching(/^Capital: /),
      assumptionId: 'No projection profile "crypto"',
    });
    expect(refused(readStreamForm({ ...stream, currency: 'EURO' }, BERLIN)).currency).toBe(
      'Currency "EURO" is not an ISO 4217 code such as USD, EUR or JPY',
    );
  });
});

describe('readCostForm', () => {
  const cost = { name: 'Hosting', amount: '24.99', every: 'month', starts: '2026-01-15', ends: '', currency: 'USD' };

  it('reads a monthly $24.99 cost with no end', () => {
    expect(readCostForm(cost, NEW_YORK)).toEqual({
      ok: true,
      // 2026-01-15 12:00 in New York (UTC−5) = 17:00Z.
      value: { name: 'Hosting', amount: { minor: 2499, currency: 'USD' }, every: 'month', startsAt: Date.UTC(2026, 0, 15, 17), endsAt: undefined },
    });
  });

  it('refuses a cost that ends before (or on the day) it starts, and a zero amount', () => {
    expect(refused(readCostForm({ ...cost, ends: '2026-01-01' }, NEW_YORK))).toEqual({
      endsAt: 'Ends 2026-01-01 must be after it starts (2026-01-15)',
    });
    expect(refused(readCostForm({ ...cost, ends: '2026-01-15' }, NEW_YORK)).endsAt).toMatch(/must be after it starts/);
    expect(refused(readCostForm({ ...cost, amount: '0', every: 'week' }, NEW_YORK))).toEqual({
      amount: 'Amount must be more than zero',
      every: 'Every must be month, year or once',
    });
  });
});

describe('readIncomeForm', () => {
  it("stamps today's income now and a past day's at local noon", () => {
    const today = readIncomeForm({ amount: '312,40 €', date: '2026-11-24', kind: 'ad-revenue', currency: 'EUR' }, BERLIN);
    expect(today).toEqual({ ok: true, value: { at: NOW, amount: { minor: 31240, currency: 'EUR' }, kind: 'ad-revenue' } });
    const past = readIncomeForm({ amount: '-50', date: '2026-11-02', kind: 'trading-gain', currency: 'EUR' }, BERLIN);
    // A trading loss is income below zero: −50.00 EUR = −5000 cents.
    expect(past).toEqual({ ok: true, value: { at: berlinNoon(2), amount: { minor: -5000, currency: 'EUR' }, kind: 'trading-gain' } });
  });

  it('refuses zero, rounded figures, another currency, the future and an unknown kind', () => {
    expect(refused(readIncomeForm({ amount: '0,00', date: '2026-11-25', kind: 'salary', currency: 'EUR' }, BERLIN))).toEqual({
      amount: 'Amount cannot be zero',
      at: 'Date 2026-11-25 is in the future',
      kind: expect.stringMatching(/^Kind must be one of: dividend, /),
    });
    expect(refused(readIncomeForm({ amount: '1,2K €', date: '2026-11-24', kind: 'other', currency: 'EUR' }, BERLIN)).amount).toBe(
      'Amount "1,2K €" is rounded: enter the exact amount',
    );
    expect(refused(readIncomeForm({ amount: '$5', date: '2026-11-24', kind: 'other', currency: 'EUR' }, BERLIN)).amount).toMatch(/USD|EUR/);
  });
});

describe('readDebtForm and readCashNeedForm', () => {
  it('reads a card at 24,99 % APR: 2499 basis points, balance 1.234,56 € = 123456 cents', () => {
    expect(readDebtForm({ name: 'Visa', balance: '1.234,56', apr: '24,99', minimumMonthly: '35', currency: 'EUR' }, BERLIN)).toEqual({
      ok: true,
      value: {
        name: 'Visa',
        balance: { minor: 123456, currency: 'EUR' },
        aprBasisPoints: 2499,
        minimumMonthly: { minor: 3500, currency: 'EUR' },
      },
    });
  });

  it('refuses a bad APR and a negative balance, next to each field', () => {
    expect(refused(readDebtForm({ name: 'Visa', balance: '-10', apr: 'abc', minimumMonthly: '', currency: 'USD' }, NEW_YORK))).toEqual({
      balance: 'Balance cannot be negative',
      aprBasisPoints: 'APR "abc" is not a number such as 7.5',
    });
    expect(refused(readDebtForm({ name: 'Loan shark', balance: '10', apr: '1000.01', minimumMonthly: '', currency: 'USD' }, NEW_YORK))).toEqual({
      aprBasisPoints: 'APR is over 1000%',
    });
  });

  it('reads a cash need due today or later, and refuses a passed due date', () => {
    expect(readCashNeedForm({ name: 'Car insurance', amount: '1,200', due: '2027-03-01', currency: 'USD' }, NEW_YORK)).toEqual({
      ok: true,
      // 2027-03-01 12:00 in New York (UTC−5) = 17:00Z; "1,200" in en-US = $1,200.00.
      value: { name: 'Car insurance', amount: { minor: 120000, currency: 'USD' }, dueAt: Date.UTC(2027, 2, 1, 17) },
    });
    expect(refused(readCashNeedForm({ name: 'Tuition', amount: '5000', due: '2026-11-01', currency: 'USD' }, NEW_YORK))).toEqual({
      dueAt: 'Due date 2026-11-01 has passed',
    });
  });

  it('reads what is already set aside, and refuses more than the need', () => {
    const need = { name: 'Car insurance', amount: '1,200', due: '2027-03-01', currency: 'USD' };
    const read = readCashNeedForm({ ...need, setAside: '300.50' }, NEW_YORK);
    expect(read.ok && read.value.setAside).toEqual({ minor: 30050, currency: 'USD' });
    expect(refused(readCashNeedForm({ ...need, setAside: '1,500' }, NEW_YORK))).toEqual({
      setAside: 'Already set aside is more than the amount needed',
    });
  });
});

describe('readBudgetForm', () => {
  const budget: BudgetFormInput = {
    monthlyExpenses: '3.200,00',
    otherMonthlyIncome: '4.150,50',
    emergencyMonths: '6',
    emergencyAccountIds: ['hysa-1', 'hysa-1', 'cash-2'],
    highInterestApr: '7,5',
    foundationStarterMonthly: '50',
    stableSurplusMonths: '3',
    accelerationCap: '10',
    withdrawalRate: '3,5',
    expensesGrowth: '2,5',
    phrasing: false,
    leveragePlayStreamId: 'stream-1',
    leverageCommitted: '2026-11-02',
    currency: 'EUR',
  };

  it('reads every setting exactly: money in cents, rates in basis points and decimal strings', () => {
    expect(readBudgetForm(budget, BERLIN)).toEqual({
      ok: true,
      value: {
        monthlyExpenses: { minor: 320000, currency: 'EUR' },
        otherMonthlyIncome: { minor: 415050, currency: 'EUR' },
        emergencyMonths: 6,
        emergencyAccountIds: ['hysa-1', 'cash-2'],
        highInterestAprBasisPoints: 750,
        foundationStarterMonthly: { minor: 5000, currency: 'EUR' },
        stableSurplusMonths: 3,
        accelerationCapBasisPoints: 1000,
        withdrawalRate: '0.035',
        expensesGrowth: '0.025',
        phrasing: false,
        leveragePlay: { streamId: 'stream-1', committedAt: berlinNoon(2) },
      },
    });
    const none = readBudgetForm({ ...budget, leveragePlayStreamId: '', leverageCommitted: 'whenever' }, BERLIN);
    expect(none.ok && none.value.leveragePlay).toBe(undefined);
  });

  it('refuses out-of-range figures, naming each field', () => {
    expect(
      refused(
        readBudgetForm(
          { ...budget, emergencyMonths: '25', stableSurplusMonths: '0', accelerationCap: '101', withdrawalRate: '0', monthlyExpenses: 'abc' },
          BERLIN,
        ),
      ),
    ).toEqual({
      monthlyExpenses: expect.stringMatching(/^Monthly expenses: /),
      emergencyMonths: 'Emergency fund target is more than 24',
      stableSurplusMonths: 'Months of stable surplus must be at least 1',
      accelerationCapBasisPoints: 'Acceleration cap is more than 100%',
      withdrawalRate: 'Withdrawal rate must be more than 0% and at most 100%',
    });
  });
});

describe('readAssumptionRow', () => {
  const hysa = { annualReturn: 0.0475, annualVolatility: 0, monthlyChurn: 0, monthlyCollapse: 0 };

  it('keeps only the figures that differ from the default, as decimal strings', () => {
    const typed = { annualReturn: '4,75', annualVolatility: '0', monthlyChurn: '0', monthlyCollapse: '0,5' };
    expect(readAssumptionRow(typed, hysa, BERLIN)).toEqual({ ok: true, value: { monthlyCollapse: '0.005' } });
    expect(readAssumptionRow({ ...typed, annualReturn: '4', monthlyCollapse: '0' }, hysa, BERLIN)).toEqual({
      ok: true,
      value: { annualReturn: '0.04' },
    });
  });

  it('allows a negative return but no churn above 100% a month', () => {
    const typed = { annualReturn: '-20', annualVolatility: 'x', monthlyChurn: '150', monthlyCollapse: '0' };
    expect(refused(readAssumptionRow(typed, hysa, NEW_YORK))).toEqual({
      annualVolatility: 'Volatility a year "x" is not a number such as 7.5',
      monthlyChurn: 'Churn a month must be between 0% and 100%',
    });
  });
});
