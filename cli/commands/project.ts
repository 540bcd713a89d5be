/**
 * `strata project --balance 10000 --monthly 500 --annual-return 0.07 --years 30
 *  [--paths 10000 [--volatility 0.15] [--seed 1]] [--currency USD]`:
 * projects an invested balance with a contribution at the end of every month
 * (utils/analytics/projection.ts) and prints one line of JSON:
 *
 *   {"deterministic":{"finalMinor":66084885},"percentiles":{"p10":…,"p50":…,"p90":…}}
 *
 * - `finalMinor`: the balance after the last month in whole minor units of
 *   the currency (rounded half to even), growing at the annual return
 *   converted to a monthly rate, (1 + r)^(1/12) − 1.
 * - `percentiles`: only with --paths: the 10th/50th/90th percentile (nearest
 *   rank) of the final balance over that many Monte Carlo paths with
 *   log-normal monthly returns of the same annual mean and --volatility
 *   (default 0.15), seeded by --seed (default 1): the same seed prints the
 *   same figures.
 * - --balance and --monthly are amounts in major units as a person writes
 *   them ("10000", "10,000.50", "$10,000"), read by parseMoney in --currency
 *   (default USD), which sets the minor-unit digits (JPY 0, USD 2, BHD 3).
 * - --annual-return and --volatility are plain decimals (0.07 for 7%);
 *   --years may be fractional when it is a whole number of months (2.5).
 * Bad or missing arguments: a message naming the argument on stderr, exit code 2.
 */
import { project } from '../../utils/analytics/projection';
import { MAX_PROJECTION_MONTHS, MAX_PROJECTION_PATHS } from '../../utils/analytics/projection-core';
import { isCurrencyCode, parseMoney } from '../../utils/money';
import { parseArgs } from '../args';
import { EXIT_USAGE, type CliResult, type Command } from '../types';

const USAGE =
  'project --balance 10000 --monthly 500 --annual-return 0.07 --years 30 [--paths 10000 [--volatility 0.15] [--seed 1]] [--currency USD]';
const FLAGS = ['balance', 'monthly', 'annual-return', 'years', 'volatility', 'paths', 'seed', 'currency'] as const;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;

type Read<T> = { ok: true; value: T } | { ok: false; error: string };

function usageError(error: string): CliResult {
  return { stdout: '', stderr: `strata project: ${error}\nusage: strata ${USAGE}\n`, exitCode: EXIT_USAGE };
}

function readDecimal(flag: string, text: string, example: string): Read<number> {
  if (!DECIMAL.test(text)) return { ok: false, error: `--${flag} "${text}" is not a plain decimal number such as ${example}` };
  return { ok: true, value: Number(text) };
}

function readInteger(flag: string, text: string, low: number, high: number): Read<number> {
  const value = Number(text);
  if (!INTEGER.test(text) || value < low || value > high) {
    return { ok: false, error: `--${flag} "${text}" must be a whole number from ${low.toLocaleString('en-US')} to ${high.toLocaleString('en-US')}` };
  }
  return { ok: true, value };
}

function readAmount(flag: string, text: string, currency: string): Read<number> {
  const parsed = parseMoney(text, { currency });
  if (!parsed.ok) return { ok: false, error: `--${flag} "${text}": ${parsed.reason}` };
  return { ok: true, value: parsed.value.minor };
}

function run(args: readonly string[]): CliResult {
  const parsed = parseArgs(args, FLAGS);
  if (!parsed.ok) return usageError(parsed.error);
  const { positionals, flags } = parsed;
  if (positionals.length > 0) return usageError(`unexpected argument "${positionals[0]}" (every value follows its --flag)`);
  for (const required of ['balance', 'monthly', 'annual-return', 'years'] as const) {
    if (flags[required] === undefined) return usageError(`missing --${required}`);
  }
  if (flags.paths === undefined) {
    for (const needsPaths of ['volatility', 'seed'] as const) {
      if (flags[needsPaths] !== undefined) return usageError(`--${needsPaths} needs --paths (it only affects the Monte Carlo percentiles)`);
    }
  }

  const currency = flags.currency ?? 'USD';
  if (!isCurrencyCode(currency)) return usageError(`--currency "${currency}" is not an ISO 4217 code such as USD`);
  const balance = readAmount('balance', flags.balance!, currency);
  if (!balance.ok) return usageError(balance.error);
  const monthly = readAmount('monthly', flags.monthly!, currency);
  if (!monthly.ok) return usageError(monthly.error);

  const annualReturn = readDecimal('annual-return', flags['annual-return']!, '0.07 for 7%');
  if (!annualReturn.ok) return usageError(annualReturn.error);
  if (annualReturn.value <= -1) return usageError(`--annual-return must be more than -1 (-100%), got ${flags['annual-return']}`);

  const years = readDecimal('years', flags.years!, '30');
  if (!years.ok) return usageError(years.error);
  const months = years.value * 12;
  const maxYears = MAX_PROJECTION_MONTHS / 12;
  if (!Number.isInteger(months) || months < 1 || months > MAX_PROJECTION_MONTHS) {
    return usageError(`--years "${flags.years}" must be more than 0 and at most ${maxYears}, a whole number of months (2.5 is fine)`);
  }

  let paths = 0;
  let volatility = 0;
  let seed = 1;
  if (flags.paths !== undefined) {
    const readPaths = readInteger('paths', flags.paths, 1, MAX_PROJECTION_PATHS);
    if (!readPaths.ok) return usageError(readPaths.error);
    paths = readPaths.value;
    const readVolatility = flags.volatility === undefined ? { ok: true as const, value: 0.15 } : readDecimal('volatility', flags.volatility, '0.15 for 15%');
    if (!readVolatility.ok) return usageError(readVolatility.error);
    if (readVolatility.value < 0) return usageError(`--volatility must be 0 or more, got ${flags.volatility}`);
    volatility = readVolatility.value;
    if (flags.seed !== undefined) {
      const readSeed = readInteger('seed', flags.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      if (!readSeed.ok) return usageError(readSeed.error);
      seed = readSeed.value;
    }
  }

  const result = project({
    balance: balance.value,
    monthly: monthly.value,
    annualReturn: annualReturn.value,
    annualVolatility: volatility,
    months,
    paths,
    seed,
    streams: [],
    monthlyExpenses: 0,
    expensesGrowth: 0,
    withdrawalRate: 0.04,
  });
  const finals = [result.deterministic.finalMinor, ...Object.values(result.monteCarlo?.finalMinor ?? {})];
  if (finals.some((minor) => !Number.isSafeInteger(minor))) {
    return usageError('the projected balance is too large to print in exact minor units; check --annual-return and --years');
  }
  const out: Record<string, unknown> = { deterministic: { finalMinor: result.deterministic.finalMinor } };
  if (result.monteCarlo) {
    const { p10, p50, p90 } = result.monteCarlo.finalMinor;
    out.percentiles = { p10, p50, p90 };
  }
  return { stdout: `${JSON.stringify(out)}\n`, stderr: '', exitCode: 0 };
}

export const projectCommand: Command = {
  summary: 'project a balance with monthly contributions: final balance, and Monte Carlo percentiles with --paths',
  usage: USAGE,
  run,
};
