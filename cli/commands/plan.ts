/**
 * `strata plan BACKUP.json [--now 2026-11-24T12:00:00Z] [--tz-offset 60] [--paths 1000] [--seed 1] [--years 40]`:
 * the plan for a Strata backup, as one JSON object (see README "strata plan"):
 * the stage of each layer, this month's income by layer, coverage, available
 * to invest term by term, the next-dollar allocation with reasons, the
 * coach's actions, the FI date per percentile and, when the backup holds
 * assessment answers, the assessment's result. Money is in base-currency
 * minor units. A refused backup prints {"error": "..."} with exit code 2.
 */
import { readFileSync } from 'node:fs';
import { computePlan } from '../../utils/analytics/plan';
import type { Plan } from '../../utils/analytics/plan-types';
import { monthFromNumber, monthNumber } from '../../utils/analytics/streams-months';
import { parseBackup } from '../../utils/backup/format';
import { planInputFromBackup } from '../../utils/backup/plan-input';
import { LAYERS } from '../../utils/db/schema';
import { parseArgs } from '../args';
import { EXIT_USAGE, type CliResult, type Command } from '../types';

const fail = (error: string): CliResult => ({ stdout: `${JSON.stringify({ error })}\n`, stderr: '', exitCode: EXIT_USAGE });

function wholeNumber(text: string | undefined, name: string, min: number, max: number, fallback: number): number | string {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text)) return `--${name} must be a whole number, got "${text}"`;
  const value = Number(text);
  if (value < min || value > max) return `--${name} must be between ${min} and ${max}, got ${value}`;
  return value;
}

/** The JSON `strata plan` prints: a stable shape documented in the README. */
export function planToJson(plan: Plan) {
  const fi = (month: number | null) => (month === null ? null : monthFromNumber(monthNumber(plan.month) + month));
  const mc = plan.projection.monteCarlo;
  const current = plan.series.months.length - 1;
  return {
    month: plan.month,
    baseCurrency: plan.baseCurrency,
    stages: Object.fromEntries(plan.layers.map((c) => [c.layer, { status: c.status, reason: c.statusReason }])),
    incomeThisMonth: {
      total: plan.series.totalIncome[current] ?? 0,
      byLayer: Object.fromEntries(LAYERS.map((l) => [l, plan.series.incomeByLayer[l][current] ?? 0])),
    },
    coverage: plan.coverage,
    available: {
      income: plan.available.income.total,
      expenses: plan.available.expenses.total,
      cashNeeds: plan.available.cashNeedsTotal,
      emergencyTopUp: plan.available.emergency.topUp,
      surplus: plan.available.surplus,
      available: plan.available.available,
    },
    allocation: {
      total: plan.coach.allocation.total,
      lines: plan.coach.allocation.lines.map((line) => ({
        bucket: line.bucket,
        minor: line.minor,
        reason: line.reason,
        ...(line.targetName !== undefined ? { target: line.targetName } : {}),
      })),
    },
    actions: plan.coach.actions.map((a) => ({ rule: a.rule, status: a.status, title: a.title, reason: a.reason })),
    fiDate: {
      deterministic: fi(plan.projection.deterministic.fiMonth),
      p10: mc ? fi(mc.fiMonth.p10) : null,
      p50: mc ? fi(mc.fiMonth.p50) : null,
      p90: mc ? fi(mc.fiMonth.p90) : null,
    },
    assessment: plan.assessment.result
      ? {
          next: plan.assessment.result.next,
          stages: Object.fromEntries(LAYERS.map((l) => [l, plan.assessment.result!.placements[l].stage])),
          reasons: plan.assessment.result.reasons,
        }
      : null,
    warnings: plan.warnings,
  };
}

function run(args: readonly string[]): CliResult {
  const parsed = parseArgs(args, ['now', 'tz-offset', 'paths', 'seed', 'years']);
  if (!parsed.ok) return fail(parsed.error);
  const { positionals, flags } = parsed;
  if (positionals.length !== 1) return fail('expected one backup file, e.g. strata plan strata-backup.json');
  const now = flags.now === undefined ? Date.now() : Date.parse(flags.now);
  if (!Number.isFinite(now)) return fail(`--now must be a date and time such as 2026-11-24T12:00:00Z, got "${flags.now}"`);
  const tz = wholeNumber(flags['tz-offset'], 'tz-offset', -840, 840, -new Date(now).getTimezoneOffset());
  const paths = wholeNumber(flags.paths, 'paths', 0, 100_000, 1000);
  const seed = wholeNumber(flags.seed, 'seed', 0, 2 ** 32 - 1, 1);
  const years = wholeNumber(flags.years, 'years', 1, 100, 40);
  for (const value of [tz, paths, seed, years]) if (typeof value === 'string') return fail(value);

  let text: string;
  try {
    text = readFileSync(positionals[0]!, 'utf8');
  } catch (error) {
    return fail(`cannot read ${positionals[0]}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const backup = parseBackup(text);
  if (!backup.ok) return fail(backup.error);
  const input = planInputFromBackup(backup.backup, now, tz as number);
  let plan: Plan;
  try {
    plan = computePlan(input, { paths: paths as number, seed: seed as number, years: years as number });
  } catch (error) {
    return fail(`the plan could not be computed: ${(error as Error).message}`);
  }
  return { stdout: `${JSON.stringify(planToJson(plan), null, 2)}\n`, stderr: '', exitCode: 0 };
}

export const planCommand: Command = {
  summary: 'print the layered plan for a Strata backup (stages, income, available to invest, allocation, FI date)',
  usage: 'plan BACKUP.json [--now ISO-TIME] [--tz-offset MINUTES] [--paths N] [--seed N] [--years N]',
  run,
};
