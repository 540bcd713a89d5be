/**
 * Deterministic bench data for the whole plan: ten years of a household with
 * 30 accounts (110,000 balance snapshots), 20 income streams across the four
 * layers (100,000 income events: payments plus some captured "this month"
 * figures), their costs, cash needs, debts and plan settings.
 */
import type { PlanInput } from '@/utils/analytics/plan-types';
import { DEFAULT_SETTINGS, type Account, type AccountKind, type Layer, type Stream } from '@/utils/db/schema';
import { defaultPlanSettings } from '@/utils/db/schema-plan';
import { BENCH_END, BENCH_START } from './netWorthData';
import { randomInt, seededRandom } from './random';

const DAY_MS = 86_400_000;
export const PLAN_SNAPSHOTS = 110_000;
export const PLAN_EVENTS = 100_000;

const ACCOUNT_SHAPES: [Layer, AccountKind][] = [
  ...Array<[Layer, AccountKind]>(6).fill(['foundation', 'brokerage']),
  ...Array<[Layer, AccountKind]>(3).fill(['foundation', 'retirement']),
  ...Array<[Layer, AccountKind]>(2).fill(['foundation', 'hysa']),
  ['foundation', 'real-estate'],
  ...Array<[Layer, AccountKind]>(8).fill(['leverage', 'content']),
  ...Array<[Layer, AccountKind]>(5).fill(['acceleration', 'trading']),
  ...Array<[Layer, AccountKind]>(5).fill(['compounding', 'business']),
];
const STREAM_LAYERS: Layer[] = [
  ...Array<Layer>(6).fill('foundation'),
  ...Array<Layer>(6).fill('leverage'),
  ...Array<Layer>(4).fill('acceleration'),
  ...Array<Layer>(4).fill('compounding'),
];
const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;

export function planBenchInput(seed = 20261124): PlanInput {
  const random = seededRandom(seed);
  const span = BENCH_END + 1 - BENCH_START;
  const accounts: Account[] = ACCOUNT_SHAPES.map(([layer, kind], i) => ({
    id: `account-${String(i).padStart(2, '0')}`,
    institution: `Institution ${i}`,
    name: `${kind} ${i}`,
    kind,
    layer,
    currency: CURRENCIES[i % CURRENCIES.length]!,
    taxType: 'taxable',
    createdAt: BENCH_START,
  }));

  const perAccount = PLAN_SNAPSHOTS / accounts.length;
  const balanceSnapshots: PlanInput['balanceSnapshots'] = [];
  accounts.forEach((account, i) => {
    let balance = randomInt(random, 1_000_00, 500_000_00);
    const count = Math.floor(perAccount) + (i < PLAN_SNAPSHOTS % accounts.length ? 1 : 0);
    for (let n = 0; n < count; n++) {
      balance = Math.max(0, balance + Math.round(balance * (random() - 0.49) * 0.02));
      balanceSnapshots.push({
        accountId: account.id,
        at: BENCH_START + Math.floor((n / count) * span) + randomInt(random, 0, 3_600_000),
        amount: { minor: balance, currency: account.currency },
      });
    }
  });
  balanceSnapshots.sort((a, b) => a.at - b.at);

  const streams: Stream[] = STREAM_LAYERS.map((layer, i) => ({
    id: `stream-${String(i).padStart(2, '0')}`,
    name: `Stream ${i}`,
    layer,
    accountId: accounts.find((a) => a.layer === layer)?.id,
    startedAt: BENCH_START + randomInt(random, 0, 5 * 365) * DAY_MS,
    hoursPerMonth: layer === 'foundation' ? 0 : randomInt(random, 2, 40),
    selfSustainingMonthly: layer === 'leverage' || layer === 'compounding' ? { minor: 2_000_00, currency: 'USD' } : undefined,
  }));

  const incomeEvents: PlanInput['incomeEvents'] = [];
  for (let n = 0; n < PLAN_EVENTS; n++) {
    const stream = streams[n % streams.length]!;
    const at = stream.startedAt + Math.floor(random() * (BENCH_END - stream.startedAt));
    const currency = CURRENCIES[n % 7 === 0 ? 1 : 0]!;
    if (n % 50 === 0) {
      // A captured "this month" figure, as the capture path stores it.
      const d = new Date(at);
      const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      const key = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
      incomeEvents.push({ streamId: stream.id, at, amount: { minor: randomInt(random, 100_00, 3_000_00), currency }, period: { start, end, label: 'This month' }, periodKey: key });
    } else {
      incomeEvents.push({ streamId: stream.id, at, amount: { minor: randomInt(random, 1_00, 200_00), currency } });
    }
  }
  incomeEvents.sort((a, b) => a.at - b.at);

  const streamCosts: PlanInput['streamCosts'] = streams
    .filter((s) => s.layer !== 'foundation')
    .flatMap((s, i) => [
      { id: `cost-${i}-m`, streamId: s.id, name: 'Hosting', amount: { minor: randomInt(random, 5_00, 80_00), currency: 'USD' }, every: 'month' as const, startsAt: s.startedAt },
      { id: `cost-${i}-y`, streamId: s.id, name: 'Domain', amount: { minor: 15_00, currency: 'USD' }, every: 'year' as const, startsAt: s.startedAt },
    ]);

  const settings = { ...DEFAULT_SETTINGS, rates: { EUR: '1.0850', GBP: '1.2712' } };
  const planSettings = {
    ...defaultPlanSettings('USD'),
    monthlyExpenses: { minor: 4_200_00, currency: 'USD' },
    otherMonthlyIncome: { minor: 6_000_00, currency: 'USD' },
    leveragePlay: { streamId: streams[6]!.id, committedAt: BENCH_END - 120 * DAY_MS },
  };
  return {
    now: BENCH_END,
    tzOffsetMinutes: 0,
    settings,
    planSettings,
    accounts,
    balanceSnapshots,
    streams,
    incomeEvents,
    streamCosts,
    cashNeeds: [
      { id: 'need-1', name: 'Car insurance', amount: { minor: 1_200_00, currency: 'USD' }, dueAt: BENCH_END + 90 * DAY_MS },
      { id: 'need-2', name: 'Tuition', amount: { minor: 6_000_00, currency: 'USD' }, dueAt: BENCH_END + 240 * DAY_MS },
    ],
    debts: [
      { id: 'debt-1', name: 'Card', balance: { minor: 2_400_00, currency: 'USD' }, aprBasisPoints: 2499 },
      { id: 'debt-2', name: 'Car loan', balance: { minor: 9_000_00, currency: 'USD' }, aprBasisPoints: 590 },
    ],
  };
}
