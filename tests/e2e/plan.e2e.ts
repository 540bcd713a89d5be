/**
 * The plan end to end, in real Chromium with the built extension: a year of
 * data is put straight into the extension's IndexedDB (valid records, no app
 * code), then the options page must show the four layers, the next-dollar
 * allocation, available to invest, the income charts and the FI date, the
 * layer assessment must give a result for scripted answers, and the popup
 * must show the coverage and the next action. A screenshot of the Plan
 * section goes to test-artifacts/plan.png.
 *
 * UI contract (options.html): [data-testid=layer-card-<layer>] with a
 * [data-testid=layer-status][data-status]; [data-testid=allocation] with
 * [data-testid=allocation-total] and [data-testid=allocation-amount] per line;
 * table [data-testid=available-to-invest]; [data-testid=income-bars-chart] and
 * [data-testid=fan-chart] holding a canvas; [data-testid=fi-date];
 * [data-testid=stream-table]; [data-testid=coverage]; <form aria-label="Layer
 * assessment"> → [data-testid=assessment-result]. popup.html:
 * [data-testid=popup-coverage], [data-testid=popup-next-action].
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, readStoredRows, REPO_ROOT, type ExtensionHarness } from './harness';

let harness: ExtensionHarness;

beforeAll(async () => {
  harness = await launchExtension({ locale: 'en-US' });
  harness.context.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await harness?.close();
});

/**
 * A year of records, relative to `now` (local time): an HYSA with $6,000.00
 * (2 months of $3,000.00 expenses), a brokerage growing $1,000.00 a month to
 * $49,000.00, dividends of $150.00 a month, a blog ramping $50.00 → $650.00,
 * a SaaS ramping $200.00 → $875.00 with $30.00 a month hosting, a car
 * insurance bill of $1,200.00 in six months, a $2,000.00 Visa balance at
 * 24.99% APR, and $5,000.00 a month of take-home pay.
 */
function seedRecords(now: number) {
  const d = new Date(now);
  const y = d.getFullYear();
  const m = d.getMonth();
  const monthsAgo = (k: number, day = 15) => new Date(y, m - k, day, 12).getTime();
  const usd = (minor: number) => ({ minor, currency: 'USD' });
  const provenance = { description: 'Seeded by the plan end-to-end test' };
  const thisMonthAt = Math.max(new Date(y, m, 1, 0, 0, 1).getTime(), now - 1000);
  const accounts = [
    { id: 'acc-hysa', institution: 'Ally', name: 'Savings', kind: 'hysa', layer: 'foundation', currency: 'USD', taxType: 'taxable', createdAt: monthsAgo(13) },
    { id: 'acc-fid', institution: 'Fidelity', name: 'Brokerage', kind: 'brokerage', layer: 'foundation', currency: 'USD', taxType: 'taxable', createdAt: monthsAgo(13) },
  ];
  const balanceSnapshots: object[] = [];
  for (let k = 12; k >= 1; k--) {
    balanceSnapshots.push({ id: `snap-hysa-${k}`, accountId: 'acc-hysa', at: monthsAgo(k, 28), amount: usd(600_000), source: 'manual', provenance });
    balanceSnapshots.push({ id: `snap-fid-${k}`, accountId: 'acc-fid', at: monthsAgo(k, 28), amount: usd(3_800_000 + (12 - k) * 100_000), source: 'manual', provenance });
  }
  const streams = [
    { id: 'str-div', name: 'Fidelity dividends', layer: 'foundation', accountId: 'acc-fid', startedAt: monthsAgo(24), hoursPerMonth: 0 },
    { id: 'str-blog', name: 'Budget blog', layer: 'leverage', startedAt: monthsAgo(14), hoursPerMonth: 20, selfSustainingMonthly: usd(100_000) },
    { id: 'str-saas', name: 'Invoice tool', layer: 'compounding', startedAt: monthsAgo(10), hoursPerMonth: 30, capital: usd(200_000) },
  ];
  const incomeEvents: object[] = [];
  const event = (streamId: string, k: number, minor: number, kind: string) =>
    incomeEvents.push({ id: `inc-${streamId}-${k}`, streamId, at: k === 0 ? thisMonthAt : monthsAgo(k), amount: usd(minor), kind, source: 'manual', provenance });
  for (let k = 12; k >= 0; k--) {
    event('str-div', k, 15_000, 'dividend');
    event('str-blog', k, 5_000 + (12 - k) * 5_000, 'affiliate-commission');
    if (k <= 9) event('str-saas', k, 20_000 + (9 - k) * 7_500, 'subscription-revenue');
  }
  return {
    accounts,
    balanceSnapshots,
    streams,
    incomeEvents,
    streamCosts: [{ id: 'cost-hosting', streamId: 'str-saas', name: 'Hosting', amount: usd(3_000), every: 'month', startsAt: monthsAgo(10, 1) }],
    cashNeeds: [{ id: 'need-insurance', name: 'Car insurance', amount: usd(120_000), dueAt: monthsAgo(-6, 10) }],
    debts: [{ id: 'debt-visa', name: 'Visa card', balance: usd(200_000), aprBasisPoints: 2499, minimumMonthly: usd(5_000) }],
    planSettings: [
      {
        key: 'plan',
        monthlyExpenses: usd(300_000),
        otherMonthlyIncome: usd(500_000),
        emergencyMonths: 6,
        emergencyAccountIds: [],
        highInterestAprBasisPoints: 800,
        foundationStarterMonthly: usd(5_000),
        stableSurplusMonths: 3,
        accelerationCapBasisPoints: 1000,
        withdrawalRate: '0.04',
        expensesGrowth: '0.03',
        assumptionOverrides: {},
        phrasing: false,
      },
    ],
  };
}

/** Puts rows into the extension's database with IndexedDB itself (the app's code is not used). */
function putRows(page: Page, rows: Record<string, object[]>): Promise<void> {
  return page.evaluate(
    (tables) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('strata');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(Object.keys(tables), 'readwrite');
          for (const [name, list] of Object.entries(tables)) for (const row of list) tx.objectStore(name).put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

/** "$3,473.57" / "−$3,000.00" → minor units (en-US). */
function minorOf(text: string | null): number {
  const match = /([-−])?\$([\d,]+)\.(\d\d)/.exec(text ?? '');
  if (!match) throw new Error(`no dollar amount in ${JSON.stringify(text)}`);
  const minor = Number(match[2]!.replace(/,/g, '')) * 100 + Number(match[3]);
  return match[1] ? -minor : minor;
}

/** How many pixels of `canvas` are within 40 of the colour of the CSS variable `cssVar` (#rrggbb). */
function pixelsOf(canvas: Locator, cssVar: string): Promise<number> {
  return canvas.evaluate((el, name) => {
    const hex = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 200 && Math.abs(data[i]! - r) < 40 && Math.abs(data[i + 1]! - g) < 40 && Math.abs(data[i + 2]! - b) < 40) count++;
    }
    return count;
  }, cssVar);
}

describe('the plan, from stored data to the options page and the popup', () => {
  it('shows the layers, the allocation, available to invest, income charts, the FI date, the assessment and the popup summary', async () => {
    const options = await harness.openOptions();
    // The page has opened the database (at its current version) once the empty plan shows its cards.
    await options.getByTestId('layer-card-foundation').waitFor();
    await putRows(options, seedRecords(Date.now()));
    await options.reload();

    // ---- the four layers
    const status = (layer: string) => options.getByTestId(`layer-card-${layer}`).getByTestId('layer-status');
    await options.locator('[data-testid="layer-card-foundation"] [data-status="passive"]').waitFor();
    await expect(status('foundation').getAttribute('data-status')).resolves.toBe('passive');
    await expect(status('leverage').getAttribute('data-status')).resolves.toBe('building');
    await expect(status('acceleration').getAttribute('data-status')).resolves.toBe('not-started');
    await expect(status('compounding').getAttribute('data-status')).resolves.toBe('building');
    // Foundation capital: $6,000.00 (HYSA) + $49,000.00 (brokerage's last balance: 3,800,000 + 11 × 100,000 minor).
    await expect(options.getByTestId('layer-card-foundation').textContent()).resolves.toContain('$55,000.00');
    await options.locator('[data-testid="plan-section"][aria-busy="false"]').waitFor();

    // ---- next actions and the next-dollar allocation: the lines add up to the total shown
    expect(await options.getByTestId('next-action').count()).toBeGreaterThan(0);
    const allocation = options.getByTestId('allocation');
    const total = minorOf(await allocation.getByTestId('allocation-total').textContent());
    const lines = (await allocation.getByTestId('allocation-amount').allTextContents()).map(minorOf);
    expect(lines.length).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(0);
    expect(lines.reduce((a, b) => a + b, 0)).toBe(total);

    // ---- available to invest, term by term: income − expenses − set-asides = surplus; surplus − top-up = available
    const table = options.getByTestId('available-to-invest');
    const rows = await table.locator('tr').evaluateAll((trs) =>
      trs.map((tr) => ({ label: tr.querySelector('th')?.textContent ?? '', value: tr.querySelector('td')?.textContent ?? '' })),
    );
    const value = (label: RegExp) => {
      const row = rows.find((r) => label.test(r.label));
      if (!row) throw new Error(`no row ${label} in ${JSON.stringify(rows)}`);
      return minorOf(row.value);
    };
    expect(value(/^Other income$/)).toBe(500_000);
    expect(value(/^Living expenses$/)).toBe(-300_000);
    expect(value(/^Stream costs$/)).toBe(-3_000);
    const setAsides = rows.filter((r) => r.label.startsWith('Set aside for')).map((r) => minorOf(r.value));
    expect(rows.some((r) => r.label.startsWith('Set aside for Car insurance'))).toBe(true);
    const surplus = value(/^Surplus$/);
    expect(value(/^Total income$/) + value(/^Living expenses$/) + value(/^Stream costs$/) + setAsides.reduce((a, b) => a + b, 0)).toBe(surplus);
    expect(surplus + value(/^Emergency fund top-up/)).toBe(value(/^Available to invest$/));
    // The coach places the whole surplus this month.
    expect(total).toBe(surplus);
    // Surplus $6,675.00 − $3,030.00 − $171.43 (car insurance, 7 months left) = $3,473.57: $50.00 Foundation starter;
    // the fund (2 months) is above the one-month level kept while the 24.99% Visa is owed, so the rest repays the
    // $2,000.00 Visa and the remaining $1,423.57 goes on filling the emergency fund ($12,000.00 to go).
    expect(surplus).toBe(347_357);
    expect(lines).toEqual([5_000, 142_357, 200_000]);

    // ---- income: coverage, the stream table, the bars and the fan chart
    // Coverage: 3-month average net = $150 (dividends) + $550 (blog: 500, 550, 600) + $695 (SaaS: 650, 725, 800 − 30 costs) = $1,395.00 of $3,000.00 = 46.5%.
    const coverage = options.getByTestId('coverage');
    await expect(coverage.textContent()).resolves.toMatch(/covers 46\.5% of your expenses: \$1,395\.00 of \$3,000\.00/);
    const blogRow = options.getByTestId('stream-table').locator('tr', { hasText: 'Budget blog' });
    await expect(blogRow.locator('td').nth(2).textContent()).resolves.toBe('$550.00');
    const bars = options.getByTestId('income-bars-chart').locator('canvas');
    await expect(bars.getAttribute('aria-label')).resolves.toMatch(/^Income by layer a month/);
    expect(await pixelsOf(bars, '--layer-leverage')).toBeGreaterThan(200);
    expect(await pixelsOf(bars, '--layer-compounding')).toBeGreaterThan(200);
    const fan = options.getByTestId('fan-chart').locator('canvas');
    expect(await pixelsOf(fan, '--accent')).toBeGreaterThan(100);
    expect(await pixelsOf(fan, '--danger')).toBeGreaterThan(50);
    const fiText = (await options.getByTestId('fi-date').textContent()) ?? '';
    const when = String.raw`(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|not within 40 years)`;
    expect(fiText).toMatch(new RegExp(`median: ${when}; in a good case \\(90th percentile\\): ${when}; in a poor case \\(10th percentile\\): ${when}\\.`));

    // ---- the layer assessment: prefilled from data, then scripted answers
    const form = options.getByRole('form', { name: 'Layer assessment', exact: true });
    const months = form.getByLabel('Emergency fund (months of expenses)', { exact: true });
    // $6,000.00 in savings ÷ $3,000.00 a month = 2 months, said to come from the data.
    await expect(months.inputValue()).resolves.toBe('2');
    await expect(form.textContent()).resolves.toContain('from your data: your HYSA and cash balances');
    await months.fill('2');
    await form.getByLabel('High-interest debt', { exact: true }).fill('$2,000.00');
    await form.getByLabel('Monthly surplus', { exact: true }).fill('1,500');
    await form.getByLabel('Investable capital', { exact: true }).fill('10000');
    await form.getByLabel('Hours a week', { exact: true }).fill('10');
    await form.getByRole('checkbox', { name: 'Writing', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Coding', exact: true }).check();
    await form.getByRole('radio', { name: 'Medium', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Side income', exact: true }).check();
    await form.getByRole('button', { name: 'Assess my layers', exact: true }).click();
    const result = options.getByTestId('assessment-result');
    await result.waitFor();
    // Rule 1: an emergency fund under 3 months or high-interest debt → Foundation comes first.
    await expect(result.getByTestId('assessment-next').textContent()).resolves.toBe('Foundation');
    // Acceleration is gated by the $2,000.00 debt; data says Leverage and Compounding are building.
    await expect(result.getByTestId('assessment-stage-acceleration').locator('td').first().getAttribute('data-stage')).resolves.toBe('not-ready');
    await expect(result.getByTestId('assessment-stage-leverage').locator('td').first().getAttribute('data-stage')).resolves.toBe('building');
    expect((await result.locator('ol li').allTextContents()).length).toBeGreaterThan(0);
    const stored = await readStoredRows<{ assessment?: Record<string, unknown> }>(options, ['planSettings']);
    expect(stored['planSettings']![0]!.assessment).toMatchObject({
      emergencyMonths: 2,
      highInterestDebt: { minor: 200_000, currency: 'USD' },
      monthlySurplus: { minor: 150_000, currency: 'USD' },
      investableCapital: { minor: 1_000_000, currency: 'USD' },
      hoursPerWeek: 10,
      skills: ['writing', 'coding'],
      riskTolerance: 'medium',
      goals: ['side-income'],
    });

    // ---- the screenshot: the whole Plan section
    const artifacts = path.join(REPO_ROOT, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    await options.locator('[data-testid="plan-section"][aria-busy="false"]').waitFor();
    await options.getByTestId('plan-section').screenshot({ path: path.join(artifacts, 'plan.png') });

    // ---- the popup: coverage and the one next action
    const popup = await harness.openPopup();
    // This month: $150 + $650 + $875 − $30 hosting = $1,645.00 of $3,000.00 = 54.8%; the 3-month average below it.
    await expect(popup.getByTestId('popup-coverage').filter({ hasText: 'expenses covered' }).textContent()).resolves.toMatch(
      /^This month \$1,645\.00 of \$3,000\.00 expenses covered \(5[45]%\)$/,
    );
    await expect(popup.getByTestId('popup-coverage-average').textContent()).resolves.toBe('3-month average: $1,395.00 a month');
    const next = popup.getByTestId('popup-next-action');
    // The coach's top "do" is the emergency fund ($6,000.00 of $18,000.00).
    await expect(next.textContent()).resolves.toMatch(/^Next: .*emergency fund/i);
    await popup.close();

    expect(harness.pageErrors).toEqual([]);
    harness.assertNoForeignRequests();
  });

  it('asks for the day-90 review of the Leverage play, and "Reviewed" starts the next 90 days', async () => {
    const options = await harness.openOptions();
    const budget = options.getByRole('form', { name: 'Budget', exact: true });
    await budget.getByRole('combobox', { name: 'Leverage play', exact: true }).selectOption({ label: 'Budget blog' });
    const committed = new Date(Date.now() - 120 * 86_400_000);
    const day = `${committed.getFullYear()}-${String(committed.getMonth() + 1).padStart(2, '0')}-${String(committed.getDate()).padStart(2, '0')}`;
    await budget.getByLabel('Committed on', { exact: true }).fill(day);
    await budget.getByRole('button', { name: 'Save budget' }).click();
    const review = options.locator('[data-testid="next-action"][data-rule="leverage-review"]');
    await options.locator('[data-testid="next-action"][data-rule="leverage-review"][data-status="do"]').waitFor();
    await expect(review.textContent()).resolves.toMatch(/Budget blog/);
    const before = Date.now();
    await review.getByRole('button', { name: 'Reviewed: keep it for another 90 days' }).click();
    await options.locator('[data-testid="next-action"][data-rule="leverage-review"][data-status="wait"]').waitFor();
    const stored = await readStoredRows<{ leveragePlay?: { streamId: string; committedAt: number } }>(options, ['planSettings']);
    const play = stored['planSettings']![0]!.leveragePlay!;
    expect(play.streamId).toBe('str-blog');
    expect(play.committedAt).toBeGreaterThanOrEqual(before);
    expect(harness.pageErrors).toEqual([]);
  });
});
