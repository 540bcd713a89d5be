/**
 * Pieces shared by the Interactive Brokers layouts (Flex Query CSV and the
 * activity statement): exact sums of decimal cells, how a cash line is
 * classified, the symbol in a description such as "VT(US9220427424) Cash
 * Dividend …".
 */
import type { IncomeKind } from '../../db/schema';
import type { Money } from '../../money';
import { decimalToMinor, readDecimal, type Table } from '../table';
import type { CsvRow } from '../types';

export const INSTITUTION = 'Interactive Brokers';
export const SOURCE = 'Dividends and interest';

export function neg(m: Money): Money {
  return { minor: m.minor === 0 ? 0 : -m.minor, currency: m.currency };
}

/**
 * The exact sum of several cells (each optionally negated), rounded once to
 * the currency's minor unit (half to even, counted in t.roundedCount). Empty
 * cells and "-" count as 0; text is refused on its column.
 */
export function sumCells(t: Table, row: CsvRow, parts: { at: number; negate?: boolean }[], currency: string): Money | undefined {
  let total = 0n;
  let scale = 0;
  for (const part of parts) {
    const text = t.cell(row, part.at);
    if (part.at < 0 || text === '' || text === '-' || text === '--') continue;
    const d = readDecimal(text);
    if (!d) return t.fail(row.line, part.at, `"${text}" is not an amount`);
    let value = BigInt(d.digits) * (d.negative !== !!part.negate ? -1n : 1n);
    if (d.scale > scale) {
      total *= 10n ** BigInt(d.scale - scale);
      scale = d.scale;
    } else value *= 10n ** BigInt(scale - d.scale);
    total += value;
  }
  const negative = total < 0n;
  const minor = decimalToMinor({ negative, digits: (negative ? -total : total).toString(), scale }, currency);
  if (!minor) return t.fail(row.line, parts[0]?.at ?? -1, 'the amount is too large');
  if (minor.rounded) t.roundedCount++;
  return { minor: minor.minor, currency };
}

/** The symbol IBKR writes before the ISIN or conid in a description: "VT(US9220427424) Cash Dividend …" → "VT". */
export function symbolFromDescription(description: string): string | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9.\- ]{0,20}?)\s*\(\s*[A-Z0-9]{6,12}\s*\)/.exec(description);
  return m?.[1];
}

export type CashKind = 'dividend' | 'tax' | 'interest' | 'transaction';

/**
 * What a cash line is, from its type (Flex "Type", statement section or
 * Transaction History "Transaction Type"): dividends and payments in lieu →
 * dividend; withholding → tax withheld; interest received → interest income;
 * interest paid, deposits, withdrawals, fees and anything else → a cash
 * transaction.
 */
export function cashKind(type: string): CashKind {
  if (/withholding|\btax\b/i.test(type)) return 'tax';
  if (/dividend|in lieu/i.test(type)) return 'dividend';
  if (/interest/i.test(type) && !/paid|debit/i.test(type)) return 'interest';
  return 'transaction';
}

/** Tax withheld on interest is negative interest income; on anything else, negative dividend income. */
export function taxIncomeKind(description: string): IncomeKind {
  return /interest|\bint\b/i.test(description) ? 'interest' : 'dividend';
}

/** "Tax withheld: …", or "Tax withholding refunded: …" for a positive line (a cancelled withholding). */
export function taxDescription(amount: Money, description: string): string {
  return `${amount.minor > 0 ? 'Tax withholding refunded' : 'Tax withheld'}: ${description}`;
}

import { plural } from '../words';

export { plural };

export function roundingNote(count: number): string[] {
  if (count === 0) return [];
  return [`${plural(count, 'figure', 'figures')} (per-share prices and commissions, mostly) had more decimals than the currency has and ${count === 1 ? 'was' : 'were'} rounded half to even.`];
}

/** True when some value is a numeric date whose order matters (03/04/2026). */
export function hasNumericDates(values: readonly string[]): boolean {
  return values.some((v) => /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(v));
}
