/**
 * Entering the plan on the options page, in real Chromium with the built
 * extension: a stream with a monthly cost and income entered by hand, the
 * budget, a debt and a cash need, each checked in IndexedDB to the minor unit.
 *
 * The browser writes German numbers (de-DE: "1.234,56", "24,99 %") and runs in
 * Asia/Tokyo (UTC+9, no daylight saving), so a day stored at local noon is
 * exactly 03:00Z of that day. Tests run in order and share one browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, readStoredRows, type ExtensionHarness } from './harness';

const TIME_ZONE = 'Asia/Tokyo';
const DAY_MS = 86_400_000;

let harness: ExtensionHarness;
let options: Page;

beforeAll(async () => {
  harness = await launchExtension({ locale: 'de-DE', timezone: TIME_ZONE });
  harness.context.setDefaultTimeout(5_000);
  options = await harness.openOptions();
});

afterAll(async () => {
  await harness?.close();
});

/** The calendar date in Tokyo `daysFromNow` days from now (negative: ago), as a date input holds it. */
function tokyoDate(daysFromNow = 0): string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return format.format(Date.now() + daysFromNow * DAY_MS);
}

/** Local noon in Tokyo of a "YYYY-MM-DD" day: 12:00 − 9 h = 03:00Z. */
function tokyoNoon(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, 3);
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 5_000, interval: 50 });
const form = (name: string) => options.getByRole('form', { name, exact: true });
const box = (scope: Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

/** The message an input points at with aria-describedby while it is marked invalid ("" when valid). */
const messageAbout = (field: Locator) =>
  field.evaluate((el) =>
    el.getAttribute('aria-invalid') === 'true'
      ? (el.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id))
          .filter((node) => node?.getAttribute('role') === 'alert')
          .map((node) => node!.textContent)
          .join(' ')
      : '',
  );

interface Row {
  [key: string]: unknown;
}
async function stored(): Promise<Record<string, Row[]>> {
  return readStoredRows<Row>(options, ['streams', 'streamCosts', 'incomeEvents', 'planSettings', 'debts', 'cashNeeds']);
}

describe('entering the plan on the options page', () => {
  it('adds a stream, a monthly cost and income entered by hand, stored in exact cents', async () => {
    const started = tokyoDate(-100);
    const add = form('Add stream');
    await box(add, 'Name').fill('Nischenseite');
    await add.getByRole('combobox', { name: 'Layer', exact: true }).selectOption('leverage');
    await add.getByLabel('Started', { exact: true }).fill(started);
    await box(add, 'Hours a month').fill('12,5');
    await box(add, 'Self-sustaining at').fill('1.500,00');
    await box(add, 'Capital').fill('2.000');
    await add.getByRole('button', { name: 'Add stream', exact: true }).click();
    await poll(() => text(options.getByRole('region', { name: 'Streams' }).getByRole('status').first())).toBe('Added Nischenseite.');

    await options.getByText('Costs and income of Nischenseite', { exact: true }).click();
    const cost = form('Add cost for Nischenseite');
    await box(cost, 'Name').fill('Hosting');
    await box(cost, 'Amount').fill('24,99');
    await cost.getByRole('combobox', { name: 'Every', exact: true }).selectOption({ label: 'Every month' });
    await cost.getByLabel('Starts', { exact: true }).fill(tokyoDate(-90));
    await cost.getByRole('button', { name: 'Add cost', exact: true }).click();
    await poll(() => text(cost.getByRole('status'))).toMatch(/^Added Hosting: 24,99\s\$ every month\.$/);

    const income = form('Add income for Nischenseite');
    await box(income, 'Amount').fill('312,40');
    await income.getByLabel('Date', { exact: true }).fill(tokyoDate(-3));
    expect(await income.getByRole('combobox', { name: 'Kind', exact: true }).inputValue()).toBe('ad-revenue');
    await income.getByRole('button', { name: 'Add income', exact: true }).click();
    await poll(() => text(income.getByRole('status'))).toMatch(/^Saved 312,40\s\$ for Nischenseite on /);

    const rows = await stored();
    const [stream] = rows['streams']!;
    expect(stream).toMatchObject({
      name: 'Nischenseite',
      layer: 'leverage',
      startedAt: tokyoNoon(started),
      hoursPerMonth: 12.5,
      // "1.500,00" in de-DE = $1,500.00 = 150000 cents; "2.000" = $2,000.00.
      selfSustainingMonthly: { minor: 150000, currency: 'USD' },
      capital: { minor: 200000, currency: 'USD' },
    });
    expect(stream).not.toHaveProperty('assumptionId');
    expect(rows['streamCosts']).toEqual([
      { id: expect.any(String), streamId: stream!['id'], name: 'Hosting', amount: { minor: 2499, currency: 'USD' }, every: 'month', startsAt: tokyoNoon(tokyoDate(-90)) },
    ]);
    expect(rows['incomeEvents']).toEqual([
      {
        id: expect.any(String),
        streamId: stream!['id'],
        at: tokyoNoon(tokyoDate(-3)),
        amount: { minor: 31240, currency: 'USD' },
        kind: 'ad-revenue',
        source: 'manual',
        provenance: { description: 'Entered by hand', rawText: '312,40' },
      },
    ]);
    const latest = options.getByRole('table', { name: /^Latest income of Nischenseite/ });
    const cells = () =>
      latest.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].slice(0, 4).map((c) => c.textContent?.replace(/\s+/g, ' ').trim())));
    await poll(cells).toEqual([[tokyoDate(-3), '312,40 $', 'Ad revenue', 'Entered by hand']]);
  });

  it('saves the budget: expenses, other income and the APR threshold, exactly', async () => {
    const budget = form('Budget');
    await box(budget, 'Monthly expenses').fill('3.200,00');
    await box(budget, 'Other income a month').fill('4.150,50');
    await box(budget, 'High-interest APR threshold (%)').fill('7,5');
    await budget.getByRole('combobox', { name: 'Leverage play', exact: true }).selectOption({ label: 'Nischenseite' });
    await budget.getByRole('button', { name: 'Save budget', exact: true }).click();
    await poll(() => text(budget.getByRole('status'))).toBe('Budget saved.');

    const rows = await stored();
    const streamId = rows['streams']![0]!['id'];
    expect(rows['planSettings']).toEqual([
      {
        key: 'plan',
        monthlyExpenses: { minor: 320000, currency: 'USD' },
        otherMonthlyIncome: { minor: 415050, currency: 'USD' },
        emergencyMonths: 6,
        emergencyAccountIds: [],
        // "7,5" % = 750 basis points.
        highInterestAprBasisPoints: 750,
        foundationStarterMonthly: { minor: 5000, currency: 'USD' },
        stableSurplusMonths: 3,
        accelerationCapBasisPoints: 1000,
        withdrawalRate: '0.04',
        expensesGrowth: '0.03',
        assumptionOverrides: {},
        phrasing: false,
        leveragePlay: { streamId, committedAt: tokyoNoon(tokyoDate(0)) },
      },
    ]);
    // The form shows what was stored, in German.
    expect(await box(budget, 'High-interest APR threshold (%)').inputValue()).toBe('7,5');
    expect(await box(budget, 'Monthly expenses').inputValue()).toBe('3200,00');
  });

  it('adds a debt at 24,99 % APR and a cash need', async () => {
    const debt = form('Add debt');
    await box(debt, 'Name').fill('Kreditkarte');
    await box(debt, 'Balance').fill('1.234,56');
    await box(debt, 'APR (%)').fill('24,99');
    await box(debt, 'Minimum a month').fill('35');
    await debt.getByRole('button', { name: 'Add debt', exact: true }).click();
    await options.getByRole('table', { name: 'Debts', exact: true }).getByRole('rowheader', { name: 'Kreditkarte', exact: true }).waitFor();

    const due = tokyoDate(60);
    const need = form('Add cash need');
    await box(need, 'Name').fill('Autoversicherung');
    await box(need, 'Amount').fill('1.200');
    await need.getByLabel('Due date', { exact: true }).fill(due);
    await need.getByRole('button', { name: 'Add cash need', exact: true }).click();
    await poll(() => text(need.getByRole('status'))).toMatch(/^Added Autoversicherung: 1\.200,00\s\$ due /);

    const rows = await stored();
    expect(rows['debts']).toEqual([
      {
        id: expect.any(String),
        name: 'Kreditkarte',
        balance: { minor: 123456, currency: 'USD' },
        aprBasisPoints: 2499,
        minimumMonthly: { minor: 3500, currency: 'USD' },
      },
    ]);
    expect(rows['cashNeeds']).toEqual([{ id: expect.any(String), name: 'Autoversicherung', amount: { minor: 120000, currency: 'USD' }, dueAt: tokyoNoon(due) }]);
  });

  it('refuses a bad APR next to its field and saves nothing', async () => {
    const debt = form('Add debt');
    const apr = box(debt, 'APR (%)');
    await box(debt, 'Name').fill('Kredit');
    await box(debt, 'Balance').fill('500');
    await apr.fill('abc');
    await debt.getByRole('button', { name: 'Add debt', exact: true }).click();
    await poll(() => messageAbout(apr)).toBe('APR "abc" is not a number such as 7.5');
    expect(await messageAbout(box(debt, 'Balance'))).toBe('');
    // A third decimal cannot be a whole number of basis points.
    await apr.fill('19,999');
    await debt.getByRole('button', { name: 'Add debt', exact: true }).click();
    await poll(() => messageAbout(apr)).toBe('APR can have at most two decimals (a basis point is 0.01%)');
    expect((await stored())['debts']).toHaveLength(1);
  });

  it('overrides an assumption as a decimal string and resets it', async () => {
    const assumptions = form('Projection assumptions');
    const hysaReturn = box(assumptions, 'High-yield savings: Return or growth a year (%)');
    expect(await hysaReturn.inputValue()).toBe('4,75');
    const hysaRow = assumptions.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'High-yield savings', exact: true }) });
    expect(await text(hysaRow)).toContain('US high-yield savings accounts paid 4.5–5.0% APY');
    await hysaReturn.fill('4');
    await assumptions.getByRole('button', { name: 'Save assumptions', exact: true }).click();
    await poll(() => text(assumptions.getByRole('status'))).toBe('Assumptions saved.');
    const overrides = async () => ((await stored())['planSettings']![0]! as { assumptionOverrides: unknown }).assumptionOverrides;
    expect(await overrides()).toEqual({ hysa: { annualReturn: '0.04' } });

    await assumptions.getByRole('button', { name: 'Reset High-yield savings', exact: true }).click();
    await poll(overrides).toEqual({});
    await poll(() => hysaReturn.inputValue()).toBe('4,75');
    // The budget saved before is untouched.
    expect(((await stored())['planSettings']![0]! as { highInterestAprBasisPoints: number }).highInterestAprBasisPoints).toBe(750);
  });

  it('works with the keyboard alone: a stream opens with Enter, a form submits with Enter', async () => {
    const summary = options.getByText('Costs and income of Nischenseite', { exact: true });
    const details = summary.locator('xpath=..');
    await summary.click(); // closed again (the first test opened it)
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await summary.focus();
    await options.keyboard.press('Enter');
    await poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);

    const growth = box(form('Budget'), 'Expense growth (% a year)');
    await growth.focus();
    await options.keyboard.press('ControlOrMeta+A');
    await options.keyboard.type('2,5');
    await options.keyboard.press('Enter');
    const storedGrowth = async () => ((await stored())['planSettings']![0]! as { expensesGrowth: string }).expensesGrowth;
    // "2,5" % a year = 0.025, as text.
    await poll(storedGrowth).toBe('0.025');
  });

  it('asks before deleting a stream, naming what goes with it', async () => {
    const row = options.getByRole('row').filter({ has: options.getByRole('rowheader', { name: /^Nischenseite/ }) });
    await row.getByRole('button', { name: 'Delete', exact: true }).click();
    const question = options.getByRole('group', { name: 'Delete Nischenseite with its 1 income event and 1 cost? This cannot be undone.', exact: true });
    await question.waitFor();
    await question.getByRole('button', { name: 'Delete stream', exact: true }).click();
    await poll(async () => (await stored())['streams']!.length).toBe(0);
    const rows = await stored();
    expect([rows['streamCosts'], rows['incomeEvents']]).toEqual([[], []]);
    // The Leverage play that was this stream is no longer chosen.
    expect(rows['planSettings']![0]).not.toHaveProperty('leveragePlay');
  });

  it('made no request outside the extension, and no page threw', () => {
    expect(harness.pageErrors).toEqual([]);
    harness.assertNoForeignRequests();
  });
});
