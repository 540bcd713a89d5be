/**
 * The contracts of leak detection (utils/analytics/leaks.ts) and of
 * transaction categories (utils/analytics/categories.ts). Pure data,
 * structured-clone safe: the worker takes and returns these.
 */
import type { Money } from '../money';

/** A calendar day written YYYY-MM-DD. */
export type IsoDate = string;

export type Periodicity = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

/** A transaction as leak detection reads it. */
export interface LeakTransaction {
  id: string;
  date: IsoDate;
  /** Negative for a charge (money going out). Only charges can be recurring leaks. */
  amount: Money;
  description: string;
  /** The stored normalized merchant when there is one; else normalizeMerchant(description) is used. */
  merchant?: string;
  accountId?: string;
  /** The transaction's category (the person's, a rule's or the learned one). */
  category?: string;
}

export interface LeakCharge {
  id: string;
  date: IsoDate;
  /** Positive: what was charged. */
  amount: Money;
  accountId?: string;
}

/** A charge that repeats at a steady interval. */
export interface RecurringCharge {
  /** The normalized merchant key ("netflix"): stable, used for marks. */
  key: string;
  /** The merchant for people ("Netflix"). */
  merchant: string;
  period: Periodicity;
  /** The latest charge (positive). */
  amount: Money;
  charges: LeakCharge[];
  /** Account ids the charges came from, in order of first use. */
  accounts: string[];
  firstDate: IsoDate;
  lastDate: IsoDate;
  /** lastDate plus one period. */
  nextExpected: IsoDate;
  /** False when the next expected date is more than half a period past asOf (it seems cancelled). */
  active: boolean;
  /** The latest amount × charges per year (52, 12, 4 or 1), in the charge's currency. */
  yearlyCost: Money;
  category?: string;
  /** The person marked it unused. */
  unused: boolean;
}

/** Two or more recurring charges that look like paying twice. */
export interface DuplicateSubscription {
  /** same-merchant: one merchant on two accounts or two plans; same-category: two services of one category (streaming, music…). */
  kind: 'same-merchant' | 'same-category';
  keys: string[];
  /** "Spotify is charged on two cards: …4821 and …1177." */
  reason: string;
  /** What keeping only the cheapest one and cancelling the others saves a year, in the base currency. */
  yearlySaving: Money;
}

export interface PriceRise {
  key: string;
  merchant: string;
  /** The first charge at the new price. */
  date: IsoDate;
  from: Money;
  to: Money;
  /** to − from, per charge. */
  increase: Money;
  /** increase × charges per year. */
  yearlyIncrease: Money;
  /** Percent, e.g. 14.3 (one decimal). */
  percent: number;
}

export interface LeakReport {
  asOf: IsoDate;
  baseCurrency: string;
  /** Sorted by yearly cost, dearest first. */
  recurring: RecurringCharge[];
  duplicates: DuplicateSubscription[];
  priceRises: PriceRise[];
  /** Recurring charges marked unused, with what cancelling each saves a year (base currency). */
  unused: { key: string; merchant: string; yearlySaving: Money }[];
  /** Sum of the yearly cost of every active recurring charge, in the base currency. */
  yearlyTotal: Money;
  /** What cancelling the unused charges and the extra duplicates saves a year (each charge counted once), base currency. */
  yearlySavings: Money;
  /** Currencies left out of the totals for want of an exchange rate. */
  excludedCurrencies: string[];
}

export interface LeakInput {
  transactions: LeakTransaction[];
  /** "Today": decides which charges are still active. */
  asOf: IsoDate;
  baseCurrency: string;
  /** The person's exchange rates (AppSettings.rates): rates.EUR = "1.08" is 1 EUR = 1.08 base. */
  rates: Record<string, string>;
  /** Merchant keys the person marked unused. */
  unusedKeys: string[];
  /** Merchant keys the person said are not subscriptions (left out of every list). */
  ignoredKeys?: string[];
}

// ---------------------------------------------------------------- categories

/** The person's rule: a transaction whose merchant or description contains `pattern` (case-insensitive) gets `category`. */
export interface CategoryRuleInput {
  id: string;
  pattern: string;
  category: string;
}

/** A trained naive Bayes model over merchant tokens: plain JSON. */
export interface CategoryModel {
  categories: string[];
  /** Training examples per category. */
  docCounts: number[];
  /** token → count per category (same order as categories). */
  tokenCounts: Record<string, number[]>;
  /** Total tokens per category. */
  totalTokens: number[];
  vocabularySize: number;
}

export interface CategoryGuess {
  category: string;
  /** you: the person's own label; rule: one of their rules (ruleId); learned: the classifier (confidence 0–1). */
  by: 'you' | 'rule' | 'learned';
  ruleId?: string;
  confidence?: number;
}
