/**
 * Trading risk against the plan's cap, on hand-worked cases: the cap while the
 * gate is met or closed, what counts as at risk (open options, real
 * strategies; never paper ones), and the exact warning sentences. Cents.
 */
import { describe, expect, it } from 'vitest';
import { accelerationRisk, strategyOverCap, type AccelerationRiskInput } from '@/utils/trading/risk';

const base: AccelerationRiskInput = {
  currency: 'USD',
  capMonthlyMinor: 100_000, // 1,000.00 a month
  gateMet: true,
  gateBlockers: [],
  months: 12,
  openOptionsCapitalMinor: 500_000, // 5,000.00
  strategies: [
    { label: 'Breakout bot', capitalMinor: 1_000_000, real: true }, // 10,000.00
    { label: 'Paper RSI', capitalMinor: 3_000_000, real: false }, // 30,000.00, paper: not counted
  ],
};

describe('accelerationRisk with the gate met', () => {
  it('caps at the monthly cap × months and explains it', () => {
    const r = accelerationRisk(base);
    expect(r.capMinor).toBe(1_200_000); // 1,000.00 × 12
    expect(r.capReason).toBe('The plan lets Acceleration take up to 1,000.00 USD a month; over 12 months that is 12,000.00 USD.');
    expect(accelerationRisk({ ...base, months: 1 }).capReason).toBe(
      'The plan lets Acceleration take up to 1,000.00 USD a month; over 1 month that is 1,000.00 USD.',
    );
  });

  it('counts open options and real strategies, not paper ones', () => {
    const r = accelerationRisk(base);
    expect(r.items).toEqual([
      { label: 'Open options positions', minor: 500_000 },
      { label: 'Breakout bot', minor: 1_000_000 },
    ]);
    expect(r.atRiskMinor).toBe(1_500_000); // 5,000 + 10,000
    expect(r.over).toBe(true);
    // 15,000 − 12,000 = 3,000; no single item is over 12,000 on its own.
    expect(r.warning).toBe("Capital at risk in trading, 15,000.00 USD, is over the plan's cap of 12,000.00 USD by 3,000.00 USD.");
  });

  it('is not over at exactly the cap, nor under it', () => {
    const at = accelerationRisk({ ...base, openOptionsCapitalMinor: 200_000 }); // 2,000 + 10,000 = 12,000
    expect(at.atRiskMinor).toBe(1_200_000);
    expect(at.over).toBe(false);
    expect(at.warning).toBeNull();
    const under = accelerationRisk({ ...base, openOptionsCapitalMinor: 0, strategies: [] });
    expect(under.items).toEqual([]);
    expect(under.atRiskMinor).toBe(0);
    expect(under.over).toBe(false);
  });

  it('names an item that alone is over the cap', () => {
    const r = accelerationRisk({ ...base, strategies: [{ label: 'Breakout bot', capitalMinor: 1_300_000, real: true }] });
    // 5,000 + 13,000 = 18,000; over by 6,000; the bot alone (13,000) is over 12,000.
    expect(r.warning).toBe(
      "Capital at risk in trading, 18,000.00 USD, is over the plan's cap of 12,000.00 USD by 6,000.00 USD. Breakout bot alone, 13,000.00 USD, is over the cap.",
    );
    const two = accelerationRisk({
      ...base,
      openOptionsCapitalMinor: 1_250_000,
      strategies: [{ label: 'Breakout bot', capitalMinor: 1_300_000, real: true }],
    });
    expect(two.warning).toBe(
      "Capital at risk in trading, 25,500.00 USD, is over the plan's cap of 12,000.00 USD by 13,500.00 USD. Open options positions (12,500.00 USD) and Breakout bot (13,000.00 USD) are each over the cap on their own.",
    );
  });
});

describe('accelerationRisk with the gate closed', () => {
  const closed: AccelerationRiskInput = {
    ...base,
    gateMet: false,
    gateBlockers: ['the surplus was positive 2 months in a row, and the gate needs 3', 'the emergency fund is 500.00 USD short of its target'],
  };

  it('has no cap and says why', () => {
    const r = accelerationRisk(closed);
    expect(r.capMinor).toBe(0);
    expect(r.capReason).toBe(
      "The plan's gate is closed (the surplus was positive 2 months in a row, and the gate needs 3 and the emergency fund is 500.00 USD short of its target), so no capital belongs in trading yet.",
    );
    expect(accelerationRisk({ ...closed, gateBlockers: [] }).capReason).toBe("The plan's gate is closed, so no capital belongs in trading yet.");
  });

  it('warns about any real capital, without naming items', () => {
    const r = accelerationRisk(closed);
    expect(r.over).toBe(true);
    expect(r.warning).toBe("Capital at risk in trading, 15,000.00 USD, is over the plan's cap of 0.00 USD by 15,000.00 USD.");
    const paperOnly = accelerationRisk({ ...closed, openOptionsCapitalMinor: 0, strategies: [base.strategies[1]!] });
    expect(paperOnly.over).toBe(false);
    expect(paperOnly.warning).toBeNull();
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(() => accelerationRisk({ ...base, openOptionsCapitalMinor: 10.5 })).toThrow(RangeError);
    expect(() => accelerationRisk({ ...base, months: 0 })).toThrow(RangeError);
  });
});

describe('strategyOverCap', () => {
  it('is null when the starting capital fits the cap', () => {
    expect(strategyOverCap(1_200_000, 1_200_000, 'USD')).toBeNull();
    expect(strategyOverCap(0, 0)).toBeNull();
  });

  it('says how far over the cap a backtest starts', () => {
    // 15,000 − 12,000 = 3,000
    expect(strategyOverCap(1_500_000, 1_200_000, 'USD')).toBe(
      "This strategy starts with 15,000.00 USD, over the plan's cap of 12,000.00 USD by 3,000.00 USD: with real money it would break the plan.",
    );
    expect(strategyOverCap(1_500_000, 1_200_000)).toBe(
      "This strategy starts with 15,000.00, over the plan's cap of 12,000.00 by 3,000.00: with real money it would break the plan.",
    );
  });

  it('says to stay on paper while the plan has no cap', () => {
    expect(strategyOverCap(1_000_000, 0, 'USD')).toBe(
      'This strategy starts with 10,000.00 USD, and the plan has no capital for trading yet: keep it on paper.',
    );
  });
});
