/**
 * Import, backup and leaks end to end, in real Chromium with the built
 * extension (UTC, en-US):
 * - a card export goes through the file input, is read in the worker with a
 *   progress bar, previewed and committed; IndexedDB then holds exactly what
 *   the reader gives in Node; the same file again adds nothing;
 * - an unknown layout opens the column-mapping step; the mapping is saved
 *   and used again for the same header;
 * - three years of card history give the Leaks view and the popup the same
 *   yearly total findLeaks computes here, and marking a charge unused shows
 *   its saving;
 * - a downloaded backup restores to the same bytes (apart from its time); a
 *   corrupt one is refused and changes nothing; a CSV export neutralizes a
 *   formula;
 * - no request leaves the machine. Screenshots go to test-artifacts/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { generateTransactionsCsv } from '../../bench/importData';
import { findLeaks } from '../../utils/analytics/leaks';
import { readImportText } from '../../utils/importers';
import { formatMoney } from '../../utils/money';
import { launchExtension, readStoredRows, REPO_ROOT, type ExtensionHarness } from './harness';

let harness: ExtensionHarness;
let options: Page;

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });
const artifacts = path.join(REPO_ROOT, 'test-artifacts');
const fixture = (name: string) => readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'imports', name));
const section = (id: string) => options.locator(`section[aria-labelledby="${id}"]`);

async function chooseFile(name: string, buffer: Buffer): Promise<void> {
  await options.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

async function commitAndWait(): Promise<string> {
  const button = options.getByTestId('import-commit');
  await poll(() => button.isEnabled()).toBe(true);
  await button.click();
  await poll(() => options.getByTestId('import-outcome').count()).toBe(1);
  return text(options.getByTestId('import-outcome'));
}

type StoredTransaction = { at: number; amount: { minor: number; currency: string }; description: string };

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  harness = await launchExtension({ locale: 'en-US', timezone: 'UTC' });
  harness.context.setDefaultTimeout(30_000);
  options = await harness.openOptions();
});

afterAll(async () => {
  await harness?.close();
});

describe('importing files', () => {
  it('reads a card export in the worker, previews it and stores exactly what the reader gives', async () => {
    const bytes = fixture('bank-us-card-signed.csv');
    const expected = readImportText(bytes.toString('utf8'));
    expect(expected.format).toBe('bank-signed-amount');
    await chooseFile('chase.csv', bytes);
    await poll(() => options.getByTestId('import-format').count()).toBe(1);
    expect(await text(options.getByTestId('import-format'))).toContain(expected.format === 'bank-signed-amount' ? 'amount' : '');
    expect(await options.getByTestId('import-progress').count()).toBeLessThanOrEqual(1);
    await poll(() => options.getByTestId('import-preview').count()).toBe(1);
    const outcome = await commitAndWait();
    expect(outcome).toContain(`${expected.records.length} transactions`);

    const rows = (await readStoredRows<StoredTransaction>(options, ['transactions'])).transactions!;
    const stored = rows.map((t) => [new Date(t.at).toISOString().slice(0, 10), t.amount.minor, t.description]).sort();
    const read = expected.records.map((r) => (r.kind === 'transaction' ? [r.date, r.amount.minor, r.description] : [])).sort();
    expect(stored).toEqual(read);
    // Hand-checked: the file's five rows sum to -15.49 - 84.17 + 1250.00 + 23.99 - 11.99 = 1162.34.
    expect(rows.reduce((sum, t) => sum + t.amount.minor, 0)).toBe(116234);
  });

  it('adds nothing when the same file is imported again', async () => {
    await chooseFile('chase.csv', fixture('bank-us-card-signed.csv'));
    await poll(() => options.getByTestId('import-duplicates').count()).toBe(1);
    expect(await text(options.getByTestId('import-duplicates'))).toMatch(/^5 /);
    expect(await options.getByTestId('import-commit').isDisabled()).toBe(true);
    expect((await readStoredRows(options, ['transactions'])).transactions).toHaveLength(5);
  });

  it('maps the columns of an unknown layout, saves the mapping and uses it again', async () => {
    const file = Buffer.from('Booked;Who;Out;In\n03.02.2026;Stadtwerke;84,10;\n05.02.2026;Gehalt;;2.450,00\n');
    await chooseFile('giro.csv', file);
    await poll(() => options.getByTestId('import-mapping').count()).toBe(1);
    await options.getByTestId('mapping-date').selectOption('Booked');
    await options.getByTestId('mapping-description').selectOption('Who');
    await options.getByTestId('mapping-debit').selectOption('Out');
    await options.getByTestId('mapping-credit').selectOption('In');
    await options.getByTestId('mapping-currency-code').fill('EUR');
    await poll(async () => text(options.getByTestId('mapping-preview'))).toContain('2026-02-05');
    await options.getByTestId('mapping-apply').click();
    await poll(() => options.getByTestId('import-preview').count()).toBe(1);
    expect(await commitAndWait()).toContain('2 transactions');
    const stored = (await readStoredRows<StoredTransaction>(options, ['transactions'])).transactions!.filter((t) => t.amount.currency === 'EUR');
    expect(stored.map((t) => t.amount.minor).sort((a, b) => a - b)).toEqual([-8410, 245000]);
    const mappings = (await readStoredRows(options, ['importMappings'])).importMappings!;
    expect(mappings).toHaveLength(1);

    await chooseFile('giro-march.csv', Buffer.from('Booked;Who;Out;In\n03.03.2026;Stadtwerke;84,10;\n'));
    await poll(() => options.getByTestId('import-saved-mapping').count()).toBe(1);
    await poll(() => options.getByTestId('import-preview').count()).toBe(1);
    expect(await commitAndWait()).toContain('1 transaction');
  });
});

describe('leaks', () => {
  const csv = generateTransactionsCsv(3000, 11);
  const reading = readImportText(csv);
  const today = new Date().toISOString().slice(0, 10);
  const leakInput = {
    transactions: reading.records.flatMap((r) => (r.kind === 'transaction' ? [{ id: String(r.line), date: r.date, amount: r.amount, description: r.description }] : [])),
    asOf: today,
    baseCurrency: 'USD',
    rates: {},
    unusedKeys: [] as string[],
  };
  const report = findLeaks(leakInput);

  it('shows the yearly cost of recurring charges that findLeaks computes, and the popup says it too', async () => {
    expect(reading.errors).toEqual([]);
    await chooseFile('card-history.csv', Buffer.from(csv));
    await poll(() => options.getByTestId('import-preview').count()).toBe(1);
    await commitAndWait();
    const leaks = section('leaks-heading');
    await leaks.scrollIntoViewIfNeeded();
    const total = formatMoney(report.yearlyTotal, 'en-US');
    await poll(() => text(options.getByTestId('leaks-yearly-total'))).toContain(total);
    await leaks.screenshot({ path: path.join(artifacts, 'leaks.png') });
    const popup = await harness.openPopup();
    await expect.poll(() => popup.getByTestId('popup-leaks-total').textContent(), { timeout: 30_000 }).toContain(total);
    await popup.close();
  });

  it('counts a charge marked unused as a yearly saving', async () => {
    const dearest = report.recurring.find((r) => r.active)!;
    await options.getByTestId(`leak-unused-${dearest.key}`).check();
    const marked = findLeaks({ ...leakInput, unusedKeys: [dearest.key] });
    expect(marked.yearlySavings.minor).toBeGreaterThanOrEqual(dearest.yearlyCost.minor);
    await poll(() => text(options.getByTestId('leaks-savings'))).toContain(formatMoney(marked.yearlySavings, 'en-US'));
  });
});

describe('backup and export', () => {
  it('restores a downloaded backup to the same data, and refuses a corrupt one changing nothing', async () => {
    const backup = section('backup-heading');
    await backup.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('backup-export').click()]);
    const first = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^strata-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const counts = JSON.parse(first).tables.transactions.length as number;
    expect(counts).toBeGreaterThan(3000);

    await options.getByTestId('backup-restore-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(first.slice(0, 5000)) });
    await options.locator('[data-testid="backup-restore"] button').first().click();
    await options.locator('[data-testid="backup-restore"] button', { hasText: 'Replace my data' }).click();
    await poll(() => options.getByTestId('backup-error').count()).toBe(1);
    expect(await text(options.getByTestId('backup-error'))).toContain('not valid JSON');
    expect((await readStoredRows(options, ['transactions'])).transactions).toHaveLength(counts);

    await options.getByTestId('backup-restore-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(first) });
    await options.locator('[data-testid="backup-restore"] button').first().click();
    await options.locator('[data-testid="backup-restore"] button', { hasText: 'Replace my data' }).click();
    await poll(() => options.getByTestId('backup-outcome').count()).toBe(1);
    const [again] = await Promise.all([options.waitForEvent('download'), options.getByTestId('backup-export').click()]);
    const second = readFileSync((await again.path())!, 'utf8');
    const withoutTime = (s: string) => s.replace(/"exportedAt": "[^"]+"/, '"exportedAt": ""');
    expect(withoutTime(second)).toBe(withoutTime(first));
  });

  it('exports a table as CSV with formulas neutralized and amounts numeric', async () => {
    await chooseFile('formula.csv', Buffer.from('Date,Description,Amount\n2026-04-01,"=HYPERLINK(""http://evil.example"")",-5.00\n'));
    await poll(() => options.getByTestId('import-preview').count()).toBe(1);
    await commitAndWait();
    await options.getByTestId('csv-export-table').selectOption('transactions');
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('csv-export').click()]);
    const csvText = readFileSync((await download.path())!, 'utf8');
    expect(csvText).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csvText).toMatch(/,-5\.00,USD,/);
    await section('import-heading').screenshot({ path: path.join(artifacts, 'import.png') });
    harness.assertNoForeignRequests();
  });
});
