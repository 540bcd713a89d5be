/**
 * The demo household's Acceleration part (utils/demo/acceleration*.ts): the
 * wheel on ACME in the real trading account, the lab's bars, the RSI(2)
 * strategy and its paper account. Checked through the lab's and the plan's
 * own code: the backtest on the bars makes exactly the paper account's
 * fills, the options report adds the logged premiums up, the store would
 * write exactly the demo's options income, and the account's balances are
 * its cash and shares. Hand-checked figures are for DEMO_SEED as of
 * 2026-11-24 and say where they come from; amounts are US cents.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '@/utils/backup/format';
import { serializeBackup } from '@/utils/backup/serialize';
import { computePlan } from '@/utils/analytics/plan';
import { monthlyStreamSeries, monthsEnding } from '@/utils/analytics/streams';
import { restoreBackup } from '@/utils/db/backup-io';
import type { StrataDB } from '@/utils/db/database';
import { DEFAULT_SETTINGS } from '@/utils/db/schema';
import { defaultPlanSettings } from '@/utils/db/schema-plan';
import { tradingStreamId, type BarRecord, type OptionPositionRecord } from '@/utils/db/schema-trading';
import { barOfRecord, optionOfRecord } from '@/utils/db/trading';
import { createStore } from '@/utils/db/write';
import { parseDay } from '@/utils/portfolio/dates';
import { findGaps, toSeries } from '@/utils/trading/bars';
import { labBacktest, labForward } from '@/utils/trading/lab';
import { optionsReport } from '@/utils/trading/options';
import { accelerationRisk } from '@/utils/trading/risk';
import { labLedger } from '@/utils/trading/paper-ledger';
import { accelerationPart, WHEEL_ACCOUNT_ID, WHEEL_DEPOSIT_CENTS } from '@/utils/demo/acceleration';
import { PAPER_ACCOUNT_ID, STRATEGY_TEXT } from '@/utils/demo/acceleration-lab';
import { noonOf } from '@/utils/demo/calendar';
import { DEMO_IDS, DEMO_SEED, demoBackupText, demoContext, generateDemo } from '@/utils/demo/index';
import type { DemoTables } from '@/utils/demo/types';
import { freshDb } from '../fixtures/db/records';

const AS_OF = noonOf('2026-11-24');
/** A Sunday, the 1st of a month: the day bars, months and the month in progress all start over. */
const OTHER_AS_OF = noonOf('2026-03-01');

const part = (seed = DEMO_SEED, asOf = AS_OF) => accelerationPart(demoContext({ seed, asOf }, 'acceleration'));
const tables = part();
const options = tables.optionPositions!;
const barsOf = (t: DemoTables, symbol: string) => t.bars!.filter((b) => b.symbol === symbol);

describe('the backup', () => {
  it('the whole demo, with this part in it, is a valid Strata backup on two days', () => {
    for (const asOf of [AS_OF, OTHER_AS_OF]) {
      const parsed = parseBackup(demoBackupText({ seed: DEMO_SEED, asOf }));
      expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
    }
  });

  it('the part on its own is a valid backup too: it references only its own records', () => {
    for (const asOf of [AS_OF, OTHER_AS_OF]) {
      const parsed = parseBackup(serializeBackup(part(DEMO_SEED, asOf), new Date(asOf).toISOString()));
      expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
    }
  });

  it('ids start with "demo-" except those whose shape the schema or the lab fixes', () => {
    const { tables: all } = generateDemo({ seed: DEMO_SEED, asOf: AS_OF });
    const mine = Object.entries(part()) as [string, { id?: string; key?: string }[]][];
    for (const [table, rows] of mine) {
      for (const row of rows) {
        if (row.key !== undefined) continue;
        const id = row.id!;
        if (table === 'bars') expect(id).toMatch(/^(BROAD|ACME)\|\d{4}-\d{2}-\d{2}$/);
        else if (table === 'incomeEvents') expect(id).toMatch(/^[ob]:demo-opt-acme-/);
        else if (table === 'streams') expect(id).toBe(tradingStreamId(WHEEL_ACCOUNT_ID));
        else expect(id.startsWith('demo-'), `${table} ${id}`).toBe(true);
        expect(id.length).toBeLessThanOrEqual(64);
      }
    }
    expect(all.labAccounts!.every((a) => a.id.length <= 48)).toBe(true);
  });

  it('nothing is dated after today but what is future by nature (an open option’s expiry)', () => {
    const today = '2026-11-24';
    expect(tables.bars!.every((b) => b.date < today)).toBe(true);
    expect(tables.balanceSnapshots!.every((s) => s.at <= AS_OF)).toBe(true);
    expect(tables.incomeEvents!.every((e) => e.at <= AS_OF)).toBe(true);
    expect(options.every((o) => o.openedOn < today && (o.outcome === undefined || o.outcome.on < today))).toBe(true);
    const open = options.filter((o) => o.outcome === undefined);
    expect(open).toHaveLength(1);
  });
});

describe('determinism', () => {
  it('the same seed and day give the same text; another seed other prices and premiums', () => {
    const text = () => serializeBackup(part(), '2026-11-24T12:00:00.000Z');
    expect(text()).toBe(text());
    const other = part(DEMO_SEED + 1);
    expect(barsOf(other, 'BROAD').at(-1)!.close).not.toBe(barsOf(tables, 'BROAD').at(-1)!.close);
    expect(other.optionPositions!.map((o) => o.premium.minor)).not.toEqual(options.map((o) => o.premium.minor));
  });
});

describe('the bars', () => {
  it('cover every NYSE trading day from the first day of the history to the day before today, for both symbols', () => {
    for (const symbol of ['BROAD', 'ACME']) {
      const bars = barsOf(tables, symbol);
      // 2023-11-01 is a Wednesday; today 2026-11-24 is a Tuesday, so the last bar is Monday the 23rd.
      expect(bars[0]!.date).toBe('2023-11-01');
      expect(bars.at(-1)!.date).toBe('2026-11-23');
      // The lab's own gap check (weekdays that are not NYSE holidays) finds nothing missing.
      expect(findGaps(bars.map((b) => parseDay(b.date)!))).toEqual([]);
      // No bar on Thanksgiving 2025 or Christmas Day 2024.
      expect(bars.some((b) => b.date === '2025-11-27' || b.date === '2024-12-25')).toBe(false);
      // Whole cents: every price is a multiple of 10,000 micro-units.
      expect(bars.every((b) => [b.open, b.high, b.low, b.close].every((p) => p % 10_000 === 0))).toBe(true);
    }
    const imports = tables.priceImports!;
    expect(imports.map((i) => [i.symbol, i.added, i.first, i.last])).toEqual([
      ['BROAD', barsOf(tables, 'BROAD').length, '2023-11-01', '2026-11-23'],
      ['ACME', barsOf(tables, 'ACME').length, '2023-11-01', '2026-11-23'],
    ]);
  });
});

describe('the strategy and its paper account', () => {
  const broad = barsOf(tables, 'BROAD').map(barOfRecord);
  const account = tables.labAccounts!.find((a) => a.id === PAPER_ACCOUNT_ID)!;
  const fills = tables.labFills!;

  it('the backtest runs on the bars and makes exactly the fills the paper account recorded', () => {
    const report = labBacktest({
      text: tables.strategies![0]!.text,
      symbols: [{ symbol: 'BROAD', bars: broad, closeOnly: false }],
      useAdjusted: true,
      from: parseDay(account.startDate)!,
    });
    if (!report.ok) throw new Error(report.error);
    expect(tables.strategies![0]!.text).toBe(STRATEGY_TEXT);
    expect(fills.length).toBeGreaterThanOrEqual(10);
    const fromBacktest = report.result.fills.map((f) => ({
      side: f.side,
      date: new Date(f.date * 86_400_000).toISOString().slice(0, 10),
      shares: f.shares,
      priceMicros: Math.round(f.price * 1e6),
      feeCents: Math.round(f.fee * 100),
    }));
    expect(fills.map((f) => ({ side: f.side, date: f.date, shares: Number(f.quantity), priceMicros: f.priceMicros, feeCents: f.fee.minor }))).toEqual(
      fromBacktest,
    );
    // The first fill by hand: the buy signal of Mon 2025-11-10 fills at Tue's open, $107.76;
    // $5,000 less the $1 fee buys floor(4,999 / 107.76) = floor(46.39) = 46 shares.
    expect(fills[0]).toMatchObject({ side: 'buy', date: '2025-11-11', signalDate: '2025-11-10', quantity: '46', priceMicros: 107_760_000 });
    expect(tables.bars!.find((b) => b.id === 'BROAD|2025-11-11')!.open).toBe(107_760_000);
  });

  it('is up to date: running it forward again (what opening the lab does) records nothing new', () => {
    expect(account.processedThrough).toBe('2026-11-23');
    const again = labForward({
      text: STRATEGY_TEXT,
      symbols: [{ symbol: 'BROAD', bars: broad, closeOnly: false }],
      useAdjusted: true,
      currency: 'USD',
      capitalMinor: account.capital.minor,
      startDay: parseDay(account.startDate)!,
      processedThrough: parseDay(account.processedThrough!)!,
    });
    expect(again).toEqual({ ok: true, fills: [], processedThrough: '2026-11-23' });
  });

  it('its ledger replays without a sell of shares it does not hold', () => {
    const ledger = labLedger(account.capital.minor, fills, [toSeries('BROAD', broad, { adjusted: true })], parseDay(account.startDate)!);
    expect(ledger.sells).toBe(fills.filter((f) => f.side === 'sell').length);
    expect(ledger.cashMinor).toBeGreaterThan(0);
  });
});

describe('the wheel: options log, income and balances', () => {
  const today = parseDay('2026-11-24')!;
  const report = optionsReport(options.map(optionOfRecord), today, 3);
  const netOf = (o: OptionPositionRecord) => o.premium.minor - (o.outcome?.kind === 'closed' ? o.outcome.cost.minor : 0);

  it('the options report’s net premium is the sum of the positions’ premiums less their buy-backs', () => {
    const byHand = options.reduce((sum, o) => sum + netOf(o), 0);
    expect(report.netPremiumMinor).toBe(byHand);
    // The first put by hand: sold 2024-11-06, $24 strike, $65.77 received after the 65 ¢ fee;
    // bought back 2024-11-20 for $12.72 at half its value: net 6,577 − 1,272 = 5,305.
    const first = report.positions.find((p) => p.id === 'demo-opt-acme-2024-11-06-put')!;
    expect(first).toMatchObject({ status: 'closed', netPremiumMinor: 5_305, capitalMinor: 240_000, days: 14 });
    // The one open position: the put sold 2026-11-10 at $43, securing 43 × 100 = $4,300.
    expect(report.openCapitalMinor).toBe(430_000);
    // 34 positions: two puts and two calls assigned (two trips through the shares), two expired, one open, the rest closed at half their value.
    const counts = Object.fromEntries(['closed', 'expired', 'assigned', 'open'].map((s) => [s, report.positions.filter((p) => p.status === s).length]));
    expect(counts).toEqual({ closed: 27, expired: 2, assigned: 4, open: 1 });
  });

  it('the stream’s income is what the lab itself writes for a real account (restored, then re-synced by the store)', async () => {
    const db: StrataDB = freshDb();
    try {
      await restoreBackup(db, serializeBackup(tables, '2026-11-24T12:00:00.000Z'));
      const streamId = tradingStreamId(WHEEL_ACCOUNT_ID);
      const before = await db.incomeEvents.where('streamId').equals(streamId).toArray();
      // Any change to the options log rewrites the account's income; an empty patch changes nothing else.
      await createStore(db, { now: () => AS_OF }).updateOptionPosition(options[0]!.id, {});
      const after = await db.incomeEvents.where('streamId').equals(streamId).toArray();
      const shape = (events: typeof before) =>
        events.map((e) => ({ id: e.id, amount: e.amount.minor, kind: e.kind, day: new Date(e.at).toISOString().slice(0, 10) })).sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(shape(after)).toEqual(shape(before));
      expect(await db.streams.count()).toBe(1);
      expect((await db.streams.get(streamId))!.accountId).toBe(DEMO_IDS.trading);
    } finally {
      await db.delete();
    }
  });

  it('premium by month (cash basis) is the stream’s monthly income in the plan’s series', () => {
    const months = monthsEnding('2026-11', 25);
    const series = monthlyStreamSeries({
      streams: tables.streams!,
      events: tables.incomeEvents!,
      costs: [],
      months,
      baseCurrency: 'USD',
      rates: {},
      tzOffsetMinutes: -300,
    });
    const income = series.income[tradingStreamId(WHEEL_ACCOUNT_ID)]!;
    const byMonth = new Map(report.premiumByMonth.map((m) => [m.month, m.netMinor]));
    months.forEach((month, i) => expect(income[i], month).toBe(byMonth.get(month) ?? 0));
    // November 2026: the put sold on the 10th for 4,013, less the buy-back of the 9th, 262: 3,751.
    expect(income.at(-1)).toBe(3_751);
  });

  it('every balance is the cash and the shares the log implies, at the last close', () => {
    const acme = new Map<string, BarRecord>(barsOf(tables, 'ACME').map((b) => [b.date, b]));
    const closeOn = (day: string) => {
      const last = [...acme.keys()].filter((d) => d <= day).at(-1)!;
      return acme.get(last)!.close / 10_000;
    };
    const snapshots = tables.balanceSnapshots!;
    expect(snapshots[0]!.amount.minor).toBe(WHEEL_DEPOSIT_CENTS);
    for (const snapshot of snapshots.slice(1)) {
      const day = new Date(snapshot.at).toISOString().slice(0, 10);
      let cash = WHEEL_DEPOSIT_CENTS;
      let shares = 0;
      for (const o of options) {
        if (o.openedOn <= day) cash += o.premium.minor;
        if (!o.outcome || o.outcome.on > day) continue;
        cash -= o.outcome.cost.minor;
        if (o.outcome.kind === 'assigned') {
          const sign = o.kind === 'cash-secured-put' ? 1 : -1;
          shares += sign * 100 * o.contracts;
          cash -= sign * o.strike.minor * 100 * o.contracts;
        }
      }
      expect(snapshot.amount.minor, snapshot.id).toBe(cash + shares * closeOn(day));
    }
    // Today by hand: no shares held; $6,000 + the net premium, less the two trips through the shares —
    // put assigned at $26, called away at $25; put assigned at $36, called away at $35: −$200.
    expect(report.netPremiumMinor).toBe(139_549);
    expect(snapshots.at(-1)!.amount.minor).toBe(600_000 + 139_549 - 20_000);
  });

  it('the plan counts the account once: Acceleration capital is its latest balance, the stream’s return is on its stated capital', () => {
    const plan = computePlan(
      {
        now: AS_OF,
        tzOffsetMinutes: 0,
        settings: DEFAULT_SETTINGS,
        planSettings: defaultPlanSettings('USD'),
        accounts: tables.accounts!,
        balanceSnapshots: tables.balanceSnapshots!,
        streams: tables.streams!,
        incomeEvents: tables.incomeEvents!,
        streamCosts: [],
        cashNeeds: [],
        debts: [],
      },
      { paths: 0 },
    );
    const card = plan.layers.find((l) => l.layer === 'acceleration')!;
    expect(card.capital).toBe(719_549);
    expect(card.status).toBe('passive');
    const stream = plan.streams.find((s) => s.layer === 'acceleration')!;
    expect(stream.capital).toBe(WHEEL_DEPOSIT_CENTS);
    expect(stream.thisMonth).toBe(3_751);
  });

  it('in the whole demo the money at risk stays under the plan’s cap for trading', () => {
    const { tables: all } = generateDemo({ seed: DEMO_SEED, asOf: AS_OF });
    const plan = computePlan(
      {
        now: AS_OF,
        tzOffsetMinutes: 0,
        settings: all.settings?.[0] ?? DEFAULT_SETTINGS,
        planSettings: all.planSettings?.[0] ?? defaultPlanSettings('USD'),
        accounts: all.accounts!,
        balanceSnapshots: all.balanceSnapshots!,
        streams: all.streams!,
        incomeEvents: all.incomeEvents!,
        streamCosts: all.streamCosts ?? [],
        cashNeeds: all.cashNeeds ?? [],
        debts: all.debts ?? [],
      },
      { paths: 0 },
    );
    const gate = plan.accelerationGate;
    const risk = accelerationRisk({
      currency: 'USD',
      capMonthlyMinor: gate.capMonthly,
      gateMet: gate.met,
      gateBlockers: gate.blockers,
      months: all.tradingSettings![0]!.riskMonths,
      openOptionsCapitalMinor: report.openCapitalMinor,
      strategies: [],
    });
    // At risk: the one open put, $4,300; the paper account risks nothing.
    expect(risk.atRiskMinor).toBe(430_000);
    expect(risk.over).toBe(false);
  });
});
