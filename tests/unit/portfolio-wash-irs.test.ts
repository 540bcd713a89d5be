/**
 * Conformance: IRS Publication 550's wash-sale examples, as quoted with their
 * expected adjusted figures in ../shared/data/real-exports/adlr-irs550_example_{2,3,4}
 * (read there, never copied). Each input row with a SellDate becomes an
 * opening lot plus a sell trade naming that lot; every other row is a buy.
 * The ledger must give every disallowed amount (rows with AdjCode W), every
 * adjusted replacement basis and every adjusted (holding-period) date of
 * the _out.csv file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDay } from '@/utils/portfolio/dates';
import { buildLedger } from '@/utils/portfolio/ledger';
import { QTY_SCALE } from '@/utils/portfolio/quantity';
import { DEFAULT_PORTFOLIO_SETTINGS, type Portfolio } from '@/utils/portfolio/types';

const dir = path.resolve(__dirname, '../../../shared/data/real-exports');

/** A small CSV reader: commas, double-quoted fields ("2,1"). */
function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const split = (line: string) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += ch;
    }
    cells.push(cell);
    return cells;
  };
  const header = split(lines[0]!);
  return lines.slice(1).map((line) => {
    const cells = split(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

/** "9/26/2013" or "09/26/2013" → Day. */
function usDay(text: string): number {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!m) throw new Error(`not a M/D/YYYY date: ${text}`);
  const day = parseDay(`${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`);
  if (day === null) throw new Error(`not a real date: ${text}`);
  return day;
}

/** Dollars ("2750", "3250.0") → cents, exactly. */
function cents(text: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`not a dollar amount: ${text}`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A whole per-share price in cents (the examples' totals divide evenly; refuse otherwise). */
function perShare(totalCents: number, shares: number): number {
  if (totalCents % shares !== 0) throw new Error(`${totalCents} cents do not divide into ${shares} shares`);
  return totalCents / shares;
}

function portfolioOf(rows: Record<string, string>[]): Portfolio {
  const p: Portfolio = {
    currency: 'USD',
    accounts: [{ id: 'brokerage', name: 'brokerage', taxType: 'taxable' }],
    lots: [],
    trades: [],
    income: [],
    prices: {},
    cash: {},
    targets: {},
    classes: {},
    identical: [],
    settings: { ...DEFAULT_PORTFOLIO_SETTINGS },
  };
  for (const row of rows) {
    const shares = Number(row.Cnt);
    const quantity = shares * QTY_SCALE;
    const acquired = usDay(row.BuyDate!);
    if (row.SellDate) {
      p.lots.push({ account: 'brokerage', symbol: row.Sym!, quantity, costBasisMinor: cents(row.Basis!), acquired });
      p.trades.push({
        account: 'brokerage',
        symbol: row.Sym!,
        side: 'sell',
        quantity,
        date: usDay(row.SellDate),
        priceMinor: perShare(cents(row.Proceeds!), shares),
        lots: [{ acquired, quantity }],
      });
    } else {
      p.trades.push({ account: 'brokerage', symbol: row.Sym!, side: 'buy', quantity, date: acquired, priceMinor: perShare(cents(row.Basis!), shares) });
    }
  }
  return p;
}

describe.skipIf(!existsSync(dir))('IRS Publication 550 wash-sale examples (adlr-irs550_example_*)', () => {
  for (const n of [2, 3, 4]) {
    it(`example ${n}: disallowed losses, adjusted bases and holding-period dates match _out.csv`, () => {
      const input = readCsv(path.join(dir, `adlr-irs550_example_${n}.csv`));
      const expected = readCsv(path.join(dir, `adlr-irs550_example_${n}_out.csv`));
      const ledger = buildLedger(portfolioOf(input));

      // Sales: per sale (by its buy date), the disallowed total and the
      // disallowed part per replacement, in the order the file lists them.
      const saleRows = expected.filter((r) => r.SellDate);
      const bySale = new Map<number, Record<string, string>[]>();
      for (const row of saleRows) {
        const key = usDay(row.BuyDate!);
        bySale.set(key, [...(bySale.get(key) ?? []), row]);
      }
      expect(ledger.disposals).toHaveLength(bySale.size);
      for (const [acquired, rows] of bySale) {
        const disposal = ledger.disposals.find((d) => d.acquired === acquired)!;
        expect(disposal, `a disposal of the lot bought ${rows[0]!.BuyDate}`).toBeDefined();
        expect(disposal.quantity).toBe(rows.reduce((s, r) => s + Number(r.Cnt), 0) * QTY_SCALE);
        expect(disposal.sold).toBe(usDay(rows[0]!.SellDate!));
        expect(disposal.basisMinor).toBe(rows.reduce((s, r) => s + cents(r.Basis!), 0));
        expect(disposal.proceedsMinor).toBe(rows.reduce((s, r) => s + cents(r.Proceeds!), 0));
        const washRows = rows.filter((r) => r.AdjCode === 'W');
        expect(disposal.disallowedMinor).toBe(washRows.reduce((s, r) => s + cents(r.Adj!), 0));
        expect(disposal.replacements.map((r) => [r.quantity / QTY_SCALE, r.disallowedMinor])).toEqual(
          washRows.map((r) => [Number(r.Cnt), cents(r.Adj!)]),
        );
        expect(disposal.replacements.every((r) => !r.permanent)).toBe(true);
      }

      // Lots still held: quantity, basis (disallowed loss added) and the
      // holding-period date (BuyDate in _out.csv, moved back for replacements).
      const heldRows = expected.filter((r) => !r.SellDate);
      const want = heldRows
        .map((r) => ({ quantity: Number(r.Cnt) * QTY_SCALE, basisMinor: cents(r.Basis!), holdingFrom: usDay(r.BuyDate!), replacement: r.IsReplacement === 'True' }))
        .sort((a, b) => a.holdingFrom - b.holdingFrom);
      const got = ledger.open
        .map((l) => ({ quantity: l.quantity, basisMinor: l.basisMinor, holdingFrom: l.holdingFrom, replacement: l.washAdjustmentMinor > 0 }))
        .sort((a, b) => a.holdingFrom - b.holdingFrom);
      expect(got).toEqual(want);
      expect(want.some((w) => w.replacement)).toBe(true);
    });
  }
});
