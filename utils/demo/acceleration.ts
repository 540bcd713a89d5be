/**
 * The demo household's Acceleration layer: a small real trading account that
 * runs "the wheel" on one stock, and the trading lab around it.
 *
 * - The account DEMO_IDS.trading (Interactive Brokers, kind 'trading'):
 *   $6,000 deposited 24 months before today's month, nothing added since;
 *   a balance snapshot on the deposit day, at every month's end and today,
 *   each = cash + ACME shares × the last close on or before that day
 *   (acceleration-wheel.ts; the open option's value is not subtracted).
 * - Its options, logged in the lab's real account "ACME wheel at Interactive
 *   Brokers" (demo-lab-wheel): every put and call of the wheel, open and
 *   ended. A real lab account's premiums are Acceleration income, and the
 *   lab owns that stream: id "lab-demo-lab-wheel", its events "o:<option>"
 *   (the premium on the opening day) and "b:<option>" (a buy-back, negative,
 *   on the day it was closed), importId 'trading-lab' — exactly what
 *   utils/db/trading-writes.ts writes, so a position the visitor records
 *   later rewrites these events instead of doubling them. (Hence the
 *   stream is the lab's own, not a "demo-" stream: that would be a second copy.)
 *   Events are at UTC noon, where the store writes UTC midnight.
 * - Daily bars of BROAD and ACME for the three years (acceleration-bars.ts),
 *   the RSI(2) strategy and a paper account following it for a year
 *   (acceleration-lab.ts), and the lab's settings.
 * Money at risk: one cash-secured put contract at a time (a few thousand
 * dollars), under the plan's cap for trading (its gate × the lab's risk
 * months). Pure: ctx decides everything.
 */
import type { Account, BalanceSnapshot, IncomeEvent, Stream } from '@/utils/db/schema';
import {
  DEFAULT_TRADING_SETTINGS,
  TRADING_IMPORT_ID,
  tradingStreamId,
  tradingStreamName,
  type LabAccount,
  type OptionPositionRecord,
} from '@/utils/db/schema-trading';
import { Random } from '@/utils/analytics/random';
import { ACME, BROAD, generateBars, isTradingDay, lastBarDay } from './acceleration-bars';
import { paperLab, priceFile } from './acceleration-lab';
import { runWheel, wheelAccountOn, type WheelPosition } from './acceleration-wheel';
import { addDays, isoDay, noonOf } from './calendar';
import { DEMO_IDS, type DemoContext, type DemoTables } from './types';
import { DEMO_PROVENANCE, demoSnapshot, usd } from './records';

export const WHEEL_ACCOUNT_ID = 'demo-lab-wheel';
export const WHEEL_DEPOSIT_CENTS = 600_000;
/** Months before today's month: the account opens then; the paper account starts then. */
const ACCOUNT_MONTHS_AGO = 24;
const PAPER_MONTHS_AGO = 12;

const DESCRIPTION = DEMO_PROVENANCE.description;

/** The first trading day on or after `day`. */
function tradingDayFrom(day: string): string {
  while (!isTradingDay(day)) day = addDays(day, 1);
  return day;
}

const optionId = (p: WheelPosition) => `demo-opt-acme-${p.openedOn}-${p.kind === 'covered-call' ? 'call' : 'put'}`;

export function accelerationPart(ctx: DemoContext): DemoTables {
  const { months, today } = ctx;
  // One seed per subject, drawn in a fixed order, so a change to one never moves another's numbers.
  const broadRandom = new Random(ctx.random.nextUint32());
  const acmeRandom = new Random(ctx.random.nextUint32());

  const lastBar = lastBarDay(today);
  const broadBars = generateBars(BROAD, ctx.firstDay, lastBar, broadRandom);
  const acmeBars = generateBars(ACME, ctx.firstDay, lastBar, acmeRandom);
  // Downloaded today: the files end with the last close before today.
  const broadFile = priceFile(BROAD.symbol, broadBars, today);
  const acmeFile = priceFile(ACME.symbol, acmeBars, today);

  // ---- the real account and its wheel
  const current = months.length - 1;
  const opening = months[current - ACCOUNT_MONTHS_AGO]!;
  const depositDay = tradingDayFrom(isoDay(opening.year, opening.month, 6));
  const wheel = runWheel(acmeBars, depositDay, WHEEL_DEPOSIT_CENTS);

  const account: Account = {
    id: DEMO_IDS.trading,
    institution: 'Interactive Brokers',
    name: 'Options account',
    kind: 'trading',
    layer: 'acceleration',
    currency: 'USD',
    taxType: 'taxable',
    createdAt: noonOf(depositDay),
    notes: 'Sells cash-secured puts and covered calls on ACME (the wheel). Balance: cash plus shares at the close.',
  };
  const balanceSnapshots: BalanceSnapshot[] = [];
  const snapshot = (day: string, suffix: string, minor: number) =>
    balanceSnapshots.push(demoSnapshot(`demo-bal-trading-${suffix}`, DEMO_IDS.trading, day, minor));
  /** Cash + shares at the last close on or before `day`. */
  const valueOn = (day: string) => {
    const state = wheelAccountOn(wheel, day, WHEEL_DEPOSIT_CENTS);
    return state.cashCents + state.shares * (state.closeCents ?? 0);
  };
  // The deposit, at noon, before the first put is sold at the close.
  snapshot(depositDay, 'opened', WHEEL_DEPOSIT_CENTS);
  for (const month of months.slice(current - ACCOUNT_MONTHS_AGO)) {
    const day = month.current ? today : isoDay(month.year, month.month, month.days);
    snapshot(day, month.current ? 'today' : month.key, valueOn(day));
  }

  const wheelAccount: LabAccount = {
    id: WHEEL_ACCOUNT_ID,
    name: 'ACME wheel at Interactive Brokers',
    mode: 'real',
    currency: 'USD',
    capital: usd(WHEEL_DEPOSIT_CENTS),
    startDate: depositDay,
    createdAt: noonOf(depositDay),
  };
  const optionPositions: OptionPositionRecord[] = wheel.positions.map((p) => {
    const outcome = p.outcome;
    return {
      id: optionId(p),
      accountId: WHEEL_ACCOUNT_ID,
      kind: p.kind,
      symbol: ACME.symbol,
      openedOn: p.openedOn,
      expiry: p.expiry,
      strike: usd(p.strikeCents),
      contracts: p.contracts,
      premium: usd(p.premiumCents),
      underlying: usd(p.underlyingCents),
      ...(outcome ? { outcome: { kind: outcome.kind, on: outcome.on, cost: usd(outcome.kind === 'closed' ? outcome.costCents : 0) } } : {}),
      createdAt: noonOf(p.openedOn),
    };
  });

  // ---- the options income, as the lab writes it for a real account
  const streamId = tradingStreamId(WHEEL_ACCOUNT_ID);
  const incomeEvents: IncomeEvent[] = [];
  for (const option of optionPositions) {
    incomeEvents.push({
      id: `o:${option.id}`,
      streamId,
      at: noonOf(option.openedOn),
      amount: option.premium,
      kind: 'options-premium',
      source: 'manual',
      provenance: { description: DESCRIPTION, importId: TRADING_IMPORT_ID },
    });
    if (option.outcome && option.outcome.cost.minor > 0) {
      incomeEvents.push({
        id: `b:${option.id}`,
        streamId,
        at: noonOf(option.outcome.on),
        amount: usd(-option.outcome.cost.minor),
        kind: 'options-premium',
        source: 'manual',
        provenance: { description: DESCRIPTION, importId: TRADING_IMPORT_ID },
      });
    }
  }
  const streams: Stream[] =
    incomeEvents.length === 0
      ? []
      : [
          {
            id: streamId,
            name: tradingStreamName(wheelAccount),
            layer: 'acceleration',
            accountId: DEMO_IDS.trading,
            startedAt: Math.min(...incomeEvents.map((e) => e.at)),
            hoursPerMonth: 2,
            capital: usd(WHEEL_DEPOSIT_CENTS),
            assumptionId: 'options-income',
            notes: 'Premiums of the ACME puts and calls, as the options log records them.',
          },
        ];

  // ---- the lab: the strategy and its paper account
  const paperMonth = months[current - PAPER_MONTHS_AGO]!;
  const paperStart = tradingDayFrom(isoDay(paperMonth.year, paperMonth.month, 1));
  const paper = paperLab(BROAD.symbol, broadBars, paperStart, addDays(paperStart, -3));

  return {
    accounts: [account],
    balanceSnapshots,
    streams,
    incomeEvents,
    priceImports: [broadFile.priceImport, acmeFile.priceImport],
    bars: [...broadFile.bars, ...acmeFile.bars],
    strategies: [paper.strategy],
    labAccounts: [wheelAccount, paper.account],
    labFills: paper.fills,
    optionPositions,
    tradingSettings: [{ ...DEFAULT_TRADING_SETTINGS, reminded: [] }],
  };
}
