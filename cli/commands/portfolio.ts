/**
 * `strata harvest PORTFOLIO.json [--date YYYY-MM-DD]` and
 * `strata rebalance PORTFOLIO.json [--date YYYY-MM-DD]`: the tax-loss-harvest
 * scan and the rebalance plan for a portfolio interchange file (README
 * "Portfolio file"), each printed as one JSON object (README "strata harvest",
 * "strata rebalance"). Quantities print as share numbers (12.5), dates as
 * YYYY-MM-DD, money in minor units, shares of a whole in basis points.
 * --date defaults to today (UTC). A refused file prints {"error": "...",
 * "issues": [...]} with exit code 2.
 */
import { readFileSync } from 'node:fs';
import { formatDay, parseDay } from '../../utils/portfolio/dates';
import { harvest } from '../../utils/portfolio/harvest';
import { parsePortfolio } from '../../utils/portfolio/interchange';
import { buildLedger, LedgerError } from '../../utils/portfolio/ledger';
import { qtyToNumber } from '../../utils/portfolio/quantity';
import { rebalance } from '../../utils/portfolio/rebalance';
import type { ClassDrift, Day, DriftReport, HarvestCandidate, Ledger, Portfolio, RebalanceTrade } from '../../utils/portfolio/types';
import { parseArgs } from '../args';
import { EXIT_USAGE, printJson as print, type CliResult, type Command } from '../types';


type Loaded = { ok: true; portfolio: Portfolio; ledger: Ledger; date: Day } | { ok: false; result: CliResult };

function load(name: string, args: readonly string[]): Loaded {
  const usage = (error: string): Loaded => ({
    ok: false,
    result: { stdout: '', stderr: `strata ${name}: ${error}\nusage: strata ${name} PORTFOLIO.json [--date YYYY-MM-DD]\n`, exitCode: EXIT_USAGE },
  });
  const parsed = parseArgs(args, ['date']);
  if (!parsed.ok) return usage(parsed.error);
  if (parsed.positionals.length !== 1) return usage(parsed.positionals.length === 0 ? 'missing PORTFOLIO.json' : `unexpected argument "${parsed.positionals[1]}"`);
  const dateText = parsed.flags.date ?? new Date().toISOString().slice(0, 10);
  const date = parseDay(dateText);
  if (date === null) return usage(`--date "${dateText}" is not a real date written YYYY-MM-DD`);
  let text: string;
  try {
    text = readFileSync(parsed.positionals[0]!, 'utf8');
  } catch (error) {
    return { ok: false, result: print({ error: `cannot read ${parsed.positionals[0]}: ${(error as Error).message}` }, EXIT_USAGE) };
  }
  const file = parsePortfolio(text);
  if (!file.ok) return { ok: false, result: print({ error: file.error, issues: file.issues }, EXIT_USAGE) };
  try {
    return { ok: true, portfolio: file.portfolio, ledger: buildLedger(file.portfolio), date };
  } catch (error) {
    if (error instanceof LedgerError) return { ok: false, result: print({ error: error.message }, EXIT_USAGE) };
    throw error;
  }
}

export function candidateToJson(c: HarvestCandidate) {
  return {
    account: c.account,
    symbol: c.symbol,
    acquired: formatDay(c.acquired),
    quantity: qtyToNumber(c.quantity),
    lossMinor: c.lossMinor,
    harvestable: c.harvestable,
    blockedBy:
      c.blockedBy === null
        ? null
        : {
            kind: c.blockedBy.kind,
            index: c.blockedBy.index,
            account: c.blockedBy.account,
            symbol: c.blockedBy.symbol,
            side: c.blockedBy.side,
            quantity: qtyToNumber(c.blockedBy.quantity),
            date: formatDay(c.blockedBy.date),
          },
    reason: c.reason,
    verdict: c.verdict,
    basisMinor: c.basisMinor,
    valueMinor: c.valueMinor,
    term: c.term,
    holdingFrom: formatDay(c.holdingFrom),
    taxSavedMinor: c.taxSavedMinor,
    disallowedMinor: c.disallowedMinor,
    replacements: c.replacements,
  };
}

const classToJson = (c: ClassDrift) => ({
  class: c.assetClass,
  valueMinor: c.valueMinor,
  shareBasisPoints: c.shareBasisPoints,
  targetBasisPoints: c.targetBasisPoints,
  driftBasisPoints: c.driftBasisPoints,
  bandBasisPoints: c.bandBasisPoints,
  outside: c.outside,
});
export const driftToJson = (d: DriftReport) => ({ totalMinor: d.totalMinor, classes: d.classes.map(classToJson), outside: d.outside, unpriced: d.unpriced });

export const tradeToJson = (t: RebalanceTrade) => ({
  account: t.account,
  taxType: t.taxType,
  symbol: t.symbol,
  class: t.assetClass,
  side: t.side,
  quantity: qtyToNumber(t.quantity),
  amountMinor: t.amountMinor,
  realizedGainMinor: t.realizedGainMinor,
  taxCostMinor: t.taxCostMinor,
  reason: t.reason,
  lots: t.lots.map((l) => ({ lot: l.lotId, quantity: qtyToNumber(l.quantity), basisMinor: l.basisMinor, proceedsMinor: l.proceedsMinor, gainMinor: l.gainMinor, term: l.term })),
});

export const harvestCommand: Command = {
  summary: 'tax-loss-harvest candidates of a portfolio file, with wash-sale verdicts (JSON)',
  usage: 'harvest PORTFOLIO.json [--date YYYY-MM-DD]',
  run(args) {
    const loaded = load('harvest', args);
    if (!loaded.ok) return loaded.result;
    const report = harvest(loaded.portfolio, loaded.ledger, loaded.date);
    return print({
      date: formatDay(report.date),
      currency: loaded.portfolio.currency,
      candidates: report.candidates.map(candidateToJson),
      taxSavedMinor: report.taxSavedMinor,
    });
  },
};

export const rebalanceCommand: Command = {
  summary: 'the trades that bring every asset class of a portfolio file back inside its band (JSON)',
  usage: 'rebalance PORTFOLIO.json [--date YYYY-MM-DD]',
  run(args) {
    const loaded = load('rebalance', args);
    if (!loaded.ok) return loaded.result;
    const plan = rebalance(loaded.portfolio, loaded.ledger, loaded.date);
    return print({
      date: formatDay(loaded.date),
      currency: loaded.portfolio.currency,
      before: driftToJson(plan.before),
      after: driftToJson(plan.after),
      trades: plan.trades.map(tradeToJson),
      cashUsedMinor: plan.cashUsedMinor,
      taxCostMinor: plan.taxCostMinor,
      unresolved: plan.unresolved,
    });
  },
};
