/** Words shown to people for the data model's codes (schema.ts). */
import type { AccountKind, IncomeKind, Layer, TaxType } from '@/utils/db/schema';

export const LAYER_LABELS: Record<Layer, string> = {
  foundation: 'Foundation',
  leverage: 'Leverage',
  acceleration: 'Acceleration',
  compounding: 'Compounding',
};

export const LAYER_METHODS: Record<Layer, string> = {
  foundation: 'investing',
  leverage: 'content',
  acceleration: 'algorithmic trading',
  compounding: 'business automation',
};

export const ACCOUNT_KIND_LABELS: Record<AccountKind, string> = {
  brokerage: 'Brokerage',
  robo: 'Robo-advisor',
  retirement: 'Retirement',
  hysa: 'High-yield savings',
  cash: 'Cash',
  'real-estate': 'Real estate',
  trading: 'Trading',
  content: 'Content',
  business: 'Business',
};

/** The layer an account kind usually belongs to, to pre-fill the form. */
export const DEFAULT_LAYER_FOR_KIND: Record<AccountKind, Layer> = {
  brokerage: 'foundation',
  robo: 'foundation',
  retirement: 'foundation',
  hysa: 'foundation',
  cash: 'foundation',
  'real-estate': 'foundation',
  trading: 'acceleration',
  content: 'leverage',
  business: 'compounding',
};

export const TAX_TYPE_LABELS: Record<TaxType, string> = {
  taxable: 'Taxable',
  'tax-deferred': 'Tax-deferred',
  'tax-free': 'Tax-free',
  none: 'Not applicable',
};

export const INCOME_KIND_LABELS: Record<IncomeKind, string> = {
  dividend: 'Dividend',
  interest: 'Interest',
  'ad-revenue': 'Ad revenue',
  'affiliate-commission': 'Affiliate commission',
  sponsorship: 'Sponsorship',
  'subscription-revenue': 'Subscription revenue',
  'product-sale': 'Product sale',
  'trading-gain': 'Trading gain',
  'options-premium': 'Options premium',
  other: 'Other',
};

/** "Fidelity — Brokerage": how an account is named everywhere in the UI. */
export function accountLabel(account: { institution: string; name: string }): string {
  return `${account.institution} — ${account.name}`;
}

/** "a", "a and b", "a, b and c". */
export function listAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
