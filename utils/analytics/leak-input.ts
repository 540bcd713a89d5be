/**
 * Builds leak detection's input (LeakInput) from stored transactions, the
 * person's leak marks and settings.
 *
 * - date: the UTC calendar day of `at` (imports store noon UTC of the file's
 *   day, so the file's day comes back unchanged).
 * - merchant: the stored merchant, else left out (findLeaks then normalizes
 *   the description).
 * - category: the transaction's own, else `categories[id]` (for example the
 *   rule or learned categories of categorizeAll).
 * - marks: 'unused' → unusedKeys, 'ignored' → ignoredKeys.
 */
import type { LeakInput, LeakTransaction } from './leak-types';
import type { Transaction } from '@/utils/db/schema';

export function leakInputFrom(
  transactions: readonly Transaction[],
  marks: readonly { id: string; mark: 'unused' | 'ignored' }[],
  settings: { baseCurrency: string; rates: Record<string, string> },
  asOf: string,
  categories?: Record<string, string>,
): LeakInput {
  const rows: LeakTransaction[] = transactions.map((tx) => {
    const row: LeakTransaction = {
      id: tx.id,
      date: new Date(tx.at).toISOString().slice(0, 10),
      amount: { minor: tx.amount.minor, currency: tx.amount.currency },
      description: tx.description,
    };
    if (tx.merchant !== undefined && tx.merchant.trim() !== '') row.merchant = tx.merchant;
    if (tx.accountId !== undefined) row.accountId = tx.accountId;
    const category =
      tx.category !== undefined && tx.category !== ''
        ? tx.category
        : categories !== undefined && Object.prototype.hasOwnProperty.call(categories, tx.id)
          ? categories[tx.id]
          : undefined;
    if (category !== undefined && category !== '') row.category = category;
    return row;
  });
  return {
    transactions: rows,
    asOf,
    baseCurrency: settings.baseCurrency,
    rates: { ...settings.rates },
    unusedKeys: marks.filter((m) => m.mark === 'unused').map((m) => m.id),
    ignoredKeys: marks.filter((m) => m.mark === 'ignored').map((m) => m.id),
  };
}
