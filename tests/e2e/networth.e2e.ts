/**
 * The product's main end-to-end path, in real Chromium with the built
 * extension: add accounts and balances on the options page, read the net worth
 * in the popup, and check that nothing ever left the browser.
 *
 * Written against the UI contract (accessible names, data-testids):
 * - options.html: <form aria-label="Add account"> with textboxes Institution,
 *   Account name, Currency (default USD), comboboxes Kind, Layer, Tax type and
 *   an "Add account" button; <form aria-label="Add balance"> with combobox
 *   Account (options "Institution — Account name"), textbox Amount, date input
 *   Date (default today) and an "Add balance" button. A bad field gets a
 *   message: role="alert", or the field's aria-describedby text.
 * - popup.html: [data-testid=net-worth] (en-US money), [data-testid=net-worth-change]
 *   (30-day change) and a link "Open Strata" to the options page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, waitUntil, type ExtensionHarness } from './harness';

let harness: ExtensionHarness;

beforeAll(async () => {
  harness = await launchExtension({ locale: 'en-US' });
  // Fail fast when a control of the contract is missing, not after Playwright's 30 s.
  harness.context.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await harness?.close();
});

/** A local calendar date as a date input holds it (YYYY-MM-DD), `daysAgo` days before today. */
function localDateInput(daysAgo = 0): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

interface AccountInput {
  institution: string;
  name: string;
  kind: string;
  layer: string;
  currency: string;
  taxType: string;
}

const accountForm = (page: Page) => page.getByRole('form', { name: 'Add account', exact: true });
const balanceForm = (page: Page) => page.getByRole('form', { name: 'Add balance', exact: true });

async function addAccount(options: Page, account: AccountInput): Promise<void> {
  const form = accountForm(options);
  await form.getByRole('textbox', { name: 'Institution', exact: true }).fill(account.institution);
  await form.getByRole('textbox', { name: 'Account name', exact: true }).fill(account.name);
  await form.getByRole('combobox', { name: 'Kind', exact: true }).selectOption(account.kind);
  await form.getByRole('combobox', { name: 'Layer', exact: true }).selectOption(account.layer);
  await form.getByRole('textbox', { name: 'Currency', exact: true }).fill(account.currency);
  await form.getByRole('combobox', { name: 'Tax type', exact: true }).selectOption(account.taxType);
  await form.getByRole('button', { name: 'Add account', exact: true }).click();
  // Saved once it can be chosen in "Add balance".
  const label = `${account.institution} — ${account.name}`;
  await balanceForm(options)
    .getByRole('combobox', { name: 'Account', exact: true })
    .locator('option')
    .filter({ hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
    .waitFor({ state: 'attached' });
}

async function fillBalance(options: Page, accountLabel: string, amount: string, date?: string): Promise<Locator> {
  const form = balanceForm(options);
  await form.getByRole('combobox', { name: 'Account', exact: true }).selectOption({ label: accountLabel });
  const amountBox = form.getByRole('textbox', { name: 'Amount', exact: true });
  await amountBox.fill(amount);
  if (date !== undefined) await form.getByLabel('Date', { exact: true }).fill(date);
  return amountBox;
}

/** Visible messages about a field: role=alert in its form, and what its aria-describedby points at. */
async function visibleMessagesAbout(form: Locator, field: Locator): Promise<string> {
  const describedBy = await field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id))
      .filter((node): node is HTMLElement => node !== null && node.checkVisibility())
      .map((node) => node.textContent ?? ''),
  );
  const alerts = await form.getByRole('alert').evaluateAll((nodes) =>
    nodes.filter((n) => (n as HTMLElement).checkVisibility()).map((n) => n.textContent ?? ''),
  );
  return [...alerts, ...describedBy].join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Opens a fresh popup and waits until it shows `expected` as the net worth,
 * reloading in case it was opened before the last write landed. Used to know
 * that a write is saved before going on.
 */
async function waitForSavedNetWorth(expected: string): Promise<void> {
  const popup = await harness.openPopup();
  const shown = popup.getByTestId('net-worth');
  const deadline = Date.now() + 15_000;
  try {
    for (;;) {
      const ok = await shown
        .filter({ hasText: expected })
        .waitFor({ timeout: 3_000 })
        .then(() => true, () => false);
      if (ok && (await shown.textContent())?.trim() === expected) return;
      if (Date.now() > deadline) {
        const last = await shown.textContent({ timeout: 1_000 }).catch(() => null);
        throw new Error(`the popup never showed net worth ${expected}; it last showed ${JSON.stringify(last)}`);
      }
      await popup.reload();
    }
  } finally {
    await popup.close();
  }
}

const FIDELITY: AccountInput = {
  institution: 'Fidelity',
  name: 'Brokerage',
  kind: 'brokerage',
  layer: 'foundation',
  currency: 'USD',
  taxType: 'taxable',
};
const VANGUARD_ROTH: AccountInput = {
  institution: 'Vanguard',
  name: 'Roth IRA',
  kind: 'retirement',
  layer: 'foundation',
  currency: 'USD',
  taxType: 'tax-free',
};

describe('net worth from accounts and balances entered by hand', () => {
  it('adds two accounts and their balances, rejects bad amounts, and shows $13,345.67 in the popup', async () => {
    const options = await harness.openOptions();

    // A new account's currency starts as USD.
    await expect(accountForm(options).getByRole('textbox', { name: 'Currency', exact: true }).inputValue()).resolves.toBe('USD');
    await addAccount(options, FIDELITY);

    // The Date of a new balance starts at today.
    await expect(balanceForm(options).getByLabel('Date', { exact: true }).inputValue()).resolves.toBe(localDateInput(0));
    // 45 days ago Fidelity held $10,000.00; today $12,345.67.
    await fillBalance(options, 'Fidelity — Brokerage', '10,000.00', localDateInput(45));
    await balanceForm(options).getByRole('button', { name: 'Add balance', exact: true }).click();
    await waitForSavedNetWorth('$10,000.00');
    await fillBalance(options, 'Fidelity — Brokerage', '12,345.67', localDateInput(0));
    await balanceForm(options).getByRole('button', { name: 'Add balance', exact: true }).click();
    await waitForSavedNetWorth('$12,345.67');

    await addAccount(options, VANGUARD_ROTH);
    await fillBalance(options, 'Vanguard — Roth IRA', '$1,000.00', localDateInput(0));
    await balanceForm(options).getByRole('button', { name: 'Add balance', exact: true }).click();
    await waitForSavedNetWorth('$13,345.67');

    // Amounts that are not money get a message about the amount, and no write.
    for (const bad of ['abc', '12.34.56']) {
      await options.reload();
      const form = balanceForm(options);
      const amountBox = await fillBalance(options, 'Fidelity — Brokerage', bad);
      const before = await visibleMessagesAbout(form, amountBox);
      await form.getByRole('button', { name: 'Add balance', exact: true }).click();
      let after = '';
      await waitUntil(
        async () => {
          after = await visibleMessagesAbout(form, amountBox);
          return after !== before && /amount/i.test(after);
        },
        `a visible error about the amount after submitting "${bad}"`,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; messages before: ${JSON.stringify(before)}, after: ${JSON.stringify(after)}`);
      });
    }

    const popup = await harness.openPopup();
    const netWorth = popup.getByTestId('net-worth');
    await netWorth.filter({ hasText: '$13,345.67' }).waitFor();
    expect((await netWorth.textContent())?.trim()).toBe('$13,345.67');

    // 30 days ago only Fidelity's $10,000.00 counted: the change is a gain of $3,345.67.
    const change = ((await popup.getByTestId('net-worth-change').textContent()) ?? '').trim();
    expect(change).toContain('$3,345.67');
    expect(change).not.toMatch(/[-−]\s*\$3,345\.67/);

    const openStrata = popup.getByRole('link', { name: 'Open Strata', exact: true });
    const href = await openStrata.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href.startsWith(`${harness.extensionOrigin}/options.html`)).toBe(true);

    // Persisted, not only held in memory.
    await popup.reload();
    await netWorth.filter({ hasText: '$13,345.67' }).waitFor();
    expect((await netWorth.textContent())?.trim()).toBe('$13,345.67');

    expect(harness.pageErrors).toEqual([]);
    harness.assertNoForeignRequests();
  });
});
