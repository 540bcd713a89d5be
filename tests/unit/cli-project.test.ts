import { describe, expect, it } from 'vitest';
import { runCli, usageText } from '@/cli/run';

const EXAMPLE = ['project', '--balance', '10000', '--monthly', '500', '--annual-return', '0.07', '--years', '30'];

function json(argv: string[]): unknown {
  const result = runCli(argv);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  expect(result.stdout.endsWith('\n')).toBe(true);
  expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(result.stdout);
}

describe('strata project', () => {
  it('prints the deterministic final balance of 10,000 + 500 a month at 7% for 30 years', () => {
    // 1,000,000 × 1.07^30 = 7,612,255.04 and 50,000 × (1.07^30 − 1) / (1.07^(1/12) − 1)
    // = 50,000 × 1,169.45260334 = 58,472,630.17 → 66,084,885.21 cents → 66,084,885.
    expect(runCli(EXAMPLE)).toEqual({ stdout: '{"deterministic":{"finalMinor":66084885}}\n', stderr: '', exitCode: 0 });
  });

  it('reads amounts with grouping and the currency’s minor digits', () => {
    // 10,000.50: 50 more cents of balance grow to 50 × 7.61225504266 = 380.61 → 66,085,265.82.
    expect(json([...EXAMPLE.slice(0, 2), '10,000.50', ...EXAMPLE.slice(3)])).toEqual({ deterministic: { finalMinor: 66_085_266 } });
    // "$10,000" is the same amount as "10000" in USD.
    expect(json([...EXAMPLE.slice(0, 2), '$10,000', ...EXAMPLE.slice(3)])).toEqual({ deterministic: { finalMinor: 66_084_885 } });
    // JPY has no minor digits: 10,000 × 7.61225504266 + 500 × 1,169.45260334 = 76,122.55 + 584,726.30
    // = 660,848.85 yen → 660,849.
    expect(json([...EXAMPLE, '--currency', 'JPY'])).toEqual({ deterministic: { finalMinor: 660_849 } });
    // 0%: 100.00 + 12 × 10.00 = 220.00.
    expect(json(['project', '--balance', '100', '--monthly', '10', '--annual-return', '0', '--years', '1'])).toEqual({
      deterministic: { finalMinor: 22_000 },
    });
    // 2.5 years = 30 months: 0 + 30 × 1.00 at 0% = 30.00.
    expect(json(['project', '--balance', '0', '--monthly', '1', '--annual-return', '0', '--years', '2.5'])).toEqual({
      deterministic: { finalMinor: 3_000 },
    });
  });

  it('adds Monte Carlo percentiles with --paths, the same for the same seed', () => {
    const first = json([...EXAMPLE, '--paths', '2000', '--seed', '7']) as { percentiles: { p10: number; p50: number; p90: number } };
    expect(json([...EXAMPLE, '--paths', '2000', '--seed', '7'])).toEqual(first);
    expect(Object.keys(first)).toEqual(['deterministic', 'percentiles']);
    const { p10, p50, p90 } = first.percentiles;
    expect([p10, p50, p90].every(Number.isSafeInteger)).toBe(true);
    expect(p10).toBeLessThan(p50);
    expect(p50).toBeLessThan(p90);
    // The median path ends below the deterministic balance (a log-normal's median is below its mean).
    expect(p50).toBeLessThan(66_084_885);
    expect(json([...EXAMPLE, '--paths', '2000', '--seed', '8'])).not.toEqual(first);
    // Defaults: --volatility 0.15 and --seed 1.
    expect(json([...EXAMPLE, '--paths', '2000'])).toEqual(json([...EXAMPLE, '--paths', '2000', '--volatility', '0.15', '--seed', '1']));
  });

  it('with --volatility 0 every percentile is the deterministic balance', () => {
    expect(json([...EXAMPLE, '--paths', '100', '--volatility', '0'])).toEqual({
      deterministic: { finalMinor: 66_084_885 },
      percentiles: { p10: 66_084_885, p50: 66_084_885, p90: 66_084_885 },
    });
  });

  it.each<[string[], string]>([
    [['project', '--monthly', '500', '--annual-return', '0.07', '--years', '30'], 'missing --balance'],
    [['project', '--balance', '10000', '--annual-return', '0.07', '--years', '30'], 'missing --monthly'],
    [['project', '--balance', '10000', '--monthly', '500', '--years', '30'], 'missing --annual-return'],
    [['project', '--balance', '10000', '--monthly', '500', '--annual-return', '0.07'], 'missing --years'],
    [['project', '--balance', 'lots', '--monthly', '500', '--annual-return', '0.07', '--years', '30'], '--balance "lots"'],
    [['project', '--balance', '10000', '--monthly', '€5', '--annual-return', '0.07', '--years', '30'], '--monthly "€5"'],
    [['project', '--balance', '10000.123', '--monthly', '500', '--annual-return', '0.07', '--years', '30'], 'USD has 2 decimal places'],
    [[...EXAMPLE.slice(0, 6), '7%', ...EXAMPLE.slice(7)], '--annual-return "7%"'],
    [[...EXAMPLE.slice(0, 6), '-1', ...EXAMPLE.slice(7)], '--annual-return must be more than -1'],
    [[...EXAMPLE.slice(0, 8), '0'], '--years "0"'],
    [[...EXAMPLE.slice(0, 8), '-5'], '--years "-5"'],
    [[...EXAMPLE.slice(0, 8), '101'], '--years "101"'],
    [[...EXAMPLE.slice(0, 8), '0.1'], '--years "0.1"'],
    [[...EXAMPLE, '--paths', '0'], '--paths "0" must be a whole number from 1 to 1,000,000'],
    [[...EXAMPLE, '--paths', '1.5'], '--paths "1.5"'],
    [[...EXAMPLE, '--paths', '1000001'], '--paths "1000001"'],
    [[...EXAMPLE, '--paths', '10', '--volatility', '-0.1'], '--volatility must be 0 or more'],
    [[...EXAMPLE, '--paths', '10', '--volatility', 'high'], '--volatility "high"'],
    [[...EXAMPLE, '--paths', '10', '--seed', '1.5'], '--seed "1.5"'],
    [[...EXAMPLE, '--volatility', '0.2'], '--volatility needs --paths'],
    [[...EXAMPLE, '--seed', '3'], '--seed needs --paths'],
    [[...EXAMPLE, '--currency', 'dollars'], '--currency "dollars"'],
    [[...EXAMPLE, '--inflation', '0.02'], 'unknown flag --inflation'],
    [[...EXAMPLE, '--years', '20'], 'flag --years is given twice'],
    [[...EXAMPLE, 'extra'], 'unexpected argument "extra"'],
    [['project', '--balance', '10000', '--monthly', '500', '--annual-return', '9', '--years', '100'], 'too large'],
  ])('%j refuses with exit code 2, naming the argument', (argv, message) => {
    const result = runCli(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith('strata project: ')).toBe(true);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('usage: strata project --balance');
  });

  it('is listed in the help', () => {
    expect(usageText()).toContain('strata project --balance 10000 --monthly 500 --annual-return 0.07 --years 30');
  });
});
