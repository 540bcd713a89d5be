/**
 * Duplicate subscriptions among active recurring charges (see leaks.ts).
 *
 * - same-merchant: one merchant key charged on two accounts while both run
 *   (their spans overlap within a period). The cheapest is kept; the others
 *   on an account the kept one does not use are the saving.
 * - same-category: two or more merchants of one kind of service — streaming
 *   video, music, cloud storage, news — from the built-in list of well-known
 *   services (merchant-aliases.ts), or from the transactions' own category
 *   when all of a charge's transactions share one that names such a kind
 *   ("Streaming", "Music", "Cloud storage", "News"). The cheapest is kept.
 *
 * Savings are yearly costs in the base currency; charges without a rate take
 * no part (they are listed in excludedCurrencies).
 */
import type { DuplicateSubscription, RecurringCharge } from './leak-types';
import { dayNumber, type PeriodSpec } from './leaks-periodicity';
import type { ServiceKind } from './merchant-aliases';
import { merchantAliasByKey } from './merchant-alias-match';
import { formatMoneyPlain } from '@/utils/money/format';

/** A recurring charge with what leak detection needs to compare it. */
export interface Candidate {
  charge: RecurringCharge;
  spec: PeriodSpec;
  /** Yearly cost in base minor units, undefined without a rate. */
  base: number | undefined;
  kind: ServiceKind | undefined;
}

export interface FoundDuplicate {
  duplicate: DuplicateSubscription;
  /** The charges cancelling would stop. */
  cancel: Candidate[];
}

const CATEGORY_KINDS: readonly [RegExp, ServiceKind][] = [
  [/\bmusic\b/, 'music'],
  [/\b(?:cloud|storage|backups?)\b/, 'cloud storage'],
  [/\b(?:news|newspapers?|magazines?)\b/, 'news'],
  [/\b(?:streaming|video|tv|television)\b/, 'streaming video'],
];

/** The kind of service a merchant key (built-in list) or its shared category names, if any. */
export function serviceKind(key: string, category: string | undefined): ServiceKind | undefined {
  const known = merchantAliasByKey(key)?.kind;
  if (known !== undefined) return known;
  if (category === undefined) return undefined;
  const text = category.toLowerCase();
  for (const [pattern, kind] of CATEGORY_KINDS) if (pattern.test(text)) return kind;
  return undefined;
}

/** Duplicates among `found` (sorted dearest first), biggest saving first. */
export function findDuplicates(found: readonly Candidate[], baseCurrency: string): FoundDuplicate[] {
  const active = found.filter((c) => c.charge.active && c.base !== undefined);
  const result = [...sameMerchant(active, baseCurrency), ...sameCategory(active, baseCurrency)];
  return result.sort(
    (a, b) =>
      b.duplicate.yearlySaving.minor - a.duplicate.yearlySaving.minor ||
      compare(a.duplicate.kind, b.duplicate.kind) ||
      compare(a.duplicate.keys.join(','), b.duplicate.keys.join(',')),
  );
}

function sameMerchant(active: readonly Candidate[], baseCurrency: string): FoundDuplicate[] {
  const byKey = new Map<string, Candidate[]>();
  for (const c of active) byKey.set(c.charge.key, [...(byKey.get(c.charge.key) ?? []), c]);
  const result: FoundDuplicate[] = [];
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    const keep = cheapest(list);
    const cancel = list.filter(
      (c) =>
        c !== keep &&
        c.charge.accounts.length > 0 &&
        !c.charge.accounts.some((a) => keep.charge.accounts.includes(a)) &&
        overlap(c, keep),
    );
    if (cancel.length === 0) continue;
    const accounts = [keep, ...cancel].map((c) => c.charge.accounts.join(' and ') || 'an unnamed account');
    const saving = sum(cancel);
    const count = accounts.length === 2 ? 'two' : String(accounts.length);
    result.push({
      duplicate: {
        kind: 'same-merchant',
        keys: [key],
        reason:
          `${keep.charge.merchant} is charged on ${count} accounts: ${joinNames(accounts)}. ` +
          `Keeping only the one on ${accounts[0]} saves ${formatMoneyPlain({ minor: saving, currency: baseCurrency })} a year.`,
        yearlySaving: { minor: saving, currency: baseCurrency },
      },
      cancel,
    });
  }
  return result;
}

function sameCategory(active: readonly Candidate[], baseCurrency: string): FoundDuplicate[] {
  const byKind = new Map<ServiceKind, Map<string, Candidate>>();
  for (const c of active) {
    if (c.kind === undefined) continue;
    const byKey = byKind.get(c.kind) ?? new Map<string, Candidate>();
    const seen = byKey.get(c.charge.key);
    if (seen === undefined || (c.base as number) < (seen.base as number)) byKey.set(c.charge.key, c);
    byKind.set(c.kind, byKey);
  }
  const result: FoundDuplicate[] = [];
  for (const [kind, byKey] of byKind) {
    if (byKey.size < 2) continue;
    const members = [...byKey.values()].sort((a, b) => (b.base as number) - (a.base as number) || compare(a.charge.key, b.charge.key));
    const keep = cheapest(members);
    const cancel = members.filter((c) => c !== keep);
    const saving = sum(cancel);
    const names = joinNames(members.map((c) => c.charge.merchant));
    result.push({
      duplicate: {
        kind: 'same-category',
        keys: members.map((c) => c.charge.key),
        reason:
          `${names} are ${members.length === 2 ? 'both' : 'all'} ${kind} services. ` +
          `Keeping only ${keep.charge.merchant} saves ${formatMoneyPlain({ minor: saving, currency: baseCurrency })} a year.`,
        yearlySaving: { minor: saving, currency: baseCurrency },
      },
      cancel,
    });
  }
  return result;
}

/** The cheapest in base currency; ties go to the earliest started, then the key. */
function cheapest(list: readonly Candidate[]): Candidate {
  return [...list].sort(
    (a, b) =>
      (a.base as number) - (b.base as number) ||
      compare(a.charge.firstDate, b.charge.firstDate) ||
      compare(a.charge.key, b.charge.key) ||
      compare(a.charge.accounts.join(','), b.charge.accounts.join(',')),
  )[0] as Candidate;
}

/** Their spans, each extended by one period, overlap. */
function overlap(a: Candidate, b: Candidate): boolean {
  const span = (c: Candidate) => [dayNumber(c.charge.firstDate), dayNumber(c.charge.lastDate) + c.spec.hi] as const;
  const [a0, a1] = span(a);
  const [b0, b1] = span(b);
  return a0 <= b1 && b0 <= a1;
}

function sum(list: readonly Candidate[]): number {
  return list.reduce((total, c) => total + (c.base as number), 0);
}

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
