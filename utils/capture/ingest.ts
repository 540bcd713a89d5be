/**
 * What saving a capture writes, decided as a pure function: the background
 * keeps the readings a content script submitted (readings-store.ts), the
 * overlay sends the person's choices (decisions), and `planSave` turns both
 * into the records to write (utils/db applyCaptureWrites) — or into the list
 * of jumps the person must confirm first.
 *
 * The rules, each tested in tests/unit/ingest-plan.test.ts:
 * - Amounts come from the stored readings; decisions only say where each
 *   figure goes (an existing account or stream, a new one, or nowhere).
 * - Nothing is saved without a decision: a page total (`total: true`) or any
 *   other figure is only written when the person mapped it.
 * - balance / cash → a balance snapshot of an account (source "capture"; one
 *   per account and local day, a later capture replaces it); earnings /
 *   realized → income of a stream for the period the page shows (a period
 *   label that cannot be resolved refuses that figure, with the reason);
 *   mrr / count → a metric snapshot of the account or stream.
 * - Paper (simulated) figures only go into accounts whose name says "paper"
 *   (a new account gets " (paper)" added), never into income streams; live
 *   figures never go into a paper account.
 * - A balance more than `captureJumpFactor` times the account's last one, or
 *   less than its 1/factor-th, is only written with acceptJumps; without it
 *   the whole save waits and the jumps are listed.
 * - Two figures of one save cannot fill the same slot (one account's balance,
 *   one stream's period, one metric of an owner): the later one is refused.
 * - Every decision (save or ignore) is remembered as a mapping, with the
 *   person's "Always save from this page" choice.
 */
import { resolvePeriod } from '@/utils/analytics/income';
import { parseRate, type Rate } from '@/utils/analytics/convert';
import type { FieldIssue } from '@/utils/db/errors';
import type { Account, AccountKind, AppSettings, IncomeKind, Stream, TaxType } from '@/utils/db/schema';
import type { CaptureMappingInput, CaptureWrites, NewPeriodIncome } from '@/utils/db/capture-writes';
import type { NewBalanceSnapshot, NewMetricSnapshot } from '@/utils/db/write';
import type { Money } from '@/utils/money/types';
import type { CaptureDecision, CaptureReadings, JumpToConfirm, RefusedItem } from './ingest-types';
import type { ExtractedItem } from './types';

export type {
  CaptureDecision,
  CaptureReadings,
  JumpToConfirm,
  NewAccountChoice,
  NewStreamChoice,
  RefusedItem,
  SaveReport,
} from './ingest-types';

export interface PlanInput {
  readings: Pick<
    CaptureReadings,
    'siteId' | 'site' | 'adapterVersion' | 'layer' | 'accountKind' | 'host' | 'path' | 'origin' | 'items'
  >;
  decisions: readonly CaptureDecision[];
  accounts: readonly Pick<Account, 'id' | 'name' | 'currency' | 'archivedAt'>[];
  streams: readonly Pick<Stream, 'id' | 'name' | 'archivedAt'>[];
  /** The newest balance of each account (any source). */
  lastBalances: ReadonlyMap<string, Money>;
  settings: Pick<AppSettings, 'captureJumpFactor' | 'baseCurrency'>;
  now: number;
  tzOffsetMinutes: number;
  acceptJumps: boolean;
  /** "Always save from this page": stored with each mapping. */
  always: boolean;
  /** Ids for new accounts and streams (default crypto.randomUUID). */
  newId?: () => string;
}

export type PlanResult =
  | { status: 'refused'; issues: FieldIssue[] }
  | { status: 'needs-confirmation'; needsConfirmation: JumpToConfirm[] }
  | { status: 'ready'; writes: CaptureWrites; ignored: number; refused: RefusedItem[] };

const PAPER = /\bpaper\b/i;
export const saysPaper = (name: string): boolean => PAPER.test(name);

const TAX_TYPE: Record<AccountKind, TaxType> = {
  brokerage: 'taxable',
  robo: 'taxable',
  retirement: 'tax-deferred',
  hysa: 'taxable',
  cash: 'none',
  'real-estate': 'taxable',
  trading: 'taxable',
  content: 'none',
  business: 'none',
};

const lower = (s: string) => s.trim().toLowerCase();

/** Whether `next` is more than factor× `previous` or less than 1/factor of it (a change of sign always is). */
export function isJump(previous: number, next: number, factor: Rate): boolean {
  if (previous === 0 && next === 0) return false;
  if (previous !== 0 && next !== 0 && previous < 0 !== next < 0) return true;
  const p = BigInt(Math.abs(previous));
  const n = BigInt(Math.abs(next));
  return n * factor.den > factor.num * p || n * factor.num < p * factor.den;
}

/** Decisions that point at nothing, twice at one item, or at no single target refuse the whole save. */
function structuralIssues(decisions: readonly CaptureDecision[], itemCount: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  decisions.forEach((decision, i) => {
    const field = `decisions[${i}]`;
    if (!Number.isInteger(decision.index) || decision.index < 0 || decision.index >= itemCount) {
      issues.push({ field: `${field}.index`, message: `${field}.index: there is no figure ${decision.index} (the page has ${itemCount})` });
    } else if (seen.has(decision.index)) {
      issues.push({ field: `${field}.index`, message: `${field}.index: figure ${decision.index} has two decisions` });
    }
    seen.add(decision.index);
    if (decision.action === 'save') {
      const targets = [decision.accountId, decision.streamId, decision.newAccount, decision.newStream];
      if (targets.filter((t) => t !== undefined).length !== 1) {
        issues.push({ field, message: `${field} must name exactly one of accountId, streamId, newAccount, newStream` });
      }
    }
  });
  return issues;
}

export function planSave(input: PlanInput): PlanResult {
  const { readings, now, tzOffsetMinutes } = input;
  const items = readings.items;
  const issues = structuralIssues(input.decisions, items.length);
  if (issues.length > 0) return { status: 'refused', issues };

  const newId = input.newId ?? (() => crypto.randomUUID());
  const factor = parseRate(input.settings.captureJumpFactor);
  const accounts = new Map(input.accounts.map((a) => [a.id, a]));
  const streams = new Map(input.streams.map((s) => [s.id, s]));
  const provenanceOf = (item: ExtractedItem) => ({
    description: `Captured from ${readings.host}`,
    url: readings.origin + readings.path,
    label: item.label,
    rawText: item.rawText,
    adapter: readings.site ?? 'taught',
    ...(readings.adapterVersion !== null ? { adapterVersion: readings.adapterVersion } : {}),
    host: readings.host,
    path: readings.path,
  });

  const writes: CaptureWrites = { accounts: [], streams: [], snapshots: [], income: [], metrics: [], mappings: [] };
  const pendingAccounts = new Map<string, CaptureWrites['accounts'][number]>();
  const pendingStreams = new Map<string, CaptureWrites['streams'][number]>();
  const slots = new Map<string, ExtractedItem>();
  const mappings = new Map<string, CaptureMappingInput>();
  const refused: RefusedItem[] = [];
  const jumps: JumpToConfirm[] = [];
  let ignored = items.length - input.decisions.length;

  const remember = (item: ExtractedItem, target: { accountId?: string; streamId?: string }) => {
    const accountName = item.account ?? '';
    mappings.set(JSON.stringify([item.figureKey, accountName]), {
      siteId: readings.siteId,
      host: readings.host,
      figureKey: item.figureKey,
      accountName,
      ...target,
      always: input.always,
    });
  };

  const decisions = [...input.decisions].sort((a, b) => a.index - b.index);
  for (const decision of decisions) {
    const item = items[decision.index]!;
    if (decision.action === 'ignore') {
      ignored += 1;
      remember(item, {});
      continue;
    }
    const refuse = (reason: string) => void refused.push({ index: decision.index, reason });
    const isSnapshot = item.kind === 'balance' || item.kind === 'cash';
    const isIncome = item.kind === 'earnings' || item.kind === 'realized';
    const toAccount = decision.accountId !== undefined || decision.newAccount !== undefined;

    if (isSnapshot && !toAccount) {
      refuse('A balance belongs to an account: choose an account, not an income stream');
      continue;
    }
    if (isIncome && toAccount) {
      refuse('Earnings are income: choose an income stream, not an account');
      continue;
    }
    if (item.paper && !toAccount) {
      refuse('Paper (simulated) figures never go into income streams');
      continue;
    }
    const amount = item.kind === 'count' ? undefined : item.amount;
    const count = item.kind === 'count' ? item.count : undefined;
    if (item.kind === 'count' ? !Number.isSafeInteger(count) || count! < 0 : amount === undefined) {
      refuse(item.kind === 'count' ? 'No count was read for this figure' : 'No amount was read for this figure');
      continue;
    }

    let period: ReturnType<typeof resolvePeriod> = null;
    if (isIncome) {
      if (item.period === null) {
        refuse('The page shows no period for these earnings, so Strata cannot tell which days they cover');
        continue;
      }
      period = resolvePeriod(item.period, now, tzOffsetMinutes);
      if (period === null) {
        refuse(`"${item.period}" is not a period Strata understands, so these earnings were not saved`);
        continue;
      }
    }

    // Where it goes: an owner key for slot checks, and how to reach the id.
    let ownerKey: string;
    let owner: () => { accountId: string } | { streamId: string };
    let accountCurrency: string | undefined;
    if (decision.accountId !== undefined) {
      const account = accounts.get(decision.accountId);
      if (!account) {
        refuse(`There is no account with id "${decision.accountId}"`);
        continue;
      }
      if (account.archivedAt !== undefined) {
        refuse(`Account "${account.name}" is archived`);
        continue;
      }
      if (item.paper && !saysPaper(account.name)) {
        refuse(`This is a paper (simulated) figure; account "${account.name}" is not a paper account`);
        continue;
      }
      if (!item.paper && saysPaper(account.name)) {
        refuse(`Account "${account.name}" is a paper account; live figures never go into it`);
        continue;
      }
      ownerKey = `account:${account.id}`;
      owner = () => ({ accountId: account.id });
      accountCurrency = account.currency;
    } else if (decision.newAccount !== undefined) {
      const choice = decision.newAccount;
      const institution = choice.institution.trim();
      let name = choice.name.trim();
      if (!item.paper && saysPaper(name)) {
        refuse(`"${name}" says paper; live figures never go into a paper account`);
        continue;
      }
      if (item.paper && !saysPaper(name)) name = `${name} (paper)`;
      if (institution === '' || name === '' || institution.length > 200 || name.length > 200) {
        refuse('A new account needs an institution and a name of at most 200 characters');
        continue;
      }
      const currency = amount?.currency ?? input.settings.baseCurrency;
      const key = JSON.stringify([lower(institution), lower(name), currency]);
      ownerKey = `new-account:${key}`;
      owner = () => {
        let account = pendingAccounts.get(key);
        if (!account) {
          const kind = item.kind === 'cash' ? 'cash' : (readings.accountKind ?? choice.kind ?? 'brokerage');
          account = {
            id: newId(),
            institution,
            name,
            kind,
            layer: readings.layer ?? choice.layer ?? 'foundation',
            currency,
            taxType: TAX_TYPE[kind],
            createdAt: now,
          };
          pendingAccounts.set(key, account);
          writes.accounts.push(account);
        }
        return { accountId: account.id };
      };
      accountCurrency = currency;
    } else if (decision.streamId !== undefined) {
      const stream = streams.get(decision.streamId);
      if (!stream) {
        refuse(`There is no income stream with id "${decision.streamId}"`);
        continue;
      }
      if (stream.archivedAt !== undefined) {
        refuse(`Income stream "${stream.name}" is archived`);
        continue;
      }
      ownerKey = `stream:${stream.id}`;
      owner = () => ({ streamId: stream.id });
    } else {
      const choice = decision.newStream!;
      const name = choice.name.trim();
      if (name === '' || name.length > 200) {
        refuse('A new income stream needs a name of at most 200 characters');
        continue;
      }
      const key = lower(name);
      ownerKey = `new-stream:${key}`;
      owner = () => {
        let stream = pendingStreams.get(key);
        if (!stream) {
          stream = { id: newId(), name, layer: readings.layer ?? choice.layer ?? 'leverage', startedAt: now, hoursPerMonth: 0 };
          pendingStreams.set(key, stream);
          writes.streams.push(stream);
        }
        return { streamId: stream.id };
      };
    }

    if (isSnapshot && accountCurrency !== amount!.currency) {
      refuse(`The page shows ${amount!.currency} but the account is in ${accountCurrency}`);
      continue;
    }
    const metric = (item.metric ?? item.figureKey).toLowerCase().replace(/[^a-z0-9._:-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'metric';
    const slot = isSnapshot
      ? `balance|${ownerKey}`
      : isIncome
        ? `income|${ownerKey}|${period!.key}`
        : `metric|${ownerKey}|${metric}`;
    const taken = slots.get(slot);
    if (taken) {
      refuse(`Another figure on this page ("${taken.label}"${taken.account ? ` of ${taken.account}` : ''}) already goes there`);
      continue;
    }
    slots.set(slot, item);

    if (isSnapshot && decision.accountId !== undefined) {
      const previous = input.lastBalances.get(decision.accountId);
      if (previous && previous.currency === amount!.currency && isJump(previous.minor, amount!.minor, factor)) {
        jumps.push({ index: decision.index, previous, next: amount! });
      }
    }

    const target = owner();
    const provenance = provenanceOf(item);
    if (isSnapshot) {
      const snapshot: NewBalanceSnapshot = {
        accountId: (target as { accountId: string }).accountId,
        at: now,
        amount: amount!,
        source: 'capture',
        provenance,
      };
      writes.snapshots.push(snapshot);
    } else if (isIncome) {
      const kind: IncomeKind = item.incomeKind ?? (item.kind === 'realized' ? 'trading-gain' : 'other');
      const event: NewPeriodIncome = {
        streamId: (target as { streamId: string }).streamId,
        at: Math.min(now, period!.end - 1),
        amount: amount!,
        kind,
        source: 'capture',
        provenance,
        period: { start: period!.start, end: period!.end, label: item.period! },
        periodKey: period!.key,
      };
      writes.income.push(event);
    } else {
      const snapshot: NewMetricSnapshot = {
        ...target,
        at: now,
        metric,
        kind: item.kind === 'count' ? 'count' : 'mrr',
        ...(item.kind === 'count' ? { count: count! } : { amount: amount! }),
        source: 'capture',
        provenance,
      };
      writes.metrics.push(snapshot);
    }
    remember(item, target);
  }

  if (jumps.length > 0 && !input.acceptJumps) return { status: 'needs-confirmation', needsConfirmation: jumps };
  writes.mappings = [...mappings.values()];
  return { status: 'ready', writes, ignored, refused };
}
