/** Reading a Strata backup file: what is accepted, and what is refused with which reason. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, parseBackup } from '@/utils/backup/format';
import { planInputFromBackup } from '@/utils/backup/plan-input';

const FIXTURE = new URL('../fixtures/plan/household-backup.json', import.meta.url);
const text = readFileSync(FIXTURE, 'utf8');
const edited = (change: (file: any) => void) => {
  const file = JSON.parse(text);
  change(file);
  return JSON.stringify(file);
};

describe('parseBackup', () => {
  it('reads the household fixture with every table', () => {
    const result = parseBackup(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.backup.schemaVersion).toBe(3);
    expect(result.backup.tables.accounts).toHaveLength(3);
    expect(result.backup.tables.incomeEvents).toHaveLength(5);
    expect(result.backup.tables.streamCosts[0]!.amount).toEqual({ minor: 2000, currency: 'USD' });
    // Absent tables read as empty.
    expect(result.backup.tables.holdings).toEqual([]);
  });

  it.each([
    ['not JSON', '{"format": "strata-backup",', /not valid JSON/],
    ['a JSON list', '[]', /holds no JSON object/],
    ['another format', JSON.stringify({ format: 'mint-export' }), /"format" is "mint-export"/],
    ['no schema version', edited((f) => delete f.schemaVersion), /no valid "schemaVersion"/],
  ])('refuses %s', (_what, input, reason) => {
    const result = parseBackup(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it('refuses a backup from a newer Strata, saying which versions', () => {
    const result = parseBackup(edited((f) => (f.schemaVersion = CURRENT_SCHEMA_VERSION + 1)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(new RegExp(`schema version ${CURRENT_SCHEMA_VERSION + 1}; this one reads up to ${CURRENT_SCHEMA_VERSION}`));
  });

  it('names every bad record by table, index and field', () => {
    const result = parseBackup(
      edited((f) => {
        f.tables.balanceSnapshots[2].amount.minor = 12.5;
        f.tables.incomeEvents[0].streamId = 'ghost';
        f.tables.debts.push({ ...f.tables.debts[0] });
        f.tables.mystery = [];
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.issues.map((i) => i.field);
    expect(fields).toContain('tables.balanceSnapshots[2].amount.minor');
    expect(fields).toContain('tables.incomeEvents[0].streamId');
    expect(fields).toContain('tables.debts[1]');
    expect(fields).toContain('tables.mystery');
    expect(result.error).toMatch(/^The backup has 4 problems/);
  });
});

describe('planInputFromBackup', () => {
  it('fills the defaults the backup leaves out', () => {
    const result = parseBackup(edited((f) => delete f.tables.planSettings));
    if (!result.ok) throw new Error(result.error);
    const input = planInputFromBackup(result.backup, Date.UTC(2026, 10, 24, 12), 0);
    expect(input.settings.rates).toEqual({ EUR: '1.10' });
    expect(input.planSettings.emergencyMonths).toBe(6);
    expect(input.planSettings.foundationStarterMonthly).toEqual({ minor: 5000, currency: 'USD' });
    expect(input.balanceSnapshots).toHaveLength(8);
  });
});
