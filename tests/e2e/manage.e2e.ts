/**
 * The options page's management flows in real Chromium with the built
 * extension, checking the popup's net worth after each: accounts in two
 * currencies and the exchange rate, editing and replacing balances, the
 * chart's ranges, archiving, deleting with confirmation, form errors, the
 * theme, and the keyboard.
 *
 * The browser runs in Asia/Tokyo (UTC+9, no daylight saving), so every local
 * day differs from the UTC day for nine hours of it: dates must come out as
 * the person's calendar days, not UTC's. Tests run in order and share one
 * browser: each builds on the data the previous one left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectPopupNetWorth, launchExtension, openPopupShowing, readStoredRows, type ExtensionHarness } from './harness';

const TIME_ZONE = 'Asia/Tokyo';
const DAY_MS = 86_400_000;
const FIDELITY = 'Fidelity — Brokerage';
const TRADE_REPUBLIC = 'Trade Republic — Depot';

let harness: ExtensionHarness;
let options: Page;

beforeAll(async () => {
  harness = await launchExtension({ locale: 'en-US', timezone: TIME_ZONE });
  harness.context.setDefaultTimeout(5_000);
  options = await harness.openOptions();
});

afterAll(async () => {
  await harness?.close();
});

/** The calendar date in Tokyo `daysAgo` days before now, as a date input holds it. */
function tokyoDate(daysAgo = 0): string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return format.format(Date.now() - daysAgo * DAY_MS);
}

/** How the chart writes a calendar date in en-US: "Nov 24, 2026". */
function chartDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', dateStyle: 'medium' });
}

/** The options page's net-worth section (the Plan section above it has notes of its own). */
const netWorthSection = (page: Page) => page.locator('section[aria-labelledby="networth-heading"]');

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 5_000, interval: 50 });

const accountForm = () => options.getByRole('form', { name: 'Add account', exact: true });
const balanceForm = () => options.getByRole('form', { name: 'Add balance', exact: true });
const settingsForm = () => options.getByRole('form', { name: 'Settings', exact: true });
const accountsTable = () => options.getByRole('table', { name: 'Your accounts', exact: true });
const accountRow = (label: string) =>
  accountsTable().getByRole('row').filter({ has: options.getByRole('rowheader', { name: new RegExp(`^${label}( \\(archived\\))?$`) }) });
const balancesOf = (label: string) => options.getByRole('table', { name: `Balances of ${label}`, exact: true });

async function addAccount(institution: string, name: string, currency: string): Promise<void> {
  const form = accountForm();
  await form.getByRole('textbox', { name: 'Institution', exact: true }).fill(institution);
  await form.getByRole('textbox', { name: 'Account name', exact: true }).fill(name);
  await form.getByRole('textbox', { name: 'Currency', exact: true }).fill(currency);
  await form.getByRole('button', { name: 'Add account', exact: true }).click();
  await poll(() => text(options.getByRole('region', { name: 'Accounts' }).getByRole('status'))).toBe(`Added ${institution} — ${name}.`);
}

/** Submits "Add balance" and returns its status line once it says what happened. */
async function addBalance(label: string, amount: string, date: string): Promise<string> {
  const form = balanceForm();
  await form.getByRole('combobox', { name: 'Account', exact: true }).selectOption({ label });
  await form.getByRole('textbox', { name: 'Amount', exact: true }).fill(amount);
  await form.getByLabel('Date', { exact: true }).fill(date);
  await form.getByRole('button', { name: 'Add balance', exact: true }).click();
  const status = form.getByRole('status');
  await poll(() => text(status)).toMatch(/^(Saved|Replaced) /);
  return text(status);
}

/** Date, balance and "where from" of each row of a balance table, newest first. */
function balanceRows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...(row as HTMLTableRowElement).cells].slice(0, 3).map((cell) => cell.textContent?.trim() ?? '')),
  );
}

const optionLabels = (select: Locator) => select.locator('option').evaluateAll((nodes) => nodes.map((n) => n.textContent?.trim()));
const accountChoices = () => optionLabels(balanceForm().getByRole('combobox', { name: 'Account', exact: true }));

/**
 * The popup as it will look `daysAhead` days from now, showing `expected`: its
 * page alone runs with Date moved ahead (Playwright's clock would move every
 * page of the context, the options page too).
 */
async function expectPopupNetWorthInDays(daysAhead: number, expected: string): Promise<void> {
  const popup = await harness.openPopup();
  try {
    await popup.addInitScript((shiftMs: number) => {
      const RealDate = Date;
      class ShiftedDate extends RealDate {
        constructor(...args: ConstructorParameters<DateConstructor> | []) {
          if (args.length === 0) super(RealDate.now() + shiftMs);
          else super(...(args as ConstructorParameters<DateConstructor>));
        }
        static override now(): number {
          return RealDate.now() + shiftMs;
        }
      }
      globalThis.Date = ShiftedDate as DateConstructor;
    }, daysAhead * DAY_MS);
    await popup.reload();
    expect(await popup.evaluate(() => Date.now() - performance.timeOrigin - performance.now())).toBeGreaterThan(daysAhead * DAY_MS - 60_000);
    await poll(() => text(popup.getByTestId('net-worth'))).toBe(expected);
  } finally {
    await popup.close();
  }
}

/** Rows of the "accounts" and "balanceSnapshots" stores, read straight from IndexedDB. */
async function storedRows(): Promise<{ accounts: { id: string }[]; snapshots: { accountId: string; source: string }[] }> {
  const rows = await readStoredRows<{ id: string; accountId: string; source: string }>(options, ['accounts', 'balanceSnapshots']);
  return { accounts: rows['accounts'] ?? [], snapshots: rows['balanceSnapshots'] ?? [] };
}

describe('managing accounts, balances and settings on the options page', () => {
  it('leaves an EUR account out until its rate is set, then counts it: $10,000.00 → $12,200.00', async () => {
    await addAccount('Fidelity', 'Brokerage', 'USD');
    await addAccount('Trade Republic', 'Depot', 'EUR');
    expect(await addBalance(FIDELITY, '10,000.00', tokyoDate(0))).toBe(`Saved $10,000.00 for ${FIDELITY} on ${tokyoDate(0)}.`);
    expect(await addBalance(TRADE_REPUBLIC, '€2,000.00', tokyoDate(0))).toBe(`Saved €2,000.00 for ${TRADE_REPUBLIC} on ${tokyoDate(0)}.`);

    const popup = await openPopupShowing(harness, '$10,000.00');
    expect(await text(popup.getByRole('note'))).toBe('Not counted: 1 account in EUR — set an exchange rate in Settings.');
    expect(await text(netWorthSection(options).getByRole('note'))).toMatch(/^Not counted, for want of an exchange rate: EUR \(No exchange rate for EUR to USD/);
    await poll(() => text(options.getByTestId('options-net-worth'))).toBe('$10,000.00');

    // €2,000.00 × 1.10 = $2,200.00.
    await settingsForm().getByRole('textbox', { name: '1 EUR =', exact: true }).fill('1.10');
    await settingsForm().getByRole('button', { name: 'Save settings', exact: true }).click();
    await poll(() => text(settingsForm().getByRole('status'))).toBe('Settings saved.');
    // The open popup follows the change by itself; the options page too.
    await poll(() => text(popup.getByTestId('net-worth'))).toBe('$12,200.00');
    expect(await popup.getByRole('note').count()).toBe(0);
    await popup.close();
    await poll(() => text(options.getByTestId('options-net-worth'))).toBe('$12,200.00');
    expect(await netWorthSection(options).getByRole('note').count()).toBe(0);
    await expectPopupNetWorth(harness, '$12,200.00');
  });

  it("edits Fidelity's balance to $10,500.00: $12,700.00", async () => {
    await options.getByRole('combobox', { name: 'Show balances of', exact: true }).selectOption({ label: FIDELITY });
    const table = balancesOf(FIDELITY);
    await table.getByRole('button', { name: `Edit balance of ${tokyoDate(0)}`, exact: true }).click();
    const edit = options.getByRole('form', { name: 'Edit balance', exact: true });
    const amount = edit.getByRole('textbox', { name: 'Amount', exact: true });
    expect(await amount.inputValue()).toBe('10000.00');
    await amount.fill('10,500.00');
    await edit.getByRole('button', { name: 'Save balance', exact: true }).click();
    await poll(() => balanceRows(table)).toEqual([[tokyoDate(0), '$10,500.00', 'Entered by hand']]);
    await expectPopupNetWorth(harness, '$12,700.00');
  });

  it('replaces, not duplicates, a second balance for the same account and day: €2,100.00 → $12,810.00', async () => {
    expect(await addBalance(TRADE_REPUBLIC, '2,100.00', tokyoDate(0))).toBe(`Replaced €2,100.00 for ${TRADE_REPUBLIC} on ${tokyoDate(0)}.`);
    await poll(() => balanceRows(balancesOf(TRADE_REPUBLIC))).toEqual([[tokyoDate(0), '€2,100.00', 'Entered by hand']]);
    // $10,500.00 + €2,100.00 × 1.10
    await expectPopupNetWorth(harness, '$12,810.00');
    expect((await storedRows()).snapshots.length).toBe(2);
  });

  it('charts the history by layer; the range buttons pick the span and the change over it', async () => {
    // Fidelity's history: $8,000.00 400 days ago, $8,200.00 380 days ago, and
    // $9,000.00 on the first of the month 200 days ago fell in (200 to 230 days ago).
    const firstOfMonth = `${tokyoDate(200).slice(0, 8)}01`;
    for (const [amount, date] of [['8,000.00', tokyoDate(400)], ['8,200.00', tokyoDate(380)], ['9,000.00', firstOfMonth]] as const) {
      expect(await addBalance(FIDELITY, amount, date)).toBe(`Saved $${amount} for ${FIDELITY} on ${date}.`);
    }
    await poll(() => balanceRows(balancesOf(FIDELITY))).toEqual([
      [tokyoDate(0), '$10,500.00', 'Entered by hand'],
      [firstOfMonth, '$9,000.00', 'Entered by hand'],
      [tokyoDate(380), '$8,200.00', 'Entered by hand'],
      [tokyoDate(400), '$8,000.00', 'Entered by hand'],
    ]);
    await expectPopupNetWorth(harness, '$12,810.00');

    await options.getByRole('img', { name: 'Net worth by layer in USD', exact: true }).waitFor();
    const ranges = options.getByRole('group', { name: 'Chart range', exact: true });
    const pressed = () =>
      ranges.getByRole('button').evaluateAll((buttons) => buttons.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.textContent));
    const change = options.getByTestId('range-change');
    const expectRange = async (pressedLabel: string, fromDaysAgo: number, from: string, diff: string) => {
      await poll(pressed).toEqual([pressedLabel]);
      await poll(() => text(change)).toBe(`${chartDate(tokyoDate(fromDaysAgo))} → ${chartDate(tokyoDate(0))}: ${from} → $12,810.00 (${diff})`);
    };

    // Today's total is $12,810.00. From the first day (400 days ago, $8,000.00);
    await expectRange('All', 400, '$8,000.00', '+$4,810.00');
    // a year back (364 days ago) Fidelity's latest was 380 days ago's $8,200.00;
    await ranges.getByRole('button', { name: '1 year', exact: true }).click();
    await expectRange('1 year', 364, '$8,200.00', '+$4,610.00');
    // three months back (90 days ago), the $9,000.00 of the first of the month.
    await ranges.getByRole('button', { name: '3 months', exact: true }).click();
    await expectRange('3 months', 90, '$9,000.00', '+$3,810.00');
    // Five years reach back before the first balance: the span starts on the first day.
    await ranges.getByRole('button', { name: '5 years', exact: true }).click();
    await expectRange('5 years', 400, '$8,000.00', '+$4,810.00');
    await ranges.getByRole('button', { name: '1 year', exact: true }).click();
    await expectRange('1 year', 364, '$8,200.00', '+$4,610.00');
    await ranges.getByRole('button', { name: 'All', exact: true }).click();
    await expectRange('All', 400, '$8,000.00', '+$4,810.00');

    // The month-end table: the month before that first still ends at $8,200.00.
    const [year, month] = firstOfMonth.split('-').map(Number) as [number, number];
    const monthName = (monthsBack: number) =>
      new Date(Date.UTC(year, month - 1 - monthsBack, 1)).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short' });
    const monthEnds = await netWorthSection(options).locator('details table tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent?.trim())),
    );
    const zeros = ['$0.00', '$0.00', '$0.00'];
    expect(monthEnds.find((row) => row[0] === monthName(1))).toEqual([monthName(1), '$8,200.00', ...zeros, '$8,200.00']);
    expect(monthEnds.find((row) => row[0] === monthName(0))).toEqual([monthName(0), '$9,000.00', ...zeros, '$9,000.00']);
  });

  it('archives and unarchives: counted through the day of archiving, left out after it', async () => {
    await accountsTable().getByRole('button', { name: `Archive ${TRADE_REPUBLIC}`, exact: true }).click();
    await accountsTable().getByRole('button', { name: `Unarchive ${TRADE_REPUBLIC}`, exact: true }).waitFor();
    expect(await text(accountRow(TRADE_REPUBLIC).getByRole('rowheader'))).toBe(`${TRADE_REPUBLIC} (archived)`);
    // Gone from the pickers, kept with its history.
    await poll(accountChoices).toEqual([FIDELITY]);
    expect(await optionLabels(options.getByRole('combobox', { name: 'Show balances of', exact: true }))).toEqual([FIDELITY]);
    // utils/analytics/netWorth.ts: an archived account counts up to and including
    // the day of its archivedAt, and 0 after. Today it still counts…
    await expectPopupNetWorth(harness, '$12,810.00');
    // …and from tomorrow on it does not: two days from now only Fidelity's $10,500.00.
    await expectPopupNetWorthInDays(2, '$10,500.00');

    await accountsTable().getByRole('button', { name: `Unarchive ${TRADE_REPUBLIC}`, exact: true }).click();
    await accountsTable().getByRole('button', { name: `Archive ${TRADE_REPUBLIC}`, exact: true }).waitFor();
    expect(await text(accountRow(TRADE_REPUBLIC).getByRole('rowheader'))).toBe(TRADE_REPUBLIC);
    await poll(accountChoices).toEqual([FIDELITY, TRADE_REPUBLIC]);
    await expectPopupNetWorthInDays(2, '$12,810.00');
    await expectPopupNetWorth(harness, '$12,810.00');
  });

  it('deletes the EUR account only once confirmed, with its balances: back to $10,500.00', async () => {
    const select = balanceForm().getByRole('combobox', { name: 'Account', exact: true });
    const tradeRepublicId = await select.locator('option', { hasText: TRADE_REPUBLIC }).getAttribute('value');
    const question = options.getByRole('group', {
      name: `Delete ${TRADE_REPUBLIC} and its 1 balance? This cannot be undone.`,
      exact: true,
    });

    await accountRow(TRADE_REPUBLIC).getByRole('button', { name: 'Delete', exact: true }).click();
    await question.waitFor();
    // Focus moves to Cancel, so a stray Enter destroys nothing.
    await poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await question.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(await question.count()).toBe(0);
    expect(await accountRow(TRADE_REPUBLIC).count()).toBe(1);
    expect((await storedRows()).snapshots.filter((s) => s.accountId === tradeRepublicId)).toHaveLength(1);
    await expectPopupNetWorth(harness, '$12,810.00');

    await accountRow(TRADE_REPUBLIC).getByRole('button', { name: 'Delete', exact: true }).click();
    await question.getByRole('button', { name: 'Delete account', exact: true }).click();
    await poll(() => accountRow(TRADE_REPUBLIC).count()).toBe(0);
    expect(await text(options.getByRole('region', { name: 'Accounts' }).getByRole('status'))).toBe(`Deleted ${TRADE_REPUBLIC} and its balances.`);
    await poll(accountChoices).toEqual([FIDELITY]);
    const stored = await storedRows();
    expect(stored.accounts.map((a) => a.id)).not.toContain(tradeRepublicId);
    expect(stored.snapshots.filter((s) => s.accountId === tradeRepublicId)).toEqual([]);
    expect(stored.snapshots).toHaveLength(4); // Fidelity's
    await expectPopupNetWorth(harness, '$10,500.00');
  });

  it('refuses an account without institution or with a bad currency, saying so next to the field', async () => {
    const form = accountForm();
    const institution = form.getByRole('textbox', { name: 'Institution', exact: true });
    const currency = form.getByRole('textbox', { name: 'Currency', exact: true });
    const messageAbout = (field: Locator) =>
      field.evaluate((el) =>
        el.getAttribute('aria-invalid') === 'true'
          ? (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
          : '',
      );
    const rowsBefore = await accountsTable().locator('tbody tr').count();

    await institution.fill('');
    await form.getByRole('textbox', { name: 'Account name', exact: true }).fill('Savings');
    await currency.fill('USD');
    await form.getByRole('button', { name: 'Add account', exact: true }).click();
    await poll(() => messageAbout(institution)).toBe('Institution is required');

    await institution.fill('Ally');
    for (const bad of ['XYZ', 'us1']) {
      await currency.fill(bad);
      await form.getByRole('button', { name: 'Add account', exact: true }).click();
      await poll(() => messageAbout(currency)).toBe(`Currency "${bad}" is not an ISO 4217 code such as USD, EUR or JPY`);
      expect(await messageAbout(institution)).toBe('');
    }
    // A fourth character cannot be typed: the box takes three.
    await currency.fill('');
    await currency.pressSequentially('usd1');
    expect(await currency.inputValue()).toBe('usd');

    expect(await accountsTable().locator('tbody tr').count()).toBe(rowsBefore);
    expect((await storedRows()).accounts).toHaveLength(1);
    await currency.fill('USD');
    await institution.fill('');
  });

  it('switches to the dark theme, here and in the popup, and keeps it after a reload', async () => {
    const theme = () => options.evaluate(() => document.documentElement.dataset['theme'] ?? null);
    expect(await theme()).toBeNull();
    await settingsForm().getByRole('combobox', { name: 'Theme', exact: true }).selectOption({ label: 'Dark' });
    await settingsForm().getByRole('button', { name: 'Save settings', exact: true }).click();
    await poll(theme).toBe('dark');

    const popup = await harness.openPopup();
    const popupTheme = () => popup.evaluate(() => document.documentElement.dataset['theme'] ?? null);
    await poll(popupTheme).toBe('dark');
    await popup.reload();
    await poll(popupTheme).toBe('dark');
    await popup.close();
    await options.reload();
    await poll(theme).toBe('dark');
    expect(await settingsForm().getByRole('combobox', { name: 'Theme', exact: true }).inputValue()).toBe('dark');
  });

  it('sets the capture jump factor, refusing one below 1.5 next to the field', async () => {
    const factor = settingsForm().getByRole('textbox', { name: /Ask before saving a captured balance/ });
    const save = settingsForm().getByRole('button', { name: 'Save settings', exact: true });
    const stored = async () =>
      ((await readStoredRows<{ key: string; captureJumpFactor?: string }>(options, ['settings']))['settings'] ?? []).find((r) => r.key === 'app')
        ?.captureJumpFactor;
    expect(await factor.inputValue()).toBe('3');
    await factor.fill('1.2');
    await save.click();
    await settingsForm().getByText('must be at least 1.5').waitFor();
    expect(await stored()).not.toBe('1.2');
    await factor.fill('5');
    await save.click();
    await poll(stored).toBe('5');
  });

  it('adds an account with the keyboard alone: type, Tab, Enter', async () => {
    const focused = () => options.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
    });
    await accountForm().getByRole('textbox', { name: 'Institution', exact: true }).focus();
    await options.keyboard.type('Schwab');
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Account name');
    await options.keyboard.type('Checking');
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Kind');
    await options.keyboard.type('Ca'); // type-ahead: "Cash"
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Layer');
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Currency');
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Tax type');
    await options.keyboard.type('N'); // "Not applicable"
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Add account');
    await options.keyboard.press('Enter');

    await poll(() => text(options.getByRole('region', { name: 'Accounts' }).getByRole('status'))).toBe('Added Schwab — Checking.');
    const cells = await accountRow('Schwab — Checking').locator('td').evaluateAll((tds) => tds.slice(0, 4).map((td) => td.textContent));
    expect(cells).toEqual(['Cash', 'Foundation', 'USD', 'Not applicable']);
    expect(await accountForm().getByRole('textbox', { name: 'Institution', exact: true }).inputValue()).toBe('');
    // No balance yet: the total is unchanged.
    await expectPopupNetWorth(harness, '$10,500.00');
  });

  it('made no request outside the extension, and no page threw', () => {
    expect(harness.pageErrors).toEqual([]);
    harness.assertNoForeignRequests();
  });
});
