/**
 * The engine's units: calendar days and the long-term boundary, exact
 * micro-share quantities and rounding, and the portfolio file's own checks.
 */
import { describe, expect, it } from 'vitest';
import { firstLongTermDay, formatDay, parseDay, termOf } from '@/utils/portfolio/dates';
import { formatQty, mulDivRound, parseQty, valueOf } from '@/utils/portfolio/quantity';
import { parsePortfolio, serializePortfolio } from '@/utils/portfolio/interchange';

const day = (s: string) => parseDay(s)!;

describe('days', () => {
  it('reads only real calendar dates', () => {
    expect(parseDay('2024-02-29')).toBe(19782); // 2024-02-29 is 19,782 days after 1970-01-01
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('2026-11-24T00:00')).toBeNull();
    expect(formatDay(day('2026-11-24'))).toBe('2026-11-24');
  });

  it('counts a holding as long-term from the day after its anniversary (Pub. 550)', () => {
    expect(formatDay(firstLongTermDay(day('2023-01-05')))).toBe('2024-01-06');
    expect(termOf(day('2023-01-05'), day('2024-01-05'))).toBe('short');
    expect(termOf(day('2023-01-05'), day('2024-01-06'))).toBe('long');
    // bought on Feb 29: the anniversary is Feb 28, long-term from Mar 1
    expect(formatDay(firstLongTermDay(day('2024-02-29')))).toBe('2025-03-01');
  });
});

describe('quantities', () => {
  it('keeps six decimals of a share exactly', () => {
    expect(parseQty('0.000001')).toBe(1);
    expect(parseQty(174.222222)).toBe(174_222_222);
    expect(parseQty('1.0000001')).toBeNull();
    expect(parseQty('-1')).toBeNull();
    expect(formatQty(174_222_220)).toBe('174.22222');
  });

  it('rounds half to even, exactly past 2^53', () => {
    expect(mulDivRound(5, 1, 2)).toBe(2); // 2.5 → 2
    expect(mulDivRound(7, 1, 2)).toBe(4); // 3.5 → 4
    // 1,000,000 shares at 12,345.67: 1e12 micro-shares × 1,234,567 = 1.23e18, past 2^53
    expect(valueOf(1_000_000_000_000, 1_234_567)).toBe(1_234_567_000_000);
    expect(valueOf(1_500_000, 3)).toBe(4); // 1.5 × 3 = 4.5 → 4
  });
});

describe('the portfolio file', () => {
  it('names every problem by path and refuses targets that do not add up to 1', () => {
    const r = parsePortfolio(JSON.stringify({ accounts: [{ id: 'a', taxType: 'roth' }], targets: { 'us-bonds': 0.5, reits: 0.3 }, extra: 1 }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.field)).toEqual(['extra', 'accounts[0].taxType', 'targets']);
    expect(!r.ok && r.issues[2]!.message).toBe('targets must add up to 1 (100%), they add up to 0.8');
    expect(parsePortfolio('{"lots": [').ok).toBe(false);
  });

  it('writes the same bytes for the same portfolio', () => {
    const text = JSON.stringify({ accounts: [{ id: 'a', taxType: 'taxable' }], lots: [{ account: 'a', symbol: 'vti', quantity: '1.5', costBasisMinor: 30000, acquired: '2024-01-05' }], prices: { VTI: 25000 } });
    const once = parsePortfolio(text);
    expect(once.ok).toBe(true);
    const written = serializePortfolio(once.ok ? once.portfolio : (undefined as never));
    const again = parsePortfolio(written);
    expect(serializePortfolio(again.ok ? again.portfolio : (undefined as never))).toBe(written);
    expect(JSON.parse(written).lots).toEqual([{ account: 'a', symbol: 'VTI', quantity: 1.5, costBasisMinor: 30000, acquired: '2024-01-05' }]);
  });
});
