/**
 * `strata harvest` and `strata rebalance` on the household portfolio
 * (tests/fixtures/portfolio/household.json), every figure worked out by hand.
 *
 * Values at the file's prices:
 *   taxable: VTI 100 × 300.00 = 30,000.00 (basis 20,000.00); VXUS 200 × 60.00 = 12,000.00 (basis 14,000.00,
 *   bought 2025-12-01: short-term until 2026-12-02); VNQ 50 × 90.00 = 4,500.00 (basis 5,000.00);
 *   VEA 300 × 45.00 = 13,500.00 (basis 15,000.00, long-term); cash 1,000.00.
 *   SCHB (100) and ITOT (20) were sold this year. ira: BND 300 × 70.00 = 21,000.00 (basis 24,000.00);
 *   VTI 20 × 300.00 = 6,000.00. roth: VXUS 5 × 60.00 = 300.00, reinvested 2026-11-10.
 *   Total 88,300.00.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '@/cli/run';

const FILE = fileURLToPath(new URL('../fixtures/portfolio/household.json', import.meta.url));

function run(args: string[]) {
  const result = runCli(args);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout);
}

describe('strata harvest', () => {
  const out = run(['harvest', FILE, '--date', '2026-11-24']);
  const by = (symbol: string) => out.candidates.find((c: { symbol: string }) => c.symbol === symbol);

  it('lists every lot at a loss, largest first', () => {
    // losses: BND 3,000.00, VXUS 2,000.00, VEA 1,500.00, VNQ 500.00; VTI is at a gain
    expect(out.candidates.map((c: { symbol: string; lossMinor: number }) => [c.symbol, c.lossMinor])).toEqual([
      ['BND', 300000],
      ['VXUS', 200000],
      ['VEA', 150000],
      ['VNQ', 50000],
    ]);
  });

  it('finds VEA harvestable: a 1,500.00 long-term loss saves 225.00 at 15%', () => {
    expect(by('VEA')).toMatchObject({ account: 'taxable', acquired: '2024-03-01', quantity: 300, harvestable: true, blockedBy: null, verdict: 'harvestable', term: 'long', taxSavedMinor: 22500 });
    expect(by('VEA').replacements).toEqual(['IEFA', 'SCHF', 'EFA']);
    expect(out.taxSavedMinor).toBe(22500);
  });

  it('blocks VXUS: 5 shares reinvested in the Roth 14 days before cover 5 of 200, disallowing 2,000.00 × 5/200 = 50.00', () => {
    expect(by('VXUS')).toMatchObject({
      harvestable: false,
      verdict: 'partial-wash-sale',
      disallowedMinor: 5000,
      term: 'short',
      blockedBy: { kind: 'trade', index: 3, account: 'roth', symbol: 'VXUS', side: 'reinvest', quantity: 5, date: '2026-11-10' },
    });
    expect(by('VXUS').reason).toContain('50.00 USD of the 2,000.00 USD loss would be disallowed');
  });

  it('says why the others are not harvestable', () => {
    expect(by('BND')).toMatchObject({ harvestable: false, verdict: 'not-taxable' });
    // 500.00 is under the 1,000.00 threshold (10% is over 5%, but both are needed)
    expect(by('VNQ')).toMatchObject({ harvestable: false, verdict: 'below-threshold' });
  });

  it('refuses a broken file naming the field, and a bad date', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'strata-cli-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ accounts: [{ id: 'a', taxType: 'taxable' }], lots: [{ account: 'b', symbol: 'VTI', quantity: 1, costBasisMinor: 1.5, acquired: '2024-13-01' }] }));
    const refused = runCli(['harvest', bad, '--date', '2026-11-24']);
    expect(refused.exitCode).toBe(2);
    const error = JSON.parse(refused.stdout);
    expect(error.issues.map((i: { field: string }) => i.field)).toEqual(['lots[0].account', 'lots[0].costBasisMinor', 'lots[0].acquired']);
    expect(runCli(['harvest', FILE, '--date', '2026-02-30']).stderr).toContain('--date "2026-02-30" is not a real date');
  });

  it('refuses a sale of more shares than are held, naming the trade', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'strata-cli-'));
    const file = path.join(dir, 'oversell.json');
    writeFileSync(
      file,
      JSON.stringify({
        accounts: [{ id: 'brokerage', taxType: 'taxable' }],
        lots: [{ account: 'brokerage', symbol: 'VTI', quantity: 5, costBasisMinor: 100000, acquired: '2024-01-05' }],
        trades: [{ account: 'brokerage', symbol: 'VTI', side: 'sell', quantity: 10, date: '2026-01-05', priceMinor: 30000 }],
      }),
    );
    const refused = runCli(['rebalance', file]);
    expect(refused.exitCode).toBe(2);
    expect(JSON.parse(refused.stdout).error).toContain('trades[0]');
  });
});

describe('strata rebalance', () => {
  const out = run(['rebalance', FILE, '--date', '2026-11-24']);
  const cls = (d: { classes: { class: string }[] }, c: string) => d.classes.find((x) => x.class === c);

  it('measures drift against the 5/25 bands', () => {
    expect(out.before.totalMinor).toBe(8830000);
    // US total market 36,000 / 88,300 = 40.77% against 50%: −9.23 points, band min(5, 25% × 50 = 12.5) = 5 → outside
    expect(cls(out.before, 'us-total-market')).toEqual({ class: 'us-total-market', valueMinor: 3600000, shareBasisPoints: 4077, targetBasisPoints: 5000, driftBasisPoints: -923, bandBasisPoints: 500, outside: true });
    // international 25,800 = 29.22% against 20%: +9.22, band min(5, 5) = 5 → outside
    expect(cls(out.before, 'intl-developed')).toMatchObject({ shareBasisPoints: 2922, driftBasisPoints: 922, bandBasisPoints: 500, outside: true });
    // REITs 4,500 = 5.10% against 5%: band min(5, 1.25) = 1.25 → inside
    expect(cls(out.before, 'reits')).toMatchObject({ shareBasisPoints: 510, bandBasisPoints: 125, outside: false });
    expect(out.before.outside).toEqual(['us-total-market', 'intl-developed']);
  });

  it('sells in the Roth first, then VEA at a loss (VXUS would be a wash sale), and buys VTI with the proceeds', () => {
    // international to 20% of 88,300 = 17,660: sell 8,140. Roth VXUS 300.00 first; then 7,840.00 of VEA:
    // 7,840 / 45 = 174.222222 shares (floored); basis 15,000 × 174.222222 / 300 = 8,711.11; loss 871.11 × 15% = 130.67 saved.
    expect(out.trades.map((t: { account: string; side: string; symbol: string; quantity: number; amountMinor: number; taxCostMinor: number }) => [t.account, t.side, t.symbol, t.quantity, t.amountMinor, t.taxCostMinor])).toEqual([
      ['roth', 'sell', 'VXUS', 5, 30000, 0],
      ['taxable', 'sell', 'VEA', 174.222222, 784000, -13067],
      // US total market to 44,150: buy 8,150 = 300.00 in the Roth (1 VTI) + 7,850.00 in the taxable account
      // (7,840.00 of proceeds and 10.00 of cash): 7,850 / 300 = 26.166666 shares
      ['roth', 'buy', 'VTI', 1, 30000, 0],
      ['taxable', 'buy', 'VTI', 26.166666, 785000, 0],
    ]);
    expect(out.cashUsedMinor).toBe(1000);
    expect(out.taxCostMinor).toBe(-13067);
    expect(out.after.outside).toEqual([]);
    expect(cls(out.after, 'us-total-market')).toMatchObject({ valueMinor: 4415000, shareBasisPoints: 5000 });
    expect(out.unresolved).toEqual([]);
  });
});
