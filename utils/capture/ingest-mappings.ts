/**
 * What the person chose before, applied to new readings: the suggestion the
 * overlay pre-selects for each figure, and the decisions an automatic save
 * uses when every figure on the page is mapped with "Always save from this
 * page". Pure functions.
 */
import type { Account, CaptureMapping, CaptureRule, Stream } from '@/utils/db/schema';
import { saysPaper } from './ingest';
import type { CaptureDecision } from './ingest-types';
import type { ExtractedItem } from './types';

export interface ItemSuggestion {
  accountId?: string;
  streamId?: string;
  /** The person ignored this figure last time. */
  ignore?: true;
  /** "Always save from this page" is on for this figure. */
  always: boolean;
  /** mapping: the person's earlier choice; rule: the taught rule's target; name: an account with the name the page shows. */
  from: 'mapping' | 'rule' | 'name';
}

type Usable = {
  accounts: readonly Pick<Account, 'id' | 'name' | 'currency' | 'archivedAt'>[];
  streams: readonly Pick<Stream, 'id' | 'archivedAt'>[];
};

/** The mapping of one figure: same figure key and account name ("" for a page figure). */
export function mappingOf(item: ExtractedItem, mappings: readonly CaptureMapping[]): CaptureMapping | undefined {
  const accountName = item.account ?? '';
  return mappings.find((m) => m.figureKey === item.figureKey && m.accountName === accountName);
}

/** The mapping's target if it still exists and is not archived; {} for an "ignore" mapping; undefined if gone. */
function usableTarget(
  target: { accountId?: string; streamId?: string },
  { accounts, streams }: Usable,
): { accountId?: string; streamId?: string } | undefined {
  if (target.accountId !== undefined) {
    const account = accounts.find((a) => a.id === target.accountId);
    return account && account.archivedAt === undefined ? { accountId: account.id } : undefined;
  }
  if (target.streamId !== undefined) {
    const stream = streams.find((s) => s.id === target.streamId);
    return stream && stream.archivedAt === undefined ? { streamId: stream.id } : undefined;
  }
  return {};
}

/**
 * One suggestion per item (null: nothing to suggest), in this order: the
 * person's earlier mapping; on a taught page, the taught rule's account or
 * stream; for an account's balance, an account whose name is the one the page
 * shows (same currency, and paper only for paper figures).
 */
export function suggestItems(
  items: readonly ExtractedItem[],
  context: Usable & { mappings: readonly CaptureMapping[]; rules: readonly CaptureRule[] },
): (ItemSuggestion | null)[] {
  return items.map((item): ItemSuggestion | null => {
    const mapping = mappingOf(item, context.mappings);
    const mapped = mapping && usableTarget(mapping, context);
    if (mapping && mapped) {
      const ignore = mapped.accountId === undefined && mapped.streamId === undefined;
      return { ...mapped, ...(ignore ? { ignore: true as const } : {}), always: mapping.always, from: 'mapping' };
    }
    const rule = context.rules.find((r) => r.id === item.figureKey);
    const ruled = rule && (rule.accountId !== undefined || rule.streamId !== undefined) && usableTarget(rule, context);
    if (ruled) return { ...ruled, always: false, from: 'rule' };
    if (item.account !== null && (item.kind === 'balance' || item.kind === 'cash') && item.amount) {
      const wanted = item.account.trim().toLowerCase();
      const named = context.accounts.find(
        (a) =>
          a.archivedAt === undefined &&
          a.name.trim().toLowerCase() === wanted &&
          a.currency === item.amount!.currency &&
          saysPaper(a.name) === (item.paper === true),
      );
      if (named) return { accountId: named.id, always: false, from: 'name' };
    }
    return null;
  });
}

/**
 * The decisions of an automatic save, or null when the page must be shown to
 * the person: every item needs a mapping with `always` whose account or
 * stream still exists (a mapping with neither means "ignore").
 */
export function alwaysDecisions(
  items: readonly ExtractedItem[],
  mappings: readonly CaptureMapping[],
  usable: Usable,
): CaptureDecision[] | null {
  if (items.length === 0) return null;
  const decisions: CaptureDecision[] = [];
  for (const [index, item] of items.entries()) {
    const mapping = mappingOf(item, mappings);
    if (!mapping || !mapping.always) return null;
    const target = usableTarget(mapping, usable);
    if (!target) return null;
    if (target.accountId !== undefined) decisions.push({ index, action: 'save', accountId: target.accountId });
    else if (target.streamId !== undefined) decisions.push({ index, action: 'save', streamId: target.streamId });
    else decisions.push({ index, action: 'ignore' });
  }
  return decisions;
}
