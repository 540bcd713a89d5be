/**
 * The capture overlay's view model, as pure functions: where each figure goes
 * by default, how a choice becomes a decision for confirmReadings, and the
 * words shown for amounts and results. No browser globals; tested in Node
 * (tests/unit/capture-overlay-model.test.ts).
 */
import { saysPaper } from '@/utils/capture/ingest';
import type { CaptureDecision, SaveReport } from '@/utils/capture/ingest-types';
import type { ExtractedItem, ItemKind } from '@/utils/capture/types';
import type { AccountKind, Layer } from '@/utils/db/schema';
import { formatMoney } from '@/utils/money';

export interface AccountOption {
  id: string;
  institution: string;
  name: string;
}

export interface StreamOption {
  id: string;
  name: string;
}

/** What the overlay needs of the tab's readings (getTabReadings). */
export interface ReadingsView {
  siteName: string;
  /** null on a page only taught rules cover: a new account or stream then needs a layer. */
  layer: Layer | null;
  items: readonly ExtractedItem[];
  accounts: readonly AccountOption[];
  streams: readonly StreamOption[];
  /** Per item index, where the person put this figure last time (ignore: nowhere). */
  suggestions: readonly ({ accountId?: string; streamId?: string; ignore?: true; always?: boolean } | null | undefined)[];
}

export type Choice =
  | { kind: 'ignore' }
  | { kind: 'account'; id: string }
  | { kind: 'stream'; id: string }
  | { kind: 'new-account'; institution: string; name: string; layer?: Layer; accountKind?: AccountKind }
  | { kind: 'new-stream'; name: string; layer?: Layer };

/** What a figure can go to: balances to accounts, earnings to streams, a metric to either. */
export type TargetKind = 'account' | 'stream' | 'either';

export function targetKind(item: Pick<ExtractedItem, 'kind' | 'paper'>): TargetKind {
  if (item.kind === 'balance' || item.kind === 'cash' || item.paper) return 'account';
  if (item.kind === 'earnings' || item.kind === 'realized') return 'stream';
  return 'either';
}

const lower = (s: string) => s.trim().toLowerCase();

/** Accounts a figure may go to: paper figures only to paper accounts, live ones never to them. */
export function accountsFor(item: Pick<ExtractedItem, 'paper'>, accounts: readonly AccountOption[]): AccountOption[] {
  return accounts.filter((a) => saysPaper(a.name) === (item.paper === true));
}

/** The name a new account or stream gets unless the person types another. */
export function defaultNewName(item: Pick<ExtractedItem, 'account' | 'label' | 'kind'>, siteName: string): string {
  if (item.account) return item.account;
  if (item.kind === 'balance' || item.kind === 'cash') return item.label;
  return siteName;
}

/**
 * Where one figure goes when the person has not chosen:
 * 1. where it went last time (a stored mapping, or ignored last time), if
 *    that account or stream still exists;
 * 2. nowhere for a page total (it only sums the accounts beside it) and for
 *    paper (simulated) money, so neither is saved without being asked for;
 * 3. an existing account or stream of the same name (a figure seen before this
 *    mapping existed: "Fidelity · Roth IRA");
 * 4. a new account (institution = the site, name = the account as shown) or a
 *    new income stream named after the site.
 */
export function defaultChoice(item: ExtractedItem, index: number, view: ReadingsView): Choice {
  const suggestion = view.suggestions[index];
  if (suggestion?.ignore) return { kind: 'ignore' };
  if (suggestion?.accountId && view.accounts.some((a) => a.id === suggestion.accountId)) {
    return { kind: 'account', id: suggestion.accountId };
  }
  if (suggestion?.streamId && view.streams.some((s) => s.id === suggestion.streamId)) {
    return { kind: 'stream', id: suggestion.streamId };
  }
  if (item.total || item.paper) return { kind: 'ignore' };
  const target = targetKind(item);
  const name = defaultNewName(item, view.siteName);
  const taught = view.layer === null;
  if (target === 'account') {
    const same = accountsFor(item, view.accounts).find(
      (a) => lower(a.name) === lower(name) && lower(a.institution) === lower(view.siteName),
    );
    if (same) return { kind: 'account', id: same.id };
    return {
      kind: 'new-account',
      institution: view.siteName,
      name,
      ...(taught ? { layer: 'foundation' as const, accountKind: item.kind === 'cash' ? ('cash' as const) : ('brokerage' as const) } : {}),
    };
  }
  const stream = view.streams.find((s) => lower(s.name) === lower(name));
  if (stream) return { kind: 'stream', id: stream.id };
  return { kind: 'new-stream', name, ...(taught ? { layer: 'leverage' as const } : {}) };
}

/** The slot a choice fills, as the background counts them (one balance per account, one income per stream and period). */
function slotOf(item: ExtractedItem, choice: Choice): string | null {
  const owner =
    choice.kind === 'account' || choice.kind === 'stream'
      ? `${choice.kind}:${choice.id}`
      : choice.kind === 'new-account'
        ? `new-account:${lower(choice.institution)}|${lower(choice.name)}`
        : choice.kind === 'new-stream'
          ? `new-stream:${lower(choice.name)}`
          : null;
  if (owner === null) return null;
  if (item.kind === 'balance' || item.kind === 'cash') return `balance|${owner}`;
  if (item.kind === 'earnings' || item.kind === 'realized') return `income|${owner}|${lower(item.period ?? '')}`;
  return `metric|${owner}|${item.metric ?? item.figureKey}`;
}

/**
 * Defaults for every figure. Two figures never default to the same slot: a
 * second new account of the same name gets " (2)", and a second figure for
 * the same stream and period (Stripe's gross and net volume) defaults to
 * Ignore, as the background would refuse it.
 */
export function defaultChoices(view: ReadingsView): Choice[] {
  const taken = new Set<string>();
  return view.items.map((item, index) => {
    let choice = defaultChoice(item, index, view);
    let slot = slotOf(item, choice);
    if (slot !== null && taken.has(slot) && choice.kind === 'new-account') {
      for (let n = 2; slot !== null && taken.has(slot); n++) {
        choice = { ...choice, name: `${defaultNewName(item, view.siteName)} (${n})` };
        slot = slotOf(item, choice);
      }
    } else if (slot !== null && taken.has(slot)) {
      choice = { kind: 'ignore' };
      slot = null;
    }
    if (slot !== null) taken.add(slot);
    return choice;
  });
}

/** Keeps what the person chose for figures still on the page (same figure and account); defaults for the rest. */
export function carryChoices(
  before: { items: readonly ExtractedItem[]; choices: readonly Choice[] } | undefined,
  view: ReadingsView,
): Choice[] {
  const fresh = defaultChoices(view);
  if (!before) return fresh;
  const kept = new Map<string, Choice>();
  before.items.forEach((item, i) => {
    const choice = before.choices[i];
    if (choice) kept.set(itemKey(item), choice);
  });
  return view.items.map((item, i) => kept.get(itemKey(item)) ?? fresh[i]!);
}

/** A figure's identity across refreshes of the same page. */
export function itemKey(item: Pick<ExtractedItem, 'figureKey' | 'account'>): string {
  return JSON.stringify([item.figureKey, item.account]);
}

/** The select's value for a choice. */
export function choiceValue(choice: Choice): string {
  switch (choice.kind) {
    case 'account':
    case 'stream':
      return `${choice.kind}:${choice.id}`;
    default:
      return choice.kind;
  }
}

/** The choice for a select value; a new account or stream keeps the names typed so far. */
export function choiceFromValue(value: string, item: ExtractedItem, index: number, view: ReadingsView, previous: Choice): Choice {
  if (value === 'ignore') return { kind: 'ignore' };
  if (value.startsWith('account:')) return { kind: 'account', id: value.slice('account:'.length) };
  if (value.startsWith('stream:')) return { kind: 'stream', id: value.slice('stream:'.length) };
  const name = defaultNewName(item, view.siteName);
  const taught = view.layer === null;
  if (value === 'new-account') {
    if (previous.kind === 'new-account') return previous;
    return {
      kind: 'new-account',
      institution: view.siteName,
      name: previous.kind === 'new-stream' ? previous.name : name,
      ...(taught ? { layer: 'foundation' as const, accountKind: item.kind === 'cash' ? ('cash' as const) : ('brokerage' as const) } : {}),
    };
  }
  if (value === 'new-stream') {
    if (previous.kind === 'new-stream') return previous;
    return {
      kind: 'new-stream',
      name: previous.kind === 'new-account' ? previous.name : name === item.label ? view.siteName : name,
      ...(taught ? { layer: 'leverage' as const } : {}),
    };
  }
  void index;
  return previous;
}

export interface DecisionsOutcome {
  decisions: CaptureDecision[];
  /** Per item index: what is missing before it can be saved. */
  errors: Map<number, string>;
}

/** The decisions confirmReadings takes: choices only, never amounts. */
export function toDecisions(items: readonly ExtractedItem[], choices: readonly Choice[]): DecisionsOutcome {
  const errors = new Map<number, string>();
  const decisions: CaptureDecision[] = [];
  items.forEach((_item, index) => {
    const choice = choices[index] ?? { kind: 'ignore' };
    switch (choice.kind) {
      case 'ignore':
        decisions.push({ index, action: 'ignore' });
        break;
      case 'account':
        decisions.push({ index, action: 'save', accountId: choice.id });
        break;
      case 'stream':
        decisions.push({ index, action: 'save', streamId: choice.id });
        break;
      case 'new-account': {
        const institution = choice.institution.trim();
        const name = choice.name.trim();
        if (!institution || !name) {
          errors.set(index, 'A new account needs an institution and a name');
          break;
        }
        decisions.push({
          index,
          action: 'save',
          newAccount: {
            institution,
            name,
            ...(choice.layer ? { layer: choice.layer } : {}),
            ...(choice.accountKind ? { kind: choice.accountKind } : {}),
          },
        });
        break;
      }
      case 'new-stream': {
        const name = choice.name.trim();
        if (!name) {
          errors.set(index, 'A new income stream needs a name');
          break;
        }
        decisions.push({ index, action: 'save', newStream: { name, ...(choice.layer ? { layer: choice.layer } : {}) } });
        break;
      }
    }
  });
  return { decisions, errors };
}

/** "Always save from this page" starts ticked when the person ticked it for every figure last time. */
export function defaultAlways(view: Pick<ReadingsView, 'items' | 'suggestions'>): boolean {
  return view.items.length > 0 && view.items.every((_item, i) => view.suggestions[i]?.always === true);
}

/** Every figure ignored: what "Ignore all" sends. */
export function ignoreAll(items: readonly unknown[]): CaptureDecision[] {
  return items.map((_item, index) => ({ index, action: 'ignore' as const }));
}

/** "$12,345.67" (Intl, exact) for money; "1,234" for a count. */
export function formatItemValue(item: Pick<ExtractedItem, 'amount' | 'count' | 'rawText'>, locale: string): string {
  if (item.amount) return formatMoney(item.amount, locale);
  if (item.count !== undefined) return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(item.count);
  return item.rawText;
}

const KIND_WORDS: Record<ItemKind, string> = {
  balance: 'Balance',
  cash: 'Cash',
  earnings: 'Earnings',
  mrr: 'Recurring revenue',
  realized: 'Realized P&L',
  count: 'Count',
};

export function kindWords(kind: ItemKind): string {
  return KIND_WORDS[kind];
}

/**
 * A label as a heading: screen-reader labels such as ", balance: " lose
 * their leading and trailing punctuation; an empty one reads as its kind.
 */
export function displayLabel(item: Pick<ExtractedItem, 'label' | 'kind'>): string {
  return cleanLabel(item.label) || KIND_WORDS[item.kind];
}

/** The label without surrounding punctuation, capitalised ("" when nothing is left). */
export function cleanLabel(label: string): string {
  const cleaned = label.replace(/^[\s,;:·|–—-]+/u, '').replace(/[\s,;:·|–—-]+$/u, '');
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}

/** How the overlay names a figure or a problem: the account it belongs to, else its label. */
export function figureName(figure: Pick<ExtractedItem, 'label' | 'account'>): string {
  return figure.account ?? (cleanLabel(figure.label) || 'Figure');
}

/** "Saved 3, replaced 1" — and what else happened, in the same line. */
export function describeReport(report: SaveReport): string {
  const parts = [`Saved ${report.saved}`];
  if (report.replaced > 0) parts.push(`replaced ${report.replaced}`);
  if (report.ignored > 0) parts.push(`ignored ${report.ignored}`);
  if (report.refused.length > 0) parts.push(`not saved ${report.refused.length}`);
  let line = parts.join(', ');
  const created: string[] = [];
  if (report.created.accounts > 0) created.push(`${report.created.accounts} account${report.created.accounts > 1 ? 's' : ''}`);
  if (report.created.streams > 0) created.push(`${report.created.streams} income stream${report.created.streams > 1 ? 's' : ''}`);
  if (created.length > 0) line += ` (new: ${created.join(', ')})`;
  return line;
}
