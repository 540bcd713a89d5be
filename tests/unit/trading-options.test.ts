/**
 * The options income log on hand-worked cases: capital, net premium, days and
 * annualized yield, cash-basis months, assignments, rolls, expiry reminders
 * and validation. Money in cents (minor units); one contract = 100 shares.
 */
import { describe, expect, it } from 'vitest';
import { parseDay } from '@/utils/portfolio/dates';
import { expiryReminders, optionsReport, validateOptionPosition } from '@/utils/trading/options';
import type { OptionPosition } from '@/utils/trading/types';

const day = (s: string) => parseDay(s)!;

function csp(id: string, extra: Partial<OptionPosition> = {}): OptionPosition {
  return {
    id,
    accountId: 'brokerage',
    kind: 'cash-secured-put',
    symbol: 'XYZ',
    currency: 'USD',
    openedOn: day('2026-03-02'),
    expiry: day('2026-04-01'),
    strikeMinor: 5_000,
    contracts: 1,
    premiumMinor: 12_000,
    underlyingMinor: null,
    outcome: null,
    ...extra,
  };
}
function cc(id: string, extra: Partial<OptionPosition> = {}): OptionPosition {
  return { ...csp(id), kind: 'covered-call', symbol: 'SPY', ...extra };
}
const view = (r: ReturnType<typeof optionsReport>, id: string) => r.positions.find((v) => v.id === id)!;

describe('one cash-secured put that expired', () => {
  // Strike 50.00, 1 contract, premium 120.00, 2026-03-02 → 2026-04-01 = 30 days (March has 31).
  const p = csp('put', { outcome: { kind: 'expired', on: day('2026-04-01'), costMinor: 0 } });
  const r = optionsReport([p], day('2026-05-01'));

  it('secures strike × 100 × contracts and yields premium ÷ capital × 365 ÷ days', () => {
    const v = view(r, 'put');
    expect(v.capitalMinor).toBe(500_000); // 50.00 × 100 × 1 = 5,000.00
    expect(v.netPremiumMinor).toBe(12_000);
    expect(v.days).toBe(30);
    // 120 / 5,000 = 0.024; × 365 / 30 = 0.292
    expect(v.annualizedYield).toBeCloseTo(0.292, 12);
    expect(v.status).toBe('expired');
    expect(v.sharesDelta).toBe(0);
    expect(v.effectiveCostPerShareMinor).toBeNull();
    expect(v.daysToExpiry).toBeNull();
    expect(r.annualizedYield).toBeCloseTo(0.292, 12);
    expect(r.openCapitalMinor).toBe(0);
    expect(r.currency).toBe('USD');
  });

  it('counts at least one day for an option opened and ended the same day', () => {
    const sameDay = csp('p0', { expiry: day('2026-03-02'), outcome: { kind: 'expired', on: day('2026-03-02'), costMinor: 0 } });
    const v = view(optionsReport([sameDay], day('2026-03-02')), 'p0');
    expect(v.days).toBe(1);
    expect(v.annualizedYield).toBeCloseTo((12_000 / 500_000) * 365, 12); // 0.024 × 365 = 8.76
  });
});

describe('a covered call bought back early, in the next month', () => {
  // SPY, 2 contracts, strike 450.00, shares at 440.00 at open, premium 640.00 on 2026-01-20,
  // bought back for 160.00 on 2026-02-05 (16 days).
  const call = cc('call', {
    openedOn: day('2026-01-20'),
    expiry: day('2026-02-20'),
    strikeMinor: 45_000,
    underlyingMinor: 44_000,
    contracts: 2,
    premiumMinor: 64_000,
    outcome: { kind: 'closed', on: day('2026-02-05'), costMinor: 16_000 },
  });
  const r = optionsReport([call], day('2026-03-01'));

  it('ties up the shares and nets the buy-back', () => {
    const v = view(r, 'call');
    expect(v.capitalMinor).toBe(8_800_000); // 440.00 × 100 × 2 = 88,000.00
    expect(v.netPremiumMinor).toBe(48_000); // 640.00 − 160.00
    expect(v.days).toBe(16);
    // 480 / 88,000 × 365 / 16 = 17,520,000 / 140,800,000 = 0.1244318…
    expect(v.annualizedYield).toBeCloseTo(0.124431818, 8);
  });

  it('puts the premium in January and the buy-back in February (cash basis)', () => {
    expect(r.premiumByMonth).toEqual([
      { month: '2026-01', premiumMinor: 64_000, buybackMinor: 0, netMinor: 64_000 },
      { month: '2026-02', premiumMinor: 0, buybackMinor: 16_000, netMinor: -16_000 },
    ]);
    expect(r.netPremiumMinor).toBe(48_000);
  });

  it('uses the strike for a covered call with no recorded share price', () => {
    const v = view(optionsReport([{ ...call, underlyingMinor: null }], day('2026-03-01')), 'call');
    expect(v.capitalMinor).toBe(9_000_000); // 450.00 × 100 × 2
  });

  it('weighs the overall yield by capital × days', () => {
    const put = csp('put', { outcome: { kind: 'expired', on: day('2026-04-01'), costMinor: 0 } });
    const both = optionsReport([put, call], day('2026-05-01'));
    // (120 + 480) / (5,000 × 30 + 88,000 × 16) × 365 = 60,000 × 365 / 155,800,000 (cents) = 0.14056…
    expect(both.annualizedYield).toBeCloseTo(0.1405648267, 9);
    expect(both.netPremiumMinor).toBe(60_000);
    // Sorted by opening day: the January call before the March put.
    expect(both.positions.map((v) => v.id)).toEqual(['call', 'put']);
    expect(both.premiumByMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});

describe('assignments', () => {
  it('an assigned put receives 100 shares at strike − premium per share', () => {
    const put = csp('put', { outcome: { kind: 'assigned', on: day('2026-04-01'), costMinor: 0 } });
    const r = optionsReport([put], day('2026-04-02'));
    const v = view(r, 'put');
    expect(v.sharesDelta).toBe(100);
    expect(v.effectiveCostPerShareMinor).toBe(4_880); // 50.00 − 120.00 / 100 = 48.80
    expect(r.assignments).toEqual([{ id: 'put', symbol: 'XYZ', on: day('2026-04-01'), sharesDelta: 100, strikeMinor: 5_000 }]);
  });

  it('rounds the premium per share half to even', () => {
    // 121.00 over 200 shares = 60.5 cents → 60 (even); 123.00 / 200 = 61.5 → 62.
    const a = csp('a', { contracts: 2, premiumMinor: 12_100, outcome: { kind: 'assigned', on: day('2026-04-01'), costMinor: 0 } });
    const b = csp('b', { contracts: 2, premiumMinor: 12_300, outcome: { kind: 'assigned', on: day('2026-04-01'), costMinor: 0 } });
    const r = optionsReport([a, b], day('2026-04-02'));
    expect(view(r, 'a').effectiveCostPerShareMinor).toBe(4_940); // 5,000 − 60
    expect(view(r, 'b').effectiveCostPerShareMinor).toBe(4_938); // 5,000 − 62
    expect(view(r, 'a').sharesDelta).toBe(200);
  });

  it('a called-away covered call delivers 100 shares a contract', () => {
    const call = cc('call', { contracts: 2, outcome: { kind: 'assigned', on: day('2026-04-01'), costMinor: 0 } });
    const r = optionsReport([call], day('2026-04-02'));
    expect(view(r, 'call').sharesDelta).toBe(-200);
    expect(view(r, 'call').effectiveCostPerShareMinor).toBeNull();
    expect(r.assignments[0]!.sharesDelta).toBe(-200);
  });
});

describe('a roll chain', () => {
  // A: premium 300.00, rolled on 01-28 for 450.00 into B; B: premium 600.00, rolled on 02-25 for 200.00 into C;
  // C: premium 400.00, still open.
  const a = cc('A', {
    openedOn: day('2026-01-05'),
    expiry: day('2026-01-30'),
    premiumMinor: 30_000,
    underlyingMinor: 40_000,
    outcome: { kind: 'rolled', on: day('2026-01-28'), costMinor: 45_000, rolledIntoId: 'B' },
  });
  const b = cc('B', {
    openedOn: day('2026-01-28'),
    expiry: day('2026-02-27'),
    premiumMinor: 60_000,
    underlyingMinor: 40_000,
    outcome: { kind: 'rolled', on: day('2026-02-25'), costMinor: 20_000, rolledIntoId: 'C' },
  });
  const c = cc('C', { openedOn: day('2026-02-25'), expiry: day('2026-03-27'), premiumMinor: 40_000, underlyingMinor: 40_000 });

  it('keeps each leg as its own position with its own premium', () => {
    const r = optionsReport([c, b, a], day('2026-03-01'));
    expect(r.positions.map((v) => [v.id, v.status, v.netPremiumMinor, v.days])).toEqual([
      ['A', 'rolled', -15_000, 23], // 300 − 450; 01-05 → 01-28
      ['B', 'rolled', 40_000, 28], // 600 − 200; 01-28 → 02-25
      ['C', 'open', 40_000, 30], // open: 02-25 → expiry 03-27
    ]);
    expect(r.netPremiumMinor).toBe(65_000); // −150 + 400 + 400
    // January: premiums 300 + 600, buy-back 450; February: premium 400, buy-back 200.
    expect(r.premiumByMonth).toEqual([
      { month: '2026-01', premiumMinor: 90_000, buybackMinor: 45_000, netMinor: 45_000 },
      { month: '2026-02', premiumMinor: 40_000, buybackMinor: 20_000, netMinor: 20_000 },
    ]);
    expect(r.openCapitalMinor).toBe(4_000_000); // only C: 400.00 × 100 × 1
    expect(view(r, 'C').daysToExpiry).toBe(26); // 03-01 → 03-27
  });

  it('refuses a roll into a position that does not exist', () => {
    expect(() => optionsReport([a, b], day('2026-03-01'))).toThrow('Option position B was rolled into C, and there is no position C.');
  });
});

describe('expiring soon and reminders', () => {
  const today = day('2026-11-24');
  const positions = [
    csp('out4', { kind: 'covered-call', symbol: 'IWM', strikeMinor: 10_000, openedOn: day('2026-10-28'), expiry: day('2026-11-28') }),
    cc('in3', { contracts: 2, strikeMinor: 45_000, underlyingMinor: 44_000, openedOn: day('2026-10-27'), expiry: day('2026-11-27') }),
    csp('today', { symbol: 'DIA', strikeMinor: 3_000, openedOn: day('2026-10-24'), expiry: day('2026-11-24') }),
    csp('closed', {
      openedOn: day('2026-10-25'),
      expiry: day('2026-11-25'),
      outcome: { kind: 'closed', on: day('2026-11-23'), costMinor: 1_000 },
    }),
    csp('over', { symbol: 'QQQ', strikeMinor: 2_000, openedOn: day('2026-10-20'), expiry: day('2026-11-20') }),
  ];

  it('lists open positions with expiry − today <= 3, overdue first, and leaves +4 out', () => {
    const r = optionsReport(positions, today);
    expect(r.expiringSoon).toEqual([
      { id: 'over', symbol: 'QQQ', expiry: day('2026-11-20'), daysLeft: -4 },
      { id: 'today', symbol: 'DIA', expiry: day('2026-11-24'), daysLeft: 0 },
      { id: 'in3', symbol: 'SPY', expiry: day('2026-11-27'), daysLeft: 3 },
    ]);
    expect(view(r, 'out4').daysToExpiry).toBe(4);
    expect(view(r, 'over').status).toBe('open');
    expect(view(r, 'closed').daysToExpiry).toBeNull();
    // Open capital: 20.00×100 + 30.00×100 + 440.00×200 + 100.00×100 (call without share price: strike)
    // = 2,000 + 3,000 + 88,000 + 10,000 = 103,000.00
    expect(r.openCapitalMinor).toBe(10_300_000);
    expect(optionsReport(positions, today, 4).expiringSoon.map((e) => e.id)).toEqual(['over', 'today', 'in3', 'out4']);
  });

  it('writes one reminder per such position', () => {
    expect(expiryReminders(positions, today)).toEqual([
      {
        id: 'over',
        title: 'QQQ cash-secured put expired 4 days ago',
        message: 'QQQ cash-secured put, 1 contract at 20.00 USD, expired 2026-11-20 (4 days ago): record how it ended.',
      },
      { id: 'today', title: 'DIA cash-secured put expires today', message: 'DIA cash-secured put, 1 contract at 30.00 USD, expires 2026-11-24 (today)' },
      { id: 'in3', title: 'SPY covered call expires in 3 days', message: 'SPY covered call, 2 contracts at 450.00 USD, expires 2026-11-27 (in 3 days)' },
    ]);
    expect(expiryReminders(positions, day('2026-11-23'), 1).map((x) => x.message)).toEqual([
      'QQQ cash-secured put, 1 contract at 20.00 USD, expired 2026-11-20 (3 days ago): record how it ended.',
      'DIA cash-secured put, 1 contract at 30.00 USD, expires 2026-11-24 (in 1 day)',
    ]);
  });
});

describe('validation', () => {
  it('accepts a valid position', () => {
    expect(validateOptionPosition(csp('ok'))).toEqual([]);
  });

  it('explains each bad field', () => {
    expect(validateOptionPosition(csp('p', { contracts: 1.5 }))).toEqual(['contracts must be a whole number more than 0']);
    expect(validateOptionPosition(csp('p', { contracts: 0 }))).toEqual(['contracts must be a whole number more than 0']);
    expect(validateOptionPosition(csp('p', { strikeMinor: 0 }))).toEqual(['strike must be more than 0']);
    expect(validateOptionPosition(csp('p', { premiumMinor: -1 }))).toEqual(['premium cannot be negative']);
    expect(validateOptionPosition(csp('p', { outcome: { kind: 'closed', on: day('2026-03-01'), costMinor: 0 } }))).toEqual([
      'the outcome date (2026-03-01) is before the day it was opened (2026-03-02)',
    ]);
    expect(validateOptionPosition(csp('p', { outcome: { kind: 'rolled', on: day('2026-03-10'), costMinor: 500 } }))).toEqual([
      'a rolled option must name the position it was rolled into',
    ]);
    expect(validateOptionPosition(csp('p', { outcome: { kind: 'expired', on: day('2026-04-01'), costMinor: 500 } }))).toEqual([
      'a buy-back cost only applies to an option that was closed or rolled, not expired',
    ]);
  });

  it('makes the report throw, naming the position and the field', () => {
    expect(() => optionsReport([csp('ok'), csp('bad-1', { contracts: -2 })], day('2026-03-05'))).toThrow(
      'Option position bad-1: contracts must be a whole number more than 0.',
    );
    expect(() => optionsReport([csp('bad-2', { strikeMinor: -100, premiumMinor: -5 })], day('2026-03-05'))).toThrow(
      'Option position bad-2: strike must be more than 0; premium cannot be negative.',
    );
  });

  it('refuses mixed currencies and repeated ids', () => {
    expect(() => optionsReport([csp('u'), csp('e', { currency: 'EUR' })], day('2026-03-05'))).toThrow(
      'Option positions are in more than one currency (USD, EUR)',
    );
    expect(() => optionsReport([csp('u'), csp('u')], day('2026-03-05'))).toThrow('Option position u appears more than once.');
  });

  it('reports nothing for no positions', () => {
    const r = optionsReport([], day('2026-03-05'));
    expect(r.annualizedYield).toBeNull();
    expect(r.positions).toEqual([]);
    expect(r.premiumByMonth).toEqual([]);
    expect(r.netPremiumMinor).toBe(0);
  });
});
