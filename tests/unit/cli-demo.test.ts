/**
 * `strata demo`: the site's demo household as a backup file. The same seed
 * and day give the same bytes; the file is a backup Strata restores, and
 * `strata plan` reads it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '@/cli/run';
import { parseBackup } from '@/utils/backup/format';
import { LAYERS } from '@/utils/db/schema';

const demo = (...args: string[]) => runCli(['demo', ...args]);

describe('strata demo', () => {
  const first = demo('--as-of', '2026-11-24');

  it('writes a backup Strata accepts, dated the day asked for', () => {
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toBe('');
    const parsed = parseBackup(first.stdout);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.exportedAt).toBe('2026-11-24T12:00:00.000Z');
    const snapshots = parsed.backup.tables.balanceSnapshots;
    const days = snapshots.map((s) => new Date(s.at).toISOString().slice(0, 10)).sort();
    // Three years: the first of November 2023 to the day asked for, nothing after it.
    expect(days[0]! >= '2023-11-01').toBe(true);
    expect(days[0]! < '2023-12-01').toBe(true);
    expect(days[days.length - 1]).toBe('2026-11-24');
  });

  it('gives the same bytes for the same seed and day, other figures for another seed', () => {
    expect(demo('--as-of', '2026-11-24').stdout).toBe(first.stdout);
    expect(demo('--as-of', '2026-11-24', '--seed', '20261124').stdout).toBe(first.stdout);
    const other = demo('--as-of', '2026-11-24', '--seed', '7').stdout;
    expect(other).not.toBe(first.stdout);
    expect(parseBackup(other).ok).toBe(true);
  });

  it('is read by strata plan: every layer has something in it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'strata-demo-'));
    try {
      const file = path.join(dir, 'demo.json');
      writeFileSync(file, first.stdout);
      const result = runCli(['plan', file, '--now', '2026-11-24T12:00:00Z', '--tz-offset', '0', '--paths', '200']);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      const plan = JSON.parse(result.stdout) as { stages: Record<string, { status: string }>; incomeThisMonth: { byLayer: Record<string, number> } };
      // Every layer is under way in the demo household and earned something this month.
      for (const layer of LAYERS) {
        expect(['building', 'passive'], layer).toContain(plan.stages[layer]?.status);
        expect(plan.incomeThisMonth.byLayer[layer], layer).toBeGreaterThan(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a day that does not exist, a bad seed and a stray argument, with exit code 2', () => {
    for (const args of [['--as-of', '2026-02-30'], ['--as-of', '24.11.2026'], ['--seed', '-1'], ['--seed', 'x'], ['extra']]) {
      const result = demo(...args);
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(JSON.parse(result.stdout).error).toMatch(/as-of|seed|unexpected/);
    }
  });
});
