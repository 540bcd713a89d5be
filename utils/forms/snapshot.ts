/**
 * Reads the "Add balance" / "Edit balance" form: an amount typed the way the
 * person writes it and a local date. Pure, so every rule is tested in Node.
 */
import { parseMoney } from '@/utils/money';
import type { Money } from '@/utils/money/types';
import { localNoon, parseDateInput, toDateInput } from './dates';

export interface SnapshotFormInput {
  amountText: string;
  dateText: string;
  /** The account's currency: the amount must be in it. */
  currency: string;
  /** The person's locale, to read "1.234,56" vs "1,234.56". */
  locale: string;
  now: number;
  tzOffsetMinutes: number;
}

export type SnapshotFormResult =
  | { ok: true; amount: Money; at: number }
  | { ok: false; errors: { amount?: string; date?: string } };

export function readSnapshotForm(input: SnapshotFormInput): SnapshotFormResult {
  const errors: { amount?: string; date?: string } = {};
  let amount: Money | undefined;

  if (input.amountText.trim() === '') {
    errors.amount = 'Amount is required';
  } else {
    const parsed = parseMoney(input.amountText, { currency: input.currency, locale: input.locale });
    if (!parsed.ok) {
      errors.amount = `Amount: ${parsed.reason}`;
    } else if (parsed.value.currency !== input.currency) {
      errors.amount = `Amount is in ${parsed.value.currency} but the account is in ${input.currency}`;
    } else if (parsed.value.approximate) {
      errors.amount = `Amount "${input.amountText.trim()}" is rounded: enter the exact balance`;
    } else {
      amount = { minor: parsed.value.minor, currency: parsed.value.currency };
    }
  }

  let at: number | undefined;
  const date = parseDateInput(input.dateText);
  if (!date.ok) {
    errors.date = date.reason;
  } else {
    const today = toDateInput(input.now, input.tzOffsetMinutes);
    const text = input.dateText.trim();
    if (text > today) errors.date = `Date ${text} is in the future`;
    // Today's balance is stamped with the current time, so a later entry the
    // same day supersedes an earlier one; past days are stamped at local noon.
    else at = text === today ? input.now : localNoon(date, input.tzOffsetMinutes);
  }

  if (amount && at !== undefined && !errors.amount && !errors.date) {
    return { ok: true, amount, at };
  }
  return { ok: false, errors };
}
